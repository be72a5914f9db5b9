"""Intake batches: a lender's spreadsheet taken in as cases, and the case list at scale.

Revision ID: 0007
Revises: 0010
Create Date: 2026-12-05

- `batch`: creditor, received date, file name and SHA-256, court, row counts and status
  (importing / complete / withdrawn); `case.batch_id` links a case to the batch it came
  in with, `case.withdrawn_at` marks the cases of a withdrawn batch (kept as numbered
  records: the audit log refers to them), `case.notes` keeps a lender's extra columns.
- `intake_mapping`: a lender's own headers mapped to the template's fields, per creditor.
- `loan_terms.overdue_since` (the first day in arrears, for "days overdue") and indexes
  for the list's filters and the duplicate check (`loan_terms.contract_no`,
  `case.updated_at`).
- `case_search`: an FTS5 table (trigram tokenizer, so any 3 characters of a Chinese name
  or a number match) over each case's number, contract number, parties' names, ID and
  phone numbers; rowid = case id. The store keeps it in step (`app.store.search`); this
  revision fills it for the cases already there. FTS5's secure-delete is on, so a row
  deleted or rewritten (a personal-data erasure) leaves none of its text in the index.

Columns are added with ALTER TABLE (no table copy), so the triggers stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_TABLE = """CREATE VIRTUAL TABLE case_search USING fts5(
    case_no, contract_no, names, id_numbers, phones, tokenize = 'trigram'
)"""
FILL_SEARCH = """INSERT INTO case_search (rowid, case_no, contract_no, names, id_numbers, phones)
SELECT c.id, c.case_no, COALESCE(l.contract_no, ''),
       COALESCE((SELECT group_concat(p.name, ' ') FROM party p WHERE p.case_id = c.id), ''),
       COALESCE((SELECT group_concat(p.id_number, ' ') FROM party p WHERE p.case_id = c.id), ''),
       COALESCE((SELECT group_concat(p.phone, ' ') FROM party p WHERE p.case_id = c.id), '')
FROM "case" c LEFT JOIN loan_terms l ON l.case_id = c.id"""


def upgrade() -> None:
    op.create_table(
        "batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("creditor", sa.String(length=200), nullable=False),
        sa.Column("lender_type", sa.String(length=24), nullable=False),
        sa.Column("court", sa.String(length=100), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("sheet", sa.String(length=100), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("valid", sa.Integer(), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("bad", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('importing', 'complete', 'withdrawn')", name=op.f("ck_batch_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch")),
    )
    op.create_index(op.f("ix_batch_name"), "batch", ["name"], unique=False)
    op.create_index(op.f("ix_batch_file_sha256"), "batch", ["file_sha256"], unique=False)
    op.create_table(
        "intake_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("creditor", sa.String(length=200), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_mapping")),
        sa.UniqueConstraint("creditor", name=op.f("uq_intake_mapping_creditor")),
    )
    op.execute(  # ALTER TABLE keeps the table (Alembic would copy it for a foreign key)
        'ALTER TABLE "case" ADD COLUMN batch_id INTEGER'
        " CONSTRAINT fk_case_batch_id_batch REFERENCES batch (id)"
    )
    op.add_column("case", sa.Column("withdrawn_at", sa.DateTime(), nullable=True))
    op.add_column("case", sa.Column("notes", sa.JSON(), nullable=True))
    op.create_index(op.f("ix_case_batch_id"), "case", ["batch_id"], unique=False)
    op.create_index(op.f("ix_case_updated_at"), "case", ["updated_at"], unique=False)
    op.create_index(op.f("ix_case_withdrawn_at"), "case", ["withdrawn_at"], unique=False)
    op.create_index(op.f("ix_loan_terms_lender_type"), "loan_terms", ["lender_type"], unique=False)
    op.add_column("loan_terms", sa.Column("overdue_since", sa.Date(), nullable=True))
    op.create_index(
        op.f("ix_loan_terms_overdue_since"), "loan_terms", ["overdue_since"], unique=False
    )
    op.create_index(op.f("ix_loan_terms_contract_no"), "loan_terms", ["contract_no"], unique=False)
    op.execute(SEARCH_TABLE)
    # a deleted or rewritten row leaves nothing of its text in the index (an erasure)
    op.execute("INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1)")
    op.execute(FILL_SEARCH)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS case_search")
    op.drop_index(op.f("ix_loan_terms_contract_no"), table_name="loan_terms")
    op.drop_index(op.f("ix_loan_terms_overdue_since"), table_name="loan_terms")
    op.drop_column("loan_terms", "overdue_since")
    op.drop_index(op.f("ix_loan_terms_lender_type"), table_name="loan_terms")
    op.drop_index(op.f("ix_case_withdrawn_at"), table_name="case")
    op.drop_index(op.f("ix_case_updated_at"), table_name="case")
    op.drop_index(op.f("ix_case_batch_id"), table_name="case")
    # A column with a foreign key needs a table copy; the legacy rename leaves the triggers
    # of other tables that name "case" as they are (they find the new table by its name).
    op.execute("PRAGMA legacy_alter_table = ON")
    with op.batch_alter_table("case") as batch:
        batch.drop_column("notes")
        batch.drop_column("withdrawn_at")
        batch.drop_column("batch_id")
    op.execute("PRAGMA legacy_alter_table = OFF")
    op.drop_table("intake_mapping")
    op.drop_index(op.f("ix_batch_file_sha256"), table_name="batch")
    op.drop_index(op.f("ix_batch_name"), table_name="batch")
    op.drop_table("batch")
