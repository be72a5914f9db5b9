"""Revision 0012: batches get a uid, and rows a bulk import wrote without one (between 0008
and the bulk writer making uids itself) get one and wait for the office."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from uuid import UUID

from app.store import migrate

NOW = "2026-12-01 08:00:00.000000"
TYPED_UID = "01900000-0000-7000-8000-000000000001"


def _rows(db: Path, statement: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        with conn:
            return conn.execute(statement).fetchall()
    finally:
        conn.close()


def _at_0008_with_an_import(db: Path) -> None:
    migrate.upgrade(db, target="0008")
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO batch (id, name, creditor, lender_type, court, received_on, file_name,"
            " file_sha256, sheet, rows, valid, imported, bad, duplicates, status, created_at,"
            " created_by) VALUES (1, '批', '债权人', 'bank', '', '2026-12-01', 'a.xlsx',"
            f" '{'0' * 64}', 'S', 1, 1, 1, 0, 0, 'complete', '{NOW}', '调解员')"
        )
        for case_id, uid in ((1, None), (2, TYPED_UID)):  # imported; typed in (has a uid)
            conn.execute(
                'INSERT INTO "case" (id, uid, case_no, status, source_batch, created_at,'
                " updated_at, batch_id) VALUES (?, ?, ?, 'intake', '批', ?, ?, 1)",
                (case_id, uid, f"TJ-2026-00000{case_id}", NOW, NOW),
            )
        conn.execute(
            "INSERT INTO party (case_id, role, kind, name, id_type, id_number, phone, address,"
            " legal_representative) VALUES (1, 'debtor', 'person', '借款人', '', '', '', '', '')"
        )
    conn.close()


def test_0012_gives_batches_and_imported_rows_uids_and_makes_those_rows_pending(
    tmp_path: Path,
) -> None:
    db = tmp_path / "cases.db"
    _at_0008_with_an_import(db)
    migrate.upgrade(db)
    ((batch_uid,),) = _rows(db, "SELECT uid FROM batch")
    assert UUID(str(batch_uid)).version == 7
    cases = dict(_rows(db, 'SELECT id, uid FROM "case"'))
    assert cases[2] == TYPED_UID and UUID(str(cases[1])).version == 7
    ((party_uid,),) = _rows(db, "SELECT uid FROM party")
    pending = _rows(db, "SELECT entity, uid, case_uid, op FROM sync_pending ORDER BY entity")
    assert pending == [("case", cases[1], cases[1], "put"), ("party", party_uid, cases[1], "put")]
    assert migrate.downgrade(db, "0008").to_revision == "0008"
