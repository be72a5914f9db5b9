"""What the session wizard shows: one plain, frozen picture of a session and its case.

Built inside a unit of work from the ORM rows (`state_of`); nothing here writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.errors import DomainError
from app.services.cases.service import CaseDetail, detail_of
from app.services.clock import china_date
from app.services.sessions.fields import statements_of

if TYPE_CHECKING:
    from app.store.models import Case
    from app.store.records import MediationSession
    from app.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Attendee:
    """One person at the session. `capacity`: a key of `CAPACITIES`."""

    name: str = ""
    capacity: str = ""
    id_type: str = "resident_id"
    id_number: str = ""
    identity_checked: bool = False
    authorisation: str = ""
    party_id: int | None = None


@dataclass(frozen=True)
class PaymentRow:
    """A payment the debtor side made, with the id the wizard edits it by."""

    id: int
    date: date
    amount: Decimal
    note: str = ""


@dataclass(frozen=True)
class SnapshotSummary:
    """The latest recalculation of the case; `stale` when the case changed since."""

    id: int
    as_of: date
    created_at: datetime
    lawful_total: Decimal
    contract_total: Decimal
    claimed_total: Decimal | None
    stale: bool


@dataclass(frozen=True)
class SettlementSummary:
    """The latest stored settlement of the case (its terms as the settlement service keeps them)."""

    id: int
    settled_total: Decimal
    updated_at: datetime
    terms: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AgreementSummary:
    """The latest version of the case's agreement and where its signing stands."""

    document_id: int
    version: int
    status: str
    created_at: datetime
    missing: tuple[str, ...]
    """Who has yet to sign on the pad ("债务人田婷", "调解员刘涛"), in signing order."""


@dataclass(frozen=True)
class SessionState:
    """A session as the wizard shows it, with the case it belongs to."""

    session_id: int
    case_no: str
    status: str
    step: int
    started_at: datetime
    ended_at: datetime | None
    held_on: date
    place: str
    attendees: tuple[Attendee, ...]
    statements: Mapping[str, str]
    notes: str
    outcome: str
    next_date: date | None
    case: CaseDetail
    payments: tuple[PaymentRow, ...]
    snapshot: SnapshotSummary | None
    settlement: SettlementSummary | None
    today: date
    agreement: AgreementSummary | None = None
    resumed: bool = False

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


def open_session(uow: UnitOfWork, case: Case) -> MediationSession | None:
    """The case's session that has not ended (the newest, if ever more than one)."""
    from sqlalchemy import select

    from app.store.records import MediationSession

    stmt = (
        select(MediationSession)
        .where(MediationSession.case_id == case.id, MediationSession.ended_at.is_(None))
        .order_by(MediationSession.id.desc())
        .limit(1)
    )
    return uow.session.scalars(stmt).first()


def require_session(uow: UnitOfWork, session_id: int) -> tuple[MediationSession, Case]:
    """The session row and its case (with everything loaded), or DomainError."""
    from app.store.models import Case
    from app.store.records import MediationSession

    row = uow.session.get(MediationSession, session_id)
    case = uow.session.get(Case, row.case_id) if row is not None else None
    if row is None or case is None:
        raise DomainError(f"没有编号为 {session_id} 的调解记录（可能属于另一个数据目录）。")
    return row, uow.cases.require(case.case_no)


def state_of(
    uow: UnitOfWork, case: Case, row: MediationSession, *, resumed: bool = False
) -> SessionState:
    uow.session.flush()
    return SessionState(
        session_id=row.id,
        case_no=case.case_no,
        status=case.status,
        step=case.wizard_step,
        started_at=row.started_at,
        ended_at=row.ended_at,
        held_on=china_date(row.started_at),
        place=row.place or "",
        attendees=tuple(_attendee(a) for a in row.attendees or []),
        statements=statements_of(row),
        notes=row.notes or "",
        outcome=row.outcome or "",
        next_date=row.next_date,
        case=detail_of(case),
        payments=tuple(
            PaymentRow(p.id, p.date, p.amount, p.note)
            for p in sorted(case.payments, key=lambda p: (p.date, p.id))
        ),
        snapshot=_snapshot(uow, case),
        settlement=_settlement(uow, case),
        today=china_date(uow.now),
        agreement=_agreement(uow, case),
        resumed=resumed,
    )


def _attendee(data: Mapping[str, Any]) -> Attendee:
    party = data.get("party_id")
    return Attendee(
        name=str(data.get("name", "")),
        capacity=str(data.get("capacity", "")),
        id_type=str(data.get("id_type", "resident_id")),
        id_number=str(data.get("id_number", "")),
        identity_checked=bool(data.get("identity_checked", False)),
        authorisation=str(data.get("authorisation", "")),
        party_id=party if isinstance(party, int) else None,
    )


def _snapshot(uow: UnitOfWork, case: Case) -> SnapshotSummary | None:
    from sqlalchemy import select

    from app.domain.errors import InputError
    from app.services.recalc.service import input_of
    from app.store.records import RecalcSnapshot

    stmt = (
        select(RecalcSnapshot)
        .where(RecalcSnapshot.case_id == case.id)
        .order_by(RecalcSnapshot.created_at.desc(), RecalcSnapshot.id.desc())
        .limit(1)
    )
    row = uow.session.scalars(stmt).first()
    if row is None:
        return None
    try:
        stale = input_of(case, row.as_of) != row.input_json
    except InputError:
        stale = True
    views = row.output_json.get("views", {})
    claimed = views.get("claimed")
    return SnapshotSummary(
        id=row.id,
        as_of=row.as_of,
        created_at=row.created_at,
        lawful_total=Decimal(views["lawful"]["total"]),
        contract_total=Decimal(views["contract"]["total"]),
        claimed_total=Decimal(claimed["total"]) if claimed else None,
        stale=stale,
    )


def _settlement(uow: UnitOfWork, case: Case) -> SettlementSummary | None:
    from sqlalchemy import select

    from app.store.records import Settlement

    stmt = (
        select(Settlement)
        .where(Settlement.case_id == case.id)
        .order_by(Settlement.updated_at.desc(), Settlement.id.desc())
        .limit(1)
    )
    row = uow.session.scalars(stmt).first()
    if row is None:
        return None
    return SettlementSummary(row.id, row.settled_total, row.updated_at, dict(row.terms or {}))


def _agreement(uow: UnitOfWork, case: Case) -> AgreementSummary | None:
    from sqlalchemy import select

    from app.services.documents.signatures import missing_signers
    from app.store.records import Document

    stmt = (
        select(Document)
        .where(Document.case_id == case.id, Document.kind == "agreement")
        .order_by(Document.version.desc())
        .limit(1)
    )
    doc = uow.session.scalars(stmt).first()
    if doc is None:
        return None
    missing = tuple(s.label for s in missing_signers(uow, doc, case))
    return AgreementSummary(doc.id, doc.version, doc.status, doc.created_at, missing)
