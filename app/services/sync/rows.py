"""Rows of the case store ↔ rows on the wire (`app.domain.sync_wire`).

Reading uses Core selects on the mapped tables (the column types turn fen into Decimal,
naive UTC into aware datetimes); integer foreign keys become the referenced rows' uids and
BLOB columns become `{"sha256", "size"}` references. Writing (`values_from_wire`) is the
reverse, with uids resolved to local ids through the unique `uid` index.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import JSON, Date, LargeBinary, Table, select
from sqlalchemy.orm import Session

from app.domain.sync_wire import (
    BLOB_COLUMNS,
    BLOB_SHA_COLUMNS,
    CARRIED,
    ENTITIES,
    KEY_COLUMNS,
    LOCAL_ONLY_COLUMNS,
    REFERENCES,
)
from app.store.schema import metadata
from app.store.types import DecimalText, Money, UTCDateTime

CHUNK = 500

__all__ = [
    "BLOB_COLUMNS",
    "REFERENCES",
    "load_cases",
    "metadata",
    "table",
    "to_wire",
    "values_from_wire",
]


def table(entity: str) -> Table:
    return metadata.tables[entity]


def key(entity: str) -> Any:
    """The local primary-key column of a synced table (`id`, or e.g. `document_id`)."""
    return table(entity).c[KEY_COLUMNS.get(entity, "id")]


@cache
def wire_columns(entity: str) -> tuple[str, ...]:
    skip = {"id", *LOCAL_ONLY_COLUMNS.get(entity, ())}
    return tuple(c.name for c in table(entity).columns if c.name not in skip)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def blob_ref(data: bytes | None) -> dict[str, Any] | None:
    if data is None:
        return None
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def to_wire(entity: str, row: Mapping[str, Any], uids: Mapping[tuple[str, int], str]) -> Any:
    """One stored row as a wire body (`uids`: (entity, local id) → uid)."""
    refs = REFERENCES.get(entity, {})
    blobs = BLOB_COLUMNS.get(entity, ())
    body: dict[str, Any] = {}
    for name in wire_columns(entity):
        value = row.get(name)
        if name in refs:
            value = uids.get((refs[name], row[name])) if row[name] is not None else None
        elif name in blobs and entity in BLOB_SHA_COLUMNS:
            value = {"sha256": row[BLOB_SHA_COLUMNS[entity]], "size": row["size"]}
        elif name in blobs:
            value = blob_ref(value)
        body[name] = _plain(value)
    for carried in CARRIED if entity == "case" else ():
        if row.get(carried) is not None:
            body[carried] = row[carried]
    return body


def carried_to_wire(name: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A shared row (a batch) as it travels inside its cases: every column but `id`."""
    return {c.name: _plain(row[c.name]) for c in table(name).columns if c.name != "id"}


def carried_values(name: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """A shared row's column values for the store, from its wire form."""
    t = table(name)
    return {k: None if v is None else _typed(t.c[k].type, v)
            for k, v in body.items() if k in t.c and k != "id"}


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _readable(entity: str) -> list[Any]:
    """The columns read for the wire: all but the bytes of blobs stored with their hash."""
    t = table(entity)
    lazy = BLOB_COLUMNS[entity] if entity in BLOB_SHA_COLUMNS else ()
    return [c for c in t.columns if c.name not in lazy]


def load_cases(session: Session, case_ids: list[int]) -> dict[str, list[Mapping[str, Any]]]:
    """Every stored row of these cases, per entity (documents' children through them); large
    blobs stored with their hash (evidence) are left out, `local_blobs` reads them."""
    found: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for part in _chunks(case_ids):
        for entity in ENTITIES:
            t = table(entity)
            if entity == "case":
                stmt = select(t).where(t.c.id.in_(part))
            elif "case_id" in t.c:
                stmt = select(*_readable(entity)).where(t.c.case_id.in_(part))
            else:
                docs = select(table("document").c.id).where(table("document").c.case_id.in_(part))
                stmt = select(t).where(t.c.document_id.in_(docs))
            found[entity].extend(dict(r._mapping) for r in session.execute(stmt))
    _load_carried(session, found)
    return found


def _load_carried(session: Session, found: dict[str, list[Mapping[str, Any]]]) -> None:
    """The batches of these cases: listed under their name (their uids for `uid_map`) and
    put on each case row, whose wire body carries them (`CARRIED`)."""
    for name, column in CARRIED.items():
        wanted = sorted({r[column] for r in found.get("case", []) if r.get(column) is not None})
        t = table(name)
        rows: dict[int, Mapping[str, Any]] = {}
        for part in _chunks(wanted):
            rows.update((r.id, dict(r._mapping)) for r in session.execute(
                select(t).where(t.c.id.in_(part))))
        found[name] = list(rows.values())
        wire = {key: carried_to_wire(name, row) for key, row in rows.items()}
        for case in found.get("case", []):
            if case.get(column) in wire:
                case[name] = wire[case[column]]  # type: ignore[index]


def uid_map(rows: Mapping[str, list[Mapping[str, Any]]]) -> dict[tuple[str, int], str]:
    return {(e, r[key(e).name]): r["uid"] for e, items in rows.items() for r in items}


def blobs_of(rows: Mapping[str, list[Mapping[str, Any]]]) -> dict[str, bytes]:
    """sha256 → bytes of every BLOB in these rows."""
    out: dict[str, bytes] = {}
    for entity, columns in BLOB_COLUMNS.items():
        for row in rows.get(entity, []):
            for column in columns:
                data = row.get(column)
                if data is not None:
                    out[hashlib.sha256(data).hexdigest()] = bytes(data)
    return out


def values_from_wire(
    entity: str,
    body: Mapping[str, Any],
    ids: Mapping[tuple[str, str], int],
    blobs: Mapping[str, bytes],
) -> dict[str, Any] | None:
    """Column values for the store; None when a referenced row or blob is missing."""
    t = table(entity)
    refs = REFERENCES.get(entity, {})
    out: dict[str, Any] = {}
    for name in wire_columns(entity):
        if name not in body:
            continue
        value, column = body[name], t.c[name]
        if value is None and isinstance(column.type, JSON):
            continue  # SQL NULL: left out (None would be stored as the JSON text 'null')
        if value is None:
            out[name] = None
        elif name in refs:
            local = ids.get((refs[name], str(value)))
            if local is None and not column.nullable:
                return None
            out[name] = local
        elif isinstance(column.type, LargeBinary):
            data = blobs.get(str(value.get("sha256")))
            if data is None:
                return None
            out[name] = data
        else:
            out[name] = _typed(column.type, value)
    return out


def _typed(kind: Any, value: Any) -> Any:
    if isinstance(kind, (Money, DecimalText)):
        return Decimal(str(value))
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat(str(value))
    if isinstance(kind, Date):
        return date.fromisoformat(str(value))
    return value


def local_ids(session: Session, entity: str, uids: Iterable[str]) -> dict[tuple[str, str], int]:
    """(entity, uid) → local id for the given uids that exist here."""
    t = table(entity)
    out: dict[tuple[str, str], int] = {}
    wanted = sorted(set(uids))
    for part in _chunks(wanted):
        for uid, local in session.execute(select(t.c.uid, key(entity)).where(t.c.uid.in_(part))):
            out[(entity, uid)] = local
    return out
