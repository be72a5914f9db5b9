"""`python -m app --data-dir D render CASE_NO KIND --out FILE.pdf`: one document as a PDF.

KIND is notice, record, agreement, plan, confirmation or termination. A case lacking what
the document needs exits 2 with one missing item per stderr line and writes nothing. The
file is written atomically (a temporary file beside it, fsynced, then renamed).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.domain.errors import InputError, Problem
from app.domain.vocab import DOCUMENT_KINDS
from app.fsutil import write_atomically

KINDS = tuple(DOCUMENT_KINDS)


def run(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.documents.service import render_document

    out: Path = args.out
    if not out.parent.is_dir() and str(out.parent):
        raise InputError([Problem("--out", f"文件夹不存在：{out.parent}")])
    with open_context(args.data_dir) as ctx:
        doc = render_document(
            ctx, args.case_no, args.kind, court=args.court or "", reason=args.reason or ""
        )
    try:
        write_atomically(out, doc.pdf)
    except OSError as error:
        raise InputError([Problem("--out", f"无法写入文件：{error}")]) from error
    print(f"{out}\t{doc.document_no}\t{doc.sha256}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("render", help="render a case document as PDF (渲染文书)")
    parser.add_argument("case_no", help="case number, e.g. TJ-2026-000003")
    parser.add_argument("kind", choices=KINDS, help="document kind")
    parser.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    parser.add_argument(
        "--court", help="confirmation: a court other than the case's own (受理司法确认的人民法院)"
    )
    parser.add_argument("--reason", help="termination: why mediation ended (调解终结的原因)")
    parser.set_defaults(handler=run)
