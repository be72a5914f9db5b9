"""The way to the first window and to 登录 stays short: the store opens behind the sign-in
dialog (on the database thread), and nothing heavy is imported before they show. The figures
are measured by benchmarks/startup.py, not asserted here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.services import unlock
from tests.gui.lock_fixtures import WAIT, add_accounts, copy_store, make_empty_store
from ui.main import FirstPaint
from ui.tasks import TaskRunner
from ui.views.lock.account_dialogs import FormDialog
from ui.views.lock.sign_in_dialog import SignInDialog

ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "benchmarks" / "startup_probe.py"


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_empty_store(tmp_path_factory.mktemp("fast"))


def probe(mode: str, data_dir: Path) -> str:
    """What the start-up probe saw: the heavy modules loaded when `mode` was painted."""
    done = subprocess.run(
        [sys.executable, str(PROBE), mode, str(data_dir)],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.stdout.startswith(mode), done.stdout + done.stderr
    return done.stdout.split("modules ")[1].split()[0]


def test_no_heavy_module_before_the_window_or_the_sign_in_dialog(
    empty_store: Path, tmp_path: Path
) -> None:
    data_dir = copy_store(empty_store, tmp_path)
    add_accounts(data_dir)
    # SQLAlchemy, Alembic, reportlab, pyHanko, pypdf, PDFium, argon2: none yet
    assert probe("window", data_dir) == "-"
    assert probe("signin", data_dir) == "-"


def test_the_key_is_at_hand_only_for_a_store_that_exists(
    empty_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not unlock.key_at_hand(tmp_path / "new")  # a first start: the key is made first
    data_dir = copy_store(empty_store, tmp_path)
    unlock.lock_all()
    assert unlock.key_at_hand(data_dir)  # the passphrase is in the environment (tests)
    monkeypatch.delenv("MEDIATION_DESK_PASSPHRASE")
    assert not unlock.key_at_hand(data_dir)  # someone has to be asked: not before 登录


def test_sign_in_shows_at_once_and_gives_way_when_the_store_has_no_account(
    qtbot: Any, themed_app: Any, empty_store: Path, tmp_path: Path
) -> None:
    from ui.main import app_lock_of, build_main_window

    data_dir = copy_store(empty_store, tmp_path)
    window = build_main_window(data_dir, panels=False)
    qtbot.addWidget(window)
    lock = app_lock_of(window)
    window.show()
    lock.start(sign_in_first=True)
    assert isinstance(lock.dialog, SignInDialog) and lock.dialog.isVisible()  # before the store
    qtbot.waitUntil(lambda: isinstance(lock.dialog, FormDialog), timeout=WAIT)
    assert lock.dialog.isVisible()  # 创建主管账户: the store has no account yet
    lock.stop()
    window.shutdown()
    runner = window.findChild(TaskRunner)
    assert runner is not None and runner.wait_for_done(WAIT)


def test_the_case_panels_come_after_the_first_paint(qtbot: Any, themed_app: Any, tmp_path: Path):
    from ui.main import build_main_window

    window = build_main_window(tmp_path, panels=False)
    qtbot.addWidget(window)
    assert window.case_tabs.count() == 1  # 案件信息 only
    ran: list[str] = []
    FirstPaint(window, lambda: ran.append("then"))
    window.show()
    qtbot.waitUntil(lambda: ran == ["then"], timeout=WAIT)
    window.build_case_panels()
    window.build_case_panels()  # once
    assert window.case_tabs.count() == 6  # 联系记录, 重新计算, 和解方案, 履行情况, 文书
