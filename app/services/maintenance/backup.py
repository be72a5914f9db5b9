"""Backups of the case store: create, list, restore, and the automatic daily one.

A backup is a consistent copy through SQLite's online backup API, encrypted with the
store's own key, written to a folder the user chooses (`<data dir>/backup.json`, default
`<data dir>/backups`; a USB drive is fine). Beside each backup goes a copy of the store's
`keyinfo.json` (`<backup>.keyinfo.json`: KDF parameters and salt, never the key), so a
passphrase-protected backup opens on a new computer with the same passphrase; any backup
opens with the recovery code (`python -m app key recovery-code`).

A restore checks the file before it touches anything: it must open with a key we have,
pass `PRAGMA integrity_check` and carry a schema revision this version knows (not a newer
one). Then the live store is backed up (`before-restore`), replaced, and migrated to the
current schema if the backup is older. Corrupt, truncated, foreign or newer files are
refused with a message and nothing changes. The restore itself is
`app.services.maintenance.restore.restore_backup`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import DomainError
from app.fsutil import write_atomically
from app.security import dbkey
from app.services.clock import china_date
from app.services.context import BACKUP_DIR, AppContext, resolve_data_dir
from app.store.private import copy_private

if TYPE_CHECKING:
    from app.services.organisation.accounts import SignedIn

log = logging.getLogger(__name__)

SETTINGS_FILE = "backup.json"
SIDECAR = ".keyinfo.json"
SIGNING = ".signing"  # the signing key beside each backup (see signing_backup)
DEFAULT_KEEP_DAILY = 7
MAX_KEEP = 365
DAILY, MANUAL, BEFORE_RESTORE = "daily", "manual", "before-restore"
STEM = "cases"

OTHER_KEY = (
    "备份文件 {path} 用本机的密钥打不开：它已损坏，或是用另一把密钥加密的"
    "（来自另一台电脑或另一个数据目录）。"
    "请用 --recovery-code - 提供该案件库的恢复码（在下一行输入）；"
    "若它用口令加密，请保留同名的 .keyinfo.json 文件并提供当时的口令。没有恢复任何内容。"
)
NOT_A_STORE = "文件 {path} 不是调解工作台的案件库备份（没有数据库版本信息），没有用它恢复。"
SAME_FILE = "不能用正在使用的案件库文件本身来恢复：请选择 backups 文件夹中的备份文件。"
BAD_KEEP = "保留份数必须是 1 到 365 之间的整数。"
CANNOT_WRITE = (
    "无法写入备份文件夹 {folder}（{error}）：请检查 U 盘或移动硬盘是否已插好、有无剩余空间，"
    "或换一个备份文件夹。没有做备份。"
)
DAILY_FAILED = "今天的自动备份没有做成（{error}），以前的备份都保留着。请检查备份文件夹所在的磁盘。"
SUPERVISOR_ONLY = (
    "从备份恢复会替换整个案件库（连同账户和调解组织资料），只能由主管操作："
    "请让主管账户登录后再恢复。"
)


@dataclass(frozen=True)
class BackupSettings:
    """Where automatic backups go (None: `<data dir>/backups`) and how many daily to keep."""

    folder: Path | None = None
    keep_daily: int = DEFAULT_KEEP_DAILY


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    created_at: datetime  # UTC
    label: str  # daily, manual, before-restore, before-<revision>, or "" (other names)
    size_bytes: int


@dataclass(frozen=True)
class BackupResult:
    path: Path
    removed: tuple[Path, ...] = ()


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path | None
    revision: str | None
    cases: int
    signing_restored: bool = False  # the organisation's signing key came back with it
    notes: tuple[str, ...] = ()


def backup_settings(data_dir: Path) -> BackupSettings:
    """The saved settings; defaults when none (or unreadable ones: logged, not fatal).

    `keep_daily` is checked here too, not only when saved: a file edited by hand to 0 (or
    less) would otherwise delete every daily backup at each start."""
    path = data_dir / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        folder = Path(data["folder"]) if data.get("folder") else None
        keep = data.get("keep_daily", DEFAULT_KEEP_DAILY)
    except FileNotFoundError:
        return BackupSettings()
    except (ValueError, KeyError, TypeError, AttributeError):
        log.warning("Ignoring an unreadable %s", path.name)
        return BackupSettings()
    if isinstance(keep, bool) or not isinstance(keep, int) or not 1 <= keep <= MAX_KEEP:
        log.warning(
            "Ignoring keep_daily=%r in %s (1 to %d); keeping %d",
            keep,
            path.name,
            MAX_KEEP,
            DEFAULT_KEEP_DAILY,
        )
        keep = DEFAULT_KEEP_DAILY
    return BackupSettings(folder, keep)


def save_backup_settings(data_dir: Path, settings: BackupSettings) -> None:
    if not 1 <= settings.keep_daily <= MAX_KEEP:
        raise DomainError(BAD_KEEP)
    data = {
        "folder": str(settings.folder) if settings.folder else None,
        "keep_daily": settings.keep_daily,
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    write_atomically(data_dir / SETTINGS_FILE, text.encode("utf-8"))


def backup_folder(data_dir: Path, to: Path | None = None) -> Path:
    """`to`, else the chosen folder, else `<data dir>/backups`."""
    chosen = to or backup_settings(data_dir).folder
    return (chosen or data_dir / BACKUP_DIR).expanduser()


def _unique(path: Path) -> Path:
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def _write_sidecar(data_dir: Path, backup: Path) -> None:
    info = data_dir / dbkey.KEYINFO_FILE
    if info.is_file():
        copy_private(info, backup.with_name(backup.name + SIDECAR))  # salt: the user's alone


def _backup_to(ctx: AppContext, folder: Path, label: str) -> Path:
    from app.services.maintenance.signing_backup import write_bundle
    from app.store.backup import backup_database, backup_name
    from app.store.engine import engine_key

    dest = _unique(folder / backup_name(STEM, label, ctx.now()))
    backup_database(ctx.store.engine, dest)
    _write_sidecar(ctx.data_dir, dest)
    write_bundle(ctx.data_dir, dest, engine_key(ctx.store.engine))  # the signing key too
    return dest


def create_backup(
    ctx: AppContext, *, to: Path | None = None, by: SignedIn | None = None
) -> BackupResult:
    """A backup now, into `to` (else the chosen folder); recorded in the audit log (as
    `by.username` when given: anyone may make a backup)."""
    folder = backup_folder(ctx.data_dir, to)
    try:
        dest = _backup_to(ctx, folder, MANUAL)
    except OSError as error:
        raise DomainError(CANNOT_WRITE.format(folder=folder, error=error)) from error
    actor = by.username if by is not None else ctx.actor
    with ctx.store.write(actor, ctx.now()) as uow:
        uow.record("backup.created", detail={"file": dest.name, "folder": str(folder)})
    return BackupResult(dest)


def daily_backup(ctx: AppContext) -> BackupResult | None:
    """The automatic backup: one per (China) day of a store that has data, the oldest
    beyond `keep_daily` removed.

    When the chosen folder cannot be written (a USB drive not plugged in) the backup goes
    to `<data dir>/backups` instead. None when today's backup exists already.
    """
    from app.store.backup import rotate

    with ctx.read() as uow:
        if uow.audit.last() is None:  # nothing was ever written: nothing to keep yet
            return None
    settings = backup_settings(ctx.data_dir)
    folder = backup_folder(ctx.data_dir)
    today = ctx.today()
    if any(e.label == DAILY and china_date(e.created_at) == today for e in list_backups(folder)):
        return None
    try:
        dest = _backup_to(ctx, folder, DAILY)
    except OSError as error:
        log.warning("Daily backup to %s failed (%s); using the data folder", folder, error)
        folder = ctx.data_dir / BACKUP_DIR
        dest = _backup_to(ctx, folder, DAILY)
    removed = rotate(folder, keep=settings.keep_daily, label=DAILY, extras=(SIDECAR, SIGNING))
    return BackupResult(dest, tuple(removed))


def daily_backup_at_start(ctx: AppContext) -> BackupResult | None:
    """`daily_backup`; a failure does not stop the store opening, but it is said at once:
    added to `ctx.notices` (the GUI shows them) and to `app.services.notices` (the CLI
    prints them and exits 2). Every older backup is kept then (no rotation)."""
    from app.services import notices

    try:
        return daily_backup(ctx)
    except (OSError, DomainError) as error:
        log.warning("Daily backup failed: %s", error)
        message = str(error) if isinstance(error, DomainError) else DAILY_FAILED.format(error=error)
        ctx.notices.append(message)
        notices.record(message)
        return None


def list_backups(folder: Path) -> list[BackupEntry]:
    """The backups in `folder`, newest first."""
    from app.store.backup import list_backups as listing

    return [BackupEntry(b.path, b.created, b.label, b.size) for b in listing(folder)]


def list_data_dir_backups(data_dir: Path | None, folder: Path | None = None) -> list[BackupEntry]:
    return list_backups(backup_folder(resolve_data_dir(data_dir), folder))
