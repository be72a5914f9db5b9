"""Settings → 账户: who may open the app, their roles, and the idle time before it locks.

A supervisor adds accounts (mediator or supervisor), resets a password, deactivates or
reactivates an account and sets the idle minutes; a mediator sees the list and may only
change their own password. The services check the role again (`accounts.require`) and
their refusals (e.g. the last supervisor) are shown as they come, in Chinese.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.lock import DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from ui.ops import accounts
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import TaskRunner
from ui.views.lock.account_dialogs import FormDialog, NewAccountDialog, PasswordDialog
from ui.views.lock.sign_in_dialog import role_label
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.services.organisation.accounts import AccountInfo, SignedIn
    from ui.services import Core

Form = TypeVar("Form", bound=FormDialog)


class AccountsTab(QWidget):
    """The accounts of this case store, managed by a supervisor.

    Signals:
        accounts_loaded(list): the list of `AccountInfo` was (re)read.
        account_added(object): a supervisor added this `AccountInfo`.
        idle_minutes_saved(int): the idle time before the lock was saved.
        action_failed(str): the services refused; the message shown.
    """

    accounts_loaded = Signal(list)
    account_added = Signal(object)
    idle_minutes_saved = Signal(int)
    action_failed = Signal(str)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._first_user: SignedIn | None = service.signed_in
        self.accounts: list[AccountInfo] = []
        self._select_after_load = ""
        self._build()

    @property
    def user(self) -> SignedIn | None:
        """Whoever is signed in now: the lock screen may have switched users since this tab
        was built, and the services check the role of the user who acts."""
        return self._service.signed_in or self._first_user

    @property
    def is_supervisor(self) -> bool:
        return self.user is not None and self.user.can("accounts")

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.message = message_label()
        layout.addWidget(self.message)
        layout.addWidget(self._accounts_box(), 1)
        layout.addWidget(self._lock_box())
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        layout.addWidget(self.status_label)

    def _accounts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("用户账户"))
        layout = QVBoxLayout(box)
        if not self.is_supervisor:
            note = QLabel(self.tr("账户由主管添加和管理；您可以修改自己的密码。"))
            note.setObjectName("hint")
            note.setWordWrap(True)
            layout.addWidget(note)
        table = QTableWidget(0, 4)
        table.setObjectName("accountTable")
        table.setHorizontalHeaderLabels(
            [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态")]
        )
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._selection_changed)
        self.table = table
        layout.addWidget(table, 1)
        layout.addLayout(self._buttons())
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = self._button("addAccount", self.tr("添加账户…"), self.add_account)
        self.reset_button = self._button("resetPassword", self.tr("重置密码…"), self.reset_password)
        self.active_button = self._button("toggleActive", self.tr("停用账户"), self.toggle_active)
        self.own_button = self._button(
            "changeOwnPassword", self.tr("修改我的密码…"), self.change_own_password
        )
        for button in (self.add_button, self.reset_button, self.active_button):
            button.setVisible(self.is_supervisor)
            row.addWidget(button)
        row.addStretch(1)
        self.own_button.setVisible(self.user is not None)
        row.addWidget(self.own_button)
        self._selection_changed()
        return row

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    def _lock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("自动锁定"))
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("无操作")))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("idleMinutes")
        self.minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.minutes.setValue(DEFAULT_IDLE_MINUTES)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes.setEnabled(self.is_supervisor)
        row.addWidget(self.minutes)
        row.addWidget(QLabel(self.tr("后锁定，须输入密码才能继续（Ctrl+L 可随时锁定）。")))
        row.addStretch(1)
        self.save_minutes_button = self._button(
            "saveIdleMinutes", self.tr("保存"), self.save_idle_minutes
        )
        self.save_minutes_button.setVisible(self.is_supervisor)
        row.addWidget(self.save_minutes_button)
        return box

    # -- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Read the accounts and the idle minutes in the background."""
        self._runner.run(accounts.accounts_and_idle_minutes(self._service)).success(
            self._loaded
        ).failure(refused(self._failed))

    def _loaded(self, loaded: tuple[list[AccountInfo], int]) -> None:
        self.accounts, minutes = loaded
        self.minutes.setValue(minutes)
        self.table.setRowCount(len(self.accounts))
        for row, info in enumerate(self.accounts):
            state = self.tr("启用") if info.active else self.tr("已停用")
            cells = (info.username, info.display_name, role_label(info.role), state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.username)
                self.table.setItem(row, column, item)
        wanted, self._select_after_load = self._select_after_load, ""
        if wanted:
            self.select(wanted)
        self._selection_changed()
        self.accounts_loaded.emit(self.accounts)

    def select(self, username: str) -> bool:
        for row, info in enumerate(self.accounts):
            if info.username == username:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.reset_button.setEnabled(chosen is not None)
        self.active_button.setEnabled(chosen is not None)
        active = chosen is None or chosen.active
        self.active_button.setText(self.tr("停用账户") if active else self.tr("启用账户"))

    # -- actions ---------------------------------------------------------------------------

    def add_account(self) -> NewAccountDialog | None:
        if self.user is None:
            return None
        dialog = NewAccountDialog(self._service, self._runner, self.user, self)
        dialog.succeeded.connect(self._added)
        return _opened(dialog)

    def _added(self, info: AccountInfo) -> None:
        self._done(self.tr("已添加账户“%1”。").replace("%1", info.username), info.username)
        self.account_added.emit(info)

    def reset_password(self) -> PasswordDialog | None:
        chosen = self.selected()
        if self.user is None or chosen is None:
            return None
        dialog = PasswordDialog(self._service, self._runner, self.user, chosen.username, self)
        done = self.tr("已为“%1”设置新密码。").replace("%1", chosen.username)
        dialog.succeeded.connect(lambda _result: self._done(done, chosen.username))
        return _opened(dialog)

    def change_own_password(self) -> PasswordDialog | None:
        if self.user is None:
            return None
        dialog = PasswordDialog(self._service, self._runner, self.user, parent=self)
        dialog.succeeded.connect(lambda _result: self._done(self.tr("您的密码已修改。")))
        return _opened(dialog)

    def toggle_active(self) -> None:
        chosen, by = self.selected(), self.user
        if by is None or chosen is None:
            return
        work = accounts.set_active(self._service, by, chosen.username, not chosen.active)
        self._runner.run(work).success(self._active_changed).failure(refused(self._failed))

    def _active_changed(self, info: AccountInfo) -> None:
        text = self.tr("已启用“%1”。") if info.active else self.tr("已停用“%1”。")
        self._done(text.replace("%1", info.username), info.username)

    def save_idle_minutes(self) -> None:
        by = self.user
        if by is None:
            return
        work = accounts.set_idle_minutes(self._service, by, self.minutes.value())
        self._runner.run(work).success(self._minutes_saved).failure(refused(self._failed))

    def _minutes_saved(self, minutes: int) -> None:
        self._done(self.tr("无操作 %1 分钟后锁定。").replace("%1", str(minutes)))
        self.idle_minutes_saved.emit(minutes)

    def _done(self, text: str, select: str = "") -> None:
        """Say what happened, and reload the list (keeping `select` chosen)."""
        self.message.setVisible(False)
        self.status_label.setText(text)
        chosen = self.selected()
        self._select_after_load = select or (chosen.username if chosen else "")
        self.load()

    def _failed(self, refusal: Refusal) -> None:
        self.action_failed.emit(show_refusal(refusal, self.message))


def _opened(dialog: Form) -> Form:
    """Show a form window-modally, deleted once closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
