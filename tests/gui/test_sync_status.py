"""The 同步 corner of the status bar: not enrolled, a round with progress and the last sync
time, offline when the office cannot be reached, and the list of what the office sent back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from app.services.sync.client import Unreachable
from app.services.sync.round import RoundResult
from app.services.sync.status import NOTE_LABELS, SyncNoteInfo, SyncStatus
from tests.gui.fakes import FakeCaseService


class SyncingService(FakeCaseService):
    def __init__(self, *, enrolled: bool = True, reachable: bool = True) -> None:
        super().__init__([])
        self.enrolled, self.reachable = enrolled, reachable
        self.last: datetime | None = None
        self.error = ""
        self.reports: list[tuple[int, int]] = []

    def sync_status(self) -> SyncStatus:
        if not self.enrolled:
            return SyncStatus(False)
        return SyncStatus(True, "张调解员", 0, self.last, self.error, 0.0,
                          1 if self.last else 0)

    def sync_now(self, progress: Any = None) -> RoundResult:
        if not self.reachable:
            self.error = "无法连接办公室服务器（ConnectError）。"
            raise Unreachable(self.error)
        for done in range(1, 4):
            progress(done, 3)
            self.reports.append((done, 3))
        self.last, self.error = datetime(2026, 3, 2, 1, 30, tzinfo=UTC), ""
        return RoundResult(pulled=3)

    def sync_notes(self) -> list[SyncNoteInfo]:
        return [SyncNoteInfo("TJ-2026-000001", "late_fact", NOTE_LABELS["late_fact"],
                             datetime(2026, 3, 2, 1, 30, tzinfo=UTC), {"entity": "payment"})]


def _window(qtbot: Any, service: Any) -> Any:
    from ui.tasks import InlineTaskRunner
    from ui.views.main_window import MainWindow

    runner = InlineTaskRunner()
    window = MainWindow(service, runner, None)
    runner.setParent(window)
    qtbot.addWidget(window)
    return window


def test_a_laptop_not_enrolled_cannot_sync(qtbot: Any) -> None:
    window = _window(qtbot, SyncingService(enrolled=False))
    corner = window.sync_widget
    qtbot.waitUntil(lambda: corner.state_label.text() == "未登记办公室")
    assert not corner.button.isEnabled()


def test_a_round_shows_progress_then_the_last_sync_and_the_notes(qtbot: Any) -> None:
    service = SyncingService()
    window = _window(qtbot, service)
    corner = window.sync_widget
    qtbot.waitUntil(lambda: corner.last_label.text() == "上次同步：从未")
    qtbot.mouseClick(corner.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: corner.state_label.text() == "在线")
    assert service.reports == [(1, 3), (2, 3), (3, 3)]
    local = service.last.astimezone().strftime("%m-%d %H:%M") if service.last else ""
    assert corner.last_label.text() == f"上次同步：{local}"
    assert corner.notes_button.isVisibleTo(window) and corner.notes_button.text() == "冲突 1"
    dialog = corner.open_notes()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 0).text() == "TJ-2026-000001"
    assert dialog.table.item(0, 1).text() == "收回后补录的事实（已保留）"
    assert dialog.table.item(0, 3).text() == "记录：还款"


def test_an_unreachable_office_shows_offline_and_keeps_the_button(qtbot: Any) -> None:
    window = _window(qtbot, SyncingService(reachable=False))
    corner = window.sync_widget
    corner.button.click()
    qtbot.waitUntil(lambda: corner.state_label.text() == "离线")
    assert "无法连接" in corner.state_label.toolTip()
    assert corner.button.isEnabled() and not corner.progress.isVisibleTo(window)
