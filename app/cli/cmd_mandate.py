"""`python -m app mandate …`: the creditor's mandate and settlements outside it.

- `mandate set CASE_NO --level creditor|batch|case [--floor A] [--waive-interest 50%]
  [--waive-penalty …] [--waive-compound …] [--waive-fees …] [--max-instalments N]
  [--max-term-months N] [--min-down-payment A]`: replace the limits of that scope (as seen
  from the case: its creditor, its intake batch, or the case itself).
- `mandate show CASE_NO [--json]`: what applies, where each limit comes from, and the saved
  settlement's room under each.
- `mandate request CASE_NO [--pdf FILE] [--reason TEXT]`: the request for approval.
- `mandate decide ID --approved|--rejected --approver NAME --how letter|scan|phone
  --date YYYY-MM-DD [--scan FILE]`: record the creditor's answer.
- `mandate pending [--xlsx FILE]`: requests waiting for the creditor (one row each).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.output import print_json, table
from app.domain.mandate import FIELD_LABELS
from app.domain.money import fmt_grouped

EXIT_OK = 0
LIMITS = ("floor", "waive_interest", "waive_penalty", "waive_compound", "waive_fees",
          "max_instalments", "max_term_months", "min_down_payment")  # fmt: skip
LEVEL_LABELS = {"creditor": "债权人", "batch": "批次", "case": "本案"}


def run_set(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.mandate.service import set_mandate

    limits = {name: getattr(args, name) for name in LIMITS if getattr(args, name) is not None}
    with open_context(args.data_dir) as ctx:
        view = set_mandate(ctx, args.case_no, args.level, limits, args.note or "")
    print(f"已设定{LEVEL_LABELS[args.level]}授权。")
    _print_sources(view)
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.mandate.service import assess_saved

    with open_context(args.data_dir) as ctx:
        check = assess_saved(ctx, args.case_no)
    if args.json:
        print_json(check)
        return EXIT_OK
    if not check.view.any:
        print(f"案件 {check.case_no} 没有债权人授权限制。")
        return EXIT_OK
    _print_sources(check.view)
    if check.assessment is None:
        print("尚未保存调解方案。")
        return EXIT_OK
    rows = [
        [line.label, line.limit_text, _amount(line.used, line.unit),
         _amount(line.left, line.unit), "✓" if line.ok else "超出"]
        for line in check.assessment.lines
    ]  # fmt: skip
    print(table(("项目", "授权", "本方案", "剩余空间", ""), rows, right={2, 3}))
    print("在授权范围内。" if check.assessment.within else "超出授权：签署前须取得债权人批准。")
    return EXIT_OK


def _amount(value: Any, unit: str) -> str:
    return fmt_grouped(value) if unit == "元" else f"{value} {unit}"


def _print_sources(view: Any) -> None:
    for name, level in view.source.items():
        print(f"  {FIELD_LABELS[name]}：来自{LEVEL_LABELS[level]}授权")


def run_request(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.mandate.approval import approval_request_pdf
    from app.services.mandate.exceptions import request_exception

    with open_context(args.data_dir) as ctx:
        info = request_exception(ctx, args.case_no)
        if args.pdf:
            Path(args.pdf).write_bytes(approval_request_pdf(ctx, info.id, args.reason or ""))
    print(f"第 {info.id} 号批准申请（{info.state_label}）：")
    for breach in info.breaches:
        print(f"  {breach['text']}")
    if args.pdf:
        print(f"申请书已保存到 {args.pdf}。")
    return EXIT_OK


def run_decide(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.mandate.exceptions import record_decision

    scan = Path(args.scan).read_bytes() if args.scan else None
    with open_context(args.data_dir) as ctx:
        info = record_decision(
            ctx, args.id, approved=args.approved, approver=args.approver, how=args.how,
            decided_on=date.fromisoformat(args.date), scan=scan,
            scan_name=Path(args.scan).name if args.scan else "", note=args.note or "",
        )  # fmt: skip
    print(f"第 {info.id} 号申请：{info.state_label}（{info.approver}，{info.how_label}）。")
    return EXIT_OK


def run_pending(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.mandate.approval import approvals_xlsx
    from app.services.mandate.exceptions import pending_exceptions

    with open_context(args.data_dir) as ctx:
        found = pending_exceptions(ctx)
        if args.xlsx and found:
            approvals_xlsx(ctx, Path(args.xlsx))
    if args.json:
        print_json(found)
    elif not found:
        print("没有待债权人批准的申请。")
    else:
        rows = [[str(e.id), e.case_no, e.creditor, str(e.settled_total),
                 "；".join(b["label"] for b in e.breaches),
                 f"{e.requested_at:%Y-%m-%d}"] for e in found]  # fmt: skip
        print(table(("编号", "案号", "债权人", "和解金额", "超出事项", "申请日"), rows))
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "mandate",
        help="the creditor's mandate, and settlements outside it",
        description="债权人授权：设定、查看，以及超出授权方案的批准申请与批复。",
    )
    commands = parser.add_subparsers(dest="mandate_command", metavar="SUBCOMMAND", required=True)
    setting = commands.add_parser("set", help="set the limits of a scope")
    setting.add_argument("case_no", metavar="CASE_NO")
    setting.add_argument("--level", required=True, choices=tuple(LEVEL_LABELS))
    for name in LIMITS:
        setting.add_argument(f"--{name.replace('_', '-')}", dest=name, help=FIELD_LABELS[name])
    setting.add_argument("--note")
    setting.set_defaults(handler=run_set)
    show = commands.add_parser("show", help="what applies, and the room left")
    show.add_argument("case_no", metavar="CASE_NO")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    request = commands.add_parser("request", help="ask the creditor to approve")
    request.add_argument("case_no", metavar="CASE_NO")
    request.add_argument("--pdf", help="write the request for the creditor")
    request.add_argument("--reason", help="why the mediator proposes it")
    request.set_defaults(handler=run_request)
    decide = commands.add_parser("decide", help="record the creditor's answer")
    decide.add_argument("id", type=int, metavar="ID")
    answer = decide.add_mutually_exclusive_group(required=True)
    answer.add_argument("--approved", action="store_true")
    answer.add_argument("--rejected", dest="approved", action="store_false")
    decide.add_argument("--approver", required=True)
    decide.add_argument("--how", required=True, choices=("letter", "scan", "phone"))
    decide.add_argument("--date", required=True)
    decide.add_argument("--scan", help="the scan of the creditor's reply (JPEG, PNG, PDF)")
    decide.add_argument("--note")
    decide.set_defaults(handler=run_decide)
    pending = commands.add_parser("pending", help="requests waiting for the creditor")
    pending.add_argument("--xlsx", help="write one row each for the creditor")
    pending.add_argument("--json", action="store_true")
    pending.set_defaults(handler=run_pending)
