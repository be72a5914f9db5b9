"""The application context every service call takes: where the data is, the store, who acts.

    ctx = open_context(Path("~/cases").expanduser(), actor="张调解员")
    with ctx.write() as uow:        # one transaction, BEGIN IMMEDIATE, audited
        ...
    ctx.close()

`ctx.clock()` is the only source of "now" for services (tests inject a fixed clock).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import TracebackType

from app.security.dbkey import PassphrasePrompt
from app.services.clock import china_date
from app.store.unit_of_work import Store, UnitOfWork, utc_now

DB_FILE = "cases.db"
BACKUP_DIR = "backups"

Clock = Callable[[], datetime]


@dataclass
class AppContext:
    """What a service needs: the data folder, the open store, the actor for the audit log."""

    data_dir: Path
    store: Store
    actor: str = "cli"
    clock: Clock = field(default=utc_now)
    notices: list[str] = field(default_factory=list)
    """Problems met at opening that the user must hear about now (a failed daily backup)."""

    @property
    def db_path(self) -> Path:
        return self.store.db_path

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR

    def now(self) -> datetime:
        """Now, timezone-aware UTC."""
        return self.clock()

    def today(self) -> date:
        """Today's date in China (UTC+8)."""
        return china_date(self.clock())

    def write(self) -> AbstractContextManager[UnitOfWork]:
        """A write unit of work acting as `actor` at `clock()`; commit on clean exit."""
        return self.store.write(self.actor, self.clock())

    def read(self) -> AbstractContextManager[UnitOfWork]:
        return self.store.read()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> AppContext:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def db_path_for(data_dir: Path) -> Path:
    return data_dir / DB_FILE


def resolve_data_dir(data_dir: Path | None) -> Path:
    if data_dir is not None:
        return data_dir.expanduser()
    from app.paths import default_data_dir

    return default_data_dir()


EMPTY_WITH_BACKUPS = (
    "案件库文件 {path} 是空的（0 字节），但备份文件夹中有 {count} 份备份，最近一份是 "
    "{newest}（{when}）。为免丢失数据，本程序没有在这里新建空白的案件库。请从备份恢复：\n"
    "  python -m app --data-dir {folder} backup restore {newest}\n"
    "若确实要从空白开始，请先删除这个空文件。\n"
    "The case database {path} is empty (0 bytes) but {count} backups exist; nothing was "
    "started over. Restore the newest with the command above, or delete the empty file to "
    "start afresh."
)


def refuse_empty_store(folder: Path) -> None:
    """A zero-length cases.db is started over only when there is no backup to restore."""
    from app.domain.errors import DomainError
    from app.services.maintenance.backup import backup_folder, list_backups

    path = db_path_for(folder)
    if not path.is_file() or path.stat().st_size > 0:
        return
    found = list_backups(backup_folder(folder))
    if folder / BACKUP_DIR != backup_folder(folder):
        found += list_backups(folder / BACKUP_DIR)
    if not found:
        return
    newest = max(found, key=lambda entry: entry.created_at)
    when = newest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    raise DomainError(
        EMPTY_WITH_BACKUPS.format(
            path=path, count=len(found), newest=newest.path, when=when, folder=folder
        )
    )


def describe_os_error(error: OSError) -> str:
    """The cause and fix of a file system error, for the CLI's last line of defence."""
    from app.store.faults import explain_os_error

    return str(explain_os_error(error))


def open_context(
    data_dir: Path | None,
    *,
    actor: str = "cli",
    migrate: bool = True,
    clock: Clock | None = None,
    key: bytes | None = None,
    prompt: PassphrasePrompt | None = None,
) -> AppContext:
    """Open the case store in `data_dir` (default: the user's data folder).

    The store is encrypted (SQLCipher): its key comes from the OS keyring, or from a
    passphrase (`MEDIATION_DESK_PASSPHRASE`, or `prompt(message, new)`), see
    `app.services.unlock`; a plaintext store from an older version is encrypted once.
    With `migrate` (the default, what the app does at start-up) the database is created or
    upgraded first, after a backup into `<data_dir>/backups/`; a database from a newer
    version is refused with a `DomainError`; then the daily backup is made if today has
    none (`app.services.maintenance.backup`). `key` skips the lookup (tests, restore).
    """
    from app.store.faults import calm_os_errors
    from app.store.locks import setup_lock
    from app.store.private import tighten_tree

    folder = resolve_data_dir(data_dir)
    path = db_path_for(folder)
    with calm_os_errors(folder), setup_lock(folder):  # one start at a time
        refuse_empty_store(folder)
        tighten_tree(folder)  # the store, backups/, signing/: the user's alone (POSIX)
        if key is None:
            from app.services.unlock import unlock_store

            key = unlock_store(folder, prompt=prompt)
        if migrate:
            from app.store import migrate as migrations

            migrations.upgrade(path, backup_dir=folder / BACKUP_DIR, key=key)
        context = AppContext(folder, Store(path, key=key), actor, clock or utc_now)
        if migrate:  # the start-up path: the automatic daily backup (once a day, rotated)
            from app.services.maintenance.backup import daily_backup_at_start

            daily_backup_at_start(context)
    return context
