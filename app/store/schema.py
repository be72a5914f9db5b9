"""The whole schema in one metadata: import this before creating tables or opening a session.

The tables are declared in modules that know nothing of each other (`models`: cases
and what hangs off them; `records`: sessions, settlements, documents, audit; `accounts`: the
app lock; `contacts`: contact log and personal-data duties; `mandates`: the creditor's
mandate; `court`: evidence and rulings), so that none of them imports another.
"""

from __future__ import annotations

from app.store import (
    accounts,
    contacts,
    court,
    mandates,
    models,
    records,
    sync_capture,
    sync_tables,
)
from app.store.base import Base

metadata = Base.metadata
sync_capture.install()  # after every synced table is mapped

__all__ = [
    "Base",
    "accounts",
    "contacts",
    "court",
    "mandates",
    "metadata",
    "models",
    "records",
    "sync_capture",
    "sync_tables",
]
