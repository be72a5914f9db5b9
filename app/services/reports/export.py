"""The report as the lender loads it (xlsx, one row per case) and as a PDF summary.

    write_xlsx(report, Path("2026年6月报告.xlsx"))
    write_pdf(report, Path("2026年6月报告.pdf"), org_name)

The sheet `案件明细` has one row per case with fixed columns a lender's system can load:
案号, 合同编号, 批次, 债权人, 债务人, 调解员, 状态, 受理日期, 主张金额, 依法核算金额,
调解金额, 已还金额, 下期应还日期, 下期应还金额, 结果 (amounts as numbers with two
decimals, dates as dates). `统计` holds the figures of the summary. The PDF is one page or
two: the figures, the charts (reportlab's own graphics: no plotting library) and the notes.
"""

from __future__ import annotations

import io
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.services.reports.service import summary_lines as summary_lines

if TYPE_CHECKING:
    from app.services.reports.service import Report

CASE_COLUMNS = (
    "案号",
    "合同编号",
    "批次",
    "债权人",
    "债务人",
    "调解员",
    "状态",
    "受理日期",
    "主张金额",
    "依法核算金额",
    "调解金额",
    "已还金额",
    "下期应还日期",
    "下期应还金额",
    "结果",
)
MONEY_COLUMNS = (8, 9, 10, 11, 13)
DATE_COLUMNS = (7, 12)


def report_json(report: Report) -> dict[str, Any]:
    from app.cli.output import jsonable  # plain JSON (Decimals as exact strings)

    out: dict[str, Any] = jsonable(report)
    rate = report.settlement_rate
    out["settlement_rate_percent"] = str(rate) if rate is not None else None
    return out


def _cells(row: Any) -> list[Any]:
    d = asdict(row)
    return [
        d["case_no"],
        d["contract_no"],
        d["batch"],
        d["creditor"],
        d["debtor"],
        d["mediator"],
        d["status_label"],
        d["taken_in"],
        d["claimed"],
        d["lawful"],
        d["agreed"],
        d["paid"],
        d["next_due"],
        d["next_amount"],
        d["outcome"],
    ]


def xlsx_bytes(report: Report) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    head = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    money = book.add_format({"num_format": "#,##0.00"})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet("案件明细")
    sheet.write_row(0, 0, CASE_COLUMNS, head)
    for r, row in enumerate(report.rows, start=1):
        for c, value in enumerate(_cells(row)):
            if value is None:
                sheet.write_blank(r, c, None)
            elif c in MONEY_COLUMNS:
                sheet.write_number(r, c, float(Decimal(value)), money)  # a cell's display value
            elif c in DATE_COLUMNS:
                sheet.write_datetime(r, c, _as_datetime(value), day)
            else:
                sheet.write(r, c, value)
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, max(len(report.rows), 1), len(CASE_COLUMNS) - 1)
    sheet.set_column(0, 1, 18)
    sheet.set_column(2, 4, 24)
    sheet.set_column(5, 14, 14)
    _summary_sheet(book, report, head)
    book.close()
    return out.getvalue()


def _as_datetime(day: Any) -> Any:
    from datetime import datetime, time

    return datetime.combine(day, time())


def _summary_sheet(book: Any, report: Report, head: Any) -> None:
    sheet = book.add_worksheet("统计")
    row = 0
    for name, value in summary_lines(report):
        sheet.write_row(row, 0, [name, value])
        row += 1
    for title, counts in (
        ("按调解员", report.by_mediator),
        ("按状态", report.by_status),
        ("按批次", report.by_batch),
        ("按债权人", report.by_creditor),
        ("未结案件账龄", report.ageing),
    ):
        row += 1
        sheet.write_row(row, 0, [title, "案件数"], head)
        for name, n in counts.items():
            row += 1
            sheet.write_row(row, 0, [name, n])
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, 1, 28)


def write_xlsx(report: Report, path: Path) -> None:
    from app.services.organisation.signing import save_document

    save_document(path, xlsx_bytes(report))


def write_pdf(report: Report, path: Path, org_name: str) -> None:
    from app.services.organisation.signing import save_document
    from app.services.reports.pdf import report_pdf

    save_document(path, report_pdf(report, org_name))
