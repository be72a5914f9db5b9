"""What a document is made from: plain frozen data, no store, no drawing.

Amounts are `Decimal` yuan, dates `datetime.date`, times timezone-aware. Images (seal,
signatures) are PNG bytes. `DocumentData.created` is the document record's time: it is the
date printed on the document and the PDF's creation date, so the same data gives the same
bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app.documents.pdf.court_model import COURT_KIND_CODES, COURT_KINDS, CourtPapers
from app.domain.vocab import DOCUMENT_KINDS as DOCUMENT_KINDS
from app.domain.vocab import PARTY_ROLES

KIND_CODES: dict[str, str] = {
    "notice": "TZ",
    "record": "BL",
    "agreement": "XY",
    "plan": "JH",
    "confirmation": "SQ",
    "termination": "ZJ",
    **COURT_KIND_CODES,
}
ROLE_LABELS = {**PARTY_ROLES, "agent": "委托代理人"}  # the documents' word for an agent
CREDITOR_ROLES = ("creditor",)
DEBTOR_ROLES = ("debtor", "co_debtor", "guarantor")


@dataclass(frozen=True)
class Organisation:
    """The mediation organisation's profile, set once in Settings."""

    name: str
    address: str = ""
    registration_no: str = ""
    phone: str = ""
    seal_png: bytes | None = None


@dataclass(frozen=True)
class Party:
    """A party to the dispute; `role` a key of ROLE_LABELS, `kind` person or organisation."""

    role: str
    name: str
    kind: str = "person"
    id_type: str = "居民身份证"
    id_number: str = ""
    phone: str = ""
    address: str = ""
    legal_representative: str = ""
    signature_png: bytes | None = None
    signed_on: date | None = None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


@dataclass(frozen=True)
class AmountRow:
    """One kind of the debt: claimed, lawful (recalculated), waived and settled."""

    label: str
    claimed: Decimal
    lawful: Decimal
    waived: Decimal
    settled: Decimal


@dataclass(frozen=True)
class PlanRow:
    n: int
    due: date
    amount: Decimal
    note: str = ""


@dataclass(frozen=True)
class Settlement:
    """The agreed terms: rows of the plan and the default terms."""

    total: Decimal
    rows: tuple[PlanRow, ...]
    acceleration_days: int
    revival: bool
    agreed_on: date | None = None
    payment_method: str = ""
    """How the debtor pays (e.g. the creditor's account), as agreed."""
    extra_terms: tuple[str, ...] = ()
    """Other terms the parties agreed, one clause each."""


@dataclass(frozen=True)
class Attendee:
    name: str
    capacity: str
    id_number: str = ""
    id_checked: bool = False


@dataclass(frozen=True)
class Statement:
    speaker: str
    text: str


@dataclass(frozen=True)
class ContactLine:
    """An attempt to reach someone before the session (the contact log), for the record."""

    at: datetime
    whom: str
    channel: str
    outcome: str


@dataclass(frozen=True)
class Session:
    """A mediation session: planned (for the notice) or held (for the record)."""

    starts: datetime
    place: str
    ends: datetime | None = None
    attendees: tuple[Attendee, ...] = ()
    statements: tuple[Statement, ...] = ()
    outcome: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DocumentData:
    """Everything one document says. Optional parts are None when the case lacks them."""

    kind: str
    number: str
    case_no: str
    created: datetime
    organisation: Organisation
    parties: tuple[Party, ...]
    mediator: str = ""
    mediator_signature_png: bytes | None = None
    mediator_signed_on: date | None = None
    agents: tuple[Attendee, ...] = ()
    """Agents who attended for a party (the creditor's 委托代理人), named in the documents."""
    loan_disbursed: Decimal | None = None
    accelerated_on: date | None = None
    contract_no: str = ""
    contract_date: date | None = None
    loan_principal: Decimal | None = None
    claim_as_of: date | None = None
    lawful_as_of: date | None = None
    amounts: tuple[AmountRow, ...] = ()
    settlement: Settlement | None = None
    session: Session | None = None
    court: str = ""
    termination_reason: str = ""
    entrusting_court: str = ""
    """The court that entrusted the case to the centre before filing (委派调解), or ""."""
    contacts: tuple[ContactLine, ...] = ()
    """The contact log before the session (the record only)."""
    notices: tuple[str, ...] = ()
    """Who was told how their personal data is processed, when and how (the record only)."""

    def by_role(self, roles: tuple[str, ...] = ("creditor", *DEBTOR_ROLES), sep: str = "；") -> str:
        """`债权人甲；债务人乙；保证人丙`: each party named under its own role."""
        groups = [(ROLE_LABELS[r], self.of_roles((r,))) for r in roles]
        return sep.join(f"{word}{'、'.join(p.name for p in found)}" for word, found in groups
                        if found)  # fmt: skip
    papers: CourtPapers | None = None
    """What the court papers add (evidence, ruling, claim, plan outcome); None otherwise."""

    def of_roles(self, roles: tuple[str, ...]) -> tuple[Party, ...]:
        return tuple(p for p in self.parties if p.role in roles)

    @property
    def creditors(self) -> tuple[Party, ...]:
        return self.of_roles(CREDITOR_ROLES)

    @property
    def debtors(self) -> tuple[Party, ...]:
        return self.of_roles(DEBTOR_ROLES)

    @property
    def title(self) -> str:
        return DOCUMENT_KINDS.get(self.kind) or COURT_KINDS.get(self.kind, self.kind)


def document_number(case_no: str, kind: str, version: int = 1) -> str:
    """`("TJ-2026-000003", "agreement")` → `"TJ-2026-000003-XY-01"`."""
    return f"{case_no}-{KIND_CODES[kind]}-{version:02d}"
