"""Erasing a closed case's personal data (PIPL art. 47), on request or at the end of retention.

    result = erase_case(ctx, "TJ-2025-000003", reason="request", by=supervisor)
    due_for_erasure(ctx)          # closed cases past the centre's retention
    erase_due(ctx, by=supervisor)

What one erasure does, in one write transaction (all or nothing):

- the persons of the case — its parties who are people (an organisation's name and
  credit code are not personal data; its legal representative is), the contact persons,
  the people who came to a session, whoever signed — are collected with their names, ID
  and phone numbers and addresses ("the values");
- parties and contact persons keep their role, their values become empty (a name becomes
  e.g. "债务人（已删除）"); the contact log keeps channel, time and outcome but not its
  notes and messages; sessions keep time and place, not who said what; every other text of
  the case (payment notes, settlement terms, signer names, kept file names) has each value
  replaced by "（已删除）";
- signed or printed documents must be kept (the mediation archive; a signed agreement is
  evidence): they stay as they are, marked in `retained_document` with the reason, and
  the result lists them. The creditor's scanned reply approving a settlement outside its
  mandate is kept too (the agreement's authority). Drafts and unprinted versions lose
  their PDF; their evidence files and pad signatures are deleted;
- audit events of the case that carry a value are redacted with an attestation, so
  `audit verify` still passes (`app.store.audit_redaction`);
- before committing, every table is searched for the values in this case's rows and in
  rows that belong to no case; a trace left anywhere but in a kept document rolls the
  whole erasure back (a bug, never a half-erased case);
- deleted content is overwritten (`PRAGMA secure_delete`) and the write-ahead log is
  checkpointed and truncated after the commit, so no old page keeps a value.

Not erased: backups made before (listed in the result: they age out with the backup
rotation, or a supervisor deletes them), the same person in another case (listed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, text, update

from app.domain.errors import DomainError, InputError, Problem
from app.domain.privacy_notice import CLOSED_STATUSES, ERASED_NAME, add_years, erasure_due
from app.domain.vocab import PARTY_ROLES
from app.store import search
from app.store.audit_redaction import ERASED_ACTION, ERASED_VALUE, redact_case_events, scrub
from app.store.contacts import ERASURE_REASONS, CaseErasure, RetainedDocument

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.context import AppContext
    from app.services.organisation.accounts import SignedIn
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

KEPT_REASON = "已签署或已打印的调解文书，依法作为调解卷宗归档保存，不删除"
MIN_VALUE_LENGTH = 2


@dataclass(frozen=True)
class RetainedInfo:
    document_id: int
    kind: str
    version: int
    status: str
    reason: str


@dataclass(frozen=True)
class ErasureResult:
    case_no: str
    reason: str
    persons: int
    documents_cleared: int
    documents_retained: tuple[RetainedInfo, ...]
    audit_events_redacted: int
    other_cases: tuple[str, ...]
    backups_before: int
    checkpointed: bool
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class DueCase:
    case_no: str
    status: str
    closed_on: date
    due_on: date


def erase_case(ctx: AppContext, case_no: str, *, reason: str, by: SignedIn) -> ErasureResult:
    """Erase the personal data of a closed case (see the module); a supervisor's act."""
    from app.services.organisation.accounts import require

    require(by, "organisation")
    if reason not in ERASURE_REASONS:
        raise InputError([Problem("reason", "删除原因只能是 request（本人申请）或 retention"
                                            "（保存期限届满）。")])  # fmt: skip
    with ctx.store.write(by.username, ctx.now()) as uow:
        done = erase_in(uow, case_no, reason=reason, requested_by=by.username)
    checkpointed = _checkpoint(ctx)
    backups = _backups(ctx)
    return ErasureResult(
        done.case_no, reason, done.persons, len(done.cleared), tuple(done.kept),
        len(done.redacted), tuple(done.others), backups, checkpointed,
        _notes(done.others, backups),
    )  # fmt: skip


