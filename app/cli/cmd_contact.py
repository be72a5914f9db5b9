"""`python -m app contact …`: the contact log before a session, held to the conduct rules.

- `contact add CASE_NO --channel phone --to debtor --at 2026-12-01T20:30 --outcome reached
  [--note TEXT]` (codes or Chinese labels; a time without a zone is China time, UTC+8).
  A blocked attempt exits 2 naming the rule (allowed_hours, daily_limit, written_only,
  third_party_message) and writes nothing.
- `contact list CASE_NO [--json]`, `contact worklist [--date D] [--json]`.
- `contact person CASE_NO --name N --phone P [--relation emergency_contact|other]`.
- `contact message CASE_NO --template T [--to …] [--export FILE.csv|.xlsx]`: preview (and
  export for the SMS platform; the app sends nothing).
- `contact settings [--hours 08:00-21:00] [--max-per-day N]`: show or change the rules
  (the CLI acts as the key holder, a supervisor).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import clip, print_json, table
from app.domain.contacts import (
    CHANNELS,
    CHINA_TZ,
    OUTCOMES,
    RULES_EN,
    TARGETS,
    ContactBlocked,
)

if TYPE_CHECKING:
    from app.services.contacts.records import ContactInfo

EXIT_OK, EXIT_BLOCKED = 0, 2


def local_time(moment: datetime) -> str:
    """China time (UTC+8), whatever the computer's own zone."""
    return f"{moment.astimezone(CHINA_TZ):%Y-%m-%d %H:%M}"


LIST_HEADERS = ("时间", "对象", "姓名", "方式", "结果", "承诺", "下一步", "备注")


def run_add(args: argparse.Namespace) -> int:
    from app.services.contacts.log import NewContact, add_contact
    from app.services.context import open_context

    new = NewContact(
        case_no=args.case_no, channel=args.channel, to=args.to, at=args.at,
        outcome=args.outcome, note=args.note or "", party_id=args.party_id,
        person_id=args.person_id, promise_amount=args.promise_amount,
        promise_date=args.promise_date, message=args.message or "",
        template=args.template or "", next_action=args.next_action or "",
        next_due=args.next_due, notice=args.notice,
    )  # fmt: skip
    with open_context(args.data_dir) as ctx:
        try:
            info = add_contact(ctx, new)
        except ContactBlocked as error:
            print(str(error), file=sys.stderr)
            rules = ", ".join(f"{b.rule} ({RULES_EN[b.rule]})" for b in error.blocks)
            print(f"Blocked by: {rules}. Nothing was recorded.", file=sys.stderr)
            return EXIT_BLOCKED
    print(f"已记录：{local_time(info.at)} {info.channel_label}联系{info.target_label}"
          f"{info.name}，{info.outcome_label}。")  # fmt: skip
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from app.services.contacts.log import list_contacts
    from app.services.context import open_context

    with open_context(args.data_dir) as ctx:
        found = list_contacts(ctx, args.case_no)
    if args.json:
        print_json(found)
    elif not found:
        print(f"案件 {args.case_no.upper()} 还没有联系记录。")
    else:
        print(table(LIST_HEADERS, [contact_row(c) for c in found]))
        print(f"共 {len(found)} 次")
    return EXIT_OK


def contact_row(c: ContactInfo) -> list[str]:
    promise = ""
    if c.promise_amount is not None and c.promise_date is not None:
        promise = f"{c.promise_date:%m-%d} {c.promise_amount}元"
    step = f"{c.next_due:%m-%d} {c.next_action}" if c.next_due else c.next_action
    return [local_time(c.at), c.target_label, c.name, c.channel_label, c.outcome_label,
            promise, clip(step, 24), clip(c.note, 30)]  # fmt: skip


def run_worklist(args: argparse.Namespace) -> int:
    from datetime import date

    from app.services.contacts.worklist import worklist
    from app.services.context import open_context

    with open_context(args.data_dir) as ctx:
        day = date.fromisoformat(args.date) if args.date else ctx.today()
        items = worklist(ctx, day)
    if args.json:
        print_json(items)
        return EXIT_OK
    if not items:
        print(f"{day:%Y-%m-%d} 没有需要联系的人。")
        return EXIT_OK
    rows = [[i.case_no, i.whom, i.phone, i.why, i.blocked_text] for i in items]
    print(table(("案号", "联系谁", "电话", "为什么", "注意"), rows))
    return EXIT_OK


def run_person(args: argparse.Namespace) -> int:
    from app.services.contacts.log import add_contact_person
    from app.services.context import open_context

    with open_context(args.data_dir) as ctx:
        info = add_contact_person(ctx, args.case_no, args.name, args.phone, args.relation)
    print(f"已添加{info.relation_label}{info.name}（编号 {info.id}）。")
    return EXIT_OK


