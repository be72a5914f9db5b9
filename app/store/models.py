"""The case file: organisation, mediators, cases, parties, loan terms, claims, payments, charges.

Money columns are `Money` (INTEGER fen), rates `DecimalText`, timestamps `UTCDateTime`.
The creditor of a case is its party with role `creditor` (at most one per case, enforced
by a partial unique index) rather than a foreign key from `case`, which would make the
two tables refer to each other.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.case_status import CaseStatus
from app.domain.vocab import (
    BATCH_STATUSES,
    COST_KINDS,
    DAY_BASES,
    FEE_KINDS,
    ID_TYPES,
    LENDER_TYPES,
    MEDIATOR_ROLES,
    PARTY_KINDS,
    PARTY_ROLES,
    REPAYMENT_METHODS,
)
from app.store.base import Base, one_of, uid_column
from app.store.types import DecimalText, Money, UTCDateTime

CASE_FK = "case.id"


class Organisation(Base):
    """The mediation organisation (its profile heads every document)."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    registration_no: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    seal_image: Mapped[bytes | None] = mapped_column(LargeBinary)

    mediators: Mapped[list[Mediator]] = relationship(back_populates="organisation")


class Mediator(Base):
    __tablename__ = "mediator"
    __table_args__ = (one_of("role", MEDIATOR_ROLES, "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(32), default="")
    role: Mapped[str] = mapped_column(String(16), default="mediator")
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)

    organisation: Mapped[Organisation] = relationship(back_populates="mediators")


class CaseCounter(Base):
    """The last sequence number given out per intake year (numbers are never reused)."""

    __tablename__ = "case_counter"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)


class Case(Base):
    __tablename__ = "case"
    __table_args__ = (
        one_of("status", [s.value for s in CaseStatus], "status"),
        CheckConstraint("wizard_step >= 0", name="wizard_step"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_no: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(24), default=CaseStatus.INTAKE.value, index=True)
    source_batch: Mapped[str] = mapped_column(String(100), default="")
    court: Mapped[str] = mapped_column(String(100), default="", server_default="")
    """The people's court that entrusted the case or has jurisdiction (judicial confirmation)."""
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("mediator.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    wizard_step: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id"), index=True)
    """The intake batch the case came in with (None: typed in by hand)."""
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    """Set when its batch was withdrawn: the case is kept as a numbered record only."""
    notes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """What intake kept beside the case: a lender's extra columns, the emergency contact."""
    recalc_as_of: Mapped[dt.date | None]
    """The date the mediator recalculates the case at (None: the claim's as-of date)."""
    settlement_draft: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The settlement form as typed, until it checks out and becomes the settlement."""

    mediator: Mapped[Mediator | None] = relationship()
    parties: Mapped[list[Party]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Party.id"
    )
    loan: Mapped[LoanTerms | None] = relationship(
        back_populates="case", cascade="all, delete-orphan", uselist=False
    )
    claims: Mapped[list[Claim]] = relationship(
        cascade="all, delete-orphan", order_by="(Claim.as_of, Claim.id)"
    )
    payments: Mapped[list[Payment]] = relationship(
        cascade="all, delete-orphan", order_by="(Payment.date, Payment.id)"
    )
    charges: Mapped[list[Charge]] = relationship(
        cascade="all, delete-orphan", order_by="(Charge.date, Charge.id)"
    )

    def parties_in(self, role: str) -> list[Party]:
        return [p for p in self.parties if p.role == role]

    @property
    def creditor(self) -> Party | None:
        found = self.parties_in("creditor")
        return found[0] if found else None

    @property
    def debtor(self) -> Party | None:
        """The first debtor (the one the case list shows)."""
        found = self.parties_in("debtor")
        return found[0] if found else None

    @property
    def claim(self) -> Claim | None:
        """The creditor's latest statement."""
        return self.claims[-1] if self.claims else None


