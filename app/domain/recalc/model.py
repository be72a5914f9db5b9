"""The engine's input: one loan, its history and the creditor's claim, as frozen dataclasses.

Amounts are `Decimal` yuan with at most two decimals; rates are annual decimal fractions
(`Decimal("0.18")` = 18 % a year). `parse_input` builds these from the JSON form; a service
may build them directly and `recalculate` checks them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain import vocab

LENDER_TYPES = tuple(vocab.LENDER_TYPES)
PRIVATE = "private"
NO_LAWFUL_COMPOUND = ("private", "credit_card")
FEE_KINDS = tuple(vocab.FEE_KINDS)
COST_KINDS = tuple(vocab.COST_KINDS)
METHODS = ("bullet", "equal_installment", "equal_principal", "interest_only")
BULLET = "bullet"
DAY_BASES = vocab.DAY_BASES
CLAIM_PARTS = ("principal", "interest", "penalty", "compound", "fees", "costs")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Repayment:
    """A generated schedule: `maturity` for a bullet, `term_months` for the others."""

    method: str
    maturity: date | None = None
    term_months: int | None = None


@dataclass(frozen=True)
class ScheduleRow:
    """One instalment of an explicit schedule, as the contract writes it."""

    due: date
    principal: Decimal
    interest: Decimal


@dataclass(frozen=True)
class Charge:
    """A fee (a charge, capped in the lawful view) or a cost of realising the claim."""

    date: date
    amount: Decimal
    kind: str


@dataclass(frozen=True)
class Payment:
    date: date
    amount: Decimal


@dataclass(frozen=True)
class Claimed:
    """The creditor's own statement; parts left out are zero."""

    principal: Decimal = ZERO
    interest: Decimal = ZERO
    penalty: Decimal = ZERO
    compound: Decimal = ZERO
    fees: Decimal = ZERO
    costs: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        parts = (self.principal, self.interest, self.penalty, self.compound, self.fees)
        return sum(parts, self.costs)


@dataclass(frozen=True)
class RecalcInput:
    """One loan as of one date. Exactly one of `repayment` and `schedule` is set.

    `overdue_rate` None means "not agreed" (the default rule applies); `cap_rate` None means
    the regime's caps; `ignored_fields` lists unknown JSON keys (reported as a warning).
    """

    lender_type: str
    contract_date: date
    disbursement_date: date
    principal: Decimal
    disbursed: Decimal
    annual_rate: Decimal
    overdue_rate: Decimal | None
    compound: bool
    repayment: Repayment | None
    schedule: tuple[ScheduleRow, ...] | None
    accelerated_on: date | None
    fees: tuple[Charge, ...]
    costs: tuple[Charge, ...]
    payments: tuple[Payment, ...]
    claimed: Claimed | None
    as_of: date
    filing_date: date
    day_basis: int = 360
    cap_rate: Decimal | None = None
    ignored_fields: tuple[str, ...] = ()