def run_message(args: argparse.Namespace) -> int:
    from app.services.contacts.messages import export_messages, preview_message
    from app.services.context import open_context

    with open_context(args.data_dir) as ctx:
        preview = preview_message(ctx, args.case_no, args.template, to=args.to,
                                  party_id=args.party_id, person_id=args.person_id)  # fmt: skip
        if args.export:
            export_messages(ctx, [preview], Path(args.export))
    print(preview.text)
    if args.export:
        print(f"已导出到 {args.export}（本软件不发送短信，请在中心的短信平台发送）。")
    return EXIT_OK


def run_settings(args: argparse.Namespace) -> int:
    from app.services.contacts import settings as rules
    from app.services.context import open_context
    from app.services.organisation.accounts import key_holder

    with open_context(args.data_dir) as ctx:
        current = rules.conduct_settings(ctx)
        if args.hours or args.max_per_day is not None:
            start, _, end = (args.hours or current.hours_text().replace("–", "-")).partition("-")
            limit = current.max_per_day if args.max_per_day is None else args.max_per_day
            current = rules.set_conduct_settings(ctx, key_holder(ctx), start, end, limit)
    data: dict[str, Any] = {"hours": current.hours_text(), "time_zone": "Asia/Shanghai (UTC+8)",
                            "max_per_day": current.max_per_day}  # fmt: skip
    if args.json:
        print_json(data)
    else:
        print(f"允许联系时段：{data['hours']}（北京时间）；每人每天最多 {data['max_per_day']} 次。")
    return EXIT_OK


def _codes(vocabulary: dict[str, str]) -> str:
    return ", ".join(f"{code} ({label})" for code, label in vocabulary.items())


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "contact",
        help="the contact log before a session (conduct rules enforced)",
        description="联系记录：每次联系前检查联系时段、每日次数、仅书面联系和对第三人的信息。",
    )
    commands = parser.add_subparsers(dest="contact_command", metavar="SUBCOMMAND", required=True)
    add = commands.add_parser("add", help="log one attempt (exit 2 when a rule blocks it)")
    add.add_argument("case_no", metavar="CASE_NO")
    add.add_argument("--channel", required=True, help=_codes(CHANNELS))
    add.add_argument("--to", required=True, help=_codes(TARGETS))
    add.add_argument("--at", required=True, help="when, e.g. 2026-12-01T20:30 (China time)")
    add.add_argument("--outcome", required=True, help=_codes(OUTCOMES))
    add.add_argument("--note", help="what was said or agreed (kept with the attempt)")
    add.add_argument("--party-id", type=int, help="which co-debtor or guarantor")
    add.add_argument("--person-id", type=int, help="which emergency contact or other person")
    add.add_argument("--promise-amount", help="with --outcome promise_to_pay: the amount")
    add.add_argument("--promise-date", help="with --outcome promise_to_pay: the date")
    add.add_argument("--message", help="the message sent or said (checked for a third party)")
    add.add_argument("--template", help="a message template (see `contact message`)")
    add.add_argument("--next-action", help="what to do next")
    add.add_argument("--next-due", help="when (the reminder's date, e.g. 2026-12-03)")
    add.add_argument(
        "--notice", action="store_true", help="the person was told how their data is processed"
    )
    add.set_defaults(handler=run_add)
    listing = commands.add_parser("list", help="the case's attempts")
    listing.add_argument("case_no", metavar="CASE_NO")
    listing.add_argument("--json", action="store_true", help="print the attempts as JSON")
    listing.set_defaults(handler=run_list)
    work = commands.add_parser("worklist", help="who to contact today, and why")
    work.add_argument("--date", help="another day (YYYY-MM-DD)")
    work.add_argument("--json", action="store_true")
    work.set_defaults(handler=run_worklist)
    person = commands.add_parser("person", help="add an emergency contact or other person")
    person.add_argument("case_no", metavar="CASE_NO")
    person.add_argument("--name", required=True)
    person.add_argument("--phone", required=True)
    person.add_argument("--relation", default="emergency_contact", help="emergency_contact, other")
    person.set_defaults(handler=run_person)
    message = commands.add_parser("message", help="preview (and export) a message")
    message.add_argument("case_no", metavar="CASE_NO")
    message.add_argument("--template", required=True)
    message.add_argument("--to", default="debtor")
    message.add_argument("--party-id", type=int)
    message.add_argument("--person-id", type=int)
    message.add_argument("--export", help="write it for the SMS platform (.csv or .xlsx)")
    message.set_defaults(handler=run_message)
    rules = commands.add_parser("settings", help="show or change the conduct rules")
    rules.add_argument("--hours", help="allowed hours, China time, e.g. 08:00-21:00")
    rules.add_argument("--max-per-day", type=int, help="attempts a day per person")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(handler=run_settings)
