"""`python -m app sign IN.pdf --out OUT.pdf`: the organisation's PAdES signature on a PDF.

In a fresh data dir the organisation's key and self-signed certificate are created first,
as the GUI's set-up would. The key's passphrase comes from the OS keyring, else
`MEDIATION_DESK_PASSPHRASE`, else a terminal prompt; with none of these (no terminal:
scripts, CI) the command exits 2 and names the variable. Prints a JSON summary.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.inputs import PDF_LIMIT, SMALL_LIMIT, read_file
from app.domain.errors import InputError, Problem


def read_bytes(path: Path, what: str, limit: int = PDF_LIMIT) -> bytes:
    """A regular file of at most `limit` bytes (never a device or a FIFO)."""
    return read_file(path, what, limit)


def terminal_prompt(confirm: bool) -> Any:
    """Ask on the terminal without echo; at first set-up ask twice."""
    import getpass

    def ask(message: str) -> str:
        answer = getpass.getpass(message)
        if confirm and answer and getpass.getpass("请再次输入口令：") != answer:
            raise InputError([Problem("passphrase", "两次输入的口令不一致：请重新运行。")])
        return answer

    return ask


def run(args: argparse.Namespace) -> int:
    from app.cli.output import print_json
    from app.paths import default_data_dir
    from app.services.organisation.signing import (
        DEFAULT_REASON,
        identity_ready,
        save_document,
        sign_document,
    )

    data_dir = args.data_dir or default_data_dir()
    pdf = read_bytes(args.input, "IN.pdf")
    seal = read_bytes(args.seal, "--seal", SMALL_LIMIT) if args.seal else None
    interactive = sys.stdin.isatty()
    result = sign_document(
        data_dir,
        pdf,
        interactive=interactive,
        prompt=terminal_prompt(not identity_ready(data_dir)) if interactive else None,
        location=args.location,
        seal_png=seal,
        reason=args.reason or DEFAULT_REASON,
    )
    save_document(args.out, result.pdf)
    print_json(
        {
            "output": str(args.out),
            "sha256": result.sha256,
            "signer": result.signer,
            "certificate_sha256": result.certificate_sha256,
            "identity_created": result.identity_created,
        }
    )
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "sign",
        help="apply the organisation's digital signature (PAdES) to a PDF",
        description="用调解组织的数字证书对 PDF 签名（PAdES，离线）。"
        "首次使用时自动创建组织的密钥和证书。"
        "口令来自系统钥匙串，或环境变量 MEDIATION_DESK_PASSPHRASE，或终端输入。",
    )
    parser.add_argument("input", type=Path, metavar="IN.pdf", help="the PDF to sign")
    parser.add_argument("--out", type=Path, required=True, metavar="OUT.pdf", help="signed PDF")
    parser.add_argument("--seal", type=Path, metavar="SEAL.png", help="show the seal (visible)")
    parser.add_argument("--reason", help="签名原因 (default: 调解协议确认)")
    parser.add_argument("--location", help="签署地点")
    parser.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="as the global --data-dir"
    )
    parser.set_defaults(handler=run)
