"""Settings → 备份: the backups (the chosen folder and the data folder's `backups`),
"立即备份", the folder they go to, and "从备份恢复…".

A restore is a supervisor's action (the services check it). It asks first, in plain words,
then runs on the task runner: the service closes the case store, the backup service checks
the file and keeps a safety copy of the current store before replacing it. The store then
stays closed for this run of the app (every later call asks for a restart), so no window
writes what it still shows from before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.ops import maintenance
from ui.ops.maintenance import BackupListing, list_backups_now
from ui.refusal import Refusal, refused
from ui.services import acting_user
from ui.tasks import TaskRunner
from ui.views.settings.cert import NOTICE_STYLE, role_note
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.maintenance.backup import BackupEntry, BackupResult, RestoreResult
    from ui.services import Core

__all__ = ["BackupListing", "BackupTab"]

PATH_ROLE = Qt.ItemDataRole.UserRole
MIB = 1024 * 1024


class BackupTab(QWidget):
    """The backups, and making or restoring one.

    Signals:
        listing_shown(object): the `BackupListing` now shown.
        backup_created(object): "立即备份" made this `BackupResult`.
        store_restored(object): the store was replaced; the `RestoreResult` (restart now).
        backup_failed(str): making, restoring or listing failed; the message shown.
    """

    listing_shown = Signal(object)
    backup_created = Signal(object)
    store_restored = Signal(object)
    backup_failed = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        service: Core | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._service = service
        self._runner = runner
        self.listing: QListWidget
        self.shown: BackupListing | None = None
        self.restored = False
        self.confirm_restore: Callable[[BackupEntry], bool] = self._confirm_restore
        self.restored_box: QMessageBox | None = None
        self._select_after: Path | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.role_note = role_note(self.tr("只有主管可以从备份恢复；您可以立即备份。"))
        layout.addWidget(self.role_note)
        self.message = message_label()
        layout.addWidget(self.message)
        layout.addWidget(self._folder_box())
        self.listing = QListWidget()
        self.listing.setObjectName("backupList")
        self.listing.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.listing, 1)
        row = QHBoxLayout()
        self.create_button = QPushButton(self.tr("立即备份"))
        self.create_button.setObjectName("createBackup")
        self.create_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(lambda: self.restore())
        row.addWidget(self.create_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self._update_buttons()

    def _folder_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("备份文件夹"))
        inner = QVBoxLayout(box)
        line = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.addWidget(self.folder_label, 1)
        self.folder_button = QPushButton(self.tr("更改…"))
        self.folder_button.clicked.connect(lambda: self.change_folder())
        self.open_button = QPushButton(self.tr("打开文件夹"))
        self.open_button.clicked.connect(self.open_folder)
        line.addWidget(self.folder_button)
        line.addWidget(self.open_button)
        inner.addLayout(line)
        self.about = QLabel()
        self.about.setObjectName("hint")
        self.about.setWordWrap(True)
        inner.addWidget(self.about)
        return box

    # -- showing -----------------------------------------------------------------------------

    @property
    def may_restore(self) -> bool:
        return acting_user(self._service).can("accounts")

    def load(self) -> None:
        """List the backups (in the background when there is a runner)."""
        self.role_note.setVisible(not self.may_restore)
        folder = self._data_dir
        if self._runner is None:
            self.show_listing(list_backups_now(folder))
            return
        self._runner.run(maintenance.list_backups(folder)).success(self.show_listing).failure(
            refused(self._failed, always=self._over)
        )

    def show_listing(self, listing: BackupListing) -> None:
        self.shown = listing
        self.folder_label.setText(str(listing.folder))
        self.about.setText(
            self.tr(
                "每天第一次打开案件库时自动备份到这里，保留最近 %1 份；升级案件库和恢复之前"
                "也会自动备份（在数据目录的 backups 文件夹中）。备份文件已加密，只能用本机的"
                "密钥或案件库的恢复码打开。可以选择 U 盘或移动硬盘上的文件夹。"
            ).replace("%1", str(listing.keep_daily))
        )
        self.listing.clear()
        for entry in listing.entries:
            item = QListWidgetItem(self._entry_text(entry))
            item.setData(PATH_ROLE, str(entry.path))
            item.setToolTip(str(entry.path))
            self.listing.addItem(item)
        if not listing.entries:
            placeholder = QListWidgetItem(self.tr("（还没有备份）"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.listing.addItem(placeholder)
        self.open_button.setEnabled(listing.folder.is_dir())
        if self._select_after is not None:
            self.select(self._select_after)
            self._select_after = None
        self._update_buttons()
        self.listing_shown.emit(listing)

    def _entry_text(self, entry: BackupEntry) -> str:
        stamp = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        size = f"{entry.size_bytes / MIB:.1f} MB"
        return f"{stamp}    {self.label_text(entry.label):<6}    {size:>9}    {entry.path.name}"

    def label_text(self, label: str) -> str:
        """What kind of backup, in words."""
        words = {
            "daily": self.tr("每日自动"),
            "manual": self.tr("手动"),
            "before-restore": self.tr("恢复前"),
        }
        if label in words:
            return words[label]
        return self.tr("升级前") if label.startswith("before-") else self.tr("其他")

    def selected_entry(self) -> BackupEntry | None:
        items = self.listing.selectedItems()
        if not items or self.shown is None:
            return None
        wanted = items[0].data(PATH_ROLE)
        return next((e for e in self.shown.entries if str(e.path) == wanted), None)

    def select(self, path: Path) -> bool:
        """Select the backup at `path` in the list; True when it is listed."""
        for row in range(self.listing.count()):
            item = self.listing.item(row)
            if item.data(PATH_ROLE) == str(path):
                self.listing.setCurrentItem(item)
                return True
        return False

    def _update_buttons(self, busy: bool = False) -> None:
        ready = self._runner is not None and self._service is not None and not self.restored
        self.create_button.setEnabled(ready and not busy)
        self.folder_button.setEnabled(ready and not busy)
        chosen = self.selected_entry() is not None
        self.restore_button.setEnabled(ready and not busy and chosen and self.may_restore)

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def open_folder(self) -> None:
        if self.shown is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.shown.folder)))

    # -- changing ----------------------------------------------------------------------------

    def change_folder(self, folder: Path | None = None) -> None:
        """Choose where backups go (a folder dialog when `folder` is None)."""
        if self._runner is None:
            return
        if folder is None:
            start = str(self.shown.folder) if self.shown else ""
            chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), start)
            if not chosen:
                return
            folder = Path(chosen)
        self._say("")
        self._runner.run(maintenance.choose_folder(self._data_dir, folder)).success(
            self.show_listing
        ).failure(refused(self._failed, always=self._over))

    def back_up_now(self) -> None:
        """Back up the case store now, into the folder shown."""
        if self._runner is None or self._service is None:
            return
        self._say("")
        self.status.setText(self.tr("正在备份…"))
        self._update_buttons(busy=True)
        self._runner.run(maintenance.back_up(self._service)).success(self._created).failure(
            refused(self._failed, always=self._over)
        )

    def _created(self, result: BackupResult) -> None:
        self.status.setText(self.tr("已备份（已加密）：%1").replace("%1", str(result.path)))
        self._select_after = result.path
        self.load()
        self.backup_created.emit(result)

    def _confirm_restore(self, entry: BackupEntry) -> bool:
        stamp = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("从备份恢复"),
            self.tr("要用 %1 的备份替换现在的案件库吗？").replace("%1", stamp),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr(
                "现在案件库中的全部内容（案件、调解记录、文书和账户）都会被这份备份替换，"
                "备份之后录入或修改的内容将不在恢复后的案件库中。\n\n"
                "恢复前，软件会先把现在的案件库另存一份“恢复前”备份（数据目录的 backups "
                "文件夹），需要时可以再恢复回来。恢复后请重新启动调解工作台。"
            )
        )
        restore = box.addButton(self.tr("替换并恢复"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is restore

    def restore(self, path: Path | None = None) -> None:
        """Replace the case store with the selected backup (or `path`), after asking."""
        if self._runner is None or self._service is None:
            return
        if path is not None:
            self.select(path)
        entry = self.selected_entry()
        if entry is None:
            self._say(self.tr("请先在列表中选择要恢复的备份。"))
            return
        if not self.confirm_restore(entry):
            return
        self._say("")
        self.status.setText(self.tr("正在检查备份并恢复…"))
        self._update_buttons(busy=True)
        self._runner.run(maintenance.restore(self._service, entry.path)).success(
            self._restored
        ).failure(refused(self._failed, always=self._over))

    def _restored(self, result: RestoreResult) -> None:
        self.restored = True
        text = self.tr("已从备份恢复（%1 个案件）。").replace("%1", str(result.cases))
        if result.safety_backup is not None:
            text += self.tr("恢复前的案件库已备份到：%1。").replace("%1", str(result.safety_backup))
        if getattr(result, "signing_restored", False):
            text += self.tr("组织的签名密钥和证书已一并恢复。")
        for note in getattr(result, "notes", ()):
            text += note
        restart = self.tr("请关闭并重新打开调解工作台：在此之前不能再查看或修改案件。")
        self.status.setText(text)
        self._say(restart)
        self.message.setStyleSheet(NOTICE_STYLE)
        self._update_buttons()
        self.store_restored.emit(result)
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("恢复完成"), text, QMessageBox.StandardButton.Ok
        )
        box.setParent(self, box.windowFlags())
        box.setInformativeText(restart)
        box.setObjectName("restoredBox")
        self.restored_box = box
        box.open()

    def _over(self) -> None:
        self.status.setText("")
        self._update_buttons()

    def _failed(self, refusal: Refusal) -> None:
        message = refusal.message.split("\n")[0]  # the Chinese half of a bilingual message
        if "--recovery-code" in message:
            message += self.tr(
                "\n在本软件中只能恢复用本机密钥加密的备份。来自另一台电脑的备份，请在命令行中用"
                "恢复码恢复：python -m app backup restore 备份文件 --recovery-code -"
            )
        self._say(message)
        self.backup_failed.emit(message)
