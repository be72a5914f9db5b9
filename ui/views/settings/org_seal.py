"""The organisation's digital signature (电子签章) on an agreement signed on the pad, from
the GUI: the finish step of the session wizard and the 文书 tab's 加盖电子签章 share this.

The signing key's passphrase is had on the GUI thread (`seal_passphrase`): silently from
the OS keyring or `MEDIATION_DESK_PASSPHRASE`, else by asking in a `PassphraseDialog` that
says why (twice at first set-up, when the key is about to be created). The signing itself
runs on the task runner (`app.services.sessions.signing.seal_agreement`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.errors import DomainError
from ui.refusal import refusal_of, report_unexpected
from ui.tasks import Op, TaskRunner
from ui.views.lock.passphrase_dialog import ask_passphrase

if TYPE_CHECKING:
    from app.services.organisation.accounts import SignedIn
    from ui.services import Core

PassphraseAsker = Callable[[QWidget, str, bool], "str | None"]
T = TypeVar("T")


def seal_passphrase(
    parent: QWidget, data_dir: Path | None, ask: PassphraseAsker = ask_passphrase
) -> tuple[str | None, str]:
    """`(passphrase, "")`, or `(None, why not)` when it cannot be had or the user cancelled.
    Call on the GUI thread: it may show a dialog."""
    from app.services.organisation.signing import identity_ready, signing_passphrase

    if data_dir is None:
        return None, QCoreApplication.translate(
            "OrgSeal", "找不到数据目录，无法使用组织的签名密钥。"
        )
    cancelled = False
    first_setup = not identity_ready(data_dir)

    def prompt(message: str) -> str:
        nonlocal cancelled
        answer = ask(parent, message, first_setup)
        cancelled = not answer
        return answer or ""

    try:
        return signing_passphrase(data_dir, interactive=True, prompt=prompt), ""
    except DomainError as error:
        if cancelled:
            return None, QCoreApplication.translate("OrgSeal", "没有输入签名密钥的口令。")
        return None, str(error)


def seal_failed_text(reason: str) -> str:
    """What to tell the mediator when the agreement could not be sealed: nothing is lost."""
    text = QCoreApplication.translate(
        "OrgSeal",
        "未能加盖组织电子签章：%1\n"
        "调解协议书已由各方签名并保存，不受影响。请稍后在案件的“文书”页选中该协议书，"
        "点击“加盖电子签章”。",
    )
    return text.replace("%1", reason)


def seal_in_background(
    parent: QWidget,
    service: Core,
    runner: TaskRunner,
    work: Callable[[str, SignedIn], Op[T]],
    *,
    ask: PassphraseAsker = ask_passphrase,
    on_done: Callable[[T], object],
    on_refused: Callable[[str], object],
) -> bool:
    """Get the passphrase here (GUI thread), then run the op `work(passphrase, user)` on
    the task runner: `on_done(result)`, or `on_refused(reason)` when there is no passphrase,
    a mediator would create the organisation's certificate, or the signing fails (a bug
    also goes to the crash dialog). False when nothing was started."""
    from app.services.organisation.signing import require_identity_or_supervisor
    from ui.services import acting_user

    user = acting_user(service)
    folder = service.data_dir
    try:
        if folder is not None:
            require_identity_or_supervisor(folder, user)  # before asking for a passphrase
    except DomainError as error:
        on_refused(str(error))
        return False
    passphrase, why = seal_passphrase(parent, folder, ask)
    if passphrase is None:
        on_refused(why)
        return False

    def failed(error: BaseException) -> None:
        refusal = refusal_of(error)
        if refusal is not None:
            on_refused(refusal.message)
            return
        on_refused(QCoreApplication.translate("OrgSeal", "签名时发生意外错误。"))
        report_unexpected(error)

    runner.run(work(passphrase, user)).success(on_done).failure(failed)
    return True
