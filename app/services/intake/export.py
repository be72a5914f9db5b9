"""导出问题行: the bad rows of a lender's file, back in an .xlsx to send to the lender.

The case sheet's header row, then every row that has a problem exactly as the file had
it (row number in column A, so the lender finds it), and a last column 问题 with every
reason of that row. Written with XlsxWriter (streaming, no dependencies).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.services.intake.report import IntakeReport


def export_problem_rows(source: Path, report: IntakeReport, out: Path) -> int:
    """Write the report's bad case-sheet rows of `source` to `out`; how many rows."""
    import xlsxwriter

    from app.services.intake.layout import find_layout
    from app.services.intake.reader import read_workbook

    book = read_workbook(source)
    sheet = book.cases
    reasons: dict[int, list[str]] = {}
    for p in report.problems:
        if not p.sheet:
            reasons.setdefault(p.row, []).append(f"{p.column}：{p.reason}")
    layout = find_layout(sheet, {}, {"creditor", "lender_type", *report_fields(report)})
    out_book = xlsxwriter.Workbook(str(out))
    out_sheet = out_book.add_worksheet("问题行")
    bold = out_book.add_format({"bold": True, "bg_color": "#FDECEA"})
    day = out_book.add_format({"num_format": "yyyy-mm-dd"})
    text = out_book.add_format({"num_format": "@"})
    header = ["原行号", *[_plain(c) for c in sheet.rows[layout.header_row]], "问题"]
    out_sheet.write_row(0, 0, header, bold)
    out_sheet.set_column(1, len(header) - 2, 14, text)
    out_sheet.set_column(len(header) - 1, len(header) - 1, 60)
    for n, row in enumerate(sorted(reasons), start=1):
        out_sheet.write_number(n, 0, row)
        for c, value in enumerate(sheet.rows[row - 1], start=1):
            _write(out_sheet, n, c, value, day)
        out_sheet.write_string(n, len(header) - 1, "；".join(reasons[row]))
    out_book.close()
    return len(reasons)


def report_fields(report: IntakeReport) -> set[str]:
    """Every required field, so re-finding the layout never refuses the file again."""
    from app.services.intake.fields import REQUIRED

    return set(REQUIRED)


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


def _write(sheet: Any, r: int, c: int, value: Any, day: Any) -> None:
    if isinstance(value, datetime | date):
        sheet.write_datetime(r, c, value, day)  # XlsxWriter takes a date or a datetime
    elif isinstance(value, bool):
        sheet.write_boolean(r, c, value)
    elif isinstance(value, int | float):
        sheet.write_number(r, c, value)
    elif value not in (None, ""):
        sheet.write_string(r, c, str(value))
