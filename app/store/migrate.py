"""Schema migrations at start-up: Alembic configured in code, a backup before every upgrade.

`upgrade()` refuses a database whose revision this build does not know (written by a newer
version) and a SQLite file that is not a case store, with a Chinese + English message.
Migrations run with foreign keys off, in one transaction that also runs
`PRAGMA foreign_key_check` before committing (see `db/migrations/env.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect
from sqlalchemy.exc import DatabaseError

from app.domain.errors import DomainError
from app.paths import migrations_dir
from app.store.backup import backup_database, backup_name
from app.store.engine import make_engine, writer

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

NEWER_MESSAGE = (
    "这个案件库的数据库版本为“{rev}”，本程序不认识——它可能由更新版本的调解工作台写入。"
    "为保护数据，本程序不会打开或修改它。请安装最新版本的调解工作台后再打开。\n"
    "This case database has schema revision '{rev}', which this version of Mediation Desk "
    "does not know (it was probably written by a newer version). To protect your data it "
    "was not opened or changed; please install the latest version."
)
NOT_OURS_MESSAGE = (
    "文件 {path} 不是调解工作台的案件库（没有数据库版本信息），本程序没有修改它。"
    "请检查数据目录（--data-dir）。\n"
    "{path} is not a Mediation Desk case database (it has no schema revision); it was left "
    "untouched. Check the data directory (--data-dir)."
)
FOREIGN_MESSAGE = (
    "文件 {path} 不是调解工作台的案件库（它是另一个程序的 SQLite 数据库），本程序没有改动它，"
    "也没有加密它。请把它移出数据目录，或用 --data-dir 选择调解工作台自己的数据目录。\n"
    "{path} is not a Mediation Desk case database (it belongs to another program); it was "
    "left untouched and not encrypted. Move it away or choose another --data-dir."
)
CORE_TABLES = frozenset({"alembic_version", "case", "case_counter", "audit_event"})
UNREADABLE_MESSAGE = (
    "无法读取案件库 {path}：文件已损坏、已加密或不是数据库（{reason}）。"
    "请从 backups 文件夹恢复备份。\n"
    "Cannot read the case database {path}: it is damaged, encrypted or not a database "
    "({reason}). Restore a copy from the backups folder."
)


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str | None
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


@dataclass(frozen=True)
class HealthReport:
    """What `db check` reports."""

    db_path: Path
    exists: bool
    integrity: tuple[str, ...]
    foreign_key_violations: tuple[str, ...]
    current: str | None
    head: str
    journal_mode: str
    audit_problems: tuple[str, ...] = ()

    @property
    def healthy(self) -> bool:
        return (
            self.exists
            and self.integrity == ("ok",)
            and not self.foreign_key_violations
            and self.current == self.head
            and not self.audit_problems
        )


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code (no alembic.ini at run time)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None, "db/migrations has no revisions"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in _script().walk_revisions()}


def made_by_this_app(db_path: Path) -> bool:
    """The app's marker on an unencrypted store (one an older version wrote): its core
    tables and an `alembic_version` holding one of this app's revisions. Read-only."""
    from app.store import cipher

    connection = cipher.connect(db_path, None, readonly=True)
    try:
        tables = {
            str(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables >= CORE_TABLES:
            return False
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except cipher.dbapi().DatabaseError:
        return False
    finally:
        connection.close()
    return len(rows) == 1 and str(rows[0][0]) in known_revisions()


def require_ours(db_path: Path) -> None:
    """Refuse, untouched, an unencrypted `db_path` that this app did not make."""
    from app.store import cipher

    if cipher.is_plaintext(db_path) and not made_by_this_app(db_path):
        raise DomainError(FOREIGN_MESSAGE.format(path=db_path))


def _read_revision(connection: Connection) -> tuple[str | None, bool]:
    """(revision, has any table) of an open connection."""
    from alembic.runtime.migration import MigrationContext

    tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
    return MigrationContext.configure(connection).get_current_revision(), bool(tables)


def current_revision(db_path: Path, *, key: bytes | None = None) -> str | None:
    """The database's revision; None for a missing or empty file. Refuses foreign files."""
    if not db_path.exists():
        return None
    engine = make_engine(db_path, key=key)
    try:
        with engine.connect() as connection:
            revision, has_tables = _read_revision(connection)
    except DatabaseError as error:
        raise unreadable(error, db_path) from error
    finally:
        engine.dispose()
    if revision is None and has_tables:
        raise DomainError(NOT_OURS_MESSAGE.format(path=db_path))
    return revision


def unreadable(error: DatabaseError, db_path: Path) -> DomainError:
    """The folder or disk problem behind `error` when there is one, else "damaged"."""
    from app.store.faults import explain_database_error

    found = explain_database_error(error, db_path)
    if found is not None:
        return found
    return DomainError(UNREADABLE_MESSAGE.format(path=db_path, reason=error.orig))


def _require_known(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise DomainError(NEWER_MESSAGE.format(rev=revision))


def _run(db_path: Path, key: bytes | None, action: Callable[[Config], None]) -> None:
    """Run an Alembic command on one connection: foreign keys off, `BEGIN IMMEDIATE`."""
    engine = writer(make_engine(db_path, key=key, foreign_keys=False))
    try:
        with engine.connect() as connection:
            action(alembic_config(connection))
            if connection.in_transaction():
                connection.commit()
    finally:
        engine.dispose()


def upgrade(
    db_path: Path,
    *,
    backup_dir: Path | None = None,
    target: str = "head",
    key: bytes | None = None,
    keep_backup: bool = True,
) -> MigrationResult:
    """Bring the database to `target`, backing it up first unless it is new or current
    (or `keep_backup` is False: a restore's staging copy, whose source is the backup)."""
    from alembic import command

    before = current_revision(db_path, key=key)
    _require_known(before)
    wanted = head_revision() if target == "head" else target
    if before == wanted:
        return MigrationResult(before, before)
    saved = None
    if before is not None and keep_backup:
        folder = backup_dir or db_path.parent / "backups"
        engine = make_engine(db_path, key=key)
        try:
            name = backup_name(db_path.stem, f"before-{wanted}")
            saved = backup_database(engine, folder / name)
        finally:
            engine.dispose()
    _run(db_path, key, lambda config: command.upgrade(config, target))
    return MigrationResult(before, current_revision(db_path, key=key), saved)


def downgrade(db_path: Path, target: str = "base", *, key: bytes | None = None) -> MigrationResult:
    """Go back to `target` (for tests and for undoing a migration under development)."""
    from alembic import command

    before = current_revision(db_path, key=key)
    _require_known(before)
    _run(db_path, key, lambda config: command.downgrade(config, target))
    return MigrationResult(before, current_revision(db_path, key=key))


def check(db_path: Path, *, key: bytes | None = None) -> HealthReport:
    """Integrity, foreign keys, revision (current vs head) and the audit chain."""
    head = head_revision()
    if not db_path.exists():
        return HealthReport(db_path, False, ("missing",), (), None, head, "")
    engine = make_engine(db_path, key=key)
    try:
        with engine.connect() as connection:
            integrity = tuple(r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check"))
            violations = tuple(
                f"{row[0]} rowid {row[1]} → {row[2]}"
                for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
            )
            journal = str(connection.exec_driver_sql("PRAGMA journal_mode").scalar())
            revision, _ = _read_revision(connection)
            audit = _audit_problems(connection) if revision == head else ()
    except DatabaseError as error:
        raise unreadable(error, db_path) from error
    finally:
        engine.dispose()
    return HealthReport(db_path, True, integrity, violations, revision, head, journal, audit)


def _audit_problems(connection: Connection) -> tuple[str, ...]:
    from sqlalchemy.orm import Session

    from app.store.audit import AuditLog

    with Session(bind=connection) as session:
        return tuple(AuditLog(session).verify())
