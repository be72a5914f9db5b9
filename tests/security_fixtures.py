"""Helpers for tests of the encrypted store: an in-memory keyring, the test passphrase, and
raw SQLCipher connections to a data folder's database with the right key."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
from keyring.backend import KeyringBackend

TEST_PASSPHRASE = "测试口令 test passphrase"
"""What `tests/conftest.py` puts in MEDIATION_DESK_PASSPHRASE for every test."""


def use_fast_kdf() -> None:
    """Cheap Argon2id settings for keys and password hashes created in this test process
    (the defaults stay as they are, and tests check them)."""
    from app.security import dbkey, passwords

    dbkey.new_key_kdf = dbkey.KdfSettings(time_cost=1, memory_kib=1024, parallelism=1)
    passwords.settings = passwords.HashSettings(time_cost=1, memory_kib=1024, parallelism=1)


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in a dict: never the developer's real keychain."""

    # Below the `fail` backend (0): keyring never picks or chains it on its own, only
    # through an explicit `keyring.set_keyring(...)`.
    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Install a `MemoryKeyring` for the block, then put the previous backend back."""
    previous = keyring.get_keyring()
    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    try:
        yield fake
    finally:
        keyring.set_keyring(previous)


def store_key(data_dir: Path) -> bytes:
    """The key of the store in `data_dir`, as the app finds it (keyring or passphrase)."""
    from app.security import dbkey

    key = dbkey.database_key(data_dir, create=False)
    assert key is not None, f"{data_dir} has no keyinfo.json"
    return key


def connect_store(db_path: Path) -> Any:
    """A raw sqlcipher3 connection on a data folder's `cases.db`, unlocked.

    Its errors are `sqlcipher3.dbapi2` classes (`sqlite_errors()` gives the module).
    """
    from app.store import cipher

    connection = cipher.connect(db_path, store_key(db_path.parent))
    connection.isolation_level = ""  # like sqlite3.connect: implicit transactions
    return connection


def sqlite_errors() -> Any:
    """The module whose IntegrityError/DatabaseError a `connect_store` connection raises."""
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def file_bytes(folder: Path) -> Iterator[tuple[Path, bytes]]:
    """Every file under `folder` with its bytes."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            yield path, path.read_bytes()
