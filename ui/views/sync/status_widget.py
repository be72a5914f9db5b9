"""The status bar's sync corner: 同步 button with progress, the last sync time, online or
offline, and a 冲突 button that opens the list of what the office sent back.

Works with any service that has `sync_status()`, `sync_now(progress)` and `sync_notes()`
(the real one binds `app.services.sync`); all calls go through the task runner.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.tasks import TaskRunner


class SyncStatusWidget(QWidget):
    """Signals: synced(object) — a round finished with this result."""

    synced = Signal(object)

    def __init__(self, service: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.last_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.button = QPushButton(self.tr("同步"))
        self.button.setObjectName("syncButton")
        self.button.clicked.connect(self.sync_now)
        self.notes_button = QPushButton()
        self.notes_button.setObjectName("syncNotes")
        self.notes_button.clicked.connect(self.open_notes)
        self.notes_button.hide()
        for widget in (self.state_label, self.last_label, self.progress, self.button,
                       self.notes_button):
            layout.addWidget(widget)
        self.refresh()

    def refresh(self) -> None:
        self._runner.submit(self._service.sync_status, on_finished=self._show,
                            on_failed=lambda _error: None)

    def _show(self, status: Any) -> None:
        if not status.enrolled:
            self.state_label.setText(self.tr("未登记办公室"))
            self.button.setEnabled(False)
            self.button.setToolTip(self.tr("先用 office join 把这台电脑登记到办公室"))
            self.last_label.setText("")
            return
        self.button.setEnabled(True)
        self.button.setToolTip("")
        offline = bool(status.last_error)
        self.state_label.setText(self.tr("离线") if offline else self.tr("在线"))
        self.state_label.setToolTip(status.last_error)
        when = (status.last_sync_at.astimezone().strftime("%m-%d %H:%M")
                if status.last_sync_at else self.tr("从未"))
        waiting = self.tr("，待上传 %1 件").replace("%1", str(status.pending_cases)) \
            if status.pending_cases else ""
        self.last_label.setText(self.tr("上次同步：%1").replace("%1", when) + waiting)
        self.notes_button.setText(self.tr("冲突 %1").replace("%1", str(status.notes)))
        self.notes_button.setVisible(status.notes > 0)

    def sync_now(self) -> None:
        self.button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.state_label.setText(self.tr("同步中…"))
        self._runner.submit(
            lambda progress: self._service.sync_now(progress.report),
            wants_progress=True,
            on_progress=self._progressed,
            on_finished=self._finished,
            on_failed=self._failed,
        )

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self, result: Any) -> None:
        self.progress.hide()
        self.synced.emit(result)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        from app.domain.errors import DomainError
        from app.services.sync.client import Unreachable

        self.progress.hide()
        self.button.setEnabled(True)
        if isinstance(error, Unreachable):
            self.state_label.setText(self.tr("离线"))
            self.state_label.setToolTip(str(error))
        elif isinstance(error, DomainError):
            self.state_label.setText(self.tr("同步未完成"))
            self.state_label.setToolTip(str(error))
        else:
            from ui.tasks import report_unexpected

            report_unexpected(error)
        self.refresh()

    def open_notes(self) -> QWidget:
        from ui.views.sync.notes_dialog import SyncNotesDialog

        dialog = SyncNotesDialog(self._service, self._runner, self.window())
        dialog.show()
        return dialog