class Party(Base):
    __tablename__ = "party"
    __table_args__ = (
        one_of("role", PARTY_ROLES, "role"),
        one_of("kind", PARTY_KINDS, "kind"),
        CheckConstraint(
            f"id_type = '' OR id_type IN ({', '.join(map(repr, ID_TYPES))})", name="id_type"
        ),
        Index(
            "uq_party_one_creditor", "case_id", unique=True, sqlite_where=text("role = 'creditor'")
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16), default="person")
    name: Mapped[str] = mapped_column(String(200), index=True)
    id_type: Mapped[str] = mapped_column(String(16), default="")
    id_number: Mapped[str] = mapped_column(String(40), default="", index=True)
    phone: Mapped[str] = mapped_column(String(32), default="", index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    legal_representative: Mapped[str] = mapped_column(String(50), default="")

    case: Mapped[Case] = relationship(back_populates="parties")


class LoanTerms(Base):
    """The loan as `recalculation.md` takes it; one row per case."""

    __tablename__ = "loan_terms"
    __table_args__ = (
        one_of("lender_type", LENDER_TYPES, "lender_type"),
        one_of("repayment_method", REPAYMENT_METHODS, "repayment_method"),
        one_of("day_basis", DAY_BASES, "day_basis"),
        CheckConstraint("principal > 0", name="principal_positive"),
        CheckConstraint("disbursed > 0 AND disbursed <= principal", name="disbursed"),
        CheckConstraint(
            "(repayment_method = 'explicit') = (schedule IS NOT NULL)", name="schedule_iff_explicit"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), unique=True)
    lender_type: Mapped[str] = mapped_column(String(24), index=True)
    contract_no: Mapped[str] = mapped_column(String(64), default="", index=True)
    contract_date: Mapped[dt.date]
    disbursement_date: Mapped[dt.date]
    principal: Mapped[Decimal] = mapped_column(Money)
    disbursed: Mapped[Decimal] = mapped_column(Money)
    annual_rate: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal("0"))
    overdue_rate: Mapped[Decimal | None] = mapped_column(DecimalText)
    compound: Mapped[bool] = mapped_column(Boolean, default=False)
    repayment_method: Mapped[str] = mapped_column(String(24), default="bullet")
    term_months: Mapped[int | None] = mapped_column(Integer)
    maturity: Mapped[dt.date | None]
    schedule: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    accelerated_on: Mapped[dt.date | None]
    day_basis: Mapped[int] = mapped_column(Integer, default=360)
    filing_date: Mapped[dt.date | None]
    cap_rate: Mapped[Decimal | None] = mapped_column(DecimalText)
    overdue_since: Mapped[dt.date | None] = mapped_column(index=True)
    """The first day the debtor was in arrears, as intake worked it out (days overdue)."""
    allocation: Mapped[list[str] | None] = mapped_column(JSON)
    """The order of allocation the contract agreed (six kinds), or None: art. 561's."""

    case: Mapped[Case] = relationship(back_populates="loan")


class Claim(Base):
    """The creditor's own statement of what is owed as of a date, as entered."""

    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint(
            "principal >= 0 AND interest >= 0 AND penalty >= 0 AND compound >= 0"
            " AND fees >= 0 AND costs >= 0",
            name="parts_not_negative",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    as_of: Mapped[dt.date]
    principal: Mapped[Decimal] = mapped_column(Money)
    interest: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    penalty: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    compound: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    fees: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    costs: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    floor: Mapped[Decimal | None] = mapped_column(Money)

    @property
    def total(self) -> Decimal:
        return (
            self.principal + self.interest + self.penalty + self.compound + self.fees + self.costs
        )


class Payment(Base):
    __tablename__ = "payment"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    date: Mapped[dt.date]
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str] = mapped_column(String(200), default="")


class StatusChange(Base):
    """A status change made by hand, with what the new status asks for (date, ruling, reason)."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    from_status: Mapped[str] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    on_date: Mapped[dt.date | None]
    ruling_no: Mapped[str] = mapped_column(String(100), default="", server_default="")
    reason: Mapped[str] = mapped_column(String(500), default="", server_default="")


class Charge(Base):
    """A fee (`category` fee) or a cost of realising the claim (`category` cost)."""

    __tablename__ = "charge"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(
            f"(category = 'fee' AND kind IN ({', '.join(map(repr, FEE_KINDS))}))"
            f" OR (category = 'cost' AND kind IN ({', '.join(map(repr, COST_KINDS))}))",
            name="kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(8))
    date: Mapped[dt.date]
    amount: Mapped[Decimal] = mapped_column(Money)
    kind: Mapped[str] = mapped_column(String(24), default="other")


class Batch(Base):
    """A lender's spreadsheet taken in as cases: where it came from and what came of it.

    `status`: importing (chunks still to come: a rerun of the same file resumes it),
    complete, withdrawn (its cases kept only as numbered records).
    """

    __tablename__ = "batch"
    __table_args__ = (one_of("status", BATCH_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    """The batch across laptops and the office: it travels inside each of its cases."""
    name: Mapped[str] = mapped_column(String(100), index=True)
    creditor: Mapped[str] = mapped_column(String(200), default="")
    lender_type: Mapped[str] = mapped_column(String(24), default="")
    court: Mapped[str] = mapped_column(String(100), default="")
    received_on: Mapped[dt.date]
    file_name: Mapped[str] = mapped_column(String(260))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    sheet: Mapped[str] = mapped_column(String(100), default="")
    rows: Mapped[int] = mapped_column(Integer, default=0)
    valid: Mapped[int] = mapped_column(Integer, default=0)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    bad: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="importing")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class IntakeMapping(Base):
    """A lender's own column headers mapped to the template's fields, saved per creditor."""

    __tablename__ = "intake_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    creditor: Mapped[str] = mapped_column(String(200), unique=True)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


__all__ = [
    "Base",
    "Batch",
    "Case",
    "CaseCounter",
    "Charge",
    "Claim",
    "IntakeMapping",
    "LoanTerms",
    "Mediator",
    "Organisation",
    "Party",
    "Payment",
    "StatusChange",
]
