"""Settlements over the case store: what a settlement starts from, live proposals, saving
the one settlement of a case, and performance of its plan once signed.

    basis = settlement_basis(ctx, "TJ-2026-000003")   # snapshot, floor, saved, draft as typed
    proposal = propose_settlement(ctx, "TJ-2026-000003", {"waive_penalty": "100"})
    info = save_settlement(ctx, "TJ-2026-000003", levers, plan_spec, terms)
    get_settlement(ctx, "TJ-2026-000003") == info
    record_plan_payment(ctx, case_no, date(2026, 8, 1), "2000.00", "微信转账")
    plan_status(ctx, case_no, date(2026, 9, 1)).claimable
    check_default(ctx, case_no, date(2026, 9, 1)).moved   # the case is now 已违约

Rules:

- A settlement is built on a stored recalculation snapshot (the latest unless one is
  named): its lawful view, and the cap of its regime for plan interest. The creditor's
  floor is the latest claim's `floor`. Input forms and field paths: `settlement_terms`.
- The page's fields are autosaved as the case's draft (`draft.save_draft`) until they check
  out: `save_settlement` stores the settlement and clears the draft in one transaction.
- One settlement per case. Saving again replaces it (audited as `replaced`),
  while the case is before signing (待受理 … 已达成协议). From 已签署 on the terms are fixed:
  saving is refused with a message, and a trigger refuses any other writer too.
- Performance (`plan_tracking`): payments under the plan, each instalment's state, the
  default and the claimable amount, and the move to 已违约.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.case_status import label
from app.domain.errors import DomainError
from app.domain.money import fmt
from app.domain.performance import DefaultTerms
from app.domain.settlement import LawfulFigures, Levers, SettlementProposal
from app.services.settlement.draft import SettlementDraft, draft_of
from app.services.settlement.plan_tracking import (
    DefaultCheck,
    PlanPaymentInfo,
    PlanStatusInfo,
    check_default,
    plan_status,
    record_plan_payment,
    settlement_row,
)
from app.services.settlement.terms import (
    EDITABLE,
    SIGNED_STATES,
    SettlementInfo,
    cap_rate_of,
    check_settlement,
    info_of,
    proposal_for,
    require_editable,
    terms_json,
)

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.records import RecalcSnapshot, Settlement
    from app.store.unit_of_work import UnitOfWork

__all__ = [
    "EDITABLE",
    "SIGNED_STATES",
    "DefaultCheck",
    "PlanPaymentInfo",
    "PlanStatusInfo",
    "SettlementBasis",
    "SettlementInfo",
    "check_default",
    "get_settlement",
    "plan_status",
    "propose_settlement",
    "record_plan_payment",
    "save_settlement",
    "settlement_basis",
]

AUDIT_SAVED = "settlement.saved"


@dataclass(frozen=True)
class SettlementBasis:
    """What a settlement of the case starts from, and the one already saved (if any)."""

    case_no: str
    case_status: str
    snapshot_id: int | None
    snapshot_sha256: str
    snapshot_as_of: date | None
    lawful: LawfulFigures | None
    creditor_floor: Decimal | None
    cap_rate: Decimal | None
    saved: SettlementInfo | None
    today: date
    draft: SettlementDraft | None = None
    """The page's fields as last typed and not yet saved as the settlement (see `draft`)."""

    @property
    def editable(self) -> bool:
        """The case is before signing: a settlement may be saved (or replaced)."""
        return self.case_status in EDITABLE

    @property
    def signed(self) -> bool:
        return self.case_status in SIGNED_STATES

    @property
    def status_label(self) -> str:
        return label(self.case_status)


# -- use cases ---------------------------------------------------------------------------------


def settlement_basis(
    ctx: AppContext, case_no: str, *, snapshot_id: int | None = None
) -> SettlementBasis:
    """The snapshot (latest unless named; None when there is none), floor, cap and draft."""
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        snap = _snapshot_row(uow, case, snapshot_id)
        row = settlement_row(uow, case)
        return SettlementBasis(
            case_no=case.case_no,
            case_status=case.status,
            snapshot_id=snap.id if snap else None,
            snapshot_sha256=snap.sha256 if snap else "",
            snapshot_as_of=snap.as_of if snap else None,
            lawful=_lawful_of(snap) if snap else None,
            creditor_floor=_floor_of(case),
            cap_rate=cap_rate_of(snap.output_json) if snap else None,
            saved=None if row is None else info_of(row, case),
            today=ctx.today(),
            draft=draft_of(case),
        )


