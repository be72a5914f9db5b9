"""The GUI's start-up says at once when today's automatic backup failed its check (issue
14, item 2): the store opens, the older backups are all kept, and before anyone signs in
a warning names the problem and the fix."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from tests.damage import damage_silently
from tests.gui.lock_fixtures import WAIT, add_accounts
from tests.store_fixtures import START, FixedClock, new_case
from ui.app_lock import AppLock
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.lock.sign_in_dialog import SignInDialog
from ui.views.main_window import MainWindow


@pytest.fixture
def damaged_store(tmp_path: Path) -> Path:
    from app.services.cases import service as cases
    from app.services.context import open_context

    data_dir = tmp_path / "data"
    with open_context(data_dir, clock=FixedClock(START)) as ctx:
        cases.create_case(ctx, new_case())
    add_accounts(data_dir)
    damage_silently(data_dir)
    return data_dir


def test_a_failed_daily_backup_is_shown_before_sign_in(
    qtbot: Any, damaged_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = sorted((damaged_store / "backups").glob("*.db"))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text))
    )
    clock = FixedClock(START + timedelta(days=1))  # a new day: the daily backup is due
    service = ContextCaseService(damaged_store, actor="系统用户", clock=clock)
    runner = InlineTaskRunner()
    window = MainWindow(service, runner, damaged_store)
    runner.setParent(window)
    qtbot.addWidget(window)
    lock = AppLock(window, service, runner, clock=clock)
    window.show()
    lock.start()
    qtbot.waitUntil(lambda: lock.dialog is not None, timeout=WAIT)
    assert isinstance(lock.dialog, SignInDialog)  # the store opened; sign-in goes on
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "自动备份失败"
    assert "没有通过完整性检查" in text and "db check" in text
    assert sorted((damaged_store / "backups").glob("*.db")) == kept  # nothing rotated away
    lock.stop()
    service.close()
    QCoreApplication.processEvents()
