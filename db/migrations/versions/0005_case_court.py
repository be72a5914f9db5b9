"""The court of a case: the people's court that entrusted it or has jurisdiction over it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

- `case.court` (text, empty when not known yet): the court the parties apply to for judicial
  confirmation of their agreement (People's Mediation Law art. 33), usually the court that
  entrusted the case to the mediation centre. Before this revision the court was only an
  argument of `render … confirmation --court`.

Added with ALTER TABLE (no table copy), so the triggers on `case` stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "case", sa.Column("court", sa.String(length=100), server_default="", nullable=False)
    )


def downgrade() -> None:
    op.drop_column("case", "court")
