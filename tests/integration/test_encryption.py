"""The case store is encrypted: a plaintext store is migrated once and safely (every row
kept, nothing plaintext left), the keyring path asks nothing, and a wrong key is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError
from app.security import dbkey
from app.security.secrets import PASSPHRASE_ENV
from app.services import unlock
from app.services.context import AppContext, open_context
from app.store import cipher, migrate
from app.store.backup import backup_database
from app.store.unit_of_work import Store
from tests.security_fixtures import connect_store, file_bytes, memory_keyring, store_key
from tests.store_fixtures import START, FixedClock

pytest.importorskip("app.domain.identifiers")  # the demo validates IDs with it


def dump(connection: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in rowid order."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: [tuple(r) for r in connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid')]
        for name in sorted(tables)
    }


@pytest.fixture
def plaintext_demo(tmp_path: Path) -> Path:
    """A store as an older version left it: plaintext, in WAL mode, with a plaintext backup."""
    from app.services.demo.service import seed_demo

    folder = tmp_path / "old"
    path = folder / "cases.db"
    migrate.upgrade(path)
    ctx = AppContext(folder, Store(path, key=None), "旧版本", FixedClock(START))
    seed_demo(ctx)
    backup_database(ctx.store.engine, folder / "backups" / "cases-old-before-0002.db")
    ctx.close()
    assert cipher.is_plaintext(path)
    return folder


def test_a_plaintext_store_is_encrypted_once_keeping_every_row(plaintext_demo: Path) -> None:
    before = dump(sqlite3.connect(plaintext_demo / "cases.db"))
    old_backup = plaintext_demo / "backups" / "cases-old-before-0002.db"
    backup_before = dump(sqlite3.connect(old_backup))
    debtor = next(row[4] for row in before["party"] if row[2] == "debtor")

    with open_context(plaintext_demo) as ctx, ctx.read() as uow:
        assert uow.cases.count() == 24

    assert sum(map(len, before.values())) > 200
    assert dump(connect_store(plaintext_demo / "cases.db")) == before
    assert dump(cipher.connect(old_backup, store_key(plaintext_demo))) == backup_before
    for path, data in file_bytes(plaintext_demo):
        assert not data.startswith(cipher.SQLITE_HEADER), path
        assert debtor.encode("utf-8") not in data, path
    names = {p.name for p, _ in file_bytes(plaintext_demo)}
    assert not any(n.endswith((".encrypting", "-wal", "-shm")) for n in names), names
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(plaintext_demo / "cases.db").execute("SELECT * FROM sqlite_master")


def test_the_migration_happens_once(plaintext_demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_context(plaintext_demo):
        pass
    calls: list[Path] = []
    original = cipher.export_copy
    monkeypatch.setattr(cipher, "export_copy", lambda *a: calls.append(a[1]) or original(*a))
    with open_context(plaintext_demo) as ctx, ctx.read() as uow:
        assert uow.cases.count() == 24
    assert calls == []


def test_a_failed_check_leaves_the_plaintext_store_untouched(
    plaintext_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plaintext_demo / "cases.db"
    before = dump(sqlite3.connect(path))

    def broken(*args: Any) -> None:
        raise DomainError(cipher.MIGRATION_FAILED_MESSAGE.format(reason="测试"))

    monkeypatch.setattr(cipher, "verify_copy", broken)
    with pytest.raises(DomainError, match="原来的文件没有改动"):
        open_context(plaintext_demo)
    assert cipher.is_plaintext(path) and dump(sqlite3.connect(path)) == before
    assert not (plaintext_demo / "cases.db.encrypting").exists()


def test_a_staging_file_left_by_a_crash_is_cleared(plaintext_demo: Path) -> None:
    (plaintext_demo / "cases.db.encrypting").write_bytes(b"half written")
    with open_context(plaintext_demo) as ctx, ctx.read() as uow:
        assert uow.cases.count() == 24
    assert not (plaintext_demo / "cases.db.encrypting").exists()


def test_with_a_keyring_no_passphrase_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV)

    def never(message: str, new: bool) -> str | None:
        raise AssertionError("a passphrase was asked for")

    with memory_keyring() as ring:
        first = open_context(tmp_path / "d", prompt=never, clock=FixedClock(START))
        with first as ctx, ctx.write() as uow:
            uow.record("test.event")
        unlock.lock_all()  # a fresh start: the key comes from the keyring again
        with open_context(tmp_path / "d", prompt=never) as ctx, ctx.read() as uow:
            assert uow.audit.last().action == "test.event"
        assert len(ring.secrets) == 1
    assert dbkey.read_keyinfo(tmp_path / "d").mode == "keyring"  # type: ignore[union-attr]


def test_without_a_keyring_the_environments_passphrase_opens_the_store(tmp_path: Path) -> None:
    with open_context(tmp_path / "d") as ctx, ctx.write() as uow:
        uow.record("test.event")
    unlock.lock_all()
    info = dbkey.read_keyinfo(tmp_path / "d")
    assert info is not None and info.mode == "passphrase" and info.kdf is not None
    with open_context(tmp_path / "d") as ctx, ctx.read() as uow:
        assert uow.audit.last().action == "test.event"


def test_a_wrong_passphrase_opens_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_context(tmp_path / "d"):
        pass
    unlock.lock_all()
    monkeypatch.setenv(PASSPHRASE_ENV, "错误的口令")
    with pytest.raises(dbkey.WrongPassphrase, match="口令不正确"):
        open_context(tmp_path / "d")


def test_the_store_does_not_open_with_another_key(tmp_path: Path) -> None:
    with open_context(tmp_path / "d"):
        pass
    with pytest.raises(DomainError, match="无法读取案件库"):
        open_context(tmp_path / "d", key=bytes(32))
    with pytest.raises(cipher.WrongKey, match="密钥不对"):
        cipher.check_key(tmp_path / "d" / "cases.db", bytes(32))
    cipher.check_key(tmp_path / "d" / "cases.db", store_key(tmp_path / "d"))


def test_every_connection_is_keyed_before_anything_else(tmp_path: Path) -> None:
    statements: list[str] = []
    with open_context(tmp_path / "d") as ctx:
        raw = ctx.store.engine.raw_connection()
        try:
            raw.driver_connection.set_trace_callback(statements.append)  # type: ignore[union-attr]
            raw.driver_connection.execute("SELECT 1")  # type: ignore[union-attr]
        finally:
            raw.close()
    key = store_key(tmp_path / "d")
    fresh: list[str] = []
    original = cipher.dbapi().connect

    def traced(*args: Any, **kwargs: Any) -> Any:
        connection = original(*args, **kwargs)
        connection.set_trace_callback(fresh.append)
        return connection

    module = cipher.dbapi()
    module_connect = module.connect
    module.connect = traced
    try:
        connection = cipher.connect(tmp_path / "d" / "cases.db", key)
        connection.close()
    finally:
        module.connect = module_connect
    assert fresh[:2] == ["PRAGMA cipher_log_level = NONE", cipher.key_pragma(key)]
    assert statements == ["SELECT 1"]


def test_the_data_files_are_private_to_their_owner(tmp_path: Path) -> None:
    with open_context(tmp_path / "d") as ctx, ctx.write() as uow:
        uow.record("test.event")
    assert (tmp_path / "d" / "cases.db").stat().st_mode & 0o077 == 0
    assert (tmp_path / "d" / "keyinfo.json").stat().st_mode & 0o077 == 0
