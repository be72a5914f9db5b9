"""Settings → 数字证书: the organisation's certificate (subject, fingerprint, validity),
"生成本机证书" (key and self-signed certificate) and "导入 PKCS#12…" (a CA's certificate).

The key's passphrase comes from `signing_passphrase`: the OS keyring when one works (a
random passphrase is created and kept there at first set-up), else the environment, else
the user is asked, with the reason, in a `PassphraseDialog` (on the GUI thread). The key
work itself runs on the task runner. Only a supervisor creates or imports (the services
check it); a mediator sees the tab read-only with a note saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from ui.ops import organisation
from ui.refusal import Refusal, refused, show_refusal
from ui.services import acting_user
from ui.tasks import Op, TaskRunner
from ui.views.lock.passphrase_dialog import ask_passphrase, ask_secret
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.organisation.certificate import CertificateInfo, KeyringState
    from ui.services import Core

PassphrasePrompt = Callable[[QWidget, str, bool], "str | None"]
SecretPrompt = Callable[[QWidget, str, str], "str | None"]


NOTICE_STYLE = (
    "QLabel { background: #fef0c7; color: #93370d; border: 1px solid #fedf89;"
    " border-radius: 4px; padding: 6px 10px; }"
)
GOOD_STYLE = "QLabel { color: #067647; font-weight: bold; }"
BAD_STYLE = "QLabel { color: #b42318; font-weight: bold; }"


def role_note(text: str) -> QLabel:
    """The one-line notice a mediator sees on a supervisor's tab (hidden until needed)."""
    note = QLabel(text)
    note.setObjectName("roleNote")
    note.setStyleSheet(NOTICE_STYLE)
    note.setWordWrap(True)
    note.setVisible(False)
    return note


def fingerprint_text(hex_digest: str) -> str:
    """`3f2a9c…` → `3F2A 9C1B … ` in groups of four, eight groups a line."""
    upper = hex_digest.upper()
    groups = [upper[i : i + 4] for i in range(0, len(upper), 4)]
    return "\n".join(" ".join(groups[i : i + 8]) for i in range(0, len(groups), 8))


def monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class CertificateTab(QWidget):
    """Shows and changes the organisation's signing certificate.

    Signals:
        certificate_shown(object): the `CertificateInfo` now shown (None: there is none).
        certificate_failed(str): creating or importing failed; the message shown.
    """

    certificate_shown = Signal(object)
    certificate_failed = Signal(str)

    def __init__(
        self, service: Core, runner: TaskRunner, data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._data_dir = data_dir
        self.org_name = ""
        self.info: CertificateInfo | None = None
        self.ask_passphrase: PassphrasePrompt = ask_passphrase
        self.ask_secret: SecretPrompt = ask_secret
        self.confirm_replace: Callable[[], bool] = self._confirm_replace
        self._build()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.role_note = role_note(
            self.tr("只有主管可以生成或导入组织的数字证书；您可以查看证书和复制指纹。")
        )
        layout.addWidget(self.role_note)
        self.message = message_label()
        layout.addWidget(self.message)
        layout.addWidget(self._details_box())
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("hint")
        self.keyring_note.setWordWrap(True)
        layout.addWidget(self.keyring_note)
        buttons = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("生成本机证书"))
        self.generate_button.setObjectName("generateCertificate")
        self.generate_button.clicked.connect(self.generate)
        self.import_button = QPushButton(self.tr("导入 PKCS#12…"))
        self.import_button.clicked.connect(lambda: self.import_p12())
        self.copy_button = QPushButton(self.tr("复制指纹"))
        self.copy_button.clicked.connect(self.copy_fingerprint)
        for button in (self.generate_button, self.import_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        about = QLabel(
            self.tr(
                "本机证书由软件自行生成（自签名），可以证明文件签署后未被改动；"
                "对方核对签署人时，请提供上面的证书指纹。由电子认证服务机构（CA）签发的证书"
                "可通过“导入 PKCS#12…”使用。更换证书后，以前签署的文书仍可核验。"
            )
        )
        about.setObjectName("hint")
        about.setWordWrap(True)
        layout.addWidget(about)
        layout.addStretch(1)

    def _details_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("组织的数字证书"))
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.values: dict[str, QLabel] = {}
        rows = (
            ("state", self.tr("状态")),
            ("name", self.tr("主体名称")),
            ("subject", self.tr("完整主体")),
            ("fingerprint", self.tr("SHA-256 指纹")),
            ("validity", self.tr("有效期")),
            ("kind", self.tr("类型")),
            ("passphrase", self.tr("密钥口令")),
        )
        for key, label in rows:
            value = QLabel()
            value.setObjectName(f"cert_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(label, value)
        self.values["fingerprint"].setFont(monospace())
        self.values["fingerprint"].setWordWrap(False)
        return box

    # -- showing -----------------------------------------------------------------------------

    def set_org_name(self, name: str) -> None:
        """The saved organisation name: the subject of a certificate made here."""
        self.org_name = name

    @property
    def may_change(self) -> bool:
        """True when the user acting now may create or import the certificate."""
        return acting_user(self._service).can("certificates")

    def apply_role(self) -> None:
        """Read-only for a mediator: the buttons that change the certificate are off."""
        allowed = self.may_change
        self.role_note.setVisible(not allowed)
        for button in (self.generate_button, self.import_button):
            button.setEnabled(allowed)

    def load(self) -> None:
        self.apply_role()
        self._runner.run(organisation.certificate(self._data_dir)).success(
            lambda pair: self.show_info(*pair)
        ).failure(refused(self._failed, always=lambda: self._busy(False)))

    def show_info(self, info: CertificateInfo | None, keyring: KeyringState) -> None:
        self.info = info
        self._show_keyring(keyring)
        self.copy_button.setEnabled(info is not None)
        self.generate_button.setText(
            self.tr("重新生成本机证书…") if info else self.tr("生成本机证书")
        )
        if info is None:
            for key, label in self.values.items():
                label.setText("—" if key != "state" else self.tr("还没有组织证书"))
            self.values["state"].setText(
                self.tr("还没有组织证书：签署文书前，请生成本机证书或导入证书。")
            )
            self.values["state"].setStyleSheet(BAD_STYLE)
        else:
            self._show_certificate(info)
        self.certificate_shown.emit(info)

    def _show_certificate(self, info: CertificateInfo) -> None:
        now = datetime.now(UTC)
        days = (info.not_after - now).days
        self.values["state"].setStyleSheet(BAD_STYLE if days < 60 else GOOD_STYLE)
        if info.not_after < now:
            state = self.tr("已过期：请重新生成或导入新证书")
        elif days < 60:
            state = self.tr("有效（%n 天后到期，请及早更换）", "", days)
        else:
            state = self.tr("有效")
        self.values["state"].setText(state)
        self.values["name"].setText(info.common_name)
        self.values["subject"].setText(info.subject)
        self.values["fingerprint"].setText(fingerprint_text(info.fingerprint_sha256))
        start = info.not_before.astimezone().strftime("%Y-%m-%d")
        end = info.not_after.astimezone().strftime("%Y-%m-%d")
        self.values["validity"].setText(self.tr("%1 至 %2").replace("%1", start).replace("%2", end))
        self.values["kind"].setText(
            self.tr("自签名（本机生成）") if info.self_signed else self.tr("由证书颁发机构签发")
        )
        self.values["passphrase"].setText(
            self.tr("保存在系统钥匙串中，签名时无需输入")
            if info.passphrase_in_keyring
            else self.tr("不在系统钥匙串中：签名时需要输入口令")
        )

    def _show_keyring(self, keyring: KeyringState) -> None:
        self.keyring_note.setStyleSheet("" if keyring.available else NOTICE_STYLE)
        if keyring.available:
            self.keyring_note.setText(
                self.tr("本机的系统钥匙串可用：密钥口令由软件随机生成并保存在钥匙串中。")
            )
        else:
            self.keyring_note.setText(
                self.tr(
                    "本机没有可用的系统钥匙串（keyring），软件无法替您保存密钥口令，"
                    "也不会把口令写进文件：生成、导入证书和每次签名时都需要输入口令"
                    "（也可设置环境变量 MEDIATION_DESK_PASSPHRASE）。请牢记口令，遗失后无法找回。"
                )
            )

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # -- changing ----------------------------------------------------------------------------

    def _confirm_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("更换组织证书"),
            self.tr(
                "已经有组织证书。更换后，新签署的文书使用新证书（指纹会改变），"
                "以前签署的文书仍可核验。确定要更换吗？"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _passphrase(self) -> str | None:
        """The signing passphrase from the keyring, the environment or the user; None when
        the user cancelled or it cannot be had (the reason is shown)."""
        from app.services.organisation.signing import signing_passphrase

        cancelled = False

        def prompt(message: str) -> str:
            nonlocal cancelled
            answer = self.ask_passphrase(self, message, True)
            cancelled = not answer
            return answer or ""

        try:
            return signing_passphrase(self._data_dir, interactive=True, prompt=prompt)
        except DomainError as error:
            self._say(self.tr("没有输入口令，已取消。") if cancelled else str(error))
            return None

    def generate(self) -> None:
        """Create the organisation's key and self-signed certificate (asks before replacing)."""
        self._say("")
        name = self.org_name
        if not name:
            self._say(self.tr("请先在“调解组织”页填写组织名称并保存：证书的主体就是组织名称。"))
            return
        replace = self.info is not None
        if replace and not self.confirm_replace():
            return
        passphrase = self._passphrase()
        if passphrase is None:
            return
        by = acting_user(self._service)
        self._change(organisation.create_certificate(self._service, name, passphrase, by, replace))

    def import_p12(self, path: Path | None = None) -> None:
        """Import a CA's PKCS#12 file (chosen in a file dialog when `path` is None)."""
        self._say("")
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("导入证书"), "", self.tr("PKCS#12 证书 (*.p12 *.pfx)")
            )
            if not chosen:
                return
            path = Path(chosen)
        secret = self.ask_secret(
            self,
            self.tr("证书文件密码"),
            self.tr("请输入证书文件 %1 的密码（由证书颁发机构提供；没有密码请留空）。").replace(
                "%1", path.name
            ),
        )
        if secret is None or (self.info is not None and not self.confirm_replace()):
            return
        passphrase = self._passphrase()
        if passphrase is None:
            return
        by = acting_user(self._service)
        self._change(organisation.import_certificate(self._service, path, secret, passphrase, by))

    def _change(self, work: Op[CertificateInfo]) -> None:
        self._busy(True)
        self._runner.run(work).success(self._changed).failure(
            refused(self._failed, always=lambda: self._busy(False))
        )

    def _changed(self, info: CertificateInfo) -> None:
        from app.services.organisation.certificate import keyring_state

        self._busy(False)
        self.show_info(info, keyring_state(self._data_dir))

    def _failed(self, refusal: Refusal) -> None:
        self.certificate_failed.emit(show_refusal(refusal, self.message))

    def _busy(self, busy: bool) -> None:
        allowed = not busy and self.may_change
        for button in (self.generate_button, self.import_button):
            button.setEnabled(allowed)

    def copy_fingerprint(self) -> None:
        if self.info is not None:
            QGuiApplication.clipboard().setText(self.info.fingerprint_sha256.upper())
