"""The 同步 corner of the status bar: not enrolled, a round with progress and the last sync
time, offline when the office cannot be reached (said calmly, retried on its own until the
link is back), and the list of what the office sent back.

The corner runs `ui.ops.sync`; the services it calls are replaced here by a fake office."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.domain.errors import DomainError
from app.services.sync.client import Unreachable
from app.services.sync.round import RoundResult
from app.services.sync.status import NOTE_LABELS, SyncNoteInfo, SyncStatus
from tests.gui.fakes import NO_STORE, FakeCaseService


class SyncingService(FakeCaseService):
    """A core with a store on disk (so the corner shows) whose sync services are fakes."""

    def __init__(self, *, enrolled: bool = True, reachable: bool = True) -> None:
        super().__init__([])
        self.enrolled, self.reachable = enrolled, reachable
        self.last: datetime | None = None
        self.error = ""
        self.reports: list[tuple[int, int]] = []
        self.rounds = 0

    @property
    def data_dir(self) -> Path | None:
        return Path("/nonexistent/data")

    def context(self) -> Any:
        return self

    def read(self) -> Any:
        """The case list's own reads (after a round the window refreshes it): no store."""
        raise DomainError(NO_STORE)

    def sync_status(self) -> SyncStatus:
        if not self.enrolled:
            return SyncStatus(False)
        return SyncStatus(True, "张调解员", 0, self.last, self.error, 0.0,
                          1 if self.last else 0)

    def sync_round(self, progress: Any = None) -> RoundResult:
        self.rounds += 1
        if not self.reachable:
            self.error = "无法连接办公室服务器（ConnectError）。"
            raise Unreachable(self.error)
        for done in range(1, 4):
            progress("pull", done, 3)
            self.reports.append((done, 3))
        self.last, self.error = datetime(2026, 3, 2, 1, 30, tzinfo=UTC), ""
        return RoundResult(pulled=3)

    def sync_notes(self) -> list[SyncNoteInfo]:
        return [SyncNoteInfo("TJ-2026-000001", "late_fact", NOTE_LABELS["late_fact"],
                             datetime(2026, 3, 2, 1, 30, tzinfo=UTC), {"entity": "payment"})]


@pytest.fixture(autouse=True)
def fake_office(monkeypatch: pytest.MonkeyPatch) -> None:
    """The services `ui.ops.sync` calls, answered by the `SyncingService` given as context."""
    monkeypatch.setattr("app.services.sync.status.sync_status", lambda ctx: ctx.sync_status())
    monkeypatch.setattr("app.services.sync.status.sync_notes", lambda ctx: ctx.sync_notes())
    monkeypatch.setattr("app.services.sync.round.sync_round",
                        lambda ctx, progress=None: ctx.sync_round(progress))
    # The window's paged case list (a core with a data folder has one): an empty store.
    from app.services.cases.listing import CasePage, FilterChoices

    monkeypatch.setattr("app.services.cases.listing.case_page",
                        lambda ctx, flt, offset, *_args: CasePage(0, offset, []))
    monkeypatch.setattr("app.services.cases.listing.filter_choices",
                        lambda ctx: FilterChoices([], []))


def _window(qtbot: Any, service: Any) -> Any:
    from ui.tasks import InlineTaskRunner
    from ui.views.main_window import MainWindow

    runner = InlineTaskRunner()
    window = MainWindow(service, runner, None)
    runner.setParent(window)
    qtbot.addWidget(window)
    window.refresh()  # what the start does once the store is open
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


def test_a_dead_link_is_said_calmly_and_retried_until_the_office_answers(qtbot: Any) -> None:
    from ui.tasks import InlineTaskRunner
    from ui.views.sync.status_widget import SyncStatusWidget

    service = SyncingService(reachable=False)
    runner = InlineTaskRunner()
    corner = SyncStatusWidget(service, runner, None, retry_seconds=(0.05, 0.1))
    runner.setParent(corner)
    qtbot.addWidget(corner)
    qtbot.waitUntil(corner.isVisible)
    corner.button.click()
    qtbot.waitUntil(lambda: corner.retry_label.isVisibleTo(corner))
    assert corner.state_label.text() == "离线"
    assert corner.retry_label.text() == "连不上办公室，1 秒后自动重试；案件都保存在本机，不会丢失。"
    assert corner.retry_pending and corner.button.isEnabled()
    # tried again on its own, and again, each time offline and another retry scheduled
    qtbot.waitUntil(lambda: service.rounds >= 3 and corner.retry_pending)
    assert corner.state_label.text() == "离线"
    service.reachable = True
    qtbot.waitUntil(lambda: corner.state_label.text() == "在线", timeout=5000)
    assert not corner.retry_label.isVisibleTo(corner) and not corner.retry_pending
    assert service.reports[-1] == (3, 3) and corner.last_label.text().startswith("上次同步：")


def test_an_office_that_refuses_is_not_retried(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.sync.client import Refused

    def refuse(ctx: Any, progress: Any = None) -> RoundResult:
        raise Refused("办公室已停用这台电脑，请联系办公室。")

    monkeypatch.setattr("app.services.sync.round.sync_round", refuse)
    window = _window(qtbot, SyncingService())
    corner = window.sync_widget
    qtbot.waitUntil(corner.button.isEnabled)
    corner.button.click()
    qtbot.waitUntil(lambda: corner.state_label.text() == "同步未完成")
    assert corner.state_label.toolTip() == "办公室已停用这台电脑，请联系办公室。"
    assert not corner.retry_pending and corner.button.isEnabled()


def test_in_english_the_corner_and_the_notes_show_the_cores_words_in_english(
    qtbot: Any, themed_app: Any
) -> None:
    from ui import i18n

    i18n.install_translators(themed_app, "en")
    try:
        window = _window(qtbot, SyncingService(reachable=False))
        corner = window.sync_widget
        corner.button.click()
        qtbot.waitUntil(lambda: corner.retry_label.isVisibleTo(window))
        assert corner.state_label.toolTip() == "Cannot connect to the office server (ConnectError)."
        dialog = corner.open_notes()
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
        assert dialog.table.item(0, 1).text() == "Facts recorded after it was taken back (kept)"
        assert dialog.table.item(0, 3).text() == "Record: payment"
    finally:
        i18n.remove_translators(themed_app)
