"""Performance of a signed settlement: payments under its plan, each instalment's state, the
default, and the amount claimable now (`app.domain.performance` has the rules).

Choices:

- Plan payments are their own table (`plan_payment`), never the loan's `payment` rows
  that the recalculation reads. They can be recorded from 已签署 until 已履行完毕 (while
  已申请司法确认, 已司法确认, 履行中 and 已违约 too): not on a date after today, nor before
  the day the settlement was last saved (a payment before that belongs to the loan's own
  payments and a new recalculation).
- `plan_status(as_of)` counts the payments made on or before `as_of`, so the tracker can
  show any past day. The original debt that revives on default is the settlement's lawful
  total.
- `check_default(as_of)` moves a case that is 已签署 / 已申请司法确认 / 已司法确认 / 履行中
  to 已违约 through the state machine when the acceleration threshold has passed, with a
  `case.status_changed` and a `settlement.defaulted` audit event. It acts once per default:
  when the mediator later puts the case back to 履行中 (the creditor agreed to carry on),
  the same default does not move it again. Recording a payment never changes the status
  (a first payment must not cut off 申请司法确认), and neither does paying the plan off:
  the mediator closes the case as 已履行完毕.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.case_status import CaseStatus, label, transition
from app.domain.errors import DomainError, InputError, Problem
from app.domain.money import fmt, fmt_grouped, parse_money
from app.domain.performance import InstallmentStatus, Payment, Performance, track
from app.domain.plan_checks import money_reason
from app.services.clock import china_date
from app.services.settlement.terms import SIGNED_STATES, SettlementInfo, info_of

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.records import PlanPayment, Settlement
    from app.store.unit_of_work import UnitOfWork

S = CaseStatus
PAYABLE = frozenset({S.SIGNED, S.CONFIRMATION_APPLIED, S.CONFIRMED, S.PERFORMING, S.DEFAULTED})
TRACKED = SIGNED_STATES | {S.LITIGATION}
BEFORE_DEFAULT = frozenset({S.SIGNED, S.CONFIRMATION_APPLIED, S.CONFIRMED, S.PERFORMING})
AUDIT_PAYMENT = "settlement.payment_recorded"
AUDIT_DEFAULT = "settlement.defaulted"
MAX_NOTE = 200


@dataclass(frozen=True)
class PlanPaymentInfo:
    id: int
    date: dt.date
    amount: Decimal
    note: str
    created_at: dt.datetime


@dataclass(frozen=True)
class PlanStatusInfo:
    """The plan of a signed settlement on `as_of`: instalments, payments, default, claim."""

    case_no: str
    case_status: str
    as_of: dt.date
    settlement: SettlementInfo
    performance: Performance
    payments: tuple[PlanPaymentInfo, ...]

    @property
    def installments(self) -> tuple[InstallmentStatus, ...]:
        return self.performance.installments

    @property
    def paid_total(self) -> Decimal:
        return self.performance.paid_total

    @property
    def remaining(self) -> Decimal:
        return self.performance.remaining

    @property
    def arrears(self) -> Decimal:
        return self.performance.arrears

    @property
    def defaulted(self) -> bool:
        return self.performance.defaulted

    @property
    def defaulted_on(self) -> dt.date | None:
        return self.performance.defaulted_on

    @property
    def revived(self) -> Decimal:
        return self.performance.revived

    @property
    def claimable(self) -> Decimal:
        return self.performance.claimable

    @property
    def fulfilled(self) -> bool:
        return self.performance.fulfilled

    @property
    def next_due(self) -> InstallmentStatus | None:
        """The first instalment not yet paid in full."""
        return next((row for row in self.installments if row.outstanding > 0), None)


@dataclass(frozen=True)
class DefaultCheck:
    """What `check_default` found, and whether it moved the case to 已违约 (`moved`)."""

    moved: bool
    status: PlanStatusInfo


# -- use cases ---------------------------------------------------------------------------------


def record_plan_payment(
    ctx: AppContext, case_no: str, date: dt.date, amount: Decimal | str, note: str = ""
) -> PlanPaymentInfo:
    """Record a payment under the signed plan; InputError at `date`, `amount`, `note`."""
    from app.store.records import PlanPayment

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        row = _require_tracked(uow, case, PAYABLE)
        value = _check_payment(date, amount, note, ctx.today(), china_date(row.updated_at))
        paid = PlanPayment(
            case_id=case.id,
            settlement_id=row.id,
            date=date,
            amount=value,
            note=note.strip(),
            created_at=uow.now,
        )
        uow.session.add(paid)
        uow.session.flush()
        detail = {"payment_id": paid.id, "date": date.isoformat(), "amount": fmt(value)}
        uow.record(AUDIT_PAYMENT, case=case, detail=detail)
        return _payment_info(paid)


def plan_status(ctx: AppContext, case_no: str, as_of: dt.date) -> PlanStatusInfo:
    """The plan's state on `as_of`, counting the payments made on or before it."""
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        return status_of(uow, case, _require_tracked(uow, case, TRACKED), as_of)


