"""A `uid` on intake batches, and uids for the rows bulk imports left without one.

Revision ID: 0012
Revises: 0008
Create Date: 2026-12-06

- `batch.uid` (UUIDv7 text, unique): a batch travels to the office and to other laptops
  inside each of its cases (the case's `batch_id` carries the batch's uid on the wire).
- Cases imported by the bulk writer before it made uids itself (after 0008) have rows in
  `case`, `party`, `loan_terms`, `claim` and `payment` without a uid: they get one here and
  wait in `sync_pending` for the office, as a flush would have left them (one change
  number). None of these tables has a trigger that refuses UPDATE.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BULK_TABLES = ("case", "party", "loan_terms", "claim", "payment")


def _uuid7() -> str:
    """A UUIDv7 (a copy of app.domain.sync_wire.uuid7: revisions never import app code)."""
    millis = time.time_ns() // 1_000_000
    value = (millis & 0xFFFF_FFFF_FFFF) << 80
    value |= int.from_bytes(os.urandom(10), "big") & ((1 << 80) - 1)
    value = (value & ~(0xF << 76)) | (0x7 << 76)
    value = (value & ~(0x3 << 62)) | (0x2 << 62)
    return str(uuid.UUID(int=value))


def _fill(connection: sa.Connection, table: str) -> list[int]:
    ids = [r[0] for r in connection.exec_driver_sql(f'SELECT id FROM "{table}" WHERE uid IS NULL')]
    if ids:
        connection.exec_driver_sql(
            f'UPDATE "{table}" SET uid = ? WHERE id = ?', [(_uuid7(), i) for i in ids]
        )
    return ids


def _pending(connection: sa.Connection, table: str, ids: list[int], seq: int) -> None:
    owner = "t.id" if table == "case" else "t.case_id"
    for start in range(0, len(ids), 500):
        part = ",".join(str(int(i)) for i in ids[start : start + 500])
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_pending (entity, uid, case_uid, op, local_seq)"
            f' SELECT ?, t.uid, c.uid, \'put\', ? FROM "{table}" t JOIN "case" c ON c.id = {owner}'
            f" WHERE t.id IN ({part})",
            (table, seq),
        )


def upgrade() -> None:
    op.add_column("batch", sa.Column("uid", sa.String(length=36), nullable=True))
    connection = op.get_bind()
    _fill(connection, "batch")
    op.create_index(op.f("ix_batch_uid"), "batch", ["uid"], unique=True)
    filled = {table: _fill(connection, table) for table in BULK_TABLES}
    if any(filled.values()):
        connection.exec_driver_sql(
            "UPDATE sync_counter SET value = value + 1 WHERE name = 'local_seq'"
        )
        (seq,) = connection.exec_driver_sql(
            "SELECT value FROM sync_counter WHERE name = 'local_seq'"
        ).one()
        for table, ids in filled.items():
            _pending(connection, table, ids, int(seq))


def downgrade() -> None:
    op.drop_index(op.f("ix_batch_uid"), table_name="batch")
    op.drop_column("batch", "uid")