@dataclass
class Erased:
    """What `erase_in` did; `values` (the erased values themselves) stay in memory only, for
    a caller that must scrub copies elsewhere (the office's other tables)."""

    case_no: str
    persons: int
    cleared: list[int]
    kept: list[RetainedInfo]
    redacted: list[dict[str, Any]]
    others: list[str]
    values: list[str]


def erase_in(
    uow: UnitOfWork, case_no: str, *, reason: str, requested_by: str,
    record: dict[str, Any] | None = None, require_closed: bool = True,
) -> Erased:
    """The erasure itself, inside the caller's write transaction. `record` gives the
    `case_erasure` row's uid and times when the erasure was made elsewhere (the office or
    another laptop: the same erasure, carried out here too, for a case maybe not closed
    here yet)."""
    uow.session.execute(text("PRAGMA secure_delete = ON"))
    case = uow.cases.require(case_no)
    number = case.case_no
    if require_closed:
        _require_closed(uow, case)
    values, persons = _values_of(uow, case)
    run = CaseErasure(case_id=case.id, reason=reason, state="running",
                      requested_by=requested_by, started_at=uow.now)  # fmt: skip
    if record is not None:
        run.uid, run.requested_by = str(record["uid"]), str(record.get("requested_by", ""))
        run.started_at = _when(record.get("started_at"), uow.now)
    uow.session.add(run)
    uow.session.flush()
    _erase_rows(uow, case, values)
    cleared, kept = _documents(uow, case)
    redacted = redact_case_events(uow.session, case.id, values)
    search.refresh(uow.session.connection(), [case.id])  # the list's index, before the check
    _require_no_traces(uow.session, case.id, values)
    others = _other_cases(uow, case, values)
    retained = [k.document_id for k in kept]
    detail = {"erasure_id": run.id, "reason": reason, "persons": persons,
              "documents_cleared": len(cleared), "documents_retained": retained,
              "redacted": redacted}  # fmt: skip
    uow.record(ERASED_ACTION, case=case, detail=detail)
    run.state = "done"
    run.finished_at = _when((record or {}).get("finished_at"), uow.now)
    run.summary = (record or {}).get("summary") or {
        k: v for k, v in detail.items() if k != "redacted"}
    uow.session.flush()
    return Erased(number, persons, cleared, kept, redacted, others, values)


def _when(text_value: Any, default: Any) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(str(text_value)) if text_value else default


def due_for_erasure(ctx: AppContext, today: date | None = None) -> list[DueCase]:
    """Closed cases (not yet erased) whose retention has run out by `today`."""
    from app.services.contacts.settings import retention_in

    day = today or ctx.today()
    with ctx.read() as uow:
        years = retention_in(uow)
        erased = set(uow.session.scalars(select(CaseErasure.case_id)))
        out = []
        for case in uow.cases.search():
            if case.status not in CLOSED_STATUSES or case.id in erased:
                continue
            closed = _closed_on(uow, case)
            if erasure_due(closed, years, day):
                out.append(DueCase(case.case_no, case.status, closed, add_years(closed, years)))
    return sorted(out, key=lambda d: d.closed_on)


def erase_due(ctx: AppContext, *, by: SignedIn, today: date | None = None) -> list[ErasureResult]:
    """Erase every closed case past retention (`reason` retention)."""
    return [erase_case(ctx, d.case_no, reason="retention", by=by)
            for d in due_for_erasure(ctx, today)]  # fmt: skip


# -- inside the unit of work --------------------------------------------------------------------


def _require_closed(uow: UnitOfWork, case: Case) -> None:
    from app.domain.case_status import label

    if case.status not in CLOSED_STATUSES:
        closed = "、".join(label(s) for s in CLOSED_STATUSES)
        raise DomainError(f"案件 {case.case_no} 当前为“{label(case.status)}”：只能删除已结案案件"
                          f"（{closed}）的个人信息。")  # fmt: skip
    done = uow.session.scalars(select(CaseErasure).where(CaseErasure.case_id == case.id)).first()
    if done is not None:
        raise DomainError(f"案件 {case.case_no} 的个人信息已于 {done.started_at:%Y-%m-%d} 删除。")


