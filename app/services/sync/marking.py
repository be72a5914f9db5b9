"""Marking whole cases as waiting to be sent: a laptop's first enrolment (its cases are
adopted by the office), a new incarnation after a restore, a server restored from backup."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.sync_wire import ENTITIES
from app.store.sync_capture import next_seq

CHUNK = 500
_BY_CASE = {
    "case": 'SELECT :e, c.uid, c.uid, \'put\', :seq FROM "case" c WHERE c.uid IN ({ids})',
    "document_attachment": (
        'SELECT :e, x.uid, c.uid, \'put\', :seq FROM document_attachment x'
        ' JOIN document d ON d.id = x.document_id JOIN "case" c ON c.id = d.case_id'
        " WHERE c.uid IN ({ids})"
    ),
    "signature": (
        'SELECT :e, x.uid, c.uid, \'put\', :seq FROM signature x'
        ' JOIN document d ON d.id = x.document_id JOIN "case" c ON c.id = d.case_id'
        " WHERE c.uid IN ({ids})"
    ),
    "retained_document": (
        'SELECT :e, x.uid, c.uid, \'put\', :seq FROM retained_document x'
        ' JOIN document d ON d.id = x.document_id JOIN "case" c ON c.id = d.case_id'
        " WHERE c.uid IN ({ids})"
    ),
}
_CHILD = (
    'SELECT :e, x.uid, c.uid, \'put\', :seq FROM "{table}" x JOIN "case" c ON c.id = x.case_id'
    " WHERE c.uid IN ({ids})"
)


def mark_cases_pending(session: Session, case_uids: list[str]) -> int:
    """Every row of these cases becomes pending (one new change number). Returns the seq."""
    connection = session.connection()
    seq = next_seq(connection)
    for start in range(0, len(case_uids), CHUNK):
        part = case_uids[start : start + CHUNK]
        names = {f"u{i}": uid for i, uid in enumerate(part)}
        ids = ", ".join(f":{n}" for n in names)
        for entity in ENTITIES:
            select_sql = _BY_CASE.get(entity, _CHILD).format(table=entity, ids=ids)
            session.execute(
                text(
                    "INSERT INTO sync_pending (entity, uid, case_uid, op, local_seq) "
                    f"{select_sql} ON CONFLICT (entity, uid) DO UPDATE SET op = 'put', "
                    "local_seq = excluded.local_seq"
                ),
                {"e": entity, "seq": seq, **names},
            )
    return seq


def all_case_uids(session: Session) -> list[str]:
    return [str(r[0]) for r in session.execute(text('SELECT uid FROM "case" ORDER BY id'))]
