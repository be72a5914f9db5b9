"""A case whose personal data was erased (PIPL): the erasure that did it.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-06

- `case_record.erasure_uid`: the uid of the `case_erasure` row that erased the case. Once
  set, a group for the case is taken only from a laptop that has carried out that same
  erasure (its groups name it); anything else is refused and recorded without its values,
  so an old copy can never bring the erased data back.
- `reference_set`: the office's reference data (organisation profile and seal, mediator
  directory, LPR table, mandates), one row per version; laptops fetch the newest.
"""

from __future__ import annotations

from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE case_record ADD COLUMN erasure_uid uuid")
    op.execute(
        "CREATE TABLE reference_set (version bigserial PRIMARY KEY, body jsonb NOT NULL,"
        " sha256 text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),"
        " created_by text NOT NULL DEFAULT '')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE reference_set")
    op.execute("ALTER TABLE case_record DROP COLUMN erasure_uid")
