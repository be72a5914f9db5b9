"""Damage to an encrypted case store, made on purpose for tests."""

from __future__ import annotations

from pathlib import Path

from tests.security_fixtures import connect_store


def damage_silently(data_dir: Path) -> None:
    """Make an index of `party` disagree with its table (its definition now names another
    column): every query the app makes at start still works, `PRAGMA integrity_check` does
    not — a damaged page nobody has met yet."""
    connection = connect_store(data_dir / "cases.db")
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_party_name ON party (phone)' "
        "WHERE name = 'ix_party_name'"
    )
    connection.commit()
    connection.close()


def damage_a_table(data_dir: Path, table: str) -> None:
    """Overwrite bytes in the middle of `table`'s root page (its rows, for a small table):
    the schema still loads, and only a query that reads the table meets the damage."""
    connection = connect_store(data_dir / "cases.db")
    page = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
    ).fetchone()[0]
    size = int(connection.execute("PRAGMA page_size").fetchone()[0])
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(data_dir / "cases.db", "r+b") as handle:
        handle.seek((page - 1) * size + size // 2)
        handle.write(b"\xa5" * 64)
