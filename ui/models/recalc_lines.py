"""The recalculation statement as a tree: one group per view, its lines beneath.

Built from the `lines` of the engine's output object (plain dicts), so what the tree shows
is exactly what the engine wrote; only kinds, rates and amounts are put into words.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from app.i18n import tr
from ui.views.recalc import words as words

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the line's dict on each row's first column
VIEW_ROLE = Qt.ItemDataRole.UserRole + 2  # the view key on a group row
VIEWS = ("contract", "lawful")


class LineColumn(IntEnum):
    DATE = 0
    KIND = 1
    START = 2
    END = 3
    DAYS = 4
    BASE = 5
    RATE = 6
    AMOUNT = 7
    NOTE = 8


def headers() -> list[str]:
    return [
        QCoreApplication.translate("RecalcLines", "日期"),
        QCoreApplication.translate("RecalcLines", "项目"),
        QCoreApplication.translate("RecalcLines", "起"),
        QCoreApplication.translate("RecalcLines", "止"),
        QCoreApplication.translate("RecalcLines", "天数"),
        QCoreApplication.translate("RecalcLines", "基数（元）"),
        QCoreApplication.translate("RecalcLines", "年利率"),
        QCoreApplication.translate("RecalcLines", "金额（元）"),
        QCoreApplication.translate("RecalcLines", "说明"),
    ]


RIGHT = (LineColumn.DAYS, LineColumn.BASE, LineColumn.RATE, LineColumn.AMOUNT)


def line_cells(line: dict[str, Any]) -> list[str]:
    days = line.get("days")
    return [
        line["date"],
        words.line_kind(line["kind"], line["amount"]),
        line.get("from") or "",
        line.get("to") or "",
        "" if days is None else str(days),
        words.yuan(line.get("base")),
        words.rate(line.get("rate")),
        words.yuan(line["amount"]),
        tr(line.get("note") or ""),
    ]


def _row(cells: list[str], line: dict[str, Any] | None) -> list[QStandardItem]:
    items = []
    for column, text in enumerate(cells):
        item = QStandardItem(text)
        item.setEditable(False)
        if column in RIGHT:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == LineColumn.NOTE and text:
            item.setToolTip(text)
        items.append(item)
    if line is not None:
        items[0].setData(line, LINE_ROLE)
    return items


def build_model(output: dict[str, Any], parent: QObject | None = None) -> QStandardItemModel:
    """Two groups, 按合同计算 and 依法应还, each with its lines in the engine's order."""
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels(headers())
    names = words.view_names()
    for view in VIEWS:
        lines = [line for line in output.get("lines", ()) if line["view"] == view]
        total = output["views"][view]["total"]
        title = QCoreApplication.translate("RecalcLines", "%1（%n 行）", "", len(lines))
        note = QCoreApplication.translate("RecalcLines", "合计应还 %1 元").replace(
            "%1", words.yuan(total)
        )
        cells = [title.replace("%1", names[view])] + [""] * 7 + [note]
        group = _row(cells, None)
        bold = QFont()
        bold.setBold(True)
        for item in group:
            item.setFont(bold)
        group[0].setData(view, VIEW_ROLE)
        for line in lines:
            group[0].appendRow(_row(line_cells(line), line))
        model.appendRow(group)
    return model
