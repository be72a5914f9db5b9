"""同步冲突: what the office sent back that needs a person — edits made after a case was
taken back, late payments, integrity alarms — newest first (a supervisor works through it
with the office's own list, `admin conflicts`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from ui.ops import sync as ops
from ui.refusal import refused, show_refusal
from ui.tasks import TaskRunner
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from ui.services import Core


class SyncNotesDialog(QDialog):
    def __init__(self, core: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("同步冲突与提醒"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "以下是办公室在同步时记录、需要有人核对的事项。数据都已保留，没有自动取舍。")))
        self.message = message_label()
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("案号"), self.tr("事项"), self.tr("时间"), self.tr("说明")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        runner.run(ops.notes(core)).success(self.show_notes).failure(
            refused(lambda refusal: show_refusal(refusal, self.message)))

    def show_notes(self, notes: list[ops.NoteRow]) -> None:
        self.table.setRowCount(len(notes))
        for row, note in enumerate(notes):
            cells = (note.case_no or "—", tr(note.label),
                     note.created_at.astimezone().strftime("%Y-%m-%d %H:%M"), tr(note.detail))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
