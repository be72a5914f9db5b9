"""The whole schema in one metadata: import this before creating tables or opening a session.

The tables are declared in four modules that know nothing of each other (`models`: cases
and what hangs off them; `records`: sessions, settlements, documents, audit; `accounts`: the
app lock; `court`: evidence and rulings), so that none of them imports another.
"""

from __future__ import annotations

from app.store import accounts, court, models, records
from app.store.base import Base

metadata = Base.metadata

__all__ = ["Base", "accounts", "court", "metadata", "models", "records"]
