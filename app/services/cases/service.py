"""Case intake and lookup: list, show and create cases, change a case's status.

Every function takes an `AppContext`, runs one unit of work and returns plain frozen
dataclasses (never ORM rows). Changes append to the audit log in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.case_status import CaseStatus, label, transition
from app.domain.errors import DomainError
from app.domain.money import ZERO
from app.domain.vocab import (
    COST_KINDS,
    FEE_KINDS,
    ID_TYPES,
    LENDER_TYPES,
    PARTY_KINDS,
    PARTY_ROLES,
    REPAYMENT_METHODS,
)
from app.services.clock import china_time
from app.store.errors import CaseNotFound, StoreBusy, StoreFull

if TYPE_CHECKING:
    from app.services.cases.validation import ValidCase
    from app.services.context import AppContext
    from app.services.organisation.accounts import SignedIn
    from app.store.models import Case, Claim, LoanTerms, Party
    from app.store.unit_of_work import UnitOfWork

__all__ = [
    "COST_KINDS",
    "FEE_KINDS",
    "ID_TYPES",
    "LENDER_TYPES",
    "PARTY_KINDS",
    "PARTY_ROLES",
    "REPAYMENT_METHODS",
    "CaseDetail",
    "CaseNotFound",
    "CaseSummary",
    "ChargeInfo",
    "ClaimInfo",
    "LoanInfo",
    "NewCase",
    "PartyInfo",
    "PaymentInfo",
    "StoreBusy",
    "StoreFull",
    "add_party",
    "change_status",
    "create_case",
    "get_case",
    "list_cases",
    "remove_party",
    "update_party",
]


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
    filing_date: date | None = None
    cap_rate: Decimal | None = None
    schedule: tuple[dict[str, Any], ...] | None = None
    allocation: tuple[str, ...] | None = None
    """The order of allocation the contract agreed; None: the order of art. 561."""


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
    id: int = 0

    @property
    def category(self) -> str:
        """`fee`, or `cost` for the costs of realising the claim."""
        return "cost" if self.kind in COST_KINDS else "fee"


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
    created_at: datetime | None = None
    wizard_step: int = 0
    court: str = ""


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    parties: tuple[PartyInfo, ...]
    loan: LoanInfo | None
    claim: ClaimInfo | None
    payments: tuple[PaymentInfo, ...] = ()
    fees: tuple[ChargeInfo, ...] = ()
    costs: tuple[ChargeInfo, ...] = ()
    claims: tuple[ClaimInfo, ...] = ()
    """Every statement the creditor made, oldest first (`claim` is the latest)."""


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
    court: str = ""
    repayment_method: str = "bullet"
    maturity: str = ""
    term_months: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    charges: tuple[tuple[str, str, str], ...] = ()
    """The lender's dated fees and costs: (date, amount, kind) each, kinds of `CHARGE_KINDS`."""
    filing_date: str = ""
    """When the claim was filed (decides a transitional private loan's cap); "" = as-of date."""


# -- use cases ---------------------------------------------------------------------------------


def list_cases(ctx: AppContext, query: str = "") -> list[CaseSummary]:
    """Cases whose name, case number, ID number or phone contains `query`, newest first."""
    with ctx.read() as uow:
        return [summary_of(case) for case in uow.cases.search(query)]


def get_case(ctx: AppContext, case_no: str) -> CaseDetail:
    """The whole case; raises `DomainError` naming the case number when there is none."""
    with ctx.read() as uow:
        return detail_of(uow.cases.require(case_no))


def create_case(ctx: AppContext, new: NewCase, *, by: SignedIn | None = None) -> CaseSummary:
    """Validate and store a new case; raises `InputError` listing every bad field.

    Without a mediator named (`extra["mediator"]`) the case goes to `by`, the user signed in
    who creates it, when they are (or, from their account, can become) one of the
    organisation's mediators."""
    from app.services.cases.validation import validate_new_case

    valid = validate_new_case(new, ctx.today())
    with ctx.write() as uow:
        case = store_new_case(uow, valid, default_mediator=by.display_name if by else "")
        return summary_of(case)


def change_status(ctx: AppContext, case_no: str, target: str | CaseStatus) -> CaseSummary:
    """Move the case to `target` if the state machine allows it (else `DomainError`)."""
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        before = case.status
        case.status = transition(before, target).value
        if case.status == CaseStatus.SIGNED.value:
            from app.services.mandate.exceptions import require_within_mandate

            require_within_mandate(uow, case)
        uow.record("case.status_changed", case=case, detail={"from": before, "to": case.status})
        return summary_of(case)


def update_party(
    ctx: AppContext, case_no: str, party_id: int, field: str, value: str
) -> PartyInfo:
    """Correct one field of a party (`InputError` at `parties[<id>].<field>` when wrong)."""
    from app.services.cases.parties import apply_party_change

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        party = apply_party_change(case, party_id, field, value, ctx.today())
        detail = {"party_id": party_id, "role": party.role, "field": field}
        uow.record("case.party_updated", case=case, detail=detail)
        return party_of(party)


def add_party(ctx: AppContext, case_no: str, role: str, name: str) -> PartyInfo:
    """Add a co-debtor or guarantor (`role` co_debtor / guarantor) by name."""
    from app.services.cases.parties import insert_party

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        party = insert_party(case, role, name)
        uow.session.flush()
        uow.record("case.party_added", case=case, detail={"party_id": party.id, "role": role})
        return party_of(party)


def remove_party(ctx: AppContext, case_no: str, party_id: int) -> None:
    """Remove a co-debtor or guarantor added by mistake (the creditor and debtor stay)."""
    from app.services.cases.parties import delete_party

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        party = delete_party(case, party_id)
        detail = {"party_id": party_id, "role": party.role}
        uow.record("case.party_removed", case=case, detail=detail)


