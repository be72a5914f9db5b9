"""设置: the organisation's profile, its digital certificate, the LPR table and backups.

Each tab talks to the services through the task runner (the typed operations of `ui.ops`,
on the database thread). Closing with unsaved changes to the profile asks first, so nothing
typed is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import TaskRunner
from ui.views.settings.accounts import AccountsTab
from ui.views.settings.cert import CertificateTab
from ui.views.settings.data import BackupTab, LprTab
from ui.views.settings.org import OrganisationTab

if TYPE_CHECKING:
    from app.services.organisation.service import OrganisationProfile
    from ui.services import Core


class SettingsDialog(QDialog):
    """The Settings window with its four tabs (`organisation`, `certificate`, `lpr`,
    `backups`); `open_tab(name)` shows one."""

    def __init__(
        self, service: Core, runner: TaskRunner, data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.organisation = OrganisationTab(service, runner)
        self.certificate = CertificateTab(service, runner, data_dir)
        self.lpr = LprTab(runner, data_dir, service=service)
        self.backups = BackupTab(data_dir, service=service, runner=runner)
        self.accounts = AccountsTab(service, runner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self.organisation, self.tr("调解组织"))
        self.tabs.addTab(self.certificate, self.tr("数字证书"))
        self.tabs.addTab(self.lpr, self.tr("LPR 利率表"))
        self.tabs.addTab(self.backups, self.tr("备份"))
        self.tabs.addTab(self.accounts, self.tr("账户"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.organisation.profile_loaded.connect(self._profile_known)
        self.organisation.profile_saved.connect(self._profile_known)
        self.organisation.profile_saved.connect(self._saved)
        self.organisation.save_failed.connect(self._save_failed)
        self._close_after_save = False
        self.confirm_discard = self._confirm_discard
        self.resize(920, 620)

    def load(self) -> None:
        """Read everything the tabs show (in the background)."""
        self.organisation.load()
        self.certificate.load()
        self.lpr.load()
        self.backups.load()
        self.accounts.load()

    def open_tab(self, name: str) -> QWidget:
        tab: QWidget = getattr(self, name)
        self.tabs.setCurrentWidget(tab)
        return tab

    def _profile_known(self, profile: OrganisationProfile) -> None:
        self.certificate.set_org_name(profile.name)

    def _saved(self, _profile: OrganisationProfile) -> None:
        if self._close_after_save:
            self._close_after_save = False
            super().reject()

    def _save_failed(self, _message: str) -> None:
        self._close_after_save = False

    # -- closing -------------------------------------------------------------------------------

    def _confirm_discard(self) -> bool:
        """Ask what to do with unsaved profile edits; True when the dialog may close."""
        answer = QMessageBox.question(
            self,
            self.tr("未保存的修改"),
            self.tr("调解组织的资料有未保存的修改。要保存吗？"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.tabs.setCurrentWidget(self.organisation)
            self._close_after_save = True
            self.organisation.save()
            return False  # closes once saved; a refusal shows next to its field
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.organisation.dirty and not self.confirm_discard():
            return
        super().reject()


def open_settings(
    parent: QWidget, service: Core, runner: TaskRunner, data_dir: Path, tab: str = ""
) -> SettingsDialog:
    """Show the Settings window (window-modal, deleted on close), its tabs loading."""
    dialog = SettingsDialog(service, runner, data_dir, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if tab:
        dialog.open_tab(tab)
    dialog.load()
    dialog.open()
    return dialog