def propose_settlement(
    ctx: AppContext,
    case_no: str,
    levers: Levers | Mapping[str, Any],
    *,
    snapshot_id: int | None = None,
) -> SettlementProposal:
    """The levers applied to the snapshot's lawful view; nothing is stored.

    InputError at `levers.<name>` for a refused lever; DomainError without a snapshot.
    """
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        snap = _require_snapshot(uow, case, snapshot_id)
        lawful, floor = _lawful_of(snap), _floor_of(case)
    return proposal_for(lawful, levers, floor)


def save_settlement(
    ctx: AppContext,
    case_no: str,
    levers: Levers | Mapping[str, Any],
    plan_spec: Mapping[str, Any],
    terms: DefaultTerms | Mapping[str, Any],
    *,
    snapshot_id: int | None = None,
    payment_method: str = "",
    extra_terms: Sequence[str] = (),
) -> SettlementInfo:
    """Check and store the case's settlement (replacing one saved before; the draft is
    cleared); audited.

    `plan_spec` is the plan input form without `total`; `terms` both default terms;
    `payment_method` how the debtor pays (the creditor's account), `extra_terms` other
    clauses, one each. Every problem comes at once in an InputError (`levers.…`, `plan.…`,
    `terms.…`, `payment_method`, `extra_terms[i]`); a signed case, or one without a
    snapshot, is refused with a DomainError.
    """
    from app.store.records import Settlement

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        require_editable(case)
        snap = _require_snapshot(uow, case, snapshot_id)
        checked = check_settlement(
            _lawful_of(snap), _floor_of(case), cap_rate_of(snap.output_json),
            levers, plan_spec, terms, payment_method, extra_terms,
        )  # fmt: skip
        row = settlement_row(uow, case)
        replaced = row is not None
        if row is None:
            row = Settlement(case_id=case.id, created_at=uow.now)
            uow.session.add(row)
        row.terms = terms_json(checked, snap.id, snap.sha256, snap.as_of)
        row.settled_total = checked.proposal.settled_total
        row.updated_at = uow.now
        case.settlement_draft = None  # it checked out: the draft became the settlement
        uow.session.flush()
        uow.record(AUDIT_SAVED, case=case, detail=_audit_detail(row, checked, replaced))
        return info_of(row, case)


def get_settlement(ctx: AppContext, case_no: str) -> SettlementInfo | None:
    """The case's settlement, or None when none was saved."""
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        row = settlement_row(uow, case)
        return None if row is None else info_of(row, case)


# -- inside a unit of work ----------------------------------------------------------------------


def _snapshot_row(uow: UnitOfWork, case: Case, snapshot_id: int | None) -> RecalcSnapshot | None:
    from sqlalchemy import select

    from app.store.records import RecalcSnapshot

    if snapshot_id is not None:
        row = uow.session.get(RecalcSnapshot, snapshot_id)
        if row is None or row.case_id != case.id:
            raise DomainError(f"案件 {case.case_no} 没有第 {snapshot_id} 号计算结果。")
        return row
    stmt = (
        select(RecalcSnapshot)
        .where(RecalcSnapshot.case_id == case.id)
        .order_by(RecalcSnapshot.created_at.desc(), RecalcSnapshot.id.desc())
        .limit(1)
    )
    return uow.session.scalars(stmt).first()


def _require_snapshot(uow: UnitOfWork, case: Case, snapshot_id: int | None) -> RecalcSnapshot:
    row = _snapshot_row(uow, case, snapshot_id)
    if row is None:
        raise DomainError(
            f"案件 {case.case_no} 还没有保存的计算结果。调解方案以依法应还金额为基础："
            "请先在“重新计算”中计算并保存计算结果。"
        )
    return row


def _lawful_of(snap: RecalcSnapshot) -> LawfulFigures:
    return LawfulFigures.from_view(snap.output_json["views"]["lawful"])


def _floor_of(case: Case) -> Decimal | None:
    claim = case.claim
    return None if claim is None else claim.floor


def _audit_detail(row: Settlement, checked: Any, replaced: bool) -> dict[str, Any]:
    proposal, plan, terms = checked.proposal, checked.plan, checked.terms
    return {
        "settlement_id": row.id,
        "snapshot_id": row.terms["snapshot"]["id"],
        "snapshot_sha256": row.terms["snapshot"]["sha256"],
        "lawful_total": fmt(proposal.lawful.total),
        "settled_total": fmt(proposal.settled_total),
        "below_floor": proposal.below_floor,
        "method": plan.method.value,
        "installments": len(plan.installments),
        "acceleration_days": terms.acceleration_days,
        "waiver_revives_on_default": terms.waiver_revives_on_default,
        "replaced": replaced,
    }
