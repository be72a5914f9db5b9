"""The value types of an instalment plan (built and validated in `app.domain.plan`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from app.domain.dates import add_months as add_months
from app.domain.money import ZERO


class Frequency(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"


class PlanMethod(StrEnum):
    LUMP_SUM = "lump_sum"
    EQUAL = "equal"
    CUSTOM = "custom"


FREQUENCY_LABELS: dict[Frequency, str] = {
    Frequency.WEEKLY: "每周一期",
    Frequency.BIWEEKLY: "每两周一期",
    Frequency.MONTHLY: "每月一期",
}
METHOD_LABELS: dict[PlanMethod, str] = {
    PlanMethod.LUMP_SUM: "一次性付清",
    PlanMethod.EQUAL: "等额分期",
    PlanMethod.CUSTOM: "自定义分期",
}
STEP_DAYS: dict[Frequency, int] = {Frequency.WEEKLY: 7, Frequency.BIWEEKLY: 14}


@dataclass(frozen=True)
class DownPayment:
    amount: Decimal
    due: date


@dataclass(frozen=True)
class PlanInterest:
    """Interest agreed on the plan: `annual_rate` as a fraction ("0.06"), capped at `cap_rate`."""

    annual_rate: Decimal
    cap_rate: Decimal
    start: date
    day_basis: int = 360

    @property
    def rate_applied(self) -> Decimal:
        return min(self.annual_rate, self.cap_rate)


@dataclass(frozen=True)
class Installment:
    n: int
    due: date
    principal: Decimal
    interest: Decimal = ZERO
    down_payment: bool = False

    @property
    def amount(self) -> Decimal:
        """What the debtor pays on `due`: principal part plus interest."""
        return self.principal + self.interest


@dataclass(frozen=True)
class Plan:
    method: PlanMethod
    total: Decimal
    installments: tuple[Installment, ...]
    frequency: Frequency | None = None
    round_to: Decimal | None = None
    grace_days: int = 0
    interest: PlanInterest | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def interest_total(self) -> Decimal:
        return sum((i.interest for i in self.installments), ZERO)

    @property
    def amount_total(self) -> Decimal:
        """Everything the debtor pays under the plan (total + plan interest)."""
        return self.total + self.interest_total

    @property
    def down_payment(self) -> Installment | None:
        first = self.installments[0]
        return first if first.down_payment else None




def due_dates(first_due: date, count: int, frequency: Frequency) -> list[date]:
    """Due dates of `count` regular instalments, each counted from `first_due`."""
    if frequency is Frequency.MONTHLY:
        return [add_months(first_due, k) for k in range(count)]
    step = timedelta(days=STEP_DAYS[frequency])
    return [first_due + step * k for k in range(count)]
