"""The case store's record of a document, found by the SHA-256 of its bytes (for `verify`).

`record_lookup(data_dir)` is what `app.services.organisation.signing.record_lookup_provider` uses: a
function `sha256 -> dict | None` over the case store of `data_dir`, or None when there is no
case store there, when the store cannot be unlocked (no keyring entry and no passphrase), or
when this build has no document records yet (`app.services.documents.store` not present), so
the report says the store was not checked.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from app.services.context import db_path_for
from app.services.startup import open_context

DOCUMENTS_STORE = "app.services.documents.store"

Finder = Callable[[Any, str], Any]


def _finder() -> Finder | None:
    try:
        module = importlib.import_module(DOCUMENTS_STORE)
    except ModuleNotFoundError as error:
        if error.name == DOCUMENTS_STORE:
            return None  # document records are not part of this build yet
        raise
    found = getattr(module, "find_by_sha256", None)
    return found if callable(found) else None


def _store_key(folder: Path) -> bytes | None:
    """The encrypted store's key when it can be had (keyring, passphrase in the environment
    or a terminal); None when the store stays locked: verifying a signature never needs it,
    the report then says the store was not checked."""
    from app.domain.errors import DomainError
    from app.services.unlock import unlock_store

    try:
        return unlock_store(folder)
    except DomainError:
        return None


def plain(value: Any) -> Any:
    """JSON-ready data: dataclasses as dicts, dates ISO, Decimal as text, bytes left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items() if not isinstance(v, bytes)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, Path)):
        return str(value)
    return value


def record_lookup(data_dir: Path) -> Callable[[str], dict[str, Any] | None] | None:
    """`sha256 -> the store's record (plain dict) or None`; None when nothing can be checked."""
    folder = Path(data_dir)
    finder = _finder()
    if finder is None or not db_path_for(folder).exists():
        return None
    key = _store_key(folder)
    if key is None:
        return None

    def lookup(sha256: str) -> dict[str, Any] | None:
        with open_context(folder, actor="verify", key=key) as ctx:
            found = finder(ctx, sha256)
        if found is None:
            return None
        record = plain(found)
        return record if isinstance(record, dict) else {"record": record}

    return lookup
