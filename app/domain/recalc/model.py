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
ALLOCATION_KINDS = ("costs", "interest", "penalty", "compound", "fees", "principal")
"""The six kinds a payment is allocated to, in this page's order (Civil Code art. 561)."""
TRANSITION = date(2020, 8, 20)
"""The day the 2020 private-lending provisions took effect (4 × LPR instead of 24 %)."""
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
    the regime's caps; `lender_person` True when the lender is a natural person (see
    `formation_date`); `allocation` None means the order of Civil Code art. 561 as the
    spec completes it (`ALLOCATION_KINDS`), else the order the contract agreed.
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
    lender_person: bool = False
    allocation: tuple[str, ...] | None = None

    @property
    def formation_date(self) -> date:
        return formation_date(
            self.lender_type, self.lender_person, self.contract_date, self.disbursement_date
        )

    @property
    def allocation_order(self) -> tuple[str, ...]:
        return self.allocation or ALLOCATION_KINDS


def formation_date(
    lender_type: str, lender_person: bool, contract_date: date, disbursement_date: date
) -> date:
    """The day the loan contract was formed: for a `private` loan whose lender is a natural
    person, the disbursement date (a loan between natural persons is formed when the money
    is handed over, Civil Code art. 679); otherwise the contract date."""
    if lender_type == PRIVATE and lender_person:
        return disbursement_date
    return contract_date


def no_rate_agreed(annual_rate: Decimal | None, overdue_rate: Decimal | None) -> bool:
    """Neither a contract rate (absent or zero) nor an overdue rate was agreed."""
    return overdue_rate is None and not annual_rate
