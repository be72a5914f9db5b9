"""The pieces of the recalculation panel: the three-view table, the reasons for each
reduction with the rule applied, and the expandable statement."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.models.recalc_lines import VIEW_ROLE, LineColumn
from ui.views.recalc import words as words

COLUMNS = ("claimed", "contract", "lawful", "reduction")
LAWFUL_COLUMN = 2
LAWFUL_BACKGROUND = QColor("#ecfdf3")
QUIET = QColor("#6b7280")
ALERT = QColor("#b42318")
ROW_HEIGHT = 24


class ViewsTable(QTableWidget):
    """Rows principal … total, paid, overpaid; columns claimed, contract, lawful, reduction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        rows = words.view_rows()
        super().__init__(len(rows), len(COLUMNS), parent)
        self.setObjectName("recalcViews")
        names = words.view_names()
        self.setHorizontalHeaderLabels(
            [names["claimed"], names["contract"], names["lawful"], self.tr("核减（合同−依法）")]
        )
        self.setVerticalHeaderLabels([label for _key, label in rows])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setShowGrid(False)
        self.setAlternatingRowColors(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        side = self.verticalHeader()
        side.setDefaultSectionSize(ROW_HEIGHT)
        side.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        side.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        every_row = header.sizeHint().height() + ROW_HEIGHT * len(rows) + 2 * self.frameWidth()
        self.setMinimumHeight(every_row + 2)

    def clear_views(self) -> None:
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                self.setItem(row, column, QTableWidgetItem(""))

    def show_views(self, out: dict[str, Any]) -> None:
        views = out["views"]
        sources = [views.get("claimed"), views["contract"], views["lawful"], out["reduction"]]
        self.setColumnHidden(0, "claimed" not in views)
        gap = out.get("claim_gap", {}).get("total")
        for row, (key, _label) in enumerate(words.view_rows()):
            for column, source in enumerate(sources):
                value = None if source is None else source.get(key)
                item = self._cell(key, column, value)
                if key == "total" and column == 0 and gap is not None and Decimal(gap) > 0:
                    item.setForeground(QBrush(ALERT))  # a flag; the figure is the engine's
                    tip = self.tr("债权人主张高于按合同计算的金额 %1 元")
                    item.setToolTip(tip.replace("%1", words.yuan(gap)))
                self.setItem(row, column, item)

    def _cell(self, key: str, column: int, value: str | None) -> QTableWidgetItem:
        blank = "" if column == COLUMNS.index("reduction") else "—"
        text = blank if value is None else words.yuan(value)
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = QFont(self.font())
        font.setBold(key == "total" or column == LAWFUL_COLUMN)
        if key == "total" and column == LAWFUL_COLUMN:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        item.setFont(font)
        if column == LAWFUL_COLUMN:
            item.setBackground(QBrush(LAWFUL_BACKGROUND))
        if key in ("paid", "overpaid"):
            item.setForeground(QBrush(QUIET))
        return item

    def cell_text(self, key: str, view: str) -> str:
        """The text shown for one row and view (for tests)."""
        row = [k for k, _ in words.view_rows()].index(key)
        item = self.item(row, COLUMNS.index(view))
        return "" if item is None else item.text()


class ReasonsCard(QFrame):
    """Why the lawful view is lower than the contract's, kind by kind, and the rule applied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 10, 8)
        outer.setSpacing(4)
        self.title = QLabel(self.tr("为什么依法应还比合同少"))
        self.title.setObjectName("cardTitle")
        outer.addWidget(self.title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("cardBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(6)
        self.reasons = QLabel()
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.basis = QLabel()
        self.basis.setObjectName("basis")
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reasons)
        layout.addWidget(self.basis)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    def clear_result(self) -> None:
        self.reasons.setText("")
        self.basis.setText("")

    def show_result(self, inp: dict[str, Any], out: dict[str, Any]) -> None:
        total = words.yuan(out["reduction"]["total"])
        self.title.setText(self.tr("为什么依法应还比合同少（共核减 %1 元）").replace("%1", total))
        self.reasons.setText(self._reasons_html(inp, out))
        basis = [words.cap_rule(inp, out), words.formation_line(inp), words.order_line(inp)]
        basis += [self.tr("依据：%1").replace("%1", line) for line in words.basis_lines(out)]
        self.basis.setText("\n".join(line for line in basis if line))

    def _reasons_html(self, inp: dict[str, Any], out: dict[str, Any]) -> str:
        found = words.reasons(inp, out)
        if not found:
            return escape(self.tr("合同约定未超过法定上限，依法应还与按合同计算相同。"))
        head, sentence = self.tr("%1 减 %2 元"), self.tr("%1：%2。")
        items = []
        for r in found:
            bold = f"<b>{escape(head.replace('%1', r.kind).replace('%2', r.amount))}</b>"
            items.append(escape(sentence).replace("%1", bold).replace("%2", escape(r.text)))
        return "<br>".join(items)

    def text(self) -> str:
        """Everything the card shows, as plain text."""
        doc = QTextDocument()
        doc.setHtml(self.reasons.text())
        return "\n".join([self.title.text(), doc.toPlainText(), self.basis.text()])


class StatementView(QWidget):
    """The statement lines, grouped by view; a group opens to show its lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        title = QLabel(self.tr("计算明细（逐笔列出每一分钱的来历；点左侧箭头展开）"))
        title.setObjectName("statementTitle")
        layout.addWidget(title)
        self.tree = QTreeView()
        self.tree.setObjectName("recalcLines")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumHeight(100)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.tree, 1)
        self._model: QStandardItemModel | None = None

    def set_model(self, model: QStandardItemModel | None) -> None:
        old = self._model
        self._model = model
        self.tree.setModel(model)
        if old is not None:
            old.deleteLater()
        if model is None:
            return
        header = self.tree.header()
        widths = {LineColumn.DATE: 170, LineColumn.KIND: 90, LineColumn.START: 84,
                  LineColumn.END: 84, LineColumn.DAYS: 48, LineColumn.BASE: 96,
                  LineColumn.RATE: 64, LineColumn.AMOUNT: 96}  # fmt: skip
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, self.tree.rootIndex(), False)
            if model.data(index, VIEW_ROLE) == "lawful":
                self.tree.expand(index)

    def model(self) -> QStandardItemModel | None:
        return self._model