def _values_of(uow: UnitOfWork, case: Case) -> tuple[list[str], int]:
    """The personal values of the case's persons (longest first), and how many persons."""
    from app.store.contacts import ContactPerson
    from app.store.records import Document, MediationSession, Signature

    found: set[str] = set()
    persons = 0
    for party in case.parties:
        if party.kind == "person":
            persons += 1
            found |= {party.name, party.id_number, party.phone, party.address}
        found.add(party.legal_representative)
    people = uow.session.scalars(select(ContactPerson).where(ContactPerson.case_id == case.id))
    for person in people:
        persons += 1
        found |= {person.name, person.phone}
    sessions = uow.session.scalars(
        select(MediationSession).where(MediationSession.case_id == case.id)
    )
    for row in sessions:
        for attendee in row.attendees or []:
            found |= {str(attendee.get("name", "")), str(attendee.get("id_number", ""))}
    signers = select(Signature.signer_name).join(Document, Signature.document_id == Document.id)
    mediator = case.mediator.name if case.mediator else ""
    for name in uow.session.scalars(signers.where(Document.case_id == case.id)):
        if name != mediator:
            found.add(name)
    staff = {mediator, ERASED_VALUE}
    wanted = {v.strip() for v in found if len(v.strip()) >= MIN_VALUE_LENGTH} - staff
    return sorted(wanted, key=len, reverse=True), persons


def _erase_rows(uow: UnitOfWork, case: Case, values: list[str]) -> None:
    from app.store.contacts import ContactAttempt, ContactPerson
    from app.store.models import Payment
    from app.store.records import MediationSession, PlanPayment, Settlement

    for party in case.parties:
        if party.kind == "person":
            party.name = f"{PARTY_ROLES.get(party.role, '当事人')}{ERASED_NAME}"
            party.id_type, party.id_number, party.phone, party.address = "", "", "", ""
        party.legal_representative = ""
    case.notes = None  # what intake kept beside the case (a lender's columns, emergency contact)
    session = uow.session
    session.execute(update(ContactPerson).where(ContactPerson.case_id == case.id)
                    .values(name=ERASED_NAME, phone="", note=""))  # fmt: skip
    session.execute(update(ContactAttempt).where(ContactAttempt.case_id == case.id)
                    .values(note="", message="", next_action=""))  # fmt: skip
    for row in session.scalars(select(MediationSession).where(MediationSession.case_id == case.id)):
        row.attendees = [_erased_attendee(a) for a in row.attendees or []]
        row.statements = [dict(s, text=ERASED_VALUE) for s in row.statements or []]
        row.notes = ""
    for payment in session.scalars(select(Payment).where(Payment.case_id == case.id)):
        payment.note = scrub(payment.note, values)
    for paid in session.scalars(select(PlanPayment).where(PlanPayment.case_id == case.id)):
        paid.note = scrub(paid.note, values)
    for settlement in session.scalars(select(Settlement).where(Settlement.case_id == case.id)):
        settlement.terms = scrub(settlement.terms, values)
    _scrub_notes(session, case, values)
    session.flush()
    _scrub_fixed_rows(session, case, values)


def _scrub_notes(session: Session, case: Case, values: list[str]) -> None:
    """Free text typed about the case elsewhere: consent scopes, mandate notes."""
    from app.store.contacts import PrivacyNotice
    from app.store.mandates import Mandate, MandateException

    for notice in session.scalars(select(PrivacyNotice).where(PrivacyNotice.case_id == case.id)):
        notice.consent_scope = scrub(notice.consent_scope, values)
    for mandate in session.scalars(select(Mandate).where(Mandate.case_id == case.id)):
        mandate.note = scrub(mandate.note, values)
    asked = select(MandateException).where(MandateException.case_id == case.id)
    for exception in session.scalars(asked):
        exception.note = scrub(exception.note, values)


def _erased_attendee(attendee: dict[str, Any]) -> dict[str, Any]:
    return dict(attendee, name=ERASED_NAME, id_number="", authorisation="")


