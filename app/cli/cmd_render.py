"""`python -m app --data-dir D render CASE_NO KIND --out FILE.pdf`: one document as a PDF.

KIND is notice, record, agreement, plan, confirmation or termination, or one of the court
papers: complaint (民事起诉状), calculation (its 债权金额计算说明), evidence (证据目录),
enforcement (强制执行申请书), certificate (证据保全证书: sealed with the organisation's
signature and kept with the case; the passphrase as for `sign`). `--on DATE` is the filing
or application date of a court paper (today by default). A case lacking what the document
needs, or that has not come that far, exits 2 with one missing item per stderr line and
writes nothing. The file is written atomically (a temporary file beside it, fsynced, then
renamed).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.domain.errors import InputError, Problem
from app.domain.vocab import COURT_DOCUMENT_KINDS, DOCUMENT_KINDS
from app.fsutil import write_atomically

KINDS = tuple(DOCUMENT_KINDS)
COURT_KINDS = tuple(COURT_DOCUMENT_KINDS)


def run(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.documents.service import render_document

    out: Path = args.out
    if not out.parent.is_dir() and str(out.parent):
        raise InputError([Problem("--out", f"文件夹不存在：{out.parent}")])
    with open_context(args.data_dir) as ctx:
        if args.kind in COURT_KINDS:
            number, pdf, sha = _court_paper(ctx, args)
        else:
            doc = render_document(
                ctx, args.case_no, args.kind, court=args.court or "", reason=args.reason or ""
            )
            number, pdf, sha = doc.document_no, doc.pdf, doc.sha256
    try:
        write_atomically(out, pdf)
    except OSError as error:
        raise InputError([Problem("--out", f"无法写入文件：{error}")]) from error
    print(f"{out}\t{number}\t{sha}")
    return 0


def _court_paper(ctx: Any, args: argparse.Namespace) -> tuple[str, bytes, str]:
    import sys

    from app.cli.cmd_sign import terminal_prompt
    from app.services.litigation.certificate import issue_certificate
    from app.services.litigation.papers import render_court_document

    if args.kind == "certificate":
        interactive = sys.stdin.isatty()
        prompt = terminal_prompt(False) if interactive else None
        cert = issue_certificate(ctx, args.case_no, interactive=interactive, prompt=prompt)
        return cert.document_no, cert.pdf, cert.sha256
    on = parse_day(args.on, "--on") if args.on else None
    doc = render_court_document(ctx, args.case_no, args.kind, on=on, court=args.court or "")
    return doc.document_no, doc.pdf, doc.sha256


def parse_day(text: str, option: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError([Problem(option, f"“{text}”不是有效日期：请写成 2026-07-01。")]) from None


def register(sub: Any) -> None:
    parser = sub.add_parser("render", help="render a case document as PDF (渲染文书)")
    parser.add_argument("case_no", help="case number, e.g. TJ-2026-000003")
    parser.add_argument("kind", choices=KINDS + COURT_KINDS, help="document kind")
    parser.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    parser.add_argument(
        "--court",
        help="confirmation, complaint: a court other than the case's own (受理的人民法院)",
    )
    parser.add_argument("--reason", help="termination: why mediation ended (调解终结的原因)")
    parser.add_argument(
        "--on", metavar="DATE", help="court papers: the filing or application date (default today)"
    )
    parser.set_defaults(handler=run)
