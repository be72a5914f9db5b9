"""Consistent copies of the live database through SQLite's online backup API.

Never a file copy: a WAL database's main file alone can miss committed transactions.
The copy is written beside its destination, fsynced, then moved into place. A backup is
encrypted with the same key as the database it copies (SQLCipher's backup API requires
it), so a backup on a USB drive leaks nothing either.

Restoring is the reverse, with every check first: the backup must open with its key and
pass `PRAGMA integrity_check` (`inspect`), the caller checks its schema revision; it is
then copied (re-encrypted with the live key when the backup was made with another one)
into a staging file that is verified again (`stage_restore`), and only then moved over the
live database (`swap_in`), whose WAL has been folded in first so no old WAL frame can be
replayed onto the restored file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.domain.errors import DomainError
from app.store import cipher
from app.store.audit_anchor import AnchorUnreadable, Head, read_heads, write_anchor
from app.store.engine import engine_key
from app.store.faults import explain_database_error
from app.store.locks import anchor_lock
from app.store.private import private_dir

NAME = re.compile(r"^(?P<stem>.+?)-(?P<stamp>\d{8}T\d{12}Z)-(?P<label>[\w.-]+)\.db$")
STAMP = "%Y%m%dT%H%M%S%fZ"
RESTORING_SUFFIX = ".restoring"

CORRUPT_MESSAGE = (
    "备份文件 {path} 已损坏或不完整（{reason}），没有用它恢复，现有案件库没有改动。"
    "请换一个备份文件。\n"
    "The backup {path} is damaged or incomplete ({reason}); nothing was restored or changed."
)
SOURCE_DAMAGED = (
    "无法备份：案件库 {path} 的部分内容已损坏（{reason}），没有写出备份，已有的备份都保留着。"
    "请运行 python -m app db check 查看，并从最近一份完好的备份恢复"
    "（python -m app backup list，python -m app backup restore <备份文件>）。\n"
    "No backup was made: the case database {path} is damaged ({reason}); every existing "
    "backup was kept. Run db check and restore the newest good backup."
)
CHECK_FAILED = (
    "新做的备份没有通过完整性检查（{reason}）：案件库 {source} 本身可能已损坏。"
    "这份有问题的备份没有保存，以前的备份都保留着，一份也没有删除。"
    "请运行 python -m app db check 查看，并尽快从最近一份完好的备份恢复"
    "（python -m app backup list，python -m app backup restore <备份文件>）。\n"
    "The new backup failed its integrity check ({reason}): the case database {source} may "
    "be damaged. It was not kept, and every older backup was kept. Run db check and restore "
    "the newest good backup."
)
IN_USE_MESSAGE = (
    "案件库正被另一个程序（可能是调解工作台的窗口）打开，不能恢复。请先关闭它再试。\n"
    "The case database is open in another program; close it before restoring."
)


class BackupCheckFailed(DomainError):
    """A new backup did not pass the check a restore makes: the store itself is damaged."""


@dataclass(frozen=True)
class BackupFile:
    """One backup in a folder; `created` comes from the name (UTC), else the file's mtime."""

    path: Path
    created: datetime
    label: str
    size: int


@dataclass(frozen=True)
class BackupState:
    """What `inspect` found in a backup that opened with its key."""

    revision: str | None
    integrity: tuple[str, ...]
    tables: dict[str, int]


def backup_database(engine: Engine, dest: Path) -> Path:
    """Copy the database behind `engine` to `dest` (atomically replaced) and return it."""
    private_dir(dest.parent)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        target = cipher.connect(partial, engine_key(engine))
        try:
            source.backup(target)  # type: ignore[union-attr]
            cipher.single_file(target)
        finally:
            target.close()
    except cipher.dbapi().DatabaseError as error:
        partial.unlink(missing_ok=True)
        raise copy_failed(error, dest, engine) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
    check_written(partial, engine_key(engine), Path(str(engine.url.database)))
    cipher.fsync_file(partial)
    os.replace(partial, dest)
    cipher.fsync_dir(dest.parent)
    return dest


