"""The matched columns: each column of the lender's file and the field it is read as; the
mediator fixes a column by choosing its field from a list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from app.services.intake.fields import FIELDS

if TYPE_CHECKING:
    from app.services.intake.report import MatchedColumn

NOTE = ""


class ColumnTable(QTableWidget):
    """Rows: 列, 文件中的列名, 读作 (a choice of the template's fields or 备注).

    Signals:
        changed(): the mediator chose another field for a column.
    """

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("columnTable")
        self.setHorizontalHeaderLabels([self.tr("列"), self.tr("文件中的列名"), self.tr("读作")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._automatic: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        """{file's header: field name} the mediator chose (the creditor's saved mapping)."""

    def set_columns(self, columns: list[MatchedColumn], mapping: dict[str, str]) -> None:
        self.overrides = dict(mapping)
        self._automatic = {c.header: c.field for c in columns}
        self.setRowCount(len(columns))
        for row, column in enumerate(columns):
            self.setItem(row, 0, QTableWidgetItem(column.letter))
            self.setItem(row, 1, QTableWidgetItem(column.header))
            self.setCellWidget(row, 2, self._chooser(column))
        self.resizeRowsToContents()

    def _chooser(self, column: MatchedColumn) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("（不是模板的字段：作为备注保留）"), NOTE)
        for item in FIELDS:
            box.addItem(f"{item.headers[0]}（{item.name}）", item.key)
        box.setCurrentIndex(max(box.findData(column.field or NOTE), 0))
        if not column.field:
            box.setProperty("unmatched", True)
        box.currentIndexChanged.connect(lambda _i, h=column.header, b=box: self._chosen(h, b))
        return box

    def _chosen(self, header: str, box: QComboBox) -> None:
        key = str(box.currentData() or "")
        name = next((f.name for f in FIELDS if f.key == key), "ignore")
        if key == (self._automatic.get(header) or ""):
            self.overrides.pop(header, None)
        else:
            self.overrides[header] = name
        self.changed.emit()

    def choose(self, header: str, key: str) -> None:
        """Choose the field of the column headed `header` (as a click in its list would)."""
        for row in range(self.rowCount()):
            item = self.item(row, 1)
            if item is not None and item.text() == header:
                box = self.cellWidget(row, 2)
                assert isinstance(box, QComboBox)
                box.setCurrentIndex(box.findData(key))
