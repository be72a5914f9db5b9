"""Change capture for office sync, in the one place every ORM write passes: the flush.

After a row of a synced table is inserted, changed or deleted (by a service, a cascade or
an orphan removal), a `sync_pending` row (entity, uid) is upserted with the next
`local_seq`; one counter value per flush. The payload is built from the current rows at
push time, so fifty autosaves of one field are one pending row. The sync's own apply of
what the office sent uses Core statements, which never pass here (no echo).

ORM-enabled bulk statements (`session.execute(update(ContactPerson).where(…))`, as the
PIPL erasure does) are captured too: the rows they match are read before the statement
runs. Writes made around the ORM on purpose (the batch import's bulk writer,
`app.store.bulk`) feed the same table through `capture_many`. Not captured: other raw
SQL, statements on plain `Table` objects (the sync's own apply) and `ON DELETE CASCADE`
done by SQLite itself (a signature of a deleted party).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, event, inspect, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, object_session

from app.domain.sync_wire import ENTITIES
from app.store.base import Base

SEQ_KEY = "sync_local_seq"
DOCUMENT_CHILDREN = ("document_attachment", "signature", "retained_document")
COUNTER = "local_seq"
_CASE_OF_DOCUMENT = 'SELECT c.uid FROM "case" c JOIN document d ON d.case_id = c.id WHERE d.id = ?'
_CASE = 'SELECT uid FROM "case" WHERE id = ?'
_UPSERT = (
    "INSERT INTO sync_pending (entity, uid, case_uid, op, local_seq) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (entity, uid) DO UPDATE SET op = excluded.op, local_seq = excluded.local_seq"
)


def next_seq(connection: Connection) -> int:
    """Take the next value of the persistent change counter."""
    row = connection.exec_driver_sql(
        "UPDATE sync_counter SET value = value + 1 WHERE name = ? RETURNING value", (COUNTER,)
    ).first()
    if row is not None:
        return int(row[0])
    connection.exec_driver_sql("INSERT INTO sync_counter (name, value) VALUES (?, 1)", (COUNTER,))
    return 1


def _flush_seq(connection: Connection, target: Any) -> int:
    session = object_session(target)
    info = session.info if session is not None else {}
    if SEQ_KEY not in info:
        info[SEQ_KEY] = next_seq(connection)
    return int(info[SEQ_KEY])


def case_uid_of(connection: Connection, table: str, target: Any) -> str | None:
    if table == "case":
        return str(target.uid) if target.uid else None
    if table in DOCUMENT_CHILDREN:
        query, key = _CASE_OF_DOCUMENT, target.document_id
    else:
        query, key = _CASE, target.case_id
    row = connection.exec_driver_sql(query, (key,)).first()
    return str(row[0]) if row and row[0] else None


def _capture(connection: Connection, table: str, target: Any, op: str) -> None:
    uid = target.uid
    case_uid = case_uid_of(connection, table, target)
    if not uid or not case_uid:
        return
    seq = _flush_seq(connection, target)
    connection.exec_driver_sql(_UPSERT, (table, uid, case_uid, op, seq))


def _changed(target: Any) -> bool:
    state = inspect(target)
    return any(attr.history.has_changes() for attr in state.attrs)


def _after_insert(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    _capture(connection, mapper.local_table.name, target, "put")  # type: ignore[attr-defined]


def _after_update(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    if _changed(target):
        _capture(connection, mapper.local_table.name, target, "put")  # type: ignore[attr-defined]


def _after_delete(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    _capture(connection, mapper.local_table.name, target, "del")  # type: ignore[attr-defined]


def _bulk(state: ORMExecuteState) -> Any:
    """An ORM-enabled bulk UPDATE/DELETE of a synced table: its rows become pending."""
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return None
    table = getattr(state.bind_mapper.local_table, "name", "")
    statement: Any = state.statement
    if table not in ENTITIES or statement.whereclause is None:
        return None
    local = state.bind_mapper.local_table
    owner = local.c["document_id" if table in DOCUMENT_CHILDREN else "case_id"] \
        if table != "case" else local.c["id"]
    matched = state.session.execute(select(local.c["uid"], owner).where(statement.whereclause))
    hits = [(uid, key) for uid, key in matched.all() if uid and key is not None]
    result = state.invoke_statement()
    if hits:
        connection = state.session.connection()
        seq, op = next_seq(connection), "del" if state.is_delete else "put"
        query = _CASE_OF_DOCUMENT if table in DOCUMENT_CHILDREN else _CASE
        for uid, key in hits:
            row = connection.exec_driver_sql(query, (key,)).first()
            if row and row[0]:
                connection.exec_driver_sql(_UPSERT, (table, uid, str(row[0]), op, seq))
    return result


def capture_many(connection: Connection, rows: Iterable[tuple[str, str, str]],
                 op: str = "put") -> int:
    """Rows written around the ORM (a bulk import's chunk: (entity, uid, case uid) each)
    become pending as a flush would make them: one change number for all. Their count."""
    items = list(rows)
    if not items:
        return 0
    seq = next_seq(connection)
    connection.exec_driver_sql(_UPSERT, [(e, uid, case, op, seq) for e, uid, case in items])
    return len(items)


def _new_flush(session: Session, flush_context: Any) -> None:
    session.info.pop(SEQ_KEY, None)


def synced_classes() -> list[type[Any]]:
    """The mapped classes whose table is a synced entity."""
    return [
        mapper.class_
        for mapper in Base.registry.mappers
        if getattr(mapper.local_table, "name", None) in ENTITIES
    ]


def install() -> None:
    for cls in synced_classes():
        if event.contains(cls, "after_insert", _after_insert):
            continue
        event.listen(cls, "after_insert", _after_insert)
        event.listen(cls, "after_update", _after_update)
        event.listen(cls, "after_delete", _after_delete)
    if not event.contains(Session, "after_flush_postexec", _new_flush):
        event.listen(Session, "after_flush_postexec", _new_flush)
    if not event.contains(Session, "do_orm_execute", _bulk):
        event.listen(Session, "do_orm_execute", _bulk)
