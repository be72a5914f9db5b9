"""`python -m app batch list|show|withdraw|assign|summary`: the batches intake built.

    batch list [--json]
    batch show BATCH [--json]                 BATCH: its number or name
    batch withdraw BATCH [--reason TEXT]      only a batch nobody has worked on
    batch assign BATCH --mediator NAME … [--by even|region]
    batch summary BATCH [--json]              claimed against lawful totals

Exit 2 (message on stderr) for an unknown batch, a batch already worked on, or an unknown
mediator.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import local_time, print_json, table
from app.domain.money import fmt_grouped

HEADERS = ("编号", "名称", "债权人", "收到日期", "文件", "行数", "已导入", "在案", "已分配", "状态")


def _row(b: Any) -> list[str]:
    return [str(b.id), b.name, b.creditor, str(b.received_on), b.file_name, str(b.rows),
            str(b.imported), str(b.cases), str(b.assigned), b.status_label]  # fmt: skip


def run_list(args: argparse.Namespace) -> int:
    from app.services.intake.batches import list_batches
    from app.services.startup import open_context

    with open_context(args.data_dir) as ctx:
        found = list_batches(ctx)
    if args.json:
        print_json(found)
    elif not found:
        print("还没有导入过批次。用 python -m app import 文件 导入出借人的案件清单。")
    else:
        print(table(HEADERS, [_row(b) for b in found]))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from app.services.intake.batches import get_batch
    from app.services.startup import open_context

    with open_context(args.data_dir) as ctx:
        batch = get_batch(ctx, args.batch)
    if args.json:
        print_json(batch)
        return 0
    print(f"批次 {batch.id}：{batch.name}    状态：{batch.status_label}")
    print(f"债权人：{batch.creditor}    出借人类型：{batch.lender_type or '（按行）'}")
    print(f"委派法院：{batch.court or '（无）'}    收到日期：{batch.received_on}")
    print(f"文件：{batch.file_name}（工作表“{batch.sheet}”）  SHA-256：{batch.file_sha256}")
    print(f"行数 {batch.rows}，有效 {batch.valid}，有问题 {batch.bad}，重复 {batch.duplicates}，")
    print(f"已导入 {batch.imported}；在案 {batch.cases} 件，已分配 {batch.assigned} 件")
    print(f"导入：{local_time(batch.created_at)}（{batch.created_by}）")
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    from app.services.intake.batches import withdraw_batch
    from app.services.startup import open_context

    with open_context(args.data_dir) as ctx:
        batch = withdraw_batch(ctx, args.batch, args.reason or "")
    print(f"已撤回批次 {batch.id}“{batch.name}”：其案件不再出现在案件列表中。")
    return 0


def run_assign(args: argparse.Namespace) -> int:
    from app.services.intake.batches import assign_batch
    from app.services.startup import open_context

    with open_context(args.data_dir) as ctx:
        counts = assign_batch(ctx, args.batch, args.mediator, by_region=args.by == "region")
    for name, count in counts.items():
        print(f"{name}：{count} 件")
    print(f"共分配 {sum(counts.values())} 件（{'按地区' if args.by == 'region' else '平均'}）。")
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from app.services.intake.summary import batch_summary
    from app.services.startup import open_context

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r计算中 {done}/{total}", end="", file=sys.stderr, flush=True)

    with open_context(args.data_dir) as ctx:
        summary = batch_summary(ctx, args.batch, progress)
    if args.json:
        print_json({**summary.__dict__, "reduction": summary.reduction})
        return 0
    rows = [["主张总额", fmt_grouped(summary.claimed)],
            ["按合同计算", fmt_grouped(summary.contract)],
            ["依法可支持", fmt_grouped(summary.lawful)],
            ["主张超出依法可支持", fmt_grouped(summary.reduction)]]  # fmt: skip
    print(f"批次 {summary.batch_id}“{summary.name}”：{summary.computed}/{summary.cases} 件已计算")
    print(table(("项目", "金额（元）"), rows, right={1}))
    for case_no, reason in summary.failed[:20]:
        print(f"未能计算 {case_no}：{reason}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("batch", help="intake batches: list, show, withdraw, assign, summary")
    actions = parser.add_subparsers(dest="batch_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every batch, newest first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="one batch")
    show.add_argument("batch", metavar="BATCH", help="the batch's number or name")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    withdraw = actions.add_parser("withdraw", help="withdraw a batch nobody has worked on")
    withdraw.add_argument("batch", metavar="BATCH")
    withdraw.add_argument("--reason", default="", help="why (kept in the audit log)")
    withdraw.set_defaults(handler=run_withdraw)
    assign = actions.add_parser("assign", help="share the batch's cases among mediators")
    assign.add_argument("batch", metavar="BATCH")
    assign.add_argument("--mediator", action="append", required=True, help="repeat for each")
    assign.add_argument("--by", choices=("even", "region"), default="even")
    assign.set_defaults(handler=run_assign)
    summary = actions.add_parser("summary", help="claimed against lawful totals")
    summary.add_argument("batch", metavar="BATCH")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=run_summary)
