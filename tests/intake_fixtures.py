"""Lenders' files for intake tests, written with a real spreadsheet library (XlsxWriter)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tests.store_fixtures import GOOD_ID, GOOD_ID_2

HEADERS = (
    "合同编号",
    "债权人",
    "借款人姓名",
    "身份证号",
    "手机号",
    "地址",
    "出借人类型",
    "合同日期",
    "借款本金",
    "年利率",
    "还款方式",
    "期数",
    "到期日",
    "主张截止日",
    "剩余本金",
    "欠息",
    "罚息",
)
CREDITOR = "滨江消费金融有限公司"
# Valid resident IDs (GB 11643 check digits).
IDS = (GOOD_ID, GOOD_ID_2, "110105198502030015", "420106198503124012", "310104199001012340")


def row(n: int, **changes: Any) -> dict[str, Any]:
    """A good row (contract HT-00n) of the standard template, with `changes`."""
    base: dict[str, Any] = {
        "合同编号": f"HT-{n:03d}",
        "债权人": CREDITOR,
        "借款人姓名": f"借款人{n}",
        "身份证号": IDS[n % len(IDS)],
        "手机号": f"1391234{n:04d}",
        "地址": "滨江市建设路1号",
        "出借人类型": "消费金融公司",
        "合同日期": date(2022, 3, 10),
        "借款本金": 50000,
        "年利率": "18%",
        "还款方式": "等额本息",
        "期数": 12,
        "到期日": "",
        "主张截止日": date(2025, 6, 30),
        "剩余本金": 30000.5,
        "欠息": 1234.56,
        "罚息": 0,
    }
    base.update(changes)
    return base


def write_xlsx(
    path: Path,
    rows: Sequence[dict[str, Any]],
    headers: Sequence[str] = HEADERS,
    *,
    title: str = "",
    payments: Sequence[tuple[Any, Any, Any]] | None = None,
    payment_sheet: str = "还款明细",
) -> Path:
    """An .xlsx with the case sheet (an optional merged title row above the header) and an
    optional repayment sheet of (contract number, date, amount) rows."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet("逾期贷款清单")
    top = 0
    if title:
        sheet.merge_range(0, 0, 0, len(headers) - 1, title)
        top = 1
    sheet.write_row(top, 0, list(headers))
    for r, item in enumerate(rows, start=top + 1):
        for c, header in enumerate(headers):
            _write(sheet, r, c, item.get(header, ""), day)
    if payments is not None:
        extra = book.add_worksheet(payment_sheet)
        extra.write_row(0, 0, ["合同编号", "还款日期", "还款金额"])
        for r, values in enumerate(payments, start=1):
            for c, value in enumerate(values):
                _write(extra, r, c, value, day)
    book.close()
    return path


def _write(sheet: Any, r: int, c: int, value: Any, day: Any) -> None:
    if isinstance(value, (date, datetime)):
        sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(r, c, value)
    elif value == "":
        return
    else:
        sheet.write_string(r, c, str(value))


def write_csv(
    path: Path, rows: Sequence[Sequence[str]], encoding: str = "utf-8", bom: bool = False
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path
