"""`admin import FILE [import options of intake.md]`: a lender's batch into the office.

The laptop's own importer (`app.services.intake`: reading, header matching, validation,
duplicates within the file) runs on a scratch store (`server.scratch`); the cases it made
are then numbered by the office and stored. A row whose creditor and contract number the
office already has is a duplicate: reported, never imported twice. Exit codes and the
`--json` report are the laptop command's (0 all imported; 1 some rows bad or duplicate;
2 the file cannot be used).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import psycopg

NOT_BUILT = ("这个版本的办公室服务器还没有批量导入功能（app.services.intake 不在本版本中）。"
             "请升级后再导入。")


def _options(rest: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m server admin import FILE")
    for name in ("--creditor", "--lender-type", "--batch", "--court"):
        parser.add_argument(name, default="")
    parser.add_argument("--mapping", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--skip-bad", action="store_true")
    parser.add_argument("--json", action="store_true")
    return parser.parse_args(rest)


def run_import(conn: psycopg.Connection[Any], path: Path, rest: list[str]) -> int:
    try:
        from app.services.intake.service import IntakeOptions, check_file, import_file
    except ImportError:
        print(NOT_BUILT, file=sys.stderr)
        return 2
    from app.domain.errors import DomainError
    from server import office, scratch

    args = _options(rest)
    mapping = json.loads(args.mapping.read_text(encoding="utf-8-sig")) if args.mapping else None
    options = IntakeOptions(creditor=args.creditor, lender_type=args.lender_type,
                            batch=args.batch, court=args.court, mapping=mapping,
                            skip_bad=args.skip_bad)
    try:
        with scratch.scratch_context() as ctx:
            if args.dry_run:
                report = check_file(ctx, path, options)
                groups: list[dict[str, Any]] = []
            else:
                report = import_file(ctx, path, options)
                groups = scratch.groups_of(ctx)
    except DomainError as error:
        print(str(error), file=sys.stderr)
        return 2
    fresh, repeated = _split_known(conn, groups)
    with conn.transaction():
        numbers = office.ingest(conn, fresh) if fresh else []
    data = report.to_json()
    data["imported"] = len(numbers)
    data["office_duplicates"] = repeated
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(f"已导入 {len(numbers)} 件（批次 {data.get('batch', '')}），"
              f"办公室已有而未重复导入 {len(repeated)} 件。")
    code = int(report.exit_code)
    return 1 if repeated and code == 0 else code


def _split_known(
    conn: psycopg.Connection[Any], groups: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Groups the office does not have yet, and (creditor, contract) pairs it has."""
    fresh, repeated = [], []
    for group in groups:
        creditor = next((r["body"].get("name", "") for r in group["rows"]
                         if r["e"] == "party" and r["body"].get("role") == "creditor"), "")
        contract = next((r["body"].get("contract_no", "") for r in group["rows"]
                         if r["e"] == "loan_terms"), "")
        known = contract and conn.execute(
            "SELECT 1 FROM case_row l JOIN case_row p ON p.case_uid = l.case_uid"
            " WHERE l.entity = 'loan_terms' AND l.body->>'contract_no' = %s"
            " AND p.entity = 'party' AND p.body->>'role' = 'creditor'"
            " AND p.body->>'name' = %s AND NOT l.deleted LIMIT 1",
            (contract, creditor),
        ).fetchone()
        if known:
            repeated.append({"creditor": creditor, "contract_no": contract})
        else:
            fresh.append(group)
    return fresh, repeated
