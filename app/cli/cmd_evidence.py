"""`python -m app evidence add|list|export`: the lender's evidence kept in the store (存证).

    evidence add CASE_NO FILE --kind loan_contract [--title T] [--source S] [--purpose P]
    evidence add --batch NAME FILE --kind other          # a file for every case of a batch
    evidence list CASE_NO [--json]
    evidence export CASE_NO --out DIR [--certificate]    # the files, named as listed

`export --certificate` also issues the sealed preservation certificate (证据保全证书) into
the same folder, so `python -m app verify DIR/<certificate>.pdf` checks every file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.domain.errors import InputError, Problem


def _add(args: argparse.Namespace) -> int:
    from app.cli.cmd_sign import read_bytes
    from app.services.context import open_context
    from app.services.litigation.evidence import add_evidence

    if bool(args.case_no) == bool(args.batch):
        raise InputError([Problem("CASE_NO", "请给出案号，或用 --batch 指定批次（二者选一）。")])
    data = read_bytes(args.file, "FILE")
    with open_context(args.data_dir) as ctx:
        item = add_evidence(
            ctx,
            data,
            args.file.name,
            args.kind,
            case_no=args.case_no or "",
            batch=args.batch or "",
            title=args.title or "",
            source=args.source or "",
            purpose=args.purpose or "",
        )
    print(f"{item.id}\t{item.sha256}\t{item.size}\t{item.title}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.cli.output import local_time, print_json, table
    from app.services.context import open_context
    from app.services.litigation.evidence import case_evidence, export_name

    with open_context(args.data_dir) as ctx:
        items = case_evidence(ctx, args.case_no)
    if args.json:
        print_json(
            [{"n": n, "file": export_name(n, i), **_plain(i)} for n, i in enumerate(items, start=1)]
        )
        return 0
    rows = [
        [
            str(n),
            i.kind_label,
            i.title,
            f"{i.size:,}",
            i.sha256[:16] + "…",
            local_time(i.added_at),
            i.added_by,
        ]
        for n, i in enumerate(items, start=1)
    ]
    print(table(["序号", "种类", "名称", "字节", "SHA-256", "存入时间", "添加人"], rows, {3}))
    return 0


def _plain(item: Any) -> dict[str, Any]:
    from app.cli.output import jsonable

    return dict(jsonable(item))


def _export(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.litigation.certificate import export_package, issue_certificate
    from app.services.litigation.evidence import export_evidence

    with open_context(args.data_dir) as ctx:
        if args.certificate:
            cert = issue_certificate(ctx, args.case_no)
            written = export_package(ctx, args.case_no, args.out, cert)
        else:
            written = export_evidence(ctx, args.case_no, args.out)
    for path in written:
        print(path)
    return 0


def register(sub: Any) -> None:
    from app.domain.evidence_kinds import PURPOSES

    parser = sub.add_parser("evidence", help="evidence kept for the courts (存证)")
    commands = parser.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    add = commands.add_parser("add", help="keep a file of evidence for a case or a batch")
    add.add_argument("case_no", nargs="?", default="", help="case number (or --batch)")
    add.add_argument("file", type=Path, help="the file (PDF, image, recording, sheet …)")
    add.add_argument("--batch", help="a batch name: the file belongs to all its cases")
    add.add_argument("--kind", required=True, choices=sorted(PURPOSES), help="kind of evidence")
    add.add_argument("--title", help="its name in the evidence list (default: the file name)")
    add.add_argument("--source", help="where it came from (default: 债权人提供)")
    add.add_argument("--purpose", help="what it proves (证明目的; a default per kind)")
    add.set_defaults(handler=_add)
    listing = commands.add_parser("list", help="the case's evidence, numbered as listed")
    listing.add_argument("case_no")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)
    export = commands.add_parser("export", help="write the case's evidence files to a folder")
    export.add_argument("case_no")
    export.add_argument("--out", type=Path, required=True, help="the folder (made if missing)")
    export.add_argument(
        "--certificate", action="store_true", help="also issue the sealed certificate there"
    )
    export.set_defaults(handler=_export)
    for p in (add, listing, export):
        p.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="as --data-dir")
