"""今日联系: who to contact on a day and why, across the cases (`app.services.contacts.worklist`).

Double-clicking a row asks the main window to show that case (`case_chosen`). Phone
numbers are masked; what the rules allow today is in the last column.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.ops import contacts
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner
from ui.views.settlement.plan import date_edit, day_of

if TYPE_CHECKING:
    from app.services.contacts.worklist import WorkItem
    from ui.services import Core

OVERDUE = QColor("#b42318")


class WorklistDialog(QDialog):
    """Signals: loaded(int: rows), case_chosen(str: case number)."""

    loaded = Signal(int)
    case_chosen = Signal(str)

    def __init__(self, service: Core, runner: TaskRunner, today: date,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.items: list[WorkItem] = []
        self.setWindowTitle(self.tr("今日联系"))
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.day_edit = date_edit("worklistDay", today)
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("worklistSummary")
        top.addWidget(QLabel(self.tr("日期")))
        top.addWidget(self.day_edit)
        top.addWidget(refresh)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        headers = [self.tr("案号"), self.tr("联系谁"), self.tr("电话"), self.tr("为什么"),
                   self.tr("今天还能联系吗")]  # fmt: skip
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("worklistTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((130, 130, 110, 380)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._chosen)
        layout.addWidget(self.table, 1)
        note = QLabel(
            self.tr("双击一行打开该案件。红色为已逾期的事项。本软件不拨打电话、不发送短信。")
        )
        note.setObjectName("hint")
        layout.addWidget(note)

    def refresh(self) -> None:
        work = contacts.worklist(self._service, day_of(self.day_edit))
        self._runner.run(work).success(self._arrived).failure(refused(self._failed))

    def _arrived(self, items: list[WorkItem]) -> None:
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [item.case_no, item.whom, item.phone, item.why, item.blocked_text or "可以"]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if item.overdue and column == 3:
                    cell.setForeground(OVERDUE)
                self.table.setItem(row, column, cell)
        overdue = sum(1 for i in self.items if i.overdue)
        text = self.tr("共 %1 项，其中逾期 %2 项")
        self.summary.setText(text.replace("%1", str(len(self.items))).replace("%2", str(overdue)))
        self.loaded.emit(len(self.items))

    def _chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.items):
            self.case_chosen.emit(self.items[row].case_no)

    def _failed(self, refusal: Refusal) -> None:
        self.summary.setText(refusal.message)


__all__ = ["Qt", "WorklistDialog"]
