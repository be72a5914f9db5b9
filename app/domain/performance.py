"""Performance of a signed plan: which instalments are paid, late or missed, and what is owed now.

Rules (the agreement states the default terms; these are how the tracker reads them):

- Payments are taken in date order and applied to the earliest instalment first (plan
  interest included: an instalment's amount is principal plus interest). Money beyond the
  whole plan is `overpaid`. Every payment is conserved: instalment payments + overpaid = paid.
- An instalment is late from the day after due + grace days; days late = that day count
  (for a paid instalment, counted to the payment that completed it).
- Acceleration: an instalment may be up to `acceleration_days` days late. When it is still
  not fully paid on the following day (due + grace + acceleration_days + 1) the plan is
  defaulted from that day and the rest falls due at once. A default stays on record even if
  the debt is paid later.
- Claimable now: before default, the arrears (instalments due and not paid). After default,
  the whole unpaid rest of the plan; when waivers revive on default, the original lawful
  debt less everything paid, if that is more (revival never lowers the claim). The lawful
  debt is the figure the settlement started from; charges after it are not computed here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.domain import json_fields as jf
from app.domain.errors import InputError, Problem
from app.domain.money import ZERO
from app.domain.plan_checks import money_reason, raise_if
from app.domain.plan_model import Plan

MAX_ACCELERATION_DAYS = 365


class InstallmentState(StrEnum):
    PAID = "paid"
    PARTLY_PAID = "partly_paid"
    PENDING = "pending"
    LATE = "late"
    MISSED = "missed"


STATE_LABELS: dict[InstallmentState, str] = {
    InstallmentState.PAID: "已还清",
    InstallmentState.PARTLY_PAID: "部分已还",
    InstallmentState.PENDING: "待还",
    InstallmentState.LATE: "逾期",
    InstallmentState.MISSED: "逾期超过约定天数",
}


@dataclass(frozen=True)
class DefaultTerms:
    """The default clause of the agreement; both fields are always stated explicitly."""

    acceleration_days: int
    waiver_revives_on_default: bool

    def __post_init__(self) -> None:
        raise_if(terms_problems(self.acceleration_days, self.waiver_revives_on_default))


def terms_problems(acceleration_days: object, revives: object) -> list[Problem]:
    out: list[Problem] = []
    if isinstance(acceleration_days, bool) or not isinstance(acceleration_days, int):
        out.append(Problem("acceleration_days", "须为整数天数"))
    elif not 0 <= acceleration_days <= MAX_ACCELERATION_DAYS:
        out.append(Problem("acceleration_days", f"须在 0 到 {MAX_ACCELERATION_DAYS} 天之间"))
    if not isinstance(revives, bool):
        out.append(Problem("waiver_revives_on_default", "须明确填写 true 或 false"))
    return out


@dataclass(frozen=True)
class Payment:
    paid_on: date
    amount: Decimal


@dataclass(frozen=True)
class InstallmentStatus:
    n: int
    due: date
    amount: Decimal
    paid: Decimal
    outstanding: Decimal
    state: InstallmentState
    days_late: int
    settled_on: date | None

    @property
    def label_zh(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class Performance:
    as_of: date
    installments: tuple[InstallmentStatus, ...]
    paid_total: Decimal
    overpaid: Decimal
    arrears: Decimal
    remaining: Decimal
    defaulted: bool
    defaulted_on: date | None
    default_installment: int | None
    revived: Decimal
    claimable: Decimal

    @property
    def fulfilled(self) -> bool:
        """Nothing left to pay under the plan and nothing else claimable."""
        return self.remaining == ZERO and self.claimable == ZERO


def track(
    plan: Plan,
    terms: DefaultTerms,
    payments: Sequence[Payment],
    as_of: date,
    *,
    original_debt: Decimal | None,
) -> Performance:
    """The state of `plan` on `as_of` given the payments made under it (all on or before)."""
    raise_if(_input_problems(terms, payments, as_of, original_debt))
    ordered = sorted(payments, key=lambda p: p.paid_on)
    paid, settled_on, overpaid = _allocate(plan, ordered)
    rows = tuple(
        _status(row.n, row.due, row.amount, paid[i], settled_on[i], plan.grace_days, terms, as_of)
        for i, row in enumerate(plan.installments)
    )
    first_default = _first_default(plan, settled_on, terms, as_of)
    paid_total = sum((p.amount for p in payments), ZERO)
    remaining = sum((r.outstanding for r in rows), ZERO)
    arrears = sum((r.outstanding for r in rows if r.due <= as_of), ZERO)
    claimable, revived = arrears, ZERO
    if first_default is not None:
        claimable = remaining
        if terms.waiver_revives_on_default and original_debt is not None:
            claimable = max(remaining, original_debt - paid_total)
            revived = claimable - remaining
    when, which = first_default if first_default else (None, None)
    return Performance(
        as_of,
        rows,
        paid_total,
        overpaid,
        arrears,
        remaining,
        first_default is not None,
        when,
        which,
        revived,
        claimable,
    )


def _input_problems(
    terms: DefaultTerms, payments: Sequence[Payment], as_of: date, original_debt: Decimal | None
) -> list[Problem]:
    out: list[Problem] = []
    for i, payment in enumerate(payments):
        reason = money_reason(payment.amount)
        if reason:
            out.append(Problem(f"payments[{i}].amount", reason))
        if payment.paid_on > as_of:
            out.append(Problem(f"payments[{i}].date", f"晚于查询日期 {as_of.isoformat()}"))
    if terms.waiver_revives_on_default and original_debt is None:
        out.append(Problem("original_debt", "约定违约后减免失效时，须提供原依法计算的债务总额"))
    elif original_debt is not None:
        reason = money_reason(original_debt, allow_zero=True)
        if reason:
            out.append(Problem("original_debt", reason))
    return out


def _allocate(
    plan: Plan, payments: Sequence[Payment]
) -> tuple[list[Decimal], list[date | None], Decimal]:
    """Paid per instalment, the date each was completed, and what is left over."""
    paid = [ZERO] * len(plan.installments)
    settled_on: list[date | None] = [None] * len(plan.installments)
    overpaid, i = ZERO, 0
    for payment in payments:
        money = payment.amount
        while money > 0 and i < len(paid):
            take = min(money, plan.installments[i].amount - paid[i])
            paid[i] += take
            money -= take
            if paid[i] == plan.installments[i].amount:
                settled_on[i] = payment.paid_on
                i += 1
        overpaid += money
    return paid, settled_on, overpaid


def _late_from(due: date, grace_days: int) -> date:
    """The last day an instalment is not yet late."""
    return _plus(due, grace_days)


def _plus(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max


def _status(
    n: int,
    due: date,
    amount: Decimal,
    paid: Decimal,
    settled_on: date | None,
    grace_days: int,
    terms: DefaultTerms,
    as_of: date,
) -> InstallmentStatus:
    until = settled_on if settled_on is not None else as_of
    days_late = max((until - _late_from(due, grace_days)).days, 0)
    if paid == amount:
        state = InstallmentState.PAID
    elif days_late > terms.acceleration_days:
        state = InstallmentState.MISSED
    elif days_late > 0:
        state = InstallmentState.LATE
    else:
        state = InstallmentState.PARTLY_PAID if paid > 0 else InstallmentState.PENDING
    return InstallmentStatus(n, due, amount, paid, amount - paid, state, days_late, settled_on)


def _first_default(
    plan: Plan, settled_on: list[date | None], terms: DefaultTerms, as_of: date
) -> tuple[date, int] | None:
    """The day the plan defaulted and the instalment that caused it, or None."""
    for row, done in zip(plan.installments, settled_on, strict=True):
        threshold = _plus(_late_from(row.due, plan.grace_days), terms.acceleration_days + 1)
        if threshold <= as_of and (done is None or done >= threshold):
            return threshold, row.n
    return None


def terms_from_dict(data: Mapping[str, Any]) -> DefaultTerms:
    """Default terms from JSON: both fields required, nothing assumed."""
    out: list[Problem] = []
    jf.unknown_keys(data, ("acceleration_days", "waiver_revives_on_default"), "", out)
    days = jf.int_field(data, "acceleration_days", "", out)
    revives = jf.bool_field(data, "waiver_revives_on_default", "", out)
    if days is not None and revives is not None:
        out += terms_problems(days, revives)
    raise_if(out)
    assert days is not None and revives is not None
    return DefaultTerms(days, revives)


def payments_from_list(data: object) -> list[Payment]:
    """Payments from JSON `[{"date": "…", "amount": "…"}, …]`."""
    if not isinstance(data, list):
        raise InputError([Problem("payments", "须为列表（[{…}, …]）")])
    out: list[Problem] = []
    found: list[Payment] = []
    for i, item in enumerate(data):
        row = jf.as_object(item, f"payments[{i}]", out)
        if row is None:
            continue
        jf.unknown_keys(row, ("date", "amount"), f"payments[{i}]", out)
        day = jf.date_field(row, "date", f"payments[{i}]", out)
        amount = jf.money_field(row, "amount", f"payments[{i}]", out)
        if day is not None and amount is not None:
            found.append(Payment(day, amount))
    raise_if(out)
    return found
