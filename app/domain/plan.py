"""Instalment plans for a settlement: a lump sum, equal instalments, or custom rows.

Rules decided here (the agreement, the GUI and `python -m app plan` follow them):

- Equal instalments: `count` is the number of instalments *after* the down payment. A down
  payment is row n=1; the `count` equal rows after it share total − down payment.
- Each equal row is (total − down) / count rounded DOWN to `round_to`; the last row takes the
  remainder, so the rows sum exactly to the total. When rounding down gives zero (5 yuan in
  12 instalments at 1 yuan) the plan is refused, never given a zero row: the fix is fewer
  instalments or the 0.01 unit.
- Monthly due dates are first_due plus k months, always counted from first_due (never
  chained) and keeping its day of the month; a month without that day uses its last day
  (31 Jan → 28/29 Feb → 31 Mar). Weekly: every 7 days; biweekly: every 14 days.
- Due dates strictly increase. A down payment on the first due date is refused (not merged):
  the mediator raises the down payment, moves it earlier, or writes a custom plan.
- A lump sum is one instalment on its date (count 1); with a down payment it has two rows.
- Interest (optional): each row also carries interest on the principal still unpaid before
  it, for the days since the previous row (the first row: since `interest.start`), at
  min(annual rate, cap rate) / day basis, rounded to the fen. A rate above the cap is
  lowered to the cap (like the recalculation's lawful view) with a warning. The principal
  parts sum to the total; interest comes on top.
- Grace days: an instalment counts as late only from the day after due + grace_days.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from app.domain.errors import Problem
from app.domain.money import ZERO, floor_to, fmt_grouped, round_fen
from app.domain.plan_checks import (
    check_custom,
    check_equal,
    check_grace,
    check_interest,
    raise_if,
)
from app.domain.plan_model import (
    FREQUENCY_LABELS,
    METHOD_LABELS,
    DownPayment,
    Frequency,
    Installment,
    Plan,
    PlanInterest,
    PlanMethod,
    add_months,
    due_dates,
)

__all__ = [
    "FREQUENCY_LABELS",
    "METHOD_LABELS",
    "DownPayment",
    "Frequency",
    "Installment",
    "Plan",
    "PlanInterest",
    "PlanMethod",
    "add_months",
    "custom_plan",
    "describe",
    "due_dates",
    "equal_installments",
    "lump_sum",
]


def equal_installments(
    total: Decimal,
    first_due: date,
    count: int,
    frequency: Frequency,
    *,
    down_payment: DownPayment | None = None,
    round_to: Decimal = Decimal("1"),
    grace_days: int = 0,
    interest: PlanInterest | None = None,
) -> Plan:
    """`count` equal instalments (after an optional down payment), the last with the remainder."""
    problems = check_equal(total, first_due, count, frequency, down_payment, round_to)
    problems += _common_problems(
        grace_days, interest, down_payment.due if down_payment else first_due
    )
    raise_if(problems)
    return _equal(
        PlanMethod.EQUAL,
        total,
        first_due,
        count,
        frequency,
        down_payment,
        round_to,
        grace_days,
        interest,
    )


def lump_sum(
    total: Decimal,
    due: date,
    *,
    down_payment: DownPayment | None = None,
    grace_days: int = 0,
    interest: PlanInterest | None = None,
) -> Plan:
    """The whole total on `due` (less a down payment paid before it, when given)."""
    unit = Decimal("0.01")
    problems = check_equal(total, due, 1, Frequency.MONTHLY, down_payment, unit)
    problems += _common_problems(grace_days, interest, down_payment.due if down_payment else due)
    raise_if(problems)
    return _equal(
        PlanMethod.LUMP_SUM, total, due, 1, None, down_payment, None, grace_days, interest
    )


def custom_plan(
    total: Decimal,
    rows: Sequence[tuple[date, Decimal]],
    *,
    grace_days: int = 0,
    interest: PlanInterest | None = None,
) -> Plan:
    """Rows (due, amount) as the parties agreed them; they must sum exactly to `total`."""
    problems = check_custom(total, list(rows))
    problems += _common_problems(grace_days, interest, rows[0][0] if rows else None)
    raise_if(problems)
    parts = [(due, amount) for due, amount in rows]
    return _finish(PlanMethod.CUSTOM, total, parts, False, None, None, grace_days, interest)


def _common_problems(
    grace_days: int, interest: PlanInterest | None, first_row_due: date | None
) -> list[Problem]:
    problems = check_grace(grace_days)
    if interest is not None:
        problems += check_interest(
            interest.annual_rate,
            interest.cap_rate,
            interest.start,
            interest.day_basis,
            first_row_due,
        )
    return problems


def _equal(
    method: PlanMethod,
    total: Decimal,
    first_due: date,
    count: int,
    frequency: Frequency | None,
    down: DownPayment | None,
    round_to: Decimal | None,
    grace_days: int,
    interest: PlanInterest | None,
) -> Plan:
    rest = total - (down.amount if down else ZERO)
    each = floor_to(rest / count, round_to) if round_to is not None else rest
    amounts = [each] * (count - 1) + [rest - each * (count - 1)]
    dates = due_dates(first_due, count, frequency or Frequency.MONTHLY)
    parts = list(zip(dates, amounts, strict=True))
    if down is not None:
        parts.insert(0, (down.due, down.amount))
    return _finish(
        method, total, parts, down is not None, frequency, round_to, grace_days, interest
    )


def _finish(
    method: PlanMethod,
    total: Decimal,
    parts: list[tuple[date, Decimal]],
    has_down: bool,
    frequency: Frequency | None,
    round_to: Decimal | None,
    grace_days: int,
    interest: PlanInterest | None,
) -> Plan:
    charges = _interest_parts(total, parts, interest)
    rows = tuple(
        Installment(n, due, amount, charge, has_down and n == 1)
        for n, ((due, amount), charge) in enumerate(zip(parts, charges, strict=True), start=1)
    )
    warnings: tuple[str, ...] = ()
    if interest is not None and interest.annual_rate > interest.cap_rate:
        warnings = (
            f"约定年利率 {_pct(interest.annual_rate)} 高于上限 {_pct(interest.cap_rate)}，"
            f"按 {_pct(interest.cap_rate)} 计息",
        )
    return Plan(method, total, rows, frequency, round_to, grace_days, interest, warnings)


def _interest_parts(
    total: Decimal, parts: list[tuple[date, Decimal]], interest: PlanInterest | None
) -> list[Decimal]:
    if interest is None:
        return [ZERO] * len(parts)
    rate, balance, previous, out = interest.rate_applied, total, interest.start, []
    for due, amount in parts:
        days = (due - previous).days
        out.append(round_fen(balance * rate * days / interest.day_basis))
        balance, previous = balance - amount, due
    return out


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def describe(plan: Plan) -> str:
    """One sentence in Chinese for the mediator and the agreement."""
    rows = plan.installments
    down = plan.down_payment
    head = f"首付 {fmt_grouped(down.amount)} 元（{down.due.isoformat()}），" if down else ""
    regular = rows[1:] if down else rows
    if plan.method is PlanMethod.LUMP_SUM:
        body = (
            f"{'余款 ' if down else ''}{fmt_grouped(regular[0].principal)} 元于 "
            f"{regular[0].due.isoformat()} 一次性付清"
        )
    elif plan.method is PlanMethod.EQUAL:
        body = _describe_equal(plan, regular, bool(down))
    else:
        body = (
            f"按约定的 {len(rows)} 期分别支付，首期 {rows[0].due.isoformat()}，"
            f"末期 {rows[-1].due.isoformat()}"
        )
    text = f"合计 {fmt_grouped(plan.total)} 元：{head}{body}"
    if plan.interest is not None:
        text += (
            f"；另按年利率 {_pct(plan.interest.rate_applied)} 计息 "
            f"{fmt_grouped(plan.interest_total)} 元"
        )
    if plan.grace_days:
        text += f"；每期宽限 {plan.grace_days} 日"
    return text + "。"


def _describe_equal(plan: Plan, regular: tuple[Installment, ...], has_down: bool) -> str:
    freq = FREQUENCY_LABELS[plan.frequency or Frequency.MONTHLY]
    first, last = regular[0], regular[-1]
    rest = sum((r.principal for r in regular), ZERO)
    text = (
        f"{'余款 ' if has_down else ''}{fmt_grouped(rest)} 元分 {len(regular)} 期（{freq}）偿还，"
        f"自 {first.due.isoformat()} 起，每期 {fmt_grouped(first.principal)} 元"
    )
    if last.principal != first.principal:
        text += f"，末期 {fmt_grouped(last.principal)} 元"
    return text
