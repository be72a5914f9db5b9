"""`python -m app --data-dir D report [--batch NAME] [--from DATE --to DATE] --json | --xlsx OUT
| --pdf OUT`: the caseload, settlement rate, amounts and ageing, for the centre or a lender.

`--from`/`--to` keep the cases taken in between those days (China time, both included);
`--as-of` is the day amounts recovered and ages are counted to (today by default). `--xlsx`
writes one row per case (案件明细) and the figures (统计); `--pdf` a summary with charts.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.domain.errors import InputError, Problem


def run(args: argparse.Namespace) -> int:
    from app.cli.cmd_render import parse_day
    from app.cli.output import print_json
    from app.services.context import open_context
    from app.services.organisation.service import get_profile
    from app.services.reports.export import report_json, write_pdf, write_xlsx
    from app.services.reports.service import ReportFilter, build_report

    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    if start and end and start > end:
        raise InputError([Problem("--from", f"起始日期 {start} 晚于结束日期 {end}：请对调。")])
    for out in (args.xlsx, args.pdf):
        if out is not None and str(out.parent) and not out.parent.is_dir():
            raise InputError([Problem("OUT", f"文件夹不存在：{out.parent}")])
    with open_context(args.data_dir) as ctx:
        as_of = parse_day(args.as_of, "--as-of") if args.as_of else ctx.today()
        report = build_report(ctx, ReportFilter(args.batch or "", start, end), as_of)
        org = get_profile(ctx).name
    if args.json:
        print_json(report_json(report))
    elif args.xlsx is not None:
        write_xlsx(report, args.xlsx)
        print(args.xlsx)
    else:
        write_pdf(report, args.pdf, org)
        print(args.pdf)
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("report", help="caseload, settlement rate and amounts (统计报告)")
    parser.add_argument("--batch", help="only the cases of this batch")
    parser.add_argument("--from", dest="start", metavar="DATE", help="taken in on or after")
    parser.add_argument("--to", dest="end", metavar="DATE", help="taken in on or before")
    parser.add_argument("--as-of", metavar="DATE", help="count to this day (default today)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--json", action="store_true", help="the report as JSON on stdout")
    what.add_argument("--xlsx", type=Path, metavar="OUT", help="one row per case, for the lender")
    what.add_argument("--pdf", type=Path, metavar="OUT", help="a summary with charts")
    parser.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="as --data-dir")
    parser.set_defaults(handler=run)
