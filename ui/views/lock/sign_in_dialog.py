"""登录: the user name and password at start, and the same dialog as the lock screen.

The password is checked by `app.services.organisation.accounts.sign_in` on the database
thread. A wrong password shows the service's message; while the service says to wait, 登录 is
disabled and counts the seconds down. At start 取消 quits the app; on the lock screen there is
no way round it (another user may sign in instead, which switches the user).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.ops import accounts
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import TaskRunner
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.lock import BackoffPolicy
    from app.services.organisation.accounts import SignedIn
    from ui.services import Core


def role_label(role: str) -> str:
    """调解员 / 主管 (translated) for a role code."""
    return labels.lookup(labels.account_roles(), role)


class SignInDialog(QDialog):
    """Asks for a user name and password and signs in through the services.

    Signals:
        signed_in(object): the password was right; the `SignedIn` user.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        service: Core,
        runner: TaskRunner,
        *,
        username: str = "",
        locked: bool = False,
        policy: BackoffPolicy | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._policy = policy
        self.locked = locked
        self.wait_left = 0  # seconds until the next try is allowed
        self.user: SignedIn | None = None
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self.tick)
        self._build(username)

    def _build(self, username: str) -> None:
        self.setWindowTitle(self.tr("已锁定") if self.locked else self.tr("登录调解工作台"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("调解工作台已锁定。请输入密码继续工作；其他用户也可以在此登录。")
            if self.locked
            else self.tr("请输入用户名和密码。")
        )
        intro.setObjectName("signInIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.username.setMaxLength(50)
        form.addRow(self.tr("用户名"), self.username)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("密码"), self.password)
        layout.addLayout(form)
        self.message = message_label("fieldError")
        layout.addWidget(self.message)
        layout.addWidget(self._buttons())
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(420)

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("登录"))
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        if not self.locked:
            cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel.clicked.connect(self.reject)
        return buttons

    # -- signing in ------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the password in the background (unless the service said to wait)."""
        name, password = self.username.text().strip(), self.password.text()
        if self.wait_left > 0:
            return
        if not name or not password:
            self._say(self.tr("请输入用户名和密码。"))
            (self.username if not name else self.password).setFocus()
            return
        self.sign_in_button.setEnabled(False)
        self.sign_in_button.setText(self.tr("正在核对…"))
        self._runner.run(accounts.sign_in(self._service, name, password, self._policy)).success(
            self._accepted
        ).failure(refused(self._refused, always=self._ready))

    def _accepted(self, user: SignedIn) -> None:
        self.user = user
        self.password.clear()
        self.message.setVisible(False)
        self._ready()
        self.signed_in.emit(user)
        self.done(QDialog.DialogCode.Accepted)

    def _refused(self, refusal: Refusal) -> None:
        from app.services.organisation.accounts import SignInRefused

        show_refusal(refusal, self.message)
        self.password.clear()
        self.password.setFocus()
        error = refusal.error  # a refused sign-in says how long to wait
        if isinstance(error, SignInRefused) and error.retry_after.total_seconds() > 0:
            self.wait(math.ceil(error.retry_after.total_seconds()))

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(True)

    # -- waiting ---------------------------------------------------------------------------

    def wait(self, seconds: int) -> None:
        """Disable 登录 for `seconds`, counting down on the button."""
        self.wait_left = seconds
        self._ready()
        self.countdown.start()

    def tick(self) -> None:
        """One second less to wait (the countdown timer's slot)."""
        self.wait_left = max(self.wait_left - 1, 0)
        if self.wait_left == 0:
            self.countdown.stop()
        self._ready()

    def _ready(self) -> None:
        waiting = self.wait_left > 0
        self.sign_in_button.setEnabled(not waiting)
        if waiting:
            text = self.tr("登录（%1 秒后可再试）").replace("%1", str(self.wait_left))
        else:
            text = self.tr("登录")
        self.sign_in_button.setText(text)

    # -- the lock screen cannot be closed ------------------------------------------------------

    def reject(self) -> None:
        if not self.locked:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            event.ignore()
            return
        super().closeEvent(event)
