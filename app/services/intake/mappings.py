"""A lender's column mapping, saved per creditor and offered again with its next file.

The mapping is `{lender's header: field}` (field as `app.services.intake.fields` names it,
e.g. "debtor ID"), the same shape as a `--mapping` file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.services.intake.cells import clean

if TYPE_CHECKING:
    from app.services.context import AppContext


def saved_mapping(ctx: AppContext, creditor: str) -> dict[str, str] | None:
    """The mapping saved for this creditor, or None."""
    from sqlalchemy import select

    from app.store.models import IntakeMapping

    with ctx.read() as uow:
        stmt = select(IntakeMapping.mapping).where(IntakeMapping.creditor == clean(creditor))
        found: dict[str, Any] | None = uow.session.scalars(stmt).first()
    return {str(k): str(v) for k, v in found.items()} if found else None


def save_mapping(ctx: AppContext, creditor: str, mapping: dict[str, str]) -> None:
    """Keep `mapping` for `creditor` (replacing the one saved before)."""
    from sqlalchemy import select

    from app.store.models import IntakeMapping

    name = clean(creditor)
    if not name:
        return
    with ctx.write() as uow:
        stmt = select(IntakeMapping).where(IntakeMapping.creditor == name)
        row = uow.session.scalars(stmt).first()
        if row is None:
            row = IntakeMapping(creditor=name, mapping=dict(mapping), updated_at=uow.now)
            uow.session.add(row)
        else:
            row.mapping, row.updated_at = dict(mapping), uow.now
        uow.record("intake.mapping_saved", detail={"creditor": name, "columns": len(mapping)})
