"""The app lock in the GUI over a real case store (inline runner, fixed clock): the first
start makes a supervisor, wrong passwords back off with a countdown, the idle lock covers
every window and the right password brings it back with nothing typed lost, Ctrl+L locks,
and another user may sign in on the lock screen."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLineEdit

from app.security.lock import BackoffPolicy
from tests.gui.lock_fixtures import (
    BOSS_PW,
    MED_PW,
    WAIT,
    add_accounts,
    copy_store,
    make_empty_store,
    stored_accounts,
)
from tests.store_fixtures import START, FixedClock
from ui.app_lock import AppLock, cover_of
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.cases.new_case_dialog import NewCaseDialog
from ui.views.lock.first_account_dialog import FirstAccountDialog
from ui.views.lock.sign_in_dialog import SignInDialog
from ui.views.main_window import MainWindow


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_empty_store(tmp_path_factory.mktemp("lock"))


@pytest.fixture
def data_dir(empty_store: Path, tmp_path: Path) -> Path:
    return copy_store(empty_store, tmp_path)


class Harness:
    """A main window over the store, its app lock on a fixed clock, started."""

    def __init__(self, qtbot: Any, data_dir: Path, policy: BackoffPolicy | None = None) -> None:
        self.clock = FixedClock(START)
        self.service = ContextCaseService(data_dir, actor="系统用户", clock=self.clock)
        self.runner = InlineTaskRunner()
        self.window = MainWindow(self.service, self.runner, data_dir)
        self.runner.setParent(self.window)
        qtbot.addWidget(self.window)
        self.lock = AppLock(self.window, self.service, self.runner, clock=self.clock, policy=policy)
        self.window.show()
        self.lock.start()
        qtbot.waitUntil(lambda: self.lock.dialog is not None, timeout=WAIT)

    def sign_in(self, qtbot: Any, username: str, password: str) -> SignInDialog:
        dialog = self.lock.dialog
        assert isinstance(dialog, SignInDialog)
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.sign_in_button.click()
        return dialog

    def close(self) -> None:
        self.lock.stop()
        for dialog in self.window.findChildren(NewCaseDialog):
            dialog.close()
        self.service.close()
        QCoreApplication.processEvents()


@pytest.fixture
def started(qtbot: Any, themed_app: Any, data_dir: Path) -> Iterator[Harness]:
    add_accounts(data_dir)
    harness = Harness(qtbot, data_dir, policy=BackoffPolicy(free=2))
    yield harness
    harness.close()


def covered(widget: Any) -> bool:
    cover = cover_of(widget)
    return cover is not None and cover.isVisible() and cover.geometry() == widget.rect()


def test_first_start_creates_a_supervisor_and_signs_in(qtbot, themed_app, data_dir):
    harness = Harness(qtbot, data_dir)
    try:
        dialog = harness.lock.dialog
        assert isinstance(dialog, FirstAccountDialog) and dialog.isVisible()
        assert covered(harness.window) and harness.window.user is None
        fill = {"username": "Zhang.Wei", "display_name": "张伟", "password": "short"}
        for name, text in {**fill, "password_again": "other"}.items():
            dialog.rows[name].editor.setText(text)  # type: ignore[attr-defined]
        dialog.ok_button.click()
        assert dialog.rows["password_again"].error.text() == "两次输入的密码不一致，请重新输入。"
        dialog.rows["password_again"].editor.setText("short")  # type: ignore[attr-defined]
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.rows["password"].error.isVisible(), timeout=WAIT)
        assert "至少 8 个字符" in dialog.rows["password"].error.text()
        for name in ("password", "password_again"):
            dialog.rows[name].editor.setText(BOSS_PW)  # type: ignore[attr-defined]
        with qtbot.waitSignal(harness.lock.signed_in, timeout=WAIT) as signal:
            dialog.ok_button.click()
        user = signal.args[0]
        assert (user.username, user.role) == ("zhang.wei", "supervisor")
        assert harness.window.user == user and harness.service.signed_in == user
        assert harness.window.user_label.text() == "当前用户：张伟（主管）"
        assert not covered(harness.window) and harness.lock.dialog is None
        assert harness.window.lock_action.isEnabled()
        assert harness.service.context().actor == "zhang.wei"  # the audit log names them
        account = stored_accounts(data_dir)["zhang.wei"]
        assert (account.display_name, account.role, account.active) == ("张伟", "supervisor", True)
    finally:
        harness.close()


def test_cancel_at_start_asks_to_quit(qtbot, started):
    with qtbot.waitSignal(started.lock.start_cancelled, timeout=WAIT):
        started.lock.dialog.reject()  # type: ignore[union-attr]
    assert started.window.user is None


def test_wrong_password_shows_the_message_then_the_wait(qtbot, started):
    dialog = started.sign_in(qtbot, "wangfang", "wrong password 1")
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT)
    assert dialog.message.text() == "用户名或密码不正确。"
    assert dialog.sign_in_button.isEnabled() and dialog.password.text() == ""
    started.sign_in(qtbot, "wangfang", "wrong password 2")
    qtbot.waitUntil(lambda: "秒后再试" in dialog.message.text(), timeout=WAIT)
    assert dialog.message.text() == "用户名或密码不正确。密码错误次数过多，请在 5 秒后再试。"
    assert dialog.sign_in_button.text() == "登录（5 秒后可再试）"
    assert dialog.countdown.isActive()
    for _ in range(4):
        dialog.tick()
    assert dialog.sign_in_button.text() == "登录（1 秒后可再试）"
    assert not dialog.sign_in_button.isEnabled()
    dialog.tick()
    assert dialog.sign_in_button.isEnabled() and not dialog.countdown.isActive()
    started.clock.advance(seconds=5)  # the service counts the wait on its own clock
    with qtbot.waitSignal(started.lock.signed_in, timeout=WAIT):
        started.sign_in(qtbot, "wangfang", MED_PW)
    assert started.window.user_label.text() == "当前用户：王芳（调解员）"


def sign_in_at_start(qtbot: Any, harness: Harness, username: str, password: str) -> None:
    with qtbot.waitSignal(harness.lock.signed_in, timeout=WAIT):
        harness.sign_in(qtbot, username, password)


def test_idle_lock_covers_everything_and_keeps_what_was_typed(qtbot, started):
    sign_in_at_start(qtbot, started, "wangfang", MED_PW)
    qtbot.waitUntil(lambda: started.lock.idle.minutes == 10, timeout=WAIT)
    new_case = started.window.open_new_case()
    debtor = new_case.findChild(QLineEdit, "debtor_name")
    assert debtor is not None
    debtor.setText("赵六")
    started.clock.advance(minutes=9)
    qtbot.keyClick(debtor, Qt.Key.Key_End)  # input resets the idle time
    started.clock.advance(minutes=9)
    started.lock.check()
    assert not started.lock.is_locked
    started.clock.advance(minutes=1)
    with qtbot.waitSignal(started.lock.locked, timeout=WAIT):
        started.lock.check()
    lock_screen = started.lock.dialog
    assert isinstance(lock_screen, SignInDialog) and lock_screen.isVisible()
    assert lock_screen.locked and lock_screen.username.text() == "wangfang"
    assert lock_screen.isModal() and covered(started.window) and covered(new_case)
    lock_screen.reject()  # Esc or the close box cannot get round it
    assert lock_screen.isVisible()
    started.clock.advance(minutes=30)
    started.lock.check()  # still asking: no second lock screen
    assert started.lock.dialog is lock_screen
    started.sign_in(qtbot, "wangfang", "not the password")
    qtbot.waitUntil(lock_screen.message.isVisible, timeout=WAIT)
    assert started.lock.is_locked
    with qtbot.waitSignal(started.lock.signed_in, timeout=WAIT):
        started.sign_in(qtbot, "wangfang", MED_PW)
    assert not covered(started.window) and not covered(new_case)
    assert new_case.isVisible() and debtor.text() == "赵六"
    assert started.window.user is not None and started.window.user.username == "wangfang"


def test_ctrl_l_locks_and_another_user_may_sign_in(qtbot, started):
    sign_in_at_start(qtbot, started, "wangfang", MED_PW)
    assert started.window.lock_action.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(started.lock.locked, timeout=WAIT):
        started.window.lock_action.trigger()
    assert started.lock.idle.locked
    with qtbot.waitSignal(started.lock.signed_in, timeout=WAIT):
        started.sign_in(qtbot, "zhangwei", BOSS_PW)
    assert started.window.user_label.text() == "当前用户：张伟（主管）"
    assert started.service.context().actor == "zhangwei"
    assert "已切换为 张伟" in started.window.statusBar().currentMessage()


def test_ctrl_l_locks_from_inside_a_modal_dialog(qtbot, started):
    sign_in_at_start(qtbot, started, "wangfang", MED_PW)
    new_case = started.window.open_new_case()
    debtor = new_case.findChild(QLineEdit, "debtor_name")
    debtor.setText("赵六")
    with qtbot.waitSignal(started.lock.locked, timeout=WAIT):
        qtbot.keyClick(debtor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert covered(new_case) and debtor.text() == "赵六"


def test_a_window_closed_while_locked_does_not_break_unlocking(qtbot, started):
    sign_in_at_start(qtbot, started, "wangfang", MED_PW)
    new_case = started.window.open_new_case()
    with qtbot.waitSignal(started.lock.locked, timeout=WAIT):
        started.window.lock_action.trigger()
    new_case.close()  # e.g. by code that finished meanwhile; deleted on close
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(new_case)
    with qtbot.waitSignal(started.lock.signed_in, timeout=WAIT):
        started.sign_in(qtbot, "wangfang", MED_PW)
    assert not covered(started.window)


def test_the_idle_time_comes_from_the_store_and_follows_settings(qtbot, started):
    from app.services.organisation import accounts as accounts

    boss = accounts.sign_in(started.service.context(), "zhangwei", BOSS_PW)
    accounts.set_idle_minutes(started.service.context(), boss, 3)
    sign_in_at_start(qtbot, started, "zhangwei", BOSS_PW)
    qtbot.waitUntil(lambda: started.lock.idle.minutes == 3, timeout=WAIT)
    started.window.idle_minutes_changed.emit(1)
    assert started.lock.idle.minutes == 1
    started.clock.advance(seconds=59)
    started.lock.check()
    assert not started.lock.is_locked
    started.clock.advance(seconds=1)
    started.lock.check()
    assert started.lock.is_locked


def drive_run_gui(data_dir: Path, mode: str) -> list[str]:
    """`run_gui` in a fresh process, the dialogs filled by `tests.gui.run_gui_driver`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.run_gui_driver", str(data_dir), mode],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.splitlines()


