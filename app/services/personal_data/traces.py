"""Where personal values still are: every table of the store, searched as bytes.

`find_traces(session, values)` reads the database through its own (decrypted) connection:
every table in `sqlite_master` — so also tables made outside the models (full-text search
tables and their shadow tables, change capture) — and every column, text and blobs alike,
for each value as UTF-8 and as UTF-16 (how PDF metadata spells text). It reports where,
never what. With `case_id`, rows that belong to another case are left out; rows that
belong to no case (settings, the organisation) are always searched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RETAINED_COLUMNS = {("document", "content"), ("document_attachment", "content")}
KEPT_EVIDENCE = {("mandate_exception", "scan")}
"""The creditor's signed reply approving a settlement: kept as the agreement's authority."""


@dataclass(frozen=True)
class Trace:
    table: str
    column: str
    rowid: int
    retained: bool = False


def find_traces(session: Session, values: list[str], *, case_id: int | None = None) -> list[Trace]:
    """Every (table, column, row) holding one of `values` (see the module)."""
    needles = [n for v in values if v for n in (v.encode("utf-8"), v.encode("utf-16-be"))]
    if not needles:
        return []
    kept = set(session.execute(text("SELECT document_id FROM retained_document")).scalars())
    found: list[Trace] = []
    for table in _tables(session):
        columns = _columns(session, table)
        scope = _scope(table, columns, case_id)
        if scope is None:
            continue
        for column in columns:
            found += _search(session, table, column, needles, scope, kept)
    return found


def _search(
    session: Session, table: str, column: str, needles: list[bytes], scope: str, kept: set[int]
) -> list[Trace]:
    tests = " OR ".join(f'instr(CAST("{column}" AS BLOB), :n{i}) > 0' for i in range(len(needles)))
    link = (
        "document_id" if table == "document_attachment" else "id" if table == "document" else "NULL"
    )
    params: dict[str, object] = {f"n{i}": n for i, n in enumerate(needles)}
    sql = f'SELECT rowid, {link} FROM "{table}" WHERE ({tests}) AND ({scope})'
    out = []
    for rowid, document_id in session.execute(text(sql), params):
        retained = (table, column) in KEPT_EVIDENCE or (
            (table, column) in RETAINED_COLUMNS and document_id in kept
        )
        out.append(Trace(table, column, int(rowid), retained))
    return out


def _tables(session: Session) -> list[str]:
    rows = session.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    )
    return [str(r[0]) for r in rows]


def _columns(session: Session, table: str) -> list[str]:
    return [str(r[1]) for r in session.execute(text(f'PRAGMA table_info("{table}")'))]


def _scope(table: str, columns: list[str], case_id: int | None) -> str | None:
    """The SQL condition for rows of this case (or of no case); None: skip the table."""
    if case_id is None:
        return "1"
    if table == "case":
        return f"id = {int(case_id)}"
    if "case_id" in columns:
        return f"case_id IS NULL OR case_id = {int(case_id)}"
    if "document_id" in columns:
        return f"document_id IN (SELECT id FROM document WHERE case_id = {int(case_id)})"
    if "settlement_id" in columns:
        return f"settlement_id IN (SELECT id FROM settlement WHERE case_id = {int(case_id)})"
    return "1"
