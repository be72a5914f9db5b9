"""SQLCipher: opening the case store with a raw 256-bit key, and encrypting a plaintext one.

Every connection of the app is a `sqlcipher3` connection made by `connect()`: the first
statement on it is `PRAGMA key = "x'<64 hex>'"` (a raw key: SQLCipher's own PBKDF2 is
skipped, the key already comes from the OS keyring or from Argon2id, see
`app.security.dbkey`). With `key=None` the connection is plain SQLite (same file format as
the standard library's `sqlite3`): only tests and the one-time migration use that.

`encrypt_plaintext()` is the migration of an existing unencrypted `cases.db`: the data is
exported (`sqlcipher_export`) into a new file beside it, that file is checked (opens with
the key, `PRAGMA integrity_check`, the same row count in every table), fsynced, and moved
over the old one with `os.replace`. Until that rename the plaintext file is untouched, so a
crash at any point leaves either the old or the new database, never a mix. Its WAL and SHM
files are checkpointed away first, and nothing plaintext is left in the data folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.fsutil import fsync_dir as fsync_dir
from app.fsutil import fsync_file as fsync_file

KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
ENCRYPTING_SUFFIX = ".encrypting"

WRONG_KEY_MESSAGE = (
    "无法打开案件库 {path}：密钥不对，或文件已损坏、不是案件库。"
    "若刚换过电脑或数据目录，请用原来的口令或恢复码；否则请从备份恢复。\n"
    "Cannot open the case database {path}: wrong key, or the file is damaged or not a "
    "database."
)
MIGRATION_FAILED_MESSAGE = (
    "加密案件库时核对失败（{reason}），原来的文件没有改动。请先运行 db check，"
    "或联系技术支持。\n"
    "Encrypting the case database failed its check ({reason}); the original file is unchanged."
)


class WrongKey(DomainError):
    """The file does not open with this key (or is not a database at all)."""


def dbapi() -> Any:
    """The `sqlcipher3.dbapi2` module (imported on first use: start-up time)."""
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError(f"a database key has {KEY_BYTES} bytes, not {len(key)}")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def attach_key_clause(key: bytes | None) -> str:
    """The `KEY ...` clause of an ATTACH; `KEY ''` attaches a plaintext database."""
    return f"KEY \"x'{key.hex()}'\"" if key is not None else "KEY ''"


def connect(
    path: Path,
    key: bytes | None,
    *,
    timeout: float = 5.0,
    check_same_thread: bool = False,
    readonly: bool = False,
) -> Any:
    """A sqlcipher3 connection on `path`: the key is set before anything else is run.

    `readonly` opens with `mode=ro` (a backup is inspected without being touched).
    """
    if not readonly and not path.exists():
        # Owner-only from the start; SQLite gives its -wal/-shm files the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    target = path.resolve().as_uri() + "?mode=ro" if readonly else str(path)
    connection = dbapi().connect(
        target,
        timeout=timeout,
        check_same_thread=check_same_thread,
        isolation_level=None,
        uri=readonly,
    )
    try:
        # SQLCipher logs a wrong key to stderr itself; the app says it in Chinese instead.
        connection.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            connection.execute(key_pragma(key))
    except BaseException:
        connection.close()
        raise
    return connection


def is_plaintext(path: Path) -> bool:
    """True when `path` is an unencrypted SQLite database (its header is readable)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        return False


def check_key(path: Path, key: bytes | None) -> None:
    """Raise `WrongKey` unless `path` opens with `key` and its schema can be read."""
    connection = connect(path, key, readonly=True)
    try:
        require_key(connection, path)
    finally:
        connection.close()


def require_key(connection: Any, path: Path) -> None:
    """Raise `WrongKey` unless the schema of the open `connection` can be read."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi().DatabaseError as error:
        raise WrongKey(WRONG_KEY_MESSAGE.format(path=path)) from error


def single_file(connection: Any) -> None:
    """Leave WAL mode on a fresh copy, so it is one self-contained file (no -wal/-shm)."""
    connection.execute("PRAGMA journal_mode = DELETE").fetchone()


def table_counts(connection: Any, schema: str = "main") -> dict[str, int]:
    """Rows per table of one (attached) database, for checking a copy."""
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
        for name in names
    }


def integrity(connection: Any, schema: str = "main") -> list[str]:
    return [str(row[0]) for row in connection.execute(f"PRAGMA {schema}.integrity_check")]




def sidecars(path: Path) -> tuple[Path, Path]:
    """The WAL and shared-memory files SQLite keeps beside `path`."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def export_copy(source: Any, dest: Path, key: bytes | None) -> dict[str, int]:
    """Export the database open on `source` into a new file `dest` encrypted with `key`.

    Returns the source's row counts (read in the same transaction as the export).
    """
    dest.unlink(missing_ok=True)
    source.execute(f"ATTACH DATABASE ? AS export {attach_key_clause(key)}", (str(dest),))
    try:
        source.execute("BEGIN")
        try:
            counts = table_counts(source)
            source.execute("SELECT sqlcipher_export('export')")
            version = source.execute("PRAGMA main.user_version").fetchone()[0]
            source.execute(f"PRAGMA export.user_version = {int(version)}")
            source.execute("COMMIT")
        except BaseException:
            source.execute("ROLLBACK")
            raise
    finally:
        source.execute("DETACH DATABASE export")
    return counts


def verify_copy(path: Path, key: bytes | None, expected: dict[str, int]) -> None:
    """Raise unless `path` opens with `key`, is intact and has `expected` rows per table."""
    connection = connect(path, key)
    try:
        problems = integrity(connection)
        if problems != ["ok"]:
            raise DomainError(MIGRATION_FAILED_MESSAGE.format(reason="; ".join(problems[:5])))
        counts = table_counts(connection)
    except dbapi().DatabaseError as error:
        raise DomainError(MIGRATION_FAILED_MESSAGE.format(reason=error)) from error
    finally:
        connection.close()
    if counts != expected:
        raise DomainError(MIGRATION_FAILED_MESSAGE.format(reason=f"{counts} != {expected}"))


def encrypt_plaintext(path: Path, key: bytes) -> dict[str, int] | None:
    """Encrypt the plaintext database `path` in place (see the module doc).

    Returns the rows per table that were carried over, or None when `path` was not a
    plaintext database (missing, or already encrypted): safe to call at every start.
    """
    if not is_plaintext(path):
        return None
    staging = path.with_name(path.name + ENCRYPTING_SUFFIX)
    source = connect(path, None)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = export_copy(source, staging, key)
        verify_copy(staging, key, counts)
        fsync_file(staging)
        # Switch the plaintext file out of WAL mode (folding the WAL into it) so that no
        # plaintext -wal/-shm can survive beside the encrypted file.
        source.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        source.close()
        staging.unlink(missing_ok=True)
        raise
    source.close()
    os.replace(staging, path)
    for extra in sidecars(path):
        extra.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return counts


def remove_leftovers(path: Path) -> None:
    """Delete a staging file an interrupted `encrypt_plaintext` left (it is encrypted)."""
    path.with_name(path.name + ENCRYPTING_SUFFIX).unlink(missing_ok=True)
