"""Small forms for accounts: a new account, a password reset, changing one's own password.

Each runs its service call on the database thread; a refusal is shown under the field it
names (or above the buttons), and nothing typed is lost. `FormDialog` is the shared shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.ops import accounts
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import Op, TaskRunner
from ui.views.lock.sign_in_dialog import role_label
from ui.widgets.field_row import FieldRow
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.organisation.accounts import SignedIn
    from ui.services import Core


class FormDialog(QDialog):
    """Fields with a message under each, OK runs `work()` in the background.

    Signals:
        succeeded(object): the work returned this result; the dialog then closes.
    """

    succeeded = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.rows: dict[str, FieldRow] = {}
        self.result_value: object = None
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.message = message_label()
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("formOk")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.setMinimumWidth(460)

    def add_intro(self, text: str) -> None:
        intro = QLabel(text)
        intro.setObjectName("formNote")
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)

    def add_line(self, name: str, label: str, hint: str = "", *, secret: bool = False) -> None:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(hint)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(lambda _text: self.rows[name].set_error(""))
        self.add_field(name, label, edit)

    def add_field(self, name: str, label: str, editor: QWidget) -> None:
        self.rows[name] = FieldRow(editor)
        self.form.addRow(label, self.rows[name])

    def finish(self, ok_text: str) -> None:
        """Lay out the form, the message and the buttons (after the fields are added)."""
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok_button.setText(ok_text)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        self.layout_.addWidget(buttons)

    def text(self, name: str) -> str:
        editor = self.rows[name].editor
        assert isinstance(editor, QLineEdit)
        return editor.text()

    # -- submitting ------------------------------------------------------------------------

    def check(self) -> dict[str, str]:
        """Problems found here before asking the services: the two passwords must agree."""
        if "password_again" in self.rows and self.text("password") != self.text("password_again"):
            return {"password_again": self.tr("两次输入的密码不一致，请重新输入。")}
        return {}

    def work(self) -> Op[object]:
        """The operation to run on the database thread (read the fields here)."""
        raise NotImplementedError

    def submit(self) -> None:
        for row in self.rows.values():
            row.set_error("")
        self.message.setVisible(False)
        problems = self.check()
        if problems:
            self.show_problems(problems)
            return
        self.ok_button.setEnabled(False)
        self._runner.run(self.work()).success(self._succeeded).failure(
            refused(self._refused, always=lambda: self.ok_button.setEnabled(True))
        )

    def _succeeded(self, result: object) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.succeeded.emit(result)
        self.done(QDialog.DialogCode.Accepted)

    def _refused(self, refusal: Refusal) -> None:
        show_refusal(refusal, self.message, self.rows, field_of=_field_of)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each message under its field (the first field gets the focus); others above."""
        first = ""
        for path, reason in problems.items():
            name = "password" if path == "new_password" else path
            if name in self.rows:
                self.rows[name].set_error(reason)
                first = first or name
            else:
                self.say(reason)
        if first:
            self.rows[first].editor.setFocus()

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(True)


class NewAccountDialog(FormDialog):
    """A supervisor adds an account (mediator or supervisor); `succeeded(AccountInfo)`."""

    def __init__(
        self, service: Core, runner: TaskRunner, by: SignedIn, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("添加账户"))
        self._service = service
        self._by = by
        self.add_line("username", self.tr("用户名"), self.tr("登录时使用，如 wangfang"))
        self.add_line("display_name", self.tr("姓名"), self.tr("如 王芳"))
        self.role = QComboBox()
        self.role.setObjectName("role")
        for code in ("mediator", "supervisor"):
            self.role.addItem(role_label(code), code)
        self.add_field("role", self.tr("角色"), self.role)
        self.add_line("password", self.tr("初始密码"), self.tr("至少 8 个字符"), secret=True)
        self.add_line("password_again", self.tr("再次输入密码"), secret=True)
        self.finish(self.tr("添加"))

    def work(self) -> Op[object]:
        by = acting(self._service, self._by)
        username, display_name = self.text("username"), self.text("display_name")
        role, password = str(self.role.currentData()), self.text("password")
        name = display_name or username
        return accounts.create_account(self._service, by, username, name, role, password)


class PasswordDialog(FormDialog):
    """A new password: the user's own (the old one asked first), or a supervisor's reset of
    someone else's (`username`)."""

    def __init__(
        self,
        service: Core,
        runner: TaskRunner,
        by: SignedIn,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        own = not username or username == by.username
        self.setWindowTitle(self.tr("修改我的密码") if own else self.tr("重置密码"))
        self._service = service
        self._by = by
        self._username = "" if own else username
        if own:
            self.add_line("old_password", self.tr("原密码"), secret=True)
        else:
            self.add_intro(
                self.tr("为“%1”设置新密码，并请本人登录后自行修改。").replace("%1", username)
            )
        self.add_line("password", self.tr("新密码"), self.tr("至少 8 个字符"), secret=True)
        self.add_line("password_again", self.tr("再次输入新密码"), secret=True)
        self.finish(self.tr("保存"))

    def work(self) -> Op[object]:
        by = acting(self._service, self._by)
        old = self.text("old_password") if "old_password" in self.rows else ""
        return accounts.set_password(self._service, by, self._username, old, self.text("password"))


def _field_of(path: str) -> str:
    """The services call the new password `new_password`; the form, `password`."""
    return "password" if path == "new_password" else path


def acting(service: Core, fallback: SignedIn) -> SignedIn:
    """Whoever is signed in now (the lock screen may have switched users since the form
    opened; the services then check that user's role)."""
    return service.signed_in if service.signed_in is not None else fallback