def check_written(copy: Path, key: bytes | None, source: Path) -> None:
    """Check a new copy as a restore would (opens with the key, `integrity_check` ok);
    a copy that fails is deleted before it can take a backup's name or place."""
    problems: list[str]
    try:
        connection = cipher.connect(copy, key, readonly=True)
        try:
            cipher.require_key(connection, copy)
            problems = cipher.integrity(connection)
        finally:
            connection.close()
    except (cipher.WrongKey, cipher.dbapi().DatabaseError) as error:
        problems = [str(error)]
    if problems != ["ok"]:
        copy.unlink(missing_ok=True)
        reason = "; ".join(problems[:3])
        raise BackupCheckFailed(CHECK_FAILED.format(reason=reason, source=source))


def copy_failed(error: Exception, dest: Path, engine: Engine) -> DomainError:
    """Why a copy failed: the target's disk (full, read-only...) or the store's damage."""
    found = explain_database_error(error, dest)
    if found is not None:
        return found
    source = Path(str(engine.url.database))
    return DomainError(SOURCE_DAMAGED.format(path=source, reason=error))


def backup_name(stem: str, label: str, now: datetime | None = None) -> str:
    """E.g. `cases-20260301T020304123456Z-before-0002.db`."""
    moment = (now or datetime.now(UTC)).astimezone(UTC).strftime(STAMP)
    return f"{stem}-{moment}-{label}.db"


def parse_name(path: Path) -> tuple[datetime, str] | None:
    """(created, label) from a name `backup_name` made; None for other names."""
    match = NAME.match(path.name)
    if match is None:
        return None
    created = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
    return created, match["label"]


