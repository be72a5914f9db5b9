"""Settings → 账户 over a real case store (inline runner): a mediator sees no admin buttons
and changes only their own password; a supervisor adds a mediator (the row appears and is in
the store), resets a password, deactivates and reactivates, sets the idle minutes, and the
services' refusals show in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.gui.lock_fixtures import (
    BOSS_PW,
    MED_PW,
    WAIT,
    add_accounts,
    copy_store,
    make_empty_store,
    stored_accounts,
)
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.lock.account_dialogs import FormDialog
from ui.views.settings.accounts import AccountsTab


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_empty_store(tmp_path_factory.mktemp("lock"))


@pytest.fixture
def data_dir(empty_store: Path, tmp_path: Path) -> Path:
    return copy_store(empty_store, tmp_path)


@pytest.fixture
def service(data_dir: Path) -> Iterator[ContextCaseService]:
    add_accounts(data_dir)
    svc = ContextCaseService(data_dir, actor="系统用户")
    yield svc
    svc.close()


def open_tab(qtbot: Any, service: ContextCaseService, username: str, password: str) -> AccountsTab:
    from app.services.organisation import accounts as accounts

    service.signed_in = accounts.sign_in(service.context(), username, password)
    runner = InlineTaskRunner()
    tab = AccountsTab(service, runner)
    runner.setParent(tab)
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.accounts_loaded, timeout=WAIT):
        tab.load()
    return tab


def rows(tab: AccountsTab) -> list[tuple[str, ...]]:
    table = tab.table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def fill(dialog: FormDialog, **values: str) -> None:
    for name, text in values.items():
        dialog.rows[name].editor.setText(text)  # type: ignore[attr-defined]


def test_a_mediator_sees_the_list_but_no_admin_buttons(qtbot, themed_app, service):
    tab = open_tab(qtbot, service, "wangfang", MED_PW)
    assert rows(tab) == [
        ("wangfang", "王芳", "调解员", "启用"),
        ("zhangwei", "张伟", "主管", "启用"),
    ]
    for button in (tab.add_button, tab.reset_button, tab.active_button, tab.save_minutes_button):
        assert not button.isVisible()
    assert tab.own_button.isVisible() and not tab.minutes.isEnabled()
    dialog = tab.change_own_password()
    assert dialog is not None and "old_password" in dialog.rows
    fill(dialog, old_password="wrong one", password="新的密码-2027", password_again="新的密码-2027")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.rows["old_password"].error.isVisible(), timeout=WAIT)
    assert dialog.rows["old_password"].error.text() == "原密码不正确。"
    fill(dialog, old_password=MED_PW)
    with qtbot.waitSignal(dialog.succeeded, timeout=WAIT):
        dialog.ok_button.click()
    assert tab.status_label.text() == "您的密码已修改。"
    from app.services.organisation import accounts as accounts

    assert accounts.sign_in(service.context(), "wangfang", "新的密码-2027").role == "mediator"


def test_a_supervisor_adds_a_mediator_and_the_row_appears(qtbot, themed_app, service, data_dir):
    tab = open_tab(qtbot, service, "zhangwei", BOSS_PW)
    assert tab.add_button.isVisible() and tab.minutes.isEnabled()
    dialog = tab.add_account()
    assert dialog is not None
    fill(dialog, username="li si", display_name="李四", password="12345678", password_again="1")
    dialog.ok_button.click()
    assert dialog.rows["password_again"].error.text() == "两次输入的密码不一致，请重新输入。"
    fill(dialog, password_again="12345678")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.rows["username"].error.isVisible(), timeout=WAIT)
    assert dialog.rows["username"].error.text() == "用户名为 2–50 个字符，不含空格。"
    fill(dialog, username="lisi", password="李四的密码-2026", password_again="李四的密码-2026")
    assert dialog.role.currentData() == "mediator"
    with qtbot.waitSignal(tab.account_added, timeout=WAIT):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: len(rows(tab)) == 3, timeout=WAIT)
    assert ("lisi", "李四", "调解员", "启用") in rows(tab)
    assert tab.selected() is not None and tab.selected().username == "lisi"
    assert tab.status_label.text() == "已添加账户“lisi”。"
    stored = stored_accounts(data_dir)["lisi"]
    assert (stored.display_name, stored.role, stored.active) == ("李四", "mediator", True)


def test_a_supervisor_deactivates_resets_and_sets_the_idle_time(qtbot, themed_app, service):
    from app.services.organisation import accounts as accounts

    tab = open_tab(qtbot, service, "zhangwei", BOSS_PW)
    assert tab.select("zhangwei")
    with qtbot.waitSignal(tab.action_failed, timeout=WAIT):
        tab.active_button.click()  # the last supervisor
    assert tab.message.text() == "不能停用最后一个主管账户：请先为另一位主管建立账户。"
    assert tab.select("wangfang") and tab.active_button.text() == "停用账户"
    with qtbot.waitSignal(tab.accounts_loaded, timeout=WAIT):
        tab.active_button.click()
    assert ("wangfang", "王芳", "调解员", "已停用") in rows(tab)
    assert tab.active_button.text() == "启用账户"  # still chosen after the reload
    with pytest.raises(accounts.SignInRefused, match="已停用"):
        accounts.sign_in(service.context(), "wangfang", MED_PW)
    dialog = tab.reset_password()
    assert dialog is not None and "old_password" not in dialog.rows
    fill(dialog, password="重置后的密码-1", password_again="重置后的密码-1")
    with qtbot.waitSignal(dialog.succeeded, timeout=WAIT):
        dialog.ok_button.click()
    with qtbot.waitSignal(tab.accounts_loaded, timeout=WAIT):
        tab.active_button.click()
    assert accounts.sign_in(service.context(), "wangfang", "重置后的密码-1").username == "wangfang"
    tab.minutes.setValue(25)
    with qtbot.waitSignal(tab.idle_minutes_saved, timeout=WAIT) as saved:
        tab.save_minutes_button.click()
    assert saved.args == [25] and accounts.idle_minutes(service.context()) == 25


def test_after_a_switch_on_the_lock_screen_the_new_users_role_counts(qtbot, themed_app, service):
    from app.services.organisation import accounts as accounts

    tab = open_tab(qtbot, service, "zhangwei", BOSS_PW)
    service.signed_in = accounts.sign_in(service.context(), "wangfang", MED_PW)
    assert tab.select("wangfang")
    with qtbot.waitSignal(tab.action_failed, timeout=WAIT) as failed:
        tab.active_button.click()
    assert failed.args == ["“账户管理”只能由主管管理：请让主管账户登录后操作。"]
    assert stored_accounts(service.data_dir)["wangfang"].active
