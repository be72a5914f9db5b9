"""`python -m app verify FILE.pdf [--data-dir D] [--files DIR]`: is the document exactly what
was signed (and, for a preservation certificate, are its files intact)?

Prints the JSON report of `app.documents.verify` (its `summary`, the verdict, first) and
exits 0 only when the document is intact (signed, every signature intact and valid,
nothing changed after signing, its metadata included), 1 when it is not intact or not
signed (a damaged PDF included: the verdict is then also the first line on stderr), 2 when
the file cannot be read or is not a PDF at all.

With `--data-dir`, who signed is checked: the document is intact for that organisation only
when a signature was made with its own certificate (by fingerprint — a self-made
certificate with the same name is someone else's), and the verdict names the signer.
Without it, the summary says plainly that the signer's identity was not checked.

A preservation certificate (证据保全证书) carries the list of its files (`manifest.json`):
each file it names is looked for in `--files DIR` (by default the certificate's own
folder) and reported under `evidence` as intact, changed or missing; the exit is 0 only
when the certificate and every file are intact. `--files` on a PDF that is no certificate,
or a folder that does not exist, exits 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.domain.errors import InputError, Problem


def run(args: argparse.Namespace) -> int:
    from app.cli.cmd_sign import read_bytes
    from app.cli.inputs import SMALL_LIMIT
    from app.cli.output import print_json
    from app.services.organisation.signing import is_pdf, verify_document

    data = read_bytes(args.file, "FILE.pdf")
    if not is_pdf(data):
        raise InputError([Problem("FILE.pdf", f"{args.file} 不是 PDF 文件：请选择要核验的 PDF。")])
    trusted = tuple(read_bytes(path, "--trust", SMALL_LIMIT) for path in args.trust)
    manifest, folder = _evidence_input(data, args)
    report = verify_document(data, data_dir=args.data_dir, trusted_certs=trusted)
    if not report.intact:  # the verdict first, naming whose signature it is
        print(report.summary, file=sys.stderr, flush=True)
    out = report.to_dict()
    files_ok = True
    if manifest is not None:
        from app.documents.evidence_manifest import check_files

        checked = check_files(manifest, folder)
        out["evidence"] = checked.to_dict()
        files_ok = checked.intact
    print_json(out)
    return 0 if report.intact and files_ok else 1


def _evidence_input(data: bytes, args: argparse.Namespace) -> tuple[Any, Path]:
    """The certificate's manifest and the folder of its files (None: not a certificate)."""
    from app.documents.evidence_manifest import read_manifest

    manifest = read_manifest(data)
    folder: Path = args.files if args.files is not None else args.file.parent
    if args.files is not None:
        if manifest is None:
            why = (
                f"{args.file} 不是证据保全证书（没有证据清单）："
                "--files 只用于核验证书所列的文件。"
            )
            raise InputError([Problem("--files", why)])
        if not folder.is_dir():
            raise InputError([Problem("--files", f"文件夹不存在：{folder}")])
    return manifest, folder


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "verify",
        help="check the digital signatures of a PDF (exit 0 only when intact)",
        description="核验 PDF 的数字签名：签名后是否被改动、签署人、签署时间。"
        "证据保全证书还逐项核对所列文件（完整、已被改动、缺失）。"
        "退出码：0 完整；1 不完整或未签名；2 文件无法读取。",
    )
    parser.add_argument("file", type=Path, metavar="FILE.pdf", help="the PDF to check")
    parser.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="CERT.pem",
        help="a certificate to trust as a root (repeatable); without it trusted is false",
    )
    parser.add_argument(
        "--files",
        type=Path,
        default=None,
        metavar="DIR",
        help="a preservation certificate: the folder of the files it lists "
        "(default: the certificate's own folder)",
    )
    parser.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="as the global --data-dir"
    )
    parser.set_defaults(handler=run)
