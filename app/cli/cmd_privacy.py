"""`python -m app privacy …`: personal-data duties (PIPL).

- `privacy notice CASE_NO --party-id N [--how check_in] [--consent given --scope TEXT]`:
  record that a party was told how their data is processed (the current notice version).
- `privacy export NUMBER --out FILE.json`: everything held on the person with this ID or
  phone number (the right of access; audited with case numbers only).
- `privacy erase CASE_NO --reason request|retention`: erase a closed case's personal data.
- `privacy due [--erase]`: closed cases past the retention (and erase them).
- `privacy retention [--years N]`: show or set the retention (years after closing).

The CLI acts as the holder of the store's key, a supervisor.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import print_json, table

EXIT_OK = 0


def run_notice(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.personal_data.notice import record_notice

    with open_context(args.data_dir) as ctx:
        info = record_notice(ctx, args.case_no, args.party_id, how=args.how,
                             consent=args.consent, consent_scope=args.scope or "")  # fmt: skip
    print(f"已记录：{info.role_label}{info.name}已获告知（告知书第 {info.notice_version} 版，"
          f"{info.how_label}），{info.consent_label}。")  # fmt: skip
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.organisation.accounts import key_holder
    from app.services.personal_data.access import person_export, write_export

    with open_context(args.data_dir) as ctx:
        export = person_export(ctx, args.number, by=key_holder(ctx))
    out = write_export(export, Path(args.out))
    print(f"已导出 {len(export.cases)} 件案件中此人的信息到 {out}。请仅交给本人。")
    return EXIT_OK


def run_erase(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.organisation.accounts import key_holder
    from app.services.personal_data.erasure import erase_case

    with open_context(args.data_dir) as ctx:
        result = erase_case(ctx, args.case_no, reason=args.reason, by=key_holder(ctx))
    if args.json:
        print_json(result)
        return EXIT_OK
    print(f"已删除案件 {result.case_no} 中 {result.persons} 人的个人信息"
          f"（{result.audit_events_redacted} 条审计记录已脱敏，审计链仍可核验）。")  # fmt: skip
    for kept in result.documents_retained:
        print(f"  保留：{kept.kind} 第 {kept.version} 版（{kept.reason}）")
    for note in result.notes:
        print(f"  注意：{note}")
    return EXIT_OK


def run_due(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.organisation.accounts import key_holder
    from app.services.personal_data.erasure import due_for_erasure, erase_due

    with open_context(args.data_dir) as ctx:
        due = due_for_erasure(ctx)
        if args.erase and due:
            erase_due(ctx, by=key_holder(ctx))
    if args.json:
        print_json(due)
    elif not due:
        print("没有超过保存期限的已结案案件。")
    else:
        rows = [[d.case_no, d.status, str(d.closed_on), str(d.due_on)] for d in due]
        print(table(("案号", "状态", "结案日", "期限届满"), rows))
        print("已全部删除个人信息。" if args.erase else "用 --erase 删除这些案件的个人信息。")
    return EXIT_OK


def run_retention(args: argparse.Namespace) -> int:
    from app.services.contacts.settings import retention_years, set_retention_years
    from app.services.context import open_context
    from app.services.organisation.accounts import key_holder

    with open_context(args.data_dir) as ctx:
        years = (
            set_retention_years(ctx, key_holder(ctx), args.years)
            if args.years is not None
            else retention_years(ctx)
        )
    print(f"个人信息保存期限：结案后 {years} 年。")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "privacy",
        help="personal-data duties: notice, right of access, erasure, retention",
        description="个人信息保护：告知、查阅、删除和保存期限。",
    )
    commands = parser.add_subparsers(dest="privacy_command", metavar="SUBCOMMAND", required=True)
    notice = commands.add_parser("notice", help="record that a party was told (PIPL notice)")
    notice.add_argument("case_no", metavar="CASE_NO")
    notice.add_argument("--party-id", type=int, required=True)
    notice.add_argument("--how", default="check_in", help="phone, sms, letter, visit, check_in")
    notice.add_argument("--consent", default="not_needed", help="not_needed, given, refused")
    notice.add_argument("--scope", help="what was consented to or refused")
    notice.set_defaults(handler=run_notice)
    export = commands.add_parser("export", help="everything held on one person (JSON)")
    export.add_argument("number", metavar="NUMBER", help="the person's ID or phone number")
    export.add_argument("--out", required=True, help="the JSON file to write")
    export.set_defaults(handler=run_export)
    erase = commands.add_parser("erase", help="erase a closed case's personal data")
    erase.add_argument("case_no", metavar="CASE_NO")
    erase.add_argument("--reason", required=True, choices=("request", "retention"))
    erase.add_argument("--json", action="store_true")
    erase.set_defaults(handler=run_erase)
    due = commands.add_parser("due", help="closed cases past the retention")
    due.add_argument("--erase", action="store_true", help="erase them now")
    due.add_argument("--json", action="store_true")
    due.set_defaults(handler=run_due)
    retention = commands.add_parser("retention", help="show or set the retention in years")
    retention.add_argument("--years", type=int)
    retention.set_defaults(handler=run_retention)
