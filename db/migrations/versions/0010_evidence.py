"""Evidence preserved for the courts (存证) and the court's ruling on a case.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-12

- `evidence`: the lender's files for a case, or for a whole batch (`case_id` null, `batch`
  the name cases carry in `source_batch`): kind, title, purpose, source, file name, media
  type, the bytes (encrypted with the store), SHA-256, size, who added them and when.
  A trigger refuses any update: preserved evidence is never changed.
- `court_ruling`: a court's ruling on a case, one per kind (for now `confirmation`: the
  ruling that confirmed the mediation agreement, which an application for enforcement
  cites), with its number, date and court.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVIDENCE_KINDS = (
    "loan_contract",
    "transfer",
    "repayment",
    "notice",
    "recording",
    "identity",
    "other",
)


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("batch", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("filename", sa.String(length=260), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(_in("kind", EVIDENCE_KINDS), name=op.f("ck_evidence_kind")),
        sa.CheckConstraint(
            "case_id IS NOT NULL OR batch <> ''", name=op.f("ck_evidence_case_or_batch")
        ),
        sa.CheckConstraint("size > 0", name=op.f("ck_evidence_size_positive")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_evidence_case_id_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    op.create_index(op.f("ix_evidence_case_id"), "evidence", ["case_id"])
    op.create_index(op.f("ix_evidence_batch"), "evidence", ["batch"])
    op.create_index(op.f("ix_evidence_sha256"), "evidence", ["sha256"])
    op.execute(
        """CREATE TRIGGER trg_evidence_no_update BEFORE UPDATE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence rows are never changed'); END"""
    )
    op.create_table(
        "court_ruling",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("ruling_no", sa.String(length=100), nullable=False),
        sa.Column("ruled_on", sa.Date(), nullable=False),
        sa.Column("court", sa.String(length=100), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('confirmation')", name=op.f("ck_court_ruling_kind")),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_court_ruling_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_court_ruling")),
        sa.UniqueConstraint("case_id", "kind", name=op.f("uq_court_ruling_case_id_kind")),
    )
    op.create_index(op.f("ix_court_ruling_case_id"), "court_ruling", ["case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_court_ruling_case_id"), table_name="court_ruling")
    op.drop_table("court_ruling")
    op.execute("DROP TRIGGER IF EXISTS trg_evidence_no_update")
    op.drop_index(op.f("ix_evidence_sha256"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_batch"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_case_id"), table_name="evidence")
    op.drop_table("evidence")
