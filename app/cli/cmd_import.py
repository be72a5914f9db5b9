"""`python -m app import FILE [--creditor NAME] [--lender-type TYPE] [--batch NAME]
[--court NAME] [--mapping MAPPING.json] [--dry-run] [--skip-bad] [--json]` (spec: intake.md).

Exit codes: 0 every row imported (with `--dry-run`: every row would be); 1 some rows are bad
or duplicates (listed); 2 the file cannot be used at all (stderr says why, stdout empty).
Without `--json` the report is a table in Chinese: the bad rows (row, column, value,
reason) and the duplicates, then the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.output import clip, table
from app.domain.errors import DomainError

if TYPE_CHECKING:
    from app.services.intake.report import IntakeReport


def _mapping(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DomainError(
            f"无法读取列映射文件 {path}：{error}。它应是 JSON 对象，如 "
            '{"客户证件号": "debtor ID"}。'
        ) from error
    if not isinstance(data, dict):
        raise DomainError(f'列映射文件 {path} 应是 JSON 对象，如 {{"客户证件号": "debtor ID"}}。')
    return data


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        words = {"read": "读取", "check": "检查", "write": "导入"}.get(stage, stage)
        print(f"\r{words} {done}/{total}", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from app.services.intake.service import IntakeOptions, check_file, import_file
    from app.services.startup import open_context

    options = IntakeOptions(
        creditor=args.creditor or "",
        lender_type=args.lender_type or "",
        batch=args.batch or "",
        court=args.court or "",
        mapping=_mapping(args.mapping),
        skip_bad=args.skip_bad,
    )
    with open_context(args.data_dir) as ctx:
        if args.dry_run:
            report = check_file(ctx, args.file, options, _progress)
        else:
            report = import_file(ctx, args.file, options, _progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report_text(report))
    return report.exit_code


def report_text(report: IntakeReport) -> str:
    out = []
    if report.problems:
        rows = [
            [(p.sheet + " " if p.sheet else "") + str(p.row), p.column, clip(p.value, 24), p.reason]
            for p in report.problems
        ]
        out += ["【有问题的行】", table(("行", "列", "内容", "原因及改法"), rows), ""]
    if report.duplicates:
        rows = [
            [
                str(d.row),
                d.contract_no,
                d.of.replace("row ", "第 ") + (" 行" if d.of.startswith("row ") else ""),
            ]
            for d in report.duplicates
        ]
        out += ["【重复的行（未导入）】", table(("行", "合同编号", "重复于"), rows), ""]
    for warning in report.warnings:
        out.append(f"注意：{warning}")
    what = "试导入（未写入任何数据）" if report.dry_run else "导入"
    out.append(
        f"{what}：{report.file}（工作表“{report.sheet}”），共 {report.rows} 行，"
        f"有效 {report.valid} 行，有问题 {len(report.bad_rows)} 行，重复 "
        f"{len(report.duplicates)} 行，已导入 {report.imported} 件，批次：{report.batch}"
    )
    if not report.dry_run and report.problems and report.imported == 0 and report.valid:
        out.append(
            "有问题的行未改正前，整个文件都没有导入；"
            "改正后重新导入，或加 --skip-bad 先导入没问题的行。"
        )
    return "\n".join(out)


def register(sub: Any) -> None:
    parser = sub.add_parser("import", help="take in a lender's spreadsheet of loans as cases")
    parser.add_argument("file", type=Path, metavar="FILE", help=".xlsx, .xls, .ods or .csv")
    parser.add_argument("--creditor", help="the creditor, for a sheet without that column")
    parser.add_argument("--lender-type", help="bank, consumer_finance, … or 银行, 消费金融公司, …")
    parser.add_argument("--batch", help="the batch's name (default: file name and date)")
    parser.add_argument("--court", help="the entrusting court, for a sheet without that column")
    parser.add_argument(
        "--mapping",
        type=Path,
        metavar="MAPPING.json",
        help='a lender\'s headers mapped to fields: {"客户证件号": "debtor ID"}',
    )
    parser.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    parser.add_argument(
        "--skip-bad", action="store_true", help="import the good rows even when some rows are bad"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(handler=run)
