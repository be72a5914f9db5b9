"""PostgreSQL for the office server: URLs, connections, a pool, and migrations at start.

Migrations are Alembic (`server/migrations/`), run under a transaction-level advisory lock
so a service and an admin command starting together never migrate twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 0x4D445359  # "MDSY"


class Unreachable(RuntimeError):
    """The database cannot be reached (a message for the office, not a traceback)."""


def libpq_url(url: str) -> str:
    """A URL psycopg takes (`postgresql+psycopg://` → `postgresql://`)."""
    for prefix in ("postgresql+psycopg://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    return url


def sqlalchemy_url(url: str) -> str:
    return "postgresql+psycopg://" + libpq_url(url)[len("postgresql://"):]


def connect(url: str) -> psycopg.Connection[dict[str, Any]]:
    try:
        return psycopg.connect(
            libpq_url(url), row_factory=dict_row, connect_timeout=10, autocommit=True
        )
    except psycopg.OperationalError as error:
        raise Unreachable(f"无法连接数据库（{error}）。请检查 --database-url。") from error


def make_pool(url: str, *, min_size: int = 1, max_size: int = 8) -> ConnectionPool:
    pool = ConnectionPool(
        libpq_url(url),
        min_size=min_size,
        max_size=max_size,
        kwargs={"row_factory": dict_row, "autocommit": True},
        check=ConnectionPool.check_connection,  # drop connections a database restart killed
        timeout=10,  # a request waits at most this long for the database, then 503
        open=False,
    )
    pool.open(wait=True, timeout=30)
    return pool


@contextmanager
def transaction(conn: psycopg.Connection[Any]) -> Iterator[psycopg.Connection[Any]]:
    """One transaction on `conn`: committed on a clean exit, rolled back otherwise."""
    with conn.transaction():
        yield conn


def migrate(url: str) -> str | None:
    """Bring the schema to head (under an advisory lock); return the revision."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    engine = create_engine(sqlalchemy_url(url), future=True)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.execute(
                text(
                    "INSERT INTO server_instance (id, epoch) SELECT :id, 1"
                    " WHERE NOT EXISTS (SELECT 1 FROM server_instance)"
                ),
                {"id": uuid.uuid4()},
            )
            connection.commit()
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception as error:
        if "connection" in str(error).lower() and "refused" in str(error).lower():
            raise Unreachable(f"无法连接数据库（{error}）。请检查 --database-url。") from error
        raise
    finally:
        engine.dispose()
    return str(revision) if revision else None


def instance(conn: psycopg.Connection[Any]) -> dict[str, Any]:
    """The server's identity row: its id and restore epoch."""
    row = conn.execute("SELECT id, epoch FROM server_instance").fetchone()
    assert row is not None, "migrate() creates the server_instance row"
    return dict(row)