def _scrub_fixed_rows(session: Session, case: Case, values: list[str]) -> None:
    """Signer names and kept file names: rows the ORM never updates (core statements; the
    triggers of revision 0009 allow exactly this while the erasure runs)."""
    from app.store.records import Document, DocumentAttachment, Signature

    of_case = select(Document.id).where(Document.case_id == case.id)
    for model, column in ((Signature, "signer_name"), (DocumentAttachment, "filename")):
        rows = session.execute(select(model.id, getattr(model, column))
                               .where(model.document_id.in_(of_case)))  # fmt: skip
        for row_id, value in rows.all():
            cleaned = scrub(value, values)
            if cleaned != value:
                session.execute(update(model).where(model.id == row_id).values({column: cleaned}))


def _documents(uow: UnitOfWork, case: Case) -> tuple[list[int], list[RetainedInfo]]:
    """Kept: signed and printed versions (marked). Cleared: the PDFs of the others."""
    from app.store.records import LOCKED_DOCUMENT_STATUSES, Document, DocumentAttachment, Signature

    cleared, kept = [], []
    docs = uow.session.scalars(select(Document).where(Document.case_id == case.id))
    for doc in docs:
        if doc.status in LOCKED_DOCUMENT_STATUSES:
            uow.session.add(RetainedDocument(document_id=doc.id, reason=KEPT_REASON,
                                             since=uow.now))  # fmt: skip
            kept.append(RetainedInfo(doc.id, doc.kind, doc.version, doc.status, KEPT_REASON))
            continue
        for model in (DocumentAttachment, Signature):
            uow.session.execute(delete(model).where(model.document_id == doc.id))
        doc.content = None
        cleared.append(doc.id)
    uow.session.flush()
    return cleared, kept


def _require_no_traces(session: Session, case_id: int, values: list[str]) -> None:
    """Refuse (roll back) when a value is left in this case's rows, outside kept documents."""
    from app.services.personal_data.traces import find_traces

    left = [t for t in find_traces(session, values, case_id=case_id) if not t.retained]
    if left:
        where = "、".join(sorted({f"{t.table}.{t.column}" for t in left}))
        raise RuntimeError(f"erasure left personal values in {where}; nothing was erased")


def _other_cases(uow: UnitOfWork, case: Case, values: list[str]) -> list[str]:
    from app.store.models import Case as CaseRow
    from app.store.models import Party

    if not values:
        return []
    stmt = (
        select(CaseRow.case_no)
        .join(Party, Party.case_id == CaseRow.id)
        .where(CaseRow.id != case.id)
        .where(Party.kind == "person")
        .where(Party.id_number.in_(values) | Party.phone.in_(values))
    )
    return sorted(set(uow.session.scalars(stmt)))


def _closed_on(uow: UnitOfWork, case: Case) -> date:
    """The China date the case reached its closed status (its last update otherwise)."""
    from app.services.clock import china_date

    for event in reversed(uow.audit.for_case(case.id)):
        if event.action == "case.status_changed" and event.detail.get("to") == case.status:
            return china_date(event.at)
    return china_date(case.updated_at)


def _checkpoint(ctx: AppContext) -> bool:
    """Copy the WAL into the database and truncate it; True when it went all the way."""
    with ctx.store.engine.connect() as connection:
        busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
        connection.rollback()
    return busy is not None and busy[0] == 0


def _backups(ctx: AppContext) -> int:
    folder = ctx.backup_dir
    return len(list(folder.glob("*.db"))) if folder.is_dir() else 0


def _notes(others: list[str], backups: int) -> tuple[str, ...]:
    notes = []
    if others:
        notes.append(f"同一人还出现在其他案件中（{'、'.join(others)}），那些案件的信息未删除。")
    if backups:
        notes.append(f"删除前的 {backups} 个备份仍含有这些信息，将随备份轮换删除；"
                     "如本人申请要求，可由主管在“设置 → 备份”中删除。")  # fmt: skip
    return tuple(notes)