def store_new_case(uow: UnitOfWork, valid: ValidCase, *, default_mediator: str = "") -> Case:
    """Insert a checked case (numbered in the year of `uow.now` in China) and audit it."""
    from app.services.cases.charges import insert_charge
    from app.services.cases.mediators import mediator_for, unknown_mediator
    from app.store.models import Case, LoanTerms, Party

    case = Case(
        case_no=uow.cases.next_case_no(china_time(uow.now).year),
        status=CaseStatus.INTAKE.value,
        source_batch=valid.batch,
        court=valid.court,
        created_at=uow.now,
        updated_at=uow.now,
    )
    if valid.mediator:
        case.mediator = mediator_for(uow, valid.mediator)
        if case.mediator is None:
            raise unknown_mediator(uow, valid.mediator, "extra.mediator")
    elif default_mediator:
        try:
            case.mediator = mediator_for(uow, default_mediator)
        except DomainError:  # no organisation profile yet: assign later
            case.mediator = None
    case.parties = [
        Party(
            role="creditor",
            kind=valid.creditor_kind,
            name=valid.creditor_name,
            id_type="uscc" if valid.creditor_credit_code else "",
            id_number=valid.creditor_credit_code,
        ),
        Party(
            role="debtor",
            kind=valid.debtor_kind,
            name=valid.debtor_name,
            id_type=valid.debtor_id_type,
            id_number=valid.debtor_id_number,
            phone=valid.debtor_phone,
            address=valid.debtor_address,
        ),
    ]
    case.loan = LoanTerms(
        lender_type=valid.lender_type,
        contract_no=valid.contract_no,
        contract_date=valid.contract_date,
        disbursement_date=valid.disbursement_date,
        principal=valid.principal,
        disbursed=valid.disbursed,
        annual_rate=valid.annual_rate,
        overdue_rate=valid.overdue_rate,
        compound=False,
        repayment_method=valid.repayment_method,
        term_months=valid.term_months,
        maturity=valid.maturity,
        day_basis=360,
        filing_date=valid.filing_date,
    )
    for charge in valid.charges:
        insert_charge(case, charge)
    uow.cases.add(case)
    uow.record(
        "case.created",
        case=case,
        detail={
            "case_no": case.case_no,
            "lender_type": valid.lender_type,
            "principal": valid.principal,
            "batch": valid.batch,
        },
    )
    return case


# -- ORM rows to plain data (inside a unit of work) ----------------------------------------------


def summary_of(case: Case) -> CaseSummary:
    creditor, debtor, loan, claim = case.creditor, case.debtor, case.loan, case.claim
    return CaseSummary(
        id=case.id,
        case_no=case.case_no,
        status=case.status,
        status_label=label(case.status),
        creditor_name=creditor.name if creditor else "",
        debtor_name=debtor.name if debtor else "",
        debtor_id_number=debtor.id_number if debtor else "",
        debtor_phone=debtor.phone if debtor else "",
        lender_type=loan.lender_type if loan else "",
        principal=loan.principal if loan else ZERO,
        claimed_total=claim.total if claim else ZERO,
        mediator_name=case.mediator.name if case.mediator else "",
        batch=case.source_batch,
        updated_at=case.updated_at,
        created_at=case.created_at,
        wizard_step=case.wizard_step,
        court=case.court,
    )


def party_of(party: Party) -> PartyInfo:
    return PartyInfo(
        id=party.id,
        role=party.role,
        kind=party.kind,
        name=party.name,
        id_type=party.id_type,
        id_number=party.id_number,
        phone=party.phone,
        address=party.address,
        legal_representative=party.legal_representative,
    )


def loan_of(loan: LoanTerms) -> LoanInfo:
    return LoanInfo(
        lender_type=loan.lender_type,
        contract_no=loan.contract_no,
        contract_date=loan.contract_date,
        disbursement_date=loan.disbursement_date,
        principal=loan.principal,
        disbursed=loan.disbursed,
        annual_rate=loan.annual_rate,
        overdue_rate=loan.overdue_rate,
        compound=loan.compound,
        repayment_method=loan.repayment_method,
        term_months=loan.term_months,
        maturity=loan.maturity,
        accelerated_on=loan.accelerated_on,
        day_basis=loan.day_basis,
        filing_date=loan.filing_date,
        cap_rate=loan.cap_rate,
        schedule=tuple(dict(item) for item in loan.schedule) if loan.schedule else None,
        allocation=tuple(loan.allocation) if loan.allocation else None,
    )


def claim_of(claim: Claim) -> ClaimInfo:
    return ClaimInfo(
        as_of=claim.as_of,
        principal=claim.principal,
        interest=claim.interest,
        penalty=claim.penalty,
        compound=claim.compound,
        fees=claim.fees,
        costs=claim.costs,
        floor=claim.floor,
    )


def detail_of(case: Case) -> CaseDetail:
    claims = tuple(claim_of(c) for c in case.claims)
    return CaseDetail(
        summary=summary_of(case),
        parties=tuple(party_of(p) for p in case.parties),
        loan=loan_of(case.loan) if case.loan else None,
        claim=claims[-1] if claims else None,
        payments=tuple(PaymentInfo(p.date, p.amount, p.note) for p in case.payments),
        fees=tuple(
            ChargeInfo(c.date, c.amount, c.kind, c.id) for c in case.charges if c.category == "fee"
        ),
        costs=tuple(
            ChargeInfo(c.date, c.amount, c.kind, c.id) for c in case.charges if c.category == "cost"
        ),
        claims=claims,
    )
