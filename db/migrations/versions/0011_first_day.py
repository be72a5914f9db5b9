"""What a mediator's first day needs: the remembered recalculation date, the settlement draft,
and each status change with what it asked for.

Revision ID: 0011
Revises: 0006
Create Date: 2026-12-10

- `case.recalc_as_of` (date, null until chosen): the date the mediator recalculates the case
  at, remembered between sessions (the default is the claim's as-of date).
- `case.settlement_draft` (JSON, null when none): the settlement form as typed, kept field by
  field until it checks out and becomes the case's settlement.
- `status_change`: one row per status change made by hand (联系中, 已申请司法确认, 已司法确认,
  履行中, 已履行完毕, 已违约, 调解终结, 已转诉讼 …) with what that status asks for: the date it
  happened, the court's ruling number, the reason.

Columns are added with ALTER TABLE (no table copy), so the triggers on `case` stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("case", sa.Column("recalc_as_of", sa.Date(), nullable=True))
    op.add_column("case", sa.Column("settlement_draft", sa.JSON(), nullable=True))
    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "case_id", sa.Integer(), sa.ForeignKey("case.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("from_status", sa.String(length=24), nullable=False),
        sa.Column("to_status", sa.String(length=24), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("ruling_no", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("reason", sa.String(length=500), nullable=False, server_default=""),
    )
    op.create_index("ix_status_change_case_id", "status_change", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_status_change_case_id", table_name="status_change")
    op.drop_table("status_change")
    op.drop_column("case", "settlement_draft")
    op.drop_column("case", "recalc_as_of")