def list_backups(folder: Path) -> list[BackupFile]:
    """The `*.db` files in `folder`, newest first (an absent folder has none)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        if not path.is_file():
            continue
        stat = path.stat()
        parsed = parse_name(path)
        created, label = parsed or (datetime.fromtimestamp(stat.st_mtime, UTC), "")
        found.append(BackupFile(path, created, label, stat.st_size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def rotate(folder: Path, *, keep: int, label: str, extras: tuple[str, ...] = ()) -> list[Path]:
    """Delete all but the newest `keep` backups labelled `label` (and their `extras`)."""
    mine = [b for b in list_backups(folder) if b.label == label]
    removed = []
    for old in mine[max(keep, 1) :]:  # never every one, whatever `keep` says
        old.path.unlink(missing_ok=True)
        for suffix in extras:
            old.path.with_name(old.path.name + suffix).unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def corrupt_error(path: Path, reason: object) -> DomainError:
    return DomainError(CORRUPT_MESSAGE.format(path=path, reason=reason))


def inspect(path: Path, key: bytes | None) -> BackupState:
    """Open a backup with `key` and check it; `cipher.WrongKey` when the key does not fit,
    DomainError when the file is damaged or truncated. Never writes to it."""
    if not path.is_file() or path.stat().st_size == 0:
        raise corrupt_error(path, "文件为空或不存在")
    connection = cipher.connect(path, key, readonly=True)
    try:
        try:
            cipher.require_key(connection, path)
        except cipher.WrongKey as error:
            raise corrupt_error(path, "无法解密或不是数据库") from error
        problems = tuple(cipher.integrity(connection))
        tables = cipher.table_counts(connection)
        revision = _revision(connection) if "alembic_version" in tables else None
    except cipher.dbapi().DatabaseError as error:
        raise corrupt_error(path, error) from error
    finally:
        connection.close()
    if problems != ("ok",):
        raise corrupt_error(path, "; ".join(problems[:3]))
    return BackupState(revision, problems, tables)


def _revision(connection: Any) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _copy(source_path: Path, source_key: bytes | None, dest: Path, key: bytes | None) -> None:
    """`source_path` → `dest` under `key`, verified and fsynced; the source is opened
    read-only (a backup on a write-protected drive is fine). A backup made with another
    key (or none) is copied as it is first, then exported (re-encrypted) with `key`."""
    dest.unlink(missing_ok=True)
    raw_copy = dest if source_key == key else dest.with_name(dest.name + ".raw")
    source = cipher.connect(source_path, source_key, readonly=True)
    try:
        expected = cipher.table_counts(source)
        target = cipher.connect(raw_copy, source_key)
        try:
            source.backup(target)
            cipher.single_file(target)
        finally:
            target.close()
    finally:
        source.close()
    if raw_copy != dest:
        try:
            staged = cipher.connect(raw_copy, source_key)
            try:
                cipher.export_copy(staged, dest, key)
            finally:
                staged.close()
        finally:
            raw_copy.unlink(missing_ok=True)
    cipher.verify_copy(dest, key, expected)
    cipher.fsync_file(dest)


def fold_wal(db_path: Path, key: bytes | None) -> None:
    """Checkpoint the live database and leave WAL mode, so no -wal file survives it.

    Changing the journal mode needs every other connection closed: when another program
    has the database open this fails, and the restore is refused before anything changed.
    """
    if not db_path.exists():
        return
    connection = cipher.connect(db_path, key, timeout=0.5)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except cipher.dbapi().OperationalError as error:
        raise DomainError(IN_USE_MESSAGE) from error
    finally:
        connection.close()
    if str(mode).lower() != "delete":
        raise DomainError(IN_USE_MESSAGE)


def stage_restore(
    backup: Path, backup_key: bytes | None, db_path: Path, key: bytes | None
) -> Path:
    """The (already inspected) `backup`, copied beside `db_path` under the live key and
    verified: the staging file a restore prepares and then swaps in (`swap_in`)."""
    staging = db_path.with_name(db_path.name + RESTORING_SUFFIX)
    try:
        _copy(backup, backup_key, staging, key)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return staging


def swap_in(staging: Path, db_path: Path, key: bytes | None, head: Head | None) -> None:
    """Move the prepared `staging` file over the live database, the audit anchor with it.

    The caller has closed its own engines. Under the anchor's lock: the live WAL is folded
    in (refused when another program has the store open), the anchor names the staging
    file's `head` and still vouches for the live file's, the file is swapped, and the
    anchor then names `head` alone. A kill anywhere in between leaves an anchor that
    vouches for the file in place: no false "deleted tail" in `audit verify`.
    """
    with anchor_lock(db_path):
        fold_wal(db_path, key)  # refuses early when another window has the store open
        before = _heads_before(db_path, key)
        if head is not None:
            write_anchor(db_path, head, before)
        for extra in cipher.sidecars(db_path):
            extra.unlink(missing_ok=True)
        os.replace(staging, db_path)
        cipher.fsync_dir(db_path.parent)
        if head is not None:
            write_anchor(db_path, head)


def _heads_before(db_path: Path, key: bytes | None) -> tuple[Head, ...]:
    """What the anchor vouches for now; the live chain's head when there is no anchor."""
    try:
        heads = read_heads(db_path)
    except AnchorUnreadable:
        return ()  # the evidence stays: an unreadable anchor vouches for nothing
    if heads or not db_path.is_file() or db_path.stat().st_size == 0:
        return heads
    connection = cipher.connect(db_path, key, readonly=True)
    try:
        row = connection.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
        last = row.fetchone()
    except cipher.dbapi().DatabaseError:
        return ()
    finally:
        connection.close()
    return (Head(int(last[0]), str(last[1])),) if last else ()


def single_file_copy(path: Path, key: bytes | None) -> None:
    """Fold a prepared copy's WAL into it and leave WAL mode: one self-contained file."""
    connection = cipher.connect(path, key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cipher.single_file(connection)
    finally:
        connection.close()
    for extra in cipher.sidecars(path):
        extra.unlink(missing_ok=True)
    cipher.fsync_file(path)
