"""Repayment schedules in integer fen: the four generated methods, and explicit ones.

Formulas (i = r / 12, every part rounded half up to the fen when created):

- bullet: one instalment at maturity, interest P × r × days(disbursement → maturity) / basis.
- equal_installment: A = P·i·(1+i)^n / ((1+i)^n − 1) rounded (P / n when r = 0);
  interest_k = round(balance × i); principal_k = A − interest_k; the last instalment takes
  the whole remaining balance. (1+i)^n is computed as an exact fraction.
- equal_principal: principal_k = round(P / n), the last takes the remainder;
  interest_k = round(balance × i).
- interest_only: interest_k = round(P × i); all principal with the last.

Due dates fall monthly on the disbursement day of the month, clamped to the month's end.
Clerk's choice where the spec is silent: when rounding would let a principal part exceed
the balance still unscheduled (only for amounts of a few fen), the part is limited to
that balance, so no part is negative and the parts always add up to P.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.dates import add_months
from app.domain.recalc.arith import Rate, accrue, rhu
from app.domain.recalc.model import Repayment


@dataclass(frozen=True)
class Schedule:
    """Instalments in due order: dates, principal and interest parts in fen."""

    due: tuple[date, ...]
    principal: tuple[int, ...]
    interest: tuple[int, ...]

    @property
    def total_principal(self) -> int:
        return sum(self.principal)




def due_dates(start: date, repayment: Repayment) -> tuple[date, ...]:
    """A bullet's maturity, or months 1…n after `start`."""
    if repayment.method == "bullet":
        assert repayment.maturity is not None
        return (repayment.maturity,)
    count = repayment.term_months or 0
    return tuple(add_months(start, k) for k in range(1, count + 1))


def _monthly(balance: int, rate: Rate) -> int:
    """round(balance × r / 12)."""
    return rhu(balance * rate.num, rate.den * 12)


def _annuity(principal: int, rate: Rate, count: int) -> int:
    """A = P·i·(1+i)^n / ((1+i)^n − 1), exact, rounded to the fen."""
    if rate.num == 0:
        return rhu(principal, count)
    a, b = rate.num, rate.den * 12  # i = a / b
    grown, base = (a + b) ** count, b**count
    return rhu(principal * a * grown, b * (grown - base))


def _equal_installment(principal: int, rate: Rate, count: int) -> tuple[list[int], list[int]]:
    payment = _annuity(principal, rate, count)
    parts, interest, balance = [], [], principal
    for k in range(count):
        owed = _monthly(balance, rate)
        part = balance if k == count - 1 else min(max(payment - owed, 0), balance)
        parts.append(part)
        interest.append(owed)
        balance -= part
    return parts, interest


def _equal_principal(principal: int, rate: Rate, count: int) -> tuple[list[int], list[int]]:
    each = rhu(principal, count)
    parts, interest, balance = [], [], principal
    for k in range(count):
        interest.append(_monthly(balance, rate))
        part = balance if k == count - 1 else min(each, balance)
        parts.append(part)
        balance -= part
    return parts, interest


def _interest_only(principal: int, rate: Rate, count: int) -> tuple[list[int], list[int]]:
    parts = [0] * (count - 1) + [principal]
    return parts, [_monthly(principal, rate)] * count


GENERATORS = {
    "equal_installment": _equal_installment,
    "equal_principal": _equal_principal,
    "interest_only": _interest_only,
}


def generate(
    repayment: Repayment, principal: int, rate: Rate, start: date, basis: int
) -> Schedule:
    """The schedule of a generated method on `principal` fen at `rate`, from `start`."""
    if repayment.method == "bullet":
        maturity = repayment.maturity
        assert maturity is not None
        owed = accrue(principal, rate, (maturity - start).days, basis)
        return Schedule((maturity,), (principal,), (owed,))
    count = repayment.term_months
    assert count is not None and count >= 1
    parts, interest = GENERATORS[repayment.method](principal, rate, count)
    return Schedule(due_dates(start, repayment), tuple(parts), tuple(interest))


def explicit(due: Sequence[date], principal: Sequence[int], interest: Sequence[int]) -> Schedule:
    return Schedule(tuple(due), tuple(principal), tuple(interest))


def scale(schedule: Schedule, lent: int, agreed: int) -> Schedule:
    """Art. 670: an explicit schedule scaled from the agreed principal to the sum lent.

    Each part is round(part × lent / agreed); the last principal part is `lent` minus the
    others, the last interest part round(total interest × lent / agreed) minus the others.
    (Clerk's choice: a part is limited so that the last is never negative.)
    """
    if lent == agreed:
        return schedule
    return Schedule(
        schedule.due,
        _scaled(schedule.principal, lent, agreed, lent),
        _scaled(schedule.interest, lent, agreed, rhu(sum(schedule.interest) * lent, agreed)),
    )


def _scaled(parts: Sequence[int], lent: int, agreed: int, total: int) -> tuple[int, ...]:
    out: list[int] = []
    left = total
    for part in parts[:-1]:
        share = min(rhu(part * lent, agreed), left)
        out.append(share)
        left -= share
    out.append(left)
    return tuple(out)
