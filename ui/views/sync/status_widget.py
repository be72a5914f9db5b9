"""The status bar's sync corner: 同步 button with progress, the last sync time, online or
offline, and a 冲突 button that opens the list of what the office sent back.

When the office cannot be reached the corner says so calmly (nothing is lost: the cases stay
on this laptop) and tries again on its own after a growing pause, until a round gets
through or the user syncs by hand. Every call goes through `ui.ops.sync`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.i18n import tr
from ui.ops import sync as ops
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.sync.status import SyncStatus
    from ui.services import Core

# Pauses before each automatic retry after a dead link (the last one repeats).
RETRY_SECONDS: tuple[float, ...] = (30, 60, 120, 300, 600)


class SyncStatusWidget(QWidget):
    """Signals: synced(object) — a round finished with this `RoundResult`."""

    synced = Signal(object)

    def __init__(
        self,
        core: Core,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        retry_seconds: Sequence[float] = RETRY_SECONDS,
        start: bool = True,
    ) -> None:
        """`start=False`: ask the store only at the first `refresh()` (the main window calls
        it once the store is open: nothing opens it before the window is painted)."""
        super().__init__(parent)
        self._core, self._runner = core, runner
        self._retry_seconds = tuple(retry_seconds)
        self._failures = 0  # rounds in a row that found the office unreachable
        self._running = False
        self._refusal = ""  # what the office last answered no with (until the next round)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.sync_now)
        self._build()
        self.hide()  # until the store says whether this laptop is enrolled
        if start:
            self.refresh()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.last_label = QLabel()
        self.retry_label = QLabel()
        self.retry_label.setObjectName("syncRetry")
        self.retry_label.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.button = QPushButton(self.tr("同步"))
        self.button.setObjectName("syncButton")
        self.button.clicked.connect(self.sync_now)
        self.notes_button = QPushButton()
        self.notes_button.setObjectName("syncNotes")
        self.notes_button.setAccessibleName(self.tr("同步冲突"))
        self.notes_button.clicked.connect(self.open_notes)
        self.notes_button.hide()
        for widget in (self.state_label, self.last_label, self.retry_label, self.progress,
                       self.button, self.notes_button):
            layout.addWidget(widget)

    @property
    def retry_pending(self) -> bool:
        """An automatic retry is scheduled."""
        return self._retry.isActive()

    def refresh(self) -> None:
        self._runner.run(ops.status(self._core)).success(self._show).failure(
            refused(lambda _refusal: None)  # no store to ask (yet): the corner stays hidden
        )

    def _show(self, status: SyncStatus) -> None:
        self.show()
        if not status.enrolled:
            self.state_label.setText(self.tr("未登记办公室"))
            self.button.setEnabled(False)
            self.button.setToolTip(self.tr("先用 office join 把这台电脑登记到办公室"))
            self.last_label.setText("")
            return
        self.button.setEnabled(not self._running)
        self.button.setToolTip("")
        if self._refusal:
            self.state_label.setText(self.tr("同步未完成"))
            self.state_label.setToolTip(self._refusal)
        elif not self._running:
            offline = bool(status.last_error)
            self.state_label.setText(self.tr("离线") if offline else self.tr("在线"))
            self.state_label.setToolTip(tr(status.last_error))
        when = (status.last_sync_at.astimezone().strftime("%m-%d %H:%M")
                if status.last_sync_at else self.tr("从未"))
        waiting = self.tr("，待上传 %1 件").replace("%1", str(status.pending_cases)) \
            if status.pending_cases else ""
        self.last_label.setText(self.tr("上次同步：%1").replace("%1", when) + waiting)
        self.notes_button.setText(self.tr("冲突 %1").replace("%1", str(status.notes)))
        self.notes_button.setVisible(status.notes > 0)

    def sync_now(self) -> None:
        """One round now (the button, or an automatic retry)."""
        if self._running:
            return
        self._retry.stop()
        self._running, self._refusal = True, ""
        self.button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.state_label.setText(self.tr("同步中…"))
        self._runner.run(ops.sync_now(self._core)).progress(self._progressed).success(
            self._finished
        ).failure(refused(self._refused, always=self._over))

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _over(self) -> None:
        self._running = False
        self.progress.hide()
        self.button.setEnabled(True)

    def _finished(self, synced: ops.Synced) -> None:
        self._over()
        if synced.result is None:
            self._offline(synced.offline)
        else:
            self._failures = 0
            self.retry_label.hide()
            self.synced.emit(synced.result)
        self.refresh()

    def _offline(self, reason: str) -> None:
        """Say so calmly and try again on its own after a pause that grows."""
        pause = self._retry_seconds[min(self._failures, len(self._retry_seconds) - 1)]
        self._failures += 1
        reason = tr(reason)
        self.state_label.setText(self.tr("离线"))
        self.state_label.setToolTip(reason)
        self.retry_label.setText(
            self.tr("连不上办公室，%1后自动重试；案件都保存在本机，不会丢失。").replace(
                "%1", self._pause_words(pause)))
        self.retry_label.setToolTip(reason)
        self.retry_label.show()
        self._retry.start(int(pause * 1000))

    def _pause_words(self, seconds: float) -> str:
        if seconds >= 60:
            return self.tr("%1 分钟").replace("%1", str(round(seconds / 60)))
        return self.tr("%1 秒").replace("%1", str(max(1, round(seconds))))

    def _refused(self, refusal: Refusal) -> None:
        """The office answered no (a revoked device…): a person must act; no retry."""
        self.retry_label.hide()
        self._refusal = refusal.message
        self.refresh()

    def open_notes(self) -> QWidget:
        from ui.views.sync.notes_dialog import SyncNotesDialog

        dialog = SyncNotesDialog(self._core, self._runner, self.window())
        dialog.show()
        return dialog
