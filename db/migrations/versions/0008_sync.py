"""Office sync on the laptop: a `uid` on every synced row, and the sync side tables.

Revision ID: 0008
Revises: 0007 (0006, 0011, 0009 and 0010 came first in the merged tree)
Create Date: 2026-12-02

- `uid` (UUIDv7 text, unique) on the 22 tables that travel with a case (the 14 of the
  study, and the contact log, privacy notices, erasures, kept documents, court rulings,
  case evidence and mandate exceptions that came with 0009/0010). Local INTEGER keys
  stay: every foreign key and the audit chain's `case_id` (inside each event's hash) keep
  using them; the wire and the office use uids only.
- Existing rows get a uid here. `recalc_snapshot`, `document_attachment`, `signature`, a
  signed case's `settlement`, `evidence` and a finished `case_erasure` refuse UPDATE by
  trigger, so those triggers are taken out for
  the back-fill and put back exactly as they were (their SQL is read from sqlite_master).
  The columns are added with ALTER TABLE (no table copy), so no other trigger is touched.
- `sync_pending`, `sync_counter`, `sync_state`, `sync_case`, `sync_outbox`, `sync_note`,
  `sync_number_block`, `sync_bundle_seen`, `sync_blob_part` (see app/store/sync_tables.py).
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SYNCED = (
    "case",
    "party",
    "loan_terms",
    "claim",
    "payment",
    "charge",
    "status_change",
    "session",
    "settlement",
    "plan_payment",
    "recalc_snapshot",
    "document",
    "document_attachment",
    "signature",
    # arrived with contacts (0009) and court (0010) work; travel with their case too
    "contact_person",
    "contact_attempt",
    "privacy_notice",
    "case_erasure",
    "retained_document",
    "court_ruling",
    "evidence",
    "mandate_exception",
)
KEYS = {"retained_document": "document_id"}
"""Tables whose primary key is not `id`."""
BLOCKING_TRIGGERS = (
    "trg_recalc_snapshot_no_update",
    "trg_document_attachment_no_update",
    "trg_signature_no_update",
    "trg_settlement_signed_no_update",
    "trg_evidence_no_update",
    "trg_case_erasure_done_no_update",
)


def _uuid7() -> str:
    """A UUIDv7 (a copy of app.domain.sync_wire.uuid7: revisions never import app code)."""
    millis = time.time_ns() // 1_000_000
    value = (millis & 0xFFFF_FFFF_FFFF) << 80
    value |= int.from_bytes(os.urandom(10), "big") & ((1 << 80) - 1)
    value = (value & ~(0xF << 76)) | (0x7 << 76)
    value = (value & ~(0x3 << 62)) | (0x2 << 62)
    return str(uuid.UUID(int=value))


def _backfill(connection: sa.Connection) -> None:
    saved = []
    for name in BLOCKING_TRIGGERS:
        row = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).first()
        if row is not None:
            saved.append(row[0])
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
    for table in SYNCED:
        key = KEYS.get(table, "id")
        ids = [r[0] for r in connection.exec_driver_sql(f'SELECT {key} FROM "{table}"')]
        if ids:
            connection.exec_driver_sql(
                f'UPDATE "{table}" SET uid = ? WHERE {key} = ?', [(_uuid7(), i) for i in ids]
            )
    for sql in saved:
        connection.exec_driver_sql(sql)


def _sync_tables() -> None:
    op.create_table(
        "sync_pending",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("case_uid", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("local_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "uid", name=op.f("pk_sync_pending")),
    )
    op.create_index(op.f("ix_sync_pending_case_uid"), "sync_pending", ["case_uid"], unique=False)
    op.create_table(
        "sync_counter",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_counter")),
    )
    op.create_table(
        "sync_state",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_case",
        sa.Column("case_uid", sa.String(length=36), nullable=False),
        sa.Column("server_case_no", sa.String(length=32), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("held", sa.Boolean(), nullable=False),
        sa.Column("holder", sa.String(length=50), nullable=False),
        sa.Column("legacy", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("case_uid", name=op.f("pk_sync_case")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_sync_outbox")),
    )
    op.create_table(
        "sync_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_uid", sa.String(length=36), nullable=False),
        sa.Column("case_no", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_note")),
    )
    op.create_table(
        "sync_number_block",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_number_block")),
    )
    op.create_index(
        op.f("ix_sync_number_block_year"), "sync_number_block", ["year"], unique=False
    )
    op.create_table(
        "sync_bundle_seen",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("sender", sa.String(length=36), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_sync_bundle_seen")),
    )
    op.create_table(
        "sync_blob_part",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("offset", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "offset", name=op.f("pk_sync_blob_part")),
    )


def upgrade() -> None:
    for table in SYNCED:
        op.add_column(table, sa.Column("uid", sa.String(length=36), nullable=True))
    _backfill(op.get_bind())
    for table in SYNCED:
        op.create_index(op.f(f"ix_{table}_uid"), table, ["uid"], unique=True)
    _sync_tables()
    op.execute("INSERT INTO sync_counter (name, value) VALUES ('local_seq', 0)")


def downgrade() -> None:
    for table in (
        "sync_blob_part",
        "sync_bundle_seen",
        "sync_number_block",
        "sync_note",
        "sync_outbox",
        "sync_case",
        "sync_state",
        "sync_counter",
        "sync_pending",
    ):
        op.drop_table(table)
    for table in SYNCED:
        op.drop_index(op.f(f"ix_{table}_uid"), table_name=table)
        op.drop_column(table, "uid")
