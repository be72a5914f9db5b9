"""`python -m app audit verify|list|reanchor`: the tamper-evident audit log.

- `audit verify [--json]` walks the whole hash chain and checks its head against the
  anchor beside the database; exit 0 intact, 1 broken (the first broken link named, in
  Chinese and English), 2 no usable case store.
- `audit list [--case CASE_NO] [--limit N] [--json]`: who changed what, when (local time).
- `audit reanchor --reason TEXT`: accept the chain as it stands (after a deliberate
  restore or an investigation); the reason and the old anchor go into the chain.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.cli.output import clip, jsonable, local_time, print_json, table

if TYPE_CHECKING:
    from app.services.maintenance.audit import AuditEntry, ChainReport

EXIT_OK, EXIT_BROKEN = 0, 1
LIST_HEADERS = ("序号", "时间", "操作人", "案号", "操作", "详情")


def run_verify(args: argparse.Namespace) -> int:
    from app.services.maintenance.audit import open_existing, verify_chain

    with open_existing(args.data_dir) as ctx:
        report = verify_chain(ctx)
    if args.json:
        print_json({**jsonable(report), "first": jsonable(report.first)})
    else:
        print(verdict_text(report))
    return EXIT_OK if report.intact else EXIT_BROKEN


def verdict_text(report: ChainReport) -> str:
    lines: list[str] = []
    first = report.first
    if first is None:
        head = report.head_seq or 0
        lines += [
            f"审计日志完整：共 {report.events} 条事件，最后一条是第 {head} 条，与锚点一致。",
            f"Audit log intact: {report.events} events, the last is seq {head}, "
            "matching the anchor.",
        ]
    else:
        lines += [
            f"审计日志被改动过，第一处断裂在第 {first.seq} 条：{first.message_zh}",
            f"Audit log broken, first broken link at seq {first.seq}: {first.message_en}",
        ]
        others = report.problems[1:]
        if others:
            lines.append("其他问题 / Other problems:")
            lines += [f"  {p.message_zh} / {p.message_en}" for p in others]
        if report.more_problems:
            lines.append("  ……问题太多，只列出前面一部分。 / …more problems not listed.")
    if report.notes:
        lines.append("说明 / Notes:")
        lines += [f"  {n.message_zh} / {n.message_en}" for n in report.notes]
    return "\n".join(lines)


def run_list(args: argparse.Namespace) -> int:
    from app.services.maintenance.audit import list_events, open_existing

    with open_existing(args.data_dir) as ctx:
        entries = list_events(ctx, args.case, limit=args.limit)
    if args.json:
        print_json(entries)
    elif not entries:
        print("没有审计记录。")
    else:
        print(table(LIST_HEADERS, [entry_row(e) for e in entries], right={0}))
    return EXIT_OK


def entry_row(entry: AuditEntry) -> list[str]:
    from app.services.maintenance.audit import detail_text

    return [
        str(entry.seq),
        local_time(entry.at) if entry.at else "（无法读取）",
        clip(entry.actor, 16),
        entry.case_no or "",
        entry.action_label,
        clip(detail_text(entry.detail), 60),
    ]


def run_reanchor(args: argparse.Namespace) -> int:
    from app.services.maintenance.audit import reanchor
    from app.services.startup import open_context

    with open_context(args.data_dir, actor=args.actor) as ctx:
        info = reanchor(ctx, args.reason)
    print(f"审计锚点已移到第 {info.seq} 条。 / The audit anchor now holds seq {info.seq}.")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "audit",
        help="verify or list the tamper-evident audit log",
        description="审计日志：核验哈希链（verify）、查看谁在何时改了什么（list）。",
    )
    commands = parser.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)
    verify = commands.add_parser(
        "verify",
        help="walk the hash chain; exit 0 intact, 1 broken, 2 no usable store",
        description="逐条核验审计日志的哈希链，并与数据目录中的锚点核对。"
        "退出码：0 完整；1 被改动（指出第一处断裂）；2 案件库无法使用。",
    )
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.set_defaults(handler=run_verify)
    listing = commands.add_parser(
        "list", help="who changed what, and when", description="列出审计记录（本地时间）。"
    )
    listing.add_argument("--case", metavar="CASE_NO", help="only the events of this case")
    listing.add_argument("--limit", type=int, metavar="N", help="only the last N events")
    listing.add_argument("--json", action="store_true", help="print the events as JSON")
    listing.set_defaults(handler=run_list)
    again = commands.add_parser(
        "reanchor",
        help="accept the log as it stands (recorded in the log with the reason)",
        description="重新锚定审计日志（例如有意从备份恢复后）。原因和原锚点记入审计日志；"
        "日志内部的断裂不会因此消失。",
    )
    again.add_argument("--reason", required=True, help="why (recorded in the audit log)")
    again.add_argument("--actor", default="cli", help="who does it (recorded)")
    again.set_defaults(handler=run_reanchor)
