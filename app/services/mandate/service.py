"""The creditor's mandate over the case store: set it per creditor, batch or case; see what
applies to a case; assess a settlement against it.

    set_mandate(ctx, "TJ-2026-000003", "batch", {"floor": "20000", "waive_penalty": "100%"})
    view = mandate_view(ctx, "TJ-2026-000003")     # .effective, .layers, .source of each limit
    check = assess_saved(ctx, "TJ-2026-000003")    # the saved settlement against it

Scopes, from the case: `creditor` (its credit code, else its name), `batch` (that creditor
and the case's intake batch, `case.source_batch`) and `case`. The intake branch's batch
table is not in this tree yet, so a batch is its label; when batches get rows, the key
becomes the batch id. Setting a scope replaces its limits as a whole (an empty form
removes it); each change is audited with the limits (no personal data in them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.mandate import (
    FIELD_LABELS,
    Assessment,
    Mandate,
    assess,
    mandate_from_input,
    merge,
    waivers_from_json,
    waivers_to_json,
)
from app.domain.money import fmt
from app.services.clock import china_date
from app.store.mandates import MANDATE_SCOPES
from app.store.mandates import Mandate as MandateRow

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

LEVELS = ("case", "batch", "creditor")  # most specific first


@dataclass(frozen=True)
class MandateView:
    """What applies to a case: each scope's limits and the merged result; `source` names the
    scope each limit comes from (field → scope)."""

    case_no: str
    creditor: str
    batch: str
    layers: dict[str, Mandate | None]
    effective: Mandate
    source: dict[str, str]

    @property
    def any(self) -> bool:
        return not self.effective.empty


@dataclass(frozen=True)
class SavedCheck:
    """The saved settlement of a case against its mandate."""

    case_no: str
    view: MandateView
    assessment: Assessment | None  # None: no settlement saved
    settled_total: Any = None
    fingerprint: str = ""


def set_mandate(
    ctx: AppContext, case_no: str, level: str, limits: Mapping[str, Any], note: str = ""
) -> MandateView:
    """Set (replace) the limits of `level` (creditor, batch, case) as seen from the case."""
    if level not in MANDATE_SCOPES:
        raise DomainError(f"level：授权范围只能是 {'、'.join(MANDATE_SCOPES)}。")
    mandate = mandate_from_input(limits)
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        creditor, batch = creditor_key(case), case.source_batch.strip()
        if level == "batch" and not batch:
            raise DomainError(f"案件 {case.case_no} 没有委托批次：请按债权人或本案设定授权。")
        row = _row(uow, level, case, creditor, batch)
        if mandate.empty:
            if row is not None:
                uow.session.delete(row)
        else:
            if row is None:
                row = MandateRow(
                    scope=level,
                    creditor=creditor if level != "case" else "",
                    batch=batch if level == "batch" else "",
                    case_id=case.id if level == "case" else None,
                )
                uow.session.add(row)
            _fill(row, mandate, note, uow)
        uow.session.flush()
        detail = {"level": level, "limits": limits_json(mandate), "removed": mandate.empty}
        uow.record("mandate.set", case=case, detail=detail)
        return _view(uow, case)


def mandate_view(ctx: AppContext, case_no: str) -> MandateView:
    with ctx.read() as uow:
        return _view(uow, uow.cases.require(case_no))


def assess_saved(ctx: AppContext, case_no: str, today: date | None = None) -> SavedCheck:
    with ctx.read() as uow:
        return saved_check(uow, uow.cases.require(case_no), today or ctx.today())


def saved_check(uow: UnitOfWork, case: Case, today: date) -> SavedCheck:
    """The saved settlement (if any) assessed against the case's mandate."""
    from app.services.settlement.plan_tracking import settlement_row
    from app.services.settlement.terms import info_of

    view = _view(uow, case)
    row = settlement_row(uow, case)
    if row is None:
        return SavedCheck(case.case_no, view, None)
    info = info_of(row, case)
    start = china_date(row.updated_at) if info.signed else today
    p = info.proposal
    assessment = assess(view.effective, p.lawful, p.waived, p.settled_total, info.plan, start)
    return SavedCheck(case.case_no, view, assessment, p.settled_total, fingerprint(row))


def fingerprint(row: Any) -> str:
    """The SHA-256 of the settlement's stored terms and total: an approval holds for exactly
    these terms, and any change to the settlement needs a new one."""
    import hashlib

    from app.domain.canonical import canonical_json

    data = {"terms": row.terms, "settled_total": fmt(row.settled_total)}
    return hashlib.sha256(canonical_json(data)).hexdigest()


def creditor_key(case: Case) -> str:
    creditor = case.creditor
    if creditor is None:
        return ""
    return creditor.id_number.strip() or creditor.name.strip()


def limits_json(mandate: Mandate) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("floor", "min_down_payment"):
        value = getattr(mandate, name)
        if value is not None:
            out[name] = fmt(value)
    for name in ("max_instalments", "max_term_months"):
        value = getattr(mandate, name)
        if value is not None:
            out[name] = value
    if mandate.waivers:
        out["waivers"] = waivers_to_json(mandate.waivers)
    return out


# -- inside the unit of work ----------------------------------------------------------------------


def _row(uow: UnitOfWork, level: str, case: Case, creditor: str, batch: str) -> MandateRow | None:
    stmt = select(MandateRow).where(MandateRow.scope == level)
    if level == "case":
        stmt = stmt.where(MandateRow.case_id == case.id)
    else:
        stmt = stmt.where(MandateRow.creditor == creditor)
        stmt = stmt.where(MandateRow.batch == (batch if level == "batch" else ""))
    return uow.session.scalars(stmt).first()


def _fill(row: MandateRow, mandate: Mandate, note: str, uow: UnitOfWork) -> None:
    row.floor, row.min_down_payment = mandate.floor, mandate.min_down_payment
    row.max_instalments, row.max_term_months = mandate.max_instalments, mandate.max_term_months
    row.waivers = waivers_to_json(mandate.waivers)
    row.note, row.updated_at, row.updated_by = note.strip()[:300], uow.now, uow.actor


def _mandate_of(row: MandateRow | None) -> Mandate | None:
    if row is None:
        return None
    return Mandate(
        row.floor,
        waivers_from_json(row.waivers or {}),
        row.max_instalments,
        row.max_term_months,
        row.min_down_payment,
    )


def _view(uow: UnitOfWork, case: Case) -> MandateView:
    creditor, batch = creditor_key(case), case.source_batch.strip()
    layers = {
        level: _mandate_of(_row(uow, level, case, creditor, batch))
        if level != "batch" or batch
        else None
        for level in LEVELS
    }
    ordered = [layers[level] for level in LEVELS]
    effective = merge(*ordered)
    return MandateView(case.case_no, creditor, batch, layers, effective, _sources(layers))


def _sources(layers: dict[str, Mandate | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in FIELD_LABELS:
        for level in LEVELS:
            layer = layers[level]
            if layer is None:
                continue
            if name.startswith("waive_"):
                found = name.removeprefix("waive_") in layer.waivers
            else:
                found = getattr(layer, name) is not None
            if found:
                out[name] = level
                break
    return out
