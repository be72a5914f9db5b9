"""Consistent copies of the live database through SQLite's online backup API.

Never a file copy: a WAL database's main file alone can miss committed transactions.
The copy is written beside its destination, fsynced, then moved into place.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine


def backup_database(engine: Engine, dest: Path) -> Path:
    """Copy the database behind `engine` to `dest` (atomically replaced) and return it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        raw.close()
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, dest)
    return dest


def backup_name(stem: str, label: str, now: datetime | None = None) -> str:
    """E.g. `cases-20260301T020304123456Z-before-0002.db`."""
    moment = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stem}-{moment}-{label}.db"
