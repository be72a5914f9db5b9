"""`python -m app court …`: the court's ruling, litigation packages, the plans' worklist.

court confirm CASE_NO --ruling-no NO --date D [--court C]   # 已申请司法确认 → 已司法确认
court ruling CASE_NO --ruling-no NO --date D [--court C]    # keep or correct the ruling
court packages --out DIR [--batch NAME] [--on DATE] [--folders]
court worklist [--on DATE] [--json]                         # instalments due, late, defaults
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def _ruling(args: argparse.Namespace) -> int:
    from app.cli.cmd_render import parse_day
    from app.services.context import open_context
    from app.services.litigation.confirm import confirm_case
    from app.services.litigation.rulings import record_confirmation_ruling

    day = parse_day(args.date, "--date")
    act = confirm_case if args.court_command == "confirm" else record_confirmation_ruling
    with open_context(args.data_dir) as ctx:
        info = act(ctx, args.case_no, args.ruling_no, day, args.court or "")
    print(f"{info.case_no}\t{info.ruling_no}\t{info.ruled_on.isoformat()}\t{info.court}")
    return 0


def _packages(args: argparse.Namespace) -> int:
    from app.cli.cmd_render import parse_day
    from app.services.context import open_context
    from app.services.litigation.package import litigation_packages

    on = parse_day(args.on, "--on") if args.on else None
    with open_context(args.data_dir) as ctx:
        written = litigation_packages(
            ctx, args.out, batch=args.batch or "", on=on, as_zip=not args.folders
        )
    for path in written:
        print(path)
    return 0


def _worklist(args: argparse.Namespace) -> int:
    from app.cli.cmd_render import parse_day
    from app.cli.output import print_json, table
    from app.domain.money import fmt_grouped
    from app.services.context import open_context
    from app.services.performance.worklist import worklist

    with open_context(args.data_dir) as ctx:
        on = parse_day(args.on, "--on") if args.on else ctx.today()
        found = worklist(ctx, on)
    if args.json:
        print_json(found)
        return 0
    rows = [
        [
            i.group_label,
            i.case_no,
            i.debtor,
            f"第{i.n}期" if i.n else "",
            i.due.isoformat() if i.due else "",
            fmt_grouped(i.amount),
            str(i.days_late),
            i.mediator,
        ]
        for i in found.items
    ]
    print(
        table(
            ["类别", "案号", "债务人", "期次", "应还日期", "金额", "逾期天数", "调解员"],
            rows,
            {5, 6},
        )
    )
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("court", help="rulings, litigation packages, plan worklist")
    commands = parser.add_subparsers(dest="court_command", metavar="ACTION", required=True)
    made = []
    for name, text in (
        ("confirm", "已申请司法确认 → 已司法确认, with the court's ruling"),
        ("ruling", "keep or correct the confirmation ruling of a case"),
    ):
        p = commands.add_parser(name, help=text)
        p.add_argument("case_no")
        p.add_argument("--ruling-no", required=True, help="e.g. （2026）浙0108民特123号")
        p.add_argument("--date", required=True, help="the ruling's date, 2026-05-20")
        p.add_argument("--court", help="the court that ruled (default: the case's court)")
        p.set_defaults(handler=_ruling)
        made.append(p)
    packages = commands.add_parser("packages", help="litigation materials, one ZIP per court")
    packages.add_argument("--out", type=Path, required=True, help="the folder to write into")
    packages.add_argument("--batch", help="only the cases of this batch")
    packages.add_argument("--on", metavar="DATE", help="the filing date (default today)")
    packages.add_argument("--folders", action="store_true", help="folders instead of ZIPs")
    packages.set_defaults(handler=_packages)
    work = commands.add_parser("worklist", help="instalments due today and this week, overdue")
    work.add_argument("--on", metavar="DATE", help="the day (default today)")
    work.add_argument("--json", action="store_true")
    work.set_defaults(handler=_worklist)
    for p in (*made, packages, work):
        p.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="as --data-dir")
