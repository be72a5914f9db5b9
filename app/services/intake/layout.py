"""Where the data is: the header row, which column holds which field, merged header cells.

The header row is the row among the first twenty that names the most fields (a title row
above it is fine; row numbers stay the sheet's own). A header cell left empty by a
vertical merge takes the merged value; a sub-header under a merged group label also
matches as group + sub-header ("借款人" over "姓名" reads 借款人姓名). A header merged across
several columns leaves the others without a header: the report says so and how to fix it.
A lender's mapping (`{"客户证件号": "debtor ID"}`) is applied before the accepted names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.services.intake import fields as f
from app.services.intake.cells import clean
from app.services.intake.reader import FileRefused, MergedRange, Sheet

HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    """The header as the file writes it (cleaned of stray spaces)."""
    field: str | None


@dataclass
class Layout:
    header_row: int
    """0-based index of the header row; data starts below it (and below merged headers)."""
    data_start: int
    columns: list[Column]
    fields: dict[str, int]
    notes: list[Column]
    warnings: list[str] = field(default_factory=list)
    rate_period: str = ""
    """"月" or "日" when the rate column is headed 月利率 or 日利率."""

    def header_of(self, key: str) -> str:
        """The file's own header of a field (the template's name when it has none)."""
        index = self.fields.get(key)
        return self.columns[index].header if index is not None else f.label(key)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_mapping(mapping: dict[str, Any]) -> dict[str, str]:
    """A mapping file's `{lender's header: field}` as {normal header: field key}."""
    out: dict[str, str] = {}
    wrong: list[str] = []
    for header, target in mapping.items():
        if target in (None, "", "ignore", "忽略"):
            out[f.normal_header(str(header))] = ""
            continue
        key = f.field_for_name(str(target))
        if key is None:
            wrong.append(f"“{header}”→“{target}”")
        else:
            out[f.normal_header(str(header))] = key
    if wrong:
        names = "、".join(item.name for item in f.FIELDS)
        raise FileRefused(
            f"列映射中有不认识的字段：{'、'.join(wrong)}。可用的字段名：{names}"
            "（也可以写模板的中文表头，如“身份证号”）。"
        )
    return out


def _merged_value(sheet: Sheet, row: int, col: int, merged: list[MergedRange]) -> str:
    for (r0, c0), (r1, c1) in merged:
        if r0 < row <= r1 and c0 <= col <= c1 and c0 == col:
            return _cell_text(sheet, r0, c0)
    return ""


def _cell_text(sheet: Sheet, row: int, col: int) -> str:
    cells = sheet.rows[row] if row < len(sheet.rows) else []
    value = cells[col] if col < len(cells) else ""
    return clean(value) if isinstance(value, str) else clean(str(value or ""))


def _group_above(sheet: Sheet, row: int, col: int) -> str:
    """The label of a group merged across columns in the row above (two-level headers)."""
    for (r0, c0), (r1, c1) in sheet.merged:
        if r0 <= row - 1 <= r1 and c0 <= col <= c1 and c1 > c0:
            return _cell_text(sheet, r0, c0)
    return ""


def _headers(sheet: Sheet, row: int) -> list[str]:
    width = len(sheet.rows[row])
    out = []
    for col in range(width):
        text = _cell_text(sheet, row, col) or _merged_value(sheet, row, col, sheet.merged)
        out.append(text)
    return out


def _match(header: str, group: str, mapping: dict[str, str]) -> str | None:
    normal = f.normal_header(header)
    if normal in mapping:
        return mapping[normal] or None
    found = f.field_for_header(header) if header else None
    if found is None and group and header:
        found = f.field_for_header(group + header)
    return found


def _score(sheet: Sheet, row: int, mapping: dict[str, str]) -> int:
    return len({k for h in _headers(sheet, row) if h and (k := _match(h, "", mapping))})


def find_layout(sheet: Sheet, mapping: dict[str, str], given: set[str]) -> Layout:
    """The layout of the case sheet; `FileRefused` without a header row or a required column.

    `given`: fields a batch-level option supplies (`--creditor`, `--lender-type`).
    """
    candidates = range(min(len(sheet.rows), HEADER_SEARCH_ROWS))
    scored = [(_score(sheet, r, mapping), -r) for r in candidates]
    if not scored or max(scored)[0] == 0:
        raise FileRefused(
            f"工作表“{sheet.name}”里没有找到表头行：第一行应是列名，如 合同编号、借款人姓名、"
            "身份证号。请用模板的列名，或用 --mapping 说明各列的含义。"
        )
    header_row = -max(scored)[1]
    layout = _columns(sheet, header_row, mapping)
    _check_required(sheet, layout, given)
    return layout


def _columns(sheet: Sheet, header_row: int, mapping: dict[str, str]) -> Layout:
    headers = _headers(sheet, header_row)
    columns: list[Column] = []
    fields: dict[str, int] = {}
    notes: list[Column] = []
    warnings: list[str] = []
    for index, header in enumerate(headers):
        key = _match(header, _group_above(sheet, header_row, index), mapping)
        if key is not None and key in fields:
            first = column_letter(fields[key])
            warnings.append(
                f"{column_letter(index)} 列“{header}”与 {first} 列重复，已作为备注保留。"
            )
            key = None
        column = Column(index, header, key)
        columns.append(column)
        if key is not None:
            fields[key] = index
        elif header:
            notes.append(column)
    warnings += _merge_warnings(sheet, header_row)
    below = [r1 for (r0, _), (r1, _) in sheet.merged if r0 <= header_row <= r1]
    rate = f.normal_header(headers[fields["rate"]]) if "rate" in fields else ""
    period = rate[0] if rate[:1] in ("月", "日") else ""
    return Layout(
        header_row, max([header_row, *below]) + 1, columns, fields, notes, warnings, period
    )


def _merge_warnings(sheet: Sheet, header_row: int) -> list[str]:
    out = []
    for (r0, c0), (r1, c1) in sheet.merged:
        if r0 <= header_row <= r1 and c1 > c0:
            span = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
            out.append(
                f"表头 {span}（“{_cell_text(sheet, r0, c0)}”）是合并单元格：{column_letter(c0 + 1)}"
                f"–{column_letter(c1)} 列没有自己的表头，其中的数据未导入。请取消合并，"
                "给每一列写上列名后重新导出。"
            )
    return out


def _check_required(sheet: Sheet, layout: Layout, given: set[str]) -> None:
    missing = [k for k in f.REQUIRED if k not in layout.fields and k not in given]
    if not missing:
        return
    parts = []
    for key in missing:
        names = "、".join(f.BY_KEY[key].headers)
        option = f.FROM_OPTIONS.get(key)
        extra = f"，或用 {option} 为整批指定" if option else ""
        parts.append(f"{f.label(key)}（可用列名：{names}{extra}）")
    hint = "另外，表头里有合并单元格，请先取消合并。" if layout.warnings else ""
    raise FileRefused(
        f"工作表“{sheet.name}”缺少必需的列：{'；'.join(parts)}。"
        f'如果贵方的表格用了别的列名，请用 --mapping 指明（如 {{"客户证件号": "debtor ID"}}）。'
        + hint
    )
