"""Reading a lender's file: xlsx/xls/ods through python-calamine, CSV in UTF-8 or GB18030.

A CSV's encoding is detected, never guessed silently: a UTF-8 byte-order mark, else strict
UTF-8, else strict GB18030 (which covers GBK and GB2312) provided the text it gives is
made of ordinary characters; anything else is refused naming the encodings tried.
Rows keep their place in the sheet (index 0 = row 1), so problems can name the row a
person sees.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.services.intake.fields import PAYMENT_SHEETS, normal_header

SPREADSHEETS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
CSV = ".csv"
ENCODINGS_TRIED = "UTF-8（带或不带 BOM）、GB18030/GBK"

Cell = Any
MergedRange = tuple[tuple[int, int], tuple[int, int]]


class FileRefused(DomainError):
    """The file cannot be used at all (exit code 2): the message says why and what to do."""


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    merged: list[MergedRange] = field(default_factory=list)


@dataclass
class Workbook:
    """The case sheet, the repayment sheet when there is one, and what identifies the file."""

    path: Path
    sha256: str
    cases: Sheet
    payments: Sheet | None
    encoding: str = ""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_workbook(path: Path) -> Workbook:
    """Both sheets of `path`; `FileRefused` when the file is missing or unreadable."""
    if not path.is_file():
        raise FileRefused(f"找不到文件 {path}：请检查路径。")
    suffix = path.suffix.lower()
    if suffix == CSV:
        data = path.read_bytes()
        text, encoding = decode_csv(data, path.name)
        sheet = Sheet(path.stem, parse_csv(text))
        return Workbook(path, hashlib.sha256(data).hexdigest(), sheet, None, encoding)
    if suffix not in SPREADSHEETS:
        raise FileRefused(
            f"不支持的文件类型“{path.suffix or path.name}”：请导出为 .xlsx、.xls、.ods 或 .csv。"
        )
    cases, payments = _read_spreadsheet(path)
    return Workbook(path, sha256_of(path), cases, payments)


def _read_spreadsheet(path: Path) -> tuple[Sheet, Sheet | None]:
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            names = [
                m.name
                for m in book.sheets_metadata
                if m.typ == SheetTypeEnum.WorkSheet and m.visible == SheetVisibleEnum.Visible
            ] or list(book.sheet_names)
            payment_names = [n for n in names if normal_header(n) in PAYMENT_SHEETS]
            case_names = [n for n in names if n not in payment_names]
            if not case_names:
                raise FileRefused(f"{path.name} 里没有案件表：第一个工作表应是案件清单。")
            cases = _sheet(book, case_names[0])
            payments = _sheet(book, payment_names[0]) if payment_names else None
    except CalamineError as error:
        raise FileRefused(
            f"无法读取 {path.name}：文件已损坏、设有密码或不是表格文件（{error}）。"
            "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。"
        ) from error
    return cases, payments


def _sheet(book: Any, name: str) -> Sheet:
    sheet = book.get_sheet_by_name(name)
    rows = sheet.to_python(skip_empty_area=False)
    merged = sheet.merged_cell_ranges or []
    return Sheet(name, rows, list(merged))


def decode_csv(data: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in; `FileRefused` when neither fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8-BOM"
        except UnicodeDecodeError:
            pass  # a mark followed by something else: refused below
    elif b"\x00" not in data:
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            pass
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if _ordinary(text):
                return text, "GB18030"
    raise FileRefused(
        f"无法识别 {name} 的文字编码：试过 {ENCODINGS_TRIED}，都不对。"
        "请在 Excel 或 WPS 里另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入。"
    )


def _ordinary(text: str) -> bool:
    """No private-use or unassigned-looking characters: what real GBK text decodes to.

    Bytes of another encoding (Big5, Shift-JIS, random binary) mostly decode in GB18030
    too, but into four-byte sequences and private-use code points no lender writes.
    """
    for ch in text:
        code = ord(ch)
        if 0xE000 <= code <= 0xF8FF or code > 0xFFFF or (code < 32 and ch not in "\r\n\t"):
            return False
    return True


def parse_csv(text: str) -> list[list[Cell]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