def test_run_gui_asks_for_the_supervisor_then_for_a_password(tmp_path):
    """The real start path on a fresh data folder: 创建主管账户, then the list; the next
    start asks 登录 first; cancelling it quits without reading the list."""
    data_dir = tmp_path / "fresh"
    assert drive_run_gui(data_dir, "first") == [
        "dialog FirstAccountDialog",
        "cases 0 当前用户：张伟（主管）",
        "exit 0",
    ]
    assert "zhangwei" in stored_accounts(data_dir)
    assert drive_run_gui(data_dir, "cancel") == ["dialog SignInDialog", "exit 0"]
    assert drive_run_gui(data_dir, "sign-in") == [
        "dialog SignInDialog",
        "cases 0 当前用户：张伟（主管）",
        "exit 0",
    ]


def cover_title(window: Any) -> str:
    cover = cover_of(window)
    assert cover is not None
    return str(cover.title.text())


def test_the_first_screen_is_titled_for_what_it_is_and_only_a_lock_says_locked(
    qtbot, themed_app, data_dir
):
    first = Harness(qtbot, data_dir)
    try:
        assert cover_title(first.window) == "调解工作台 — 创建主管账户"
        assert first.lock.dialog.windowTitle() == "创建主管账户"  # type: ignore[union-attr]
    finally:
        first.close()
    add_accounts(data_dir)
    started = Harness(qtbot, data_dir)
    try:
        assert cover_title(started.window) == "调解工作台 — 登录"
        assert started.lock.dialog.windowTitle() == "登录调解工作台"  # type: ignore[union-attr]
        sign_in_at_start(qtbot, started, "wangfang", MED_PW)
        with qtbot.waitSignal(started.lock.locked, timeout=WAIT):
            started.window.lock_action.trigger()
        assert cover_title(started.window) == "调解工作台已锁定"
        assert started.lock.dialog.windowTitle() == "已锁定"  # type: ignore[union-attr]
    finally:
        started.close()
