"""`python -m server --database-url URL (--listen HOST:PORT | admin …)`.

Exit codes: 0 done; 1 done, with conflicts recorded for a person; 2 unusable input (bad
arguments, an unknown case or batch, a damaged, foreign or replayed bundle); 3 the
database cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_CONFLICTS, EXIT_INPUT, EXIT_UNREACHABLE = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server",
                                     description="调解工作台 office server (PostgreSQL)")
    parser.add_argument("--database-url", required=True, help="postgresql://user@host/db")
    parser.add_argument("--listen", help="HOST:PORT to serve the sync service on")
    parser.add_argument("--tls-cert", type=Path, help="the centre's own certificate (PEM)")
    parser.add_argument("--tls-key", type=Path, help="its private key (PEM)")
    sub = parser.add_subparsers(dest="command")
    admin = sub.add_parser("admin", help="office commands")
    acts = admin.add_subparsers(dest="action", required=True)
    enroll = acts.add_parser("enroll", help="a one-time code to enrol a laptop")
    enroll.add_argument("--mediator", required=True)
    enroll.add_argument("--minutes", type=int, default=10)
    imp = acts.add_parser("import", help="import a lender's batch (see intake.md)")
    imp.add_argument("file", type=Path)
    imp.add_argument("rest", nargs=argparse.REMAINDER)
    assign = acts.add_parser("assign", help="hand a batch's unassigned cases to a mediator")
    assign.add_argument("--batch", required=True)
    assign.add_argument("--mediator", required=True)
    assign.add_argument("--count", type=int)
    reassign = acts.add_parser("reassign", help="give a case to another mediator")
    reassign.add_argument("case_no")
    reassign.add_argument("--mediator", required=True)
    cases = acts.add_parser("cases", help="every case: number, status, holder")
    cases.add_argument("--json", action="store_true")
    conflicts = acts.add_parser("conflicts", help="what needs a person")
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    resolve = acts.add_parser("resolve", help="mark a conflict as dealt with")
    resolve.add_argument("conflict_id", type=int)
    resolve.add_argument("--note", default="")
    resolve.add_argument("--by", default="admin")
    acts.add_parser("restored", help="after restoring the database from a backup")
    erase = acts.add_parser("erase", help="erase a closed case's personal data (PIPL)")
    erase.add_argument("case_no")
    erase.add_argument("--reason", choices=("request", "retention"), required=True)
    erase.add_argument("--by", default="admin")
    bundle = acts.add_parser("bundle", help="USB bundles")
    bacts = bundle.add_subparsers(dest="bundle_action", required=True)
    exp = bacts.add_parser("export")
    exp.add_argument("--mediator", required=True)
    exp.add_argument("--to", type=Path, required=True)
    bimp = bacts.add_parser("import")
    bimp.add_argument("file", type=Path)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    from server import db

    try:
        if args.command != "admin":
            if not args.listen:
                print("需要 --listen HOST:PORT 或 admin 命令。", file=sys.stderr)
                return EXIT_INPUT
            from server.serve import serve

            return serve(args.database_url, args.listen, tls_cert=args.tls_cert,
                         tls_key=args.tls_key)
        db.migrate(args.database_url)
        with db.connect(args.database_url) as conn:
            return _admin(conn, args)
    except db.Unreachable as error:
        print(str(error), file=sys.stderr)
        return EXIT_UNREACHABLE


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _admin(conn: Any, args: argparse.Namespace) -> int:
    from app.security.sync_keys import BadBundle
    from server import office

    try:
        return _dispatch(conn, args)
    except office.OfficeError as error:
        print(str(error), file=sys.stderr)
        return EXIT_INPUT
    except BadBundle as error:
        print(str(error), file=sys.stderr)
        return EXIT_INPUT
    except OSError as error:
        print(f"无法读写文件：{error}", file=sys.stderr)
        return EXIT_INPUT


def _dispatch(conn: Any, args: argparse.Namespace) -> int:
    from server import auth, bundles, office

    action = args.action
    if action == "enroll":
        print(auth.new_code(conn, args.mediator, args.minutes))
        return EXIT_OK
    if action == "import":
        from server.intake import run_import

        return run_import(conn, args.file, args.rest)
    if action == "assign":
        count = office.assign(conn, args.batch, args.mediator, args.count)
        print(f"已将 {count} 件分配给 {args.mediator}。")
        return EXIT_OK
    if action == "reassign":
        result = office.reassign(conn, args.case_no, args.mediator)
        print(f"{result['case_no']} 已改由 {result['holder']} 办理"
              f"（第 {result['epoch']} 次分配）。")
        return EXIT_OK
    if action == "cases":
        return _cases(office.cases(conn), args.json)
    if action == "conflicts":
        return _conflicts(office.conflicts(conn, include_resolved=args.all), args.json)
    if action == "resolve":
        with conn.transaction():
            done = office.resolve(conn, args.conflict_id, args.by, args.note)
        if not done:
            print(f"没有未处理的冲突 {args.conflict_id}。", file=sys.stderr)
            return EXIT_INPUT
        return EXIT_OK
    if action == "restored":
        conn.execute("UPDATE server_instance SET epoch = epoch + 1")
        print("已记录：服务器从备份恢复。各电脑下次同步时会重新上传所持案件。")
        return EXIT_OK
    if action == "erase":
        from server.erasure import ErasureRefused, erase_at_office

        try:
            erased = erase_at_office(conn, args.case_no, reason=args.reason, by=args.by)
        except ErasureRefused as error:
            print(str(error), file=sys.stderr)
            return EXIT_INPUT
        print(f"已删除案件 {erased.case_no} 的个人信息；持有该案的电脑下次同步时同样删除。")
        return EXIT_OK
    if args.bundle_action == "export":
        data, manifest = bundles.export_bundle(conn, args.mediator)
        args.to.write_bytes(data)
        print(f"已导出 {manifest['contents']['cases']} 件到 {args.to}")
        return EXIT_OK
    result = bundles.import_bundle(conn, args.file.read_bytes())
    print(f"已导入 {len(result['results'])} 件（{result['mediator']}），"
          f"冲突 {result['conflicts']} 项。")
    return EXIT_CONFLICTS if result["conflicts"] else EXIT_OK


def _cases(rows: list[dict[str, Any]], as_json: bool) -> int:
    if as_json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        print(f"{row['case_no']}\t{row['status']}\t{row['holder'] or '（办公室）'}\t{row['batch']}")
    print(f"共 {len(rows)} 件")
    return EXIT_OK


def _conflicts(rows: list[dict[str, Any]], as_json: bool) -> int:
    if as_json:
        _print_json(rows)
        return EXIT_OK
    for row in rows:
        print(f"{row['id']}\t{row['case_no']}\t{row['kind']}\t{row['entity']}\t{row['mediator']}")
    print(f"共 {len(rows)} 项待处理")
    return EXIT_OK
