"""Case intake and lookup: list, show and create cases. Returns plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.context import AppContext


@dataclass(frozen=True)
class PartyInfo:
    """One party of a case. `role`: creditor / debtor / co_debtor / guarantor / agent;
    `kind`: person / organisation; `id_type`: resident_id / uscc / passport / other."""

    id: int
    role: str
    kind: str
    name: str
    id_type: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    legal_representative: str = ""


@dataclass(frozen=True)
class LoanInfo:
    """Loan terms: the inputs `recalculation.md` takes (rates as annual fractions)."""

    lender_type: str
    contract_no: str
    contract_date: date
    disbursement_date: date
    principal: Decimal
    disbursed: Decimal
    annual_rate: Decimal
    overdue_rate: Decimal | None
    compound: bool
    repayment_method: str
    term_months: int | None
    maturity: date | None
    accelerated_on: date | None
    day_basis: int = 360


@dataclass(frozen=True)
class ClaimInfo:
    """The creditor's own statement of what is owed, as entered."""

    as_of: date
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    compound: Decimal
    fees: Decimal
    costs: Decimal
    floor: Decimal | None = None

    @property
    def total(self) -> Decimal:
        return (
            self.principal + self.interest + self.penalty + self.compound + self.fees + self.costs
        )


@dataclass(frozen=True)
class PaymentInfo:
    date: date
    amount: Decimal
    note: str = ""


@dataclass(frozen=True)
class ChargeInfo:
    """A fee or a cost of realising the claim, with its kind from the spec."""

    date: date
    amount: Decimal
    kind: str


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    case_no: str
    status: str
    status_label: str
    creditor_name: str
    debtor_name: str
    debtor_id_number: str
    debtor_phone: str
    lender_type: str
    principal: Decimal
    claimed_total: Decimal
    mediator_name: str
    batch: str
    updated_at: datetime


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    parties: tuple[PartyInfo, ...]
    loan: LoanInfo | None
    claim: ClaimInfo | None
    payments: tuple[PaymentInfo, ...] = ()
    fees: tuple[ChargeInfo, ...] = ()
    costs: tuple[ChargeInfo, ...] = ()


@dataclass(frozen=True)
class NewCase:
    """What the "New case" dialog collects. Field names are the paths of `InputError`s."""

    creditor_name: str
    lender_type: str
    debtor_name: str
    debtor_id_number: str
    debtor_phone: str
    principal: str
    contract_date: str
    annual_rate: str = ""
    creditor_credit_code: str = ""
    debtor_address: str = ""
    batch: str = ""
    repayment_method: str = "bullet"
    maturity: str = ""
    term_months: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def list_cases(ctx: AppContext, query: str = "") -> list[CaseSummary]:
    """Cases whose name, case number, ID number or phone contains `query`, newest first."""
    raise NotImplementedError


def get_case(ctx: AppContext, case_no: str) -> CaseDetail:
    """The whole case; raises `DomainError` naming the case number when there is none."""
    raise NotImplementedError


def create_case(ctx: AppContext, new: NewCase) -> CaseSummary:
    """Validate and store a new case; raises `InputError` listing every bad field."""
    raise NotImplementedError
