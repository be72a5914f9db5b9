"""Asking for a passphrase, saying why: one field, or two that must agree when a new
passphrase is being set (as the terminal asks twice)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PassphraseDialog(QDialog):
    """A password prompt with its reason shown in full (wrapped), not in a title bar."""

    def __init__(
        self,
        message: str,
        *,
        confirm: bool = False,
        allow_empty: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("签名密钥口令"))
        layout = QVBoxLayout(self)
        why = QLabel(message)
        why.setObjectName("passphraseReason")
        why.setWordWrap(True)
        layout.addWidget(why)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("口令"), self.first)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        if confirm:
            form.addRow(self.tr("再次输入"), self.second)
        self._confirm = confirm
        self._allow_empty = allow_empty
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _check(self) -> None:
        if not self.first.text() and not self._allow_empty:
            self._say(self.tr("请输入口令。"))
        elif self._confirm and self.second.text() != self.first.text():
            self._say(self.tr("两次输入的口令不一致，请重新输入。"))
            self.second.clear()
            self.second.setFocus()
        else:
            self.accept()

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def passphrase(self) -> str:
        return self.first.text()


def ask_passphrase(parent: QWidget, message: str, confirm: bool) -> str | None:
    """Show the prompt modally; the passphrase, or None when the user cancelled."""
    dialog = PassphraseDialog(message, confirm=confirm, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()


def ask_secret(parent: QWidget, title: str, message: str) -> str | None:
    """A one-off password (e.g. of a .p12 file); None when cancelled. Empty is allowed."""
    dialog = PassphraseDialog(message, allow_empty=True, parent=parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()
