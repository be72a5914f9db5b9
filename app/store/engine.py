"""The one place the case store's database is opened.

Every connection gets the same pragmas (see `_on_connect`). pysqlite's own transaction
handling is switched off and SQLAlchemy's "begin" event issues `BEGIN` itself (the recipe
in SQLAlchemy's SQLite dialect docs), so that writes can take the write lock up front with
`BEGIN IMMEDIATE`: a writer waits for (or is refused) the lock *before* it reads anything,
never half-way through, which is what makes read-then-write code (case numbers, the audit
chain) safe between two windows or processes.

`synchronous=FULL`, not NORMAL: in WAL mode NORMAL may lose the last commits on a power cut
(the database stays consistent but recent edits vanish). A mediator's laptop dying
mid-session is exactly the case the wizard's autosave exists for, and our writes are small
and few, so the extra fsync per commit costs nothing anyone notices.

Connections are SQLCipher's (`app.store.cipher.connect`, made by the engine's `creator`):
`PRAGMA key` is the very first statement on each, before SQLAlchemy or the pragmas below
touch the file. `key=None` opens a plaintext file (tests, migrations tooling).
"""

from __future__ import annotations

import json
import weakref
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import Pool

from app.store import cipher
from app.store.private import private_dir

BUSY_TIMEOUT_MS = 5000
BEGIN_MODES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")
BEGIN_OPTION = "sqlite_begin"

# The key per connection pool (an engine and its `writer` view share the pool).
_pool_keys: weakref.WeakKeyDictionary[Pool, bytes | None] = weakref.WeakKeyDictionary()


def json_dumps(value: Any) -> str:
    """JSON columns: UTF-8 text, sorted keys, and no Decimal/float/NaN sneaking in."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)


def make_engine(
    db_path: Path,
    *,
    key: bytes | None = None,
    foreign_keys: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Engine:
    """An engine on the SQLite file `db_path` with the store's pragmas.

    Transactions start with a plain (deferred) `BEGIN`; use `writer(engine)` for
    `BEGIN IMMEDIATE`. `key` is the SQLCipher key (32 bytes; None: a plaintext file).
    `foreign_keys=False` is only for running migrations.
    """
    private_dir(db_path.parent)
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(db_path)),  # a file URL: QueuePool
        module=cipher.dbapi(),
        creator=partial(cipher.connect, db_path, key, timeout=busy_timeout_ms / 1000),
        json_serializer=json_dumps,
        hide_parameters=True,  # errors and logs never carry the values (debtors' data)
    )
    _pool_keys[engine.pool] = key
    event.listen(
        engine,
        "connect",
        partial(_on_connect, foreign_keys=foreign_keys, busy_timeout_ms=busy_timeout_ms),
    )
    event.listen(engine, "begin", _on_begin)
    return engine


def engine_key(engine: Engine) -> bytes | None:
    """The key `engine` was made with (a backup is encrypted with the same key)."""
    return _pool_keys.get(engine.pool)


def writer(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions start with `BEGIN IMMEDIATE`."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


def _on_connect(
    dbapi_connection: Any, connection_record: Any, *, foreign_keys: bool, busy_timeout_ms: int
) -> None:
    # pysqlite must not issue BEGIN/COMMIT on its own; the "begin" event does.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    if mode not in BEGIN_MODES:
        raise ValueError(f"unknown SQLite begin mode {mode!r}")
    conn.exec_driver_sql(f"BEGIN {mode}")
