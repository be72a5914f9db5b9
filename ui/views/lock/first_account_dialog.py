"""创建主管账户: the first start of a new case store makes the supervisor account.

The fields are checked by `app.services.organisation.accounts.create_first_supervisor`; each
refusal is shown under its field and names the fix. Once created, the account signs in at
once (the password is checked as at every start), so the app opens as that supervisor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.ops import accounts
from ui.tasks import Op, TaskRunner
from ui.views.lock.account_dialogs import FormDialog

if TYPE_CHECKING:
    from app.services.organisation.accounts import SignedIn
    from ui.services import Core


class FirstAccountDialog(FormDialog):
    """Makes the first (supervisor) account and signs it in.

    Signals:
        signed_in(object): the account was made and signed in; the `SignedIn` user.
    """

    signed_in = Signal(object)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._service = service
        self.setWindowTitle(self.tr("创建主管账户"))
        self.add_intro(
            self.tr(
                "这是第一次打开本案件库，请先创建主管账户：主管管理调解组织信息、数字证书、"
                "用户账户和 LPR 利率表，调解员账户之后由主管添加。"
            )
        )
        self.add_line("username", self.tr("用户名"), self.tr("登录时使用，如 zhangwei"))
        self.add_line("display_name", self.tr("姓名"), self.tr("显示在界面和记录中，如 张伟"))
        self.add_line("password", self.tr("密码"), self.tr("至少 8 个字符"), secret=True)
        self.add_line("password_again", self.tr("再次输入密码"), secret=True)
        self.finish(self.tr("创建并登录"))
        self.succeeded.connect(self.signed_in)

    @property
    def user(self) -> SignedIn | None:
        return cast("SignedIn | None", self.result_value)

    def work(self) -> Op[object]:
        username, display_name = self.text("username"), self.text("display_name")
        password = self.text("password")
        return accounts.create_first_supervisor(
            self._service, username, display_name or username, password
        )
