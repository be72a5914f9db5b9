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


def describe_os_error(error: OSError) -> str:
    """The cause and fix of a file system error, for the CLI's last line of defence."""
    from app.store.faults import explain_os_error

    return str(explain_os_error(error))