def check_default(ctx: AppContext, case_no: str, as_of: dt.date) -> DefaultCheck:
    """Move the case to 已违约 when the plan defaulted by `as_of` (once per default)."""
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        status = status_of(uow, case, _require_tracked(uow, case, TRACKED), as_of)
        when = status.defaulted_on
        if when is None or case.status not in BEFORE_DEFAULT or _acted_on(uow, case, when):
            return DefaultCheck(False, status)
        before = case.status
        case.status = transition(before, S.DEFAULTED).value
        uow.record(
            "case.status_changed",
            case=case,
            detail={"from": before, "to": case.status, "by": AUDIT_DEFAULT},
        )
        uow.record(AUDIT_DEFAULT, case=case, detail=_default_detail(status))
        return DefaultCheck(True, status_of(uow, case, settlement_row_required(uow, case), as_of))


# -- inside a unit of work ----------------------------------------------------------------------


def settlement_row(uow: UnitOfWork, case: Case) -> Settlement | None:
    """The case's settlement row (one per case), or None."""
    from sqlalchemy import select

    from app.store.records import Settlement

    stmt = select(Settlement).where(Settlement.case_id == case.id)
    return uow.session.scalars(stmt).first()


def settlement_row_required(uow: UnitOfWork, case: Case) -> Settlement:
    row = settlement_row(uow, case)
    if row is None:
        raise DomainError(f"案件 {case.case_no} 还没有保存调解方案。")
    return row


def status_of(uow: UnitOfWork, case: Case, row: Settlement, as_of: dt.date) -> PlanStatusInfo:
    info = info_of(row, case)
    payments = tuple(_payment_info(p) for p in _payment_rows(uow, case))
    counted = [Payment(p.date, p.amount) for p in payments if p.date <= as_of]
    performance = track(
        info.plan, info.terms, counted, as_of, original_debt=info.proposal.lawful.total
    )
    return PlanStatusInfo(case.case_no, case.status, as_of, info, performance, payments)


def _require_tracked(uow: UnitOfWork, case: Case, allowed: frozenset[CaseStatus]) -> Settlement:
    row = settlement_row_required(uow, case)
    if case.status in allowed:
        return row
    if case.status not in TRACKED:
        raise DomainError(
            f"案件 {case.case_no} 的调解协议尚未签署（当前状态：{label(case.status)}），"
            "签署后才记录和跟踪还款。"
        )
    raise DomainError(
        f"案件 {case.case_no} 当前为“{label(case.status)}”，不能再记录调解协议项下的还款。"
    )


def _payment_rows(uow: UnitOfWork, case: Case) -> list[PlanPayment]:
    from sqlalchemy import select

    from app.store.records import PlanPayment

    stmt = (
        select(PlanPayment)
        .where(PlanPayment.case_id == case.id)
        .order_by(PlanPayment.date, PlanPayment.id)
    )
    return list(uow.session.scalars(stmt))


def _payment_info(row: PlanPayment) -> PlanPaymentInfo:
    return PlanPaymentInfo(row.id, row.date, row.amount, row.note, row.created_at)


def _check_payment(
    day: dt.date, amount: Decimal | str, note: str, today: dt.date, saved_on: dt.date
) -> Decimal:
    problems: list[Problem] = []
    value = amount if isinstance(amount, Decimal) else parse_money(amount)
    reason = money_reason(value) if value is not None else "不是有效金额（如 2000 或 2,000.00）"
    if reason:
        problems.append(Problem("amount", reason))
    if day > today:
        problems.append(Problem("date", f"不能晚于今天 {today.isoformat()}"))
    elif day < saved_on:
        problems.append(
            Problem(
                "date",
                f"早于调解方案确定之日 {saved_on.isoformat()}：之前的还款不属于协议项下的还款，"
                "请录入案件的还款记录并重新计算",
            )
        )
    if len(note.strip()) > MAX_NOTE:
        problems.append(Problem("note", f"备注最多 {MAX_NOTE} 字"))
    if problems:
        raise InputError(problems)
    assert value is not None
    return value


def _acted_on(uow: UnitOfWork, case: Case, when: dt.date) -> bool:
    """True when this default (same date) already moved the case once."""
    return any(
        event.action == AUDIT_DEFAULT and event.detail.get("defaulted_on") == when.isoformat()
        for event in uow.audit.for_case(case.id)
    )


def _default_detail(status: PlanStatusInfo) -> dict[str, object]:
    perf = status.performance
    assert perf.defaulted_on is not None
    return {
        "defaulted_on": perf.defaulted_on.isoformat(),
        "installment": perf.default_installment,
        "as_of": status.as_of.isoformat(),
        "remaining": fmt(perf.remaining),
        "revived": fmt(perf.revived),
        "claimable": fmt(perf.claimable),
        "summary": f"第 {perf.default_installment} 期逾期超过约定天数，"
        f"现可主张 {fmt_grouped(perf.claimable)} 元",
    }
