"""The case store itself: closing it at shutdown, backups, where they go, restoring one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ui.tasks import Op, op

if TYPE_CHECKING:
    from app.services.maintenance.backup import BackupEntry, BackupResult, RestoreResult
    from ui.services import Core


@dataclass(frozen=True)
class BackupListing:
    """Where new backups go, and every backup found (newest first)."""

    folder: Path
    keep_daily: int
    entries: tuple[BackupEntry, ...]


def close_store(core: Core) -> Op[None]:
    """Release the case store on its own thread (at shutdown)."""
    return op(core.close)


def list_backups_now(data_dir: Path) -> BackupListing:
    """The chosen folder's backups and those the app keeps in `<data dir>/backups` (before
    upgrades and restores), newest first (reads the folders: off the GUI thread)."""
    from app.services.maintenance import backup

    folder = backup.backup_folder(data_dir)
    found = {e.path.resolve(): e for e in backup.list_backups(folder)}
    for entry in backup.list_backups(data_dir / "backups"):
        found.setdefault(entry.path.resolve(), entry)
    entries = sorted(found.values(), key=lambda e: (e.created_at, e.path.name), reverse=True)
    keep = backup.backup_settings(data_dir).keep_daily
    return BackupListing(folder, keep, tuple(entries))


def list_backups(data_dir: Path) -> Op[BackupListing]:
    return op(lambda: list_backups_now(data_dir))


def choose_folder(data_dir: Path, folder: Path) -> Op[BackupListing]:
    """Keep `folder` as where backups go, then list again."""

    def work() -> BackupListing:
        from dataclasses import replace

        from app.services.maintenance import backup

        settings = backup.backup_settings(data_dir)
        backup.save_backup_settings(data_dir, replace(settings, folder=folder.expanduser()))
        return list_backups_now(data_dir)

    return op(work)


def back_up(core: Core) -> Op[BackupResult]:
    """A backup now, into the chosen folder."""
    return op(lambda: core.backup_create())


def restore(core: Core, source: Path) -> Op[RestoreResult]:
    """Replace the case store with the backup `source`; the store then stays closed."""
    return op(lambda: core.backup_restore(source))
