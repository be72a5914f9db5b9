"""The order a loan contract agreed for allocating payments (Civil Code art. 561).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

- `loan_terms.allocation` (JSON list, NULL when the contract agreed no order): the six kinds
  `costs`, `interest`, `penalty`, `compound`, `fees`, `principal`, each once, in the order
  the contract agreed; NULL means the order of `recalculation.md` (art. 561).

Added with ALTER TABLE (no table copy), so nothing else on `loan_terms` changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("loan_terms", sa.Column("allocation", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("loan_terms", "allocation")
