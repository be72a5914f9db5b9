"""Documents of a case: their data from the store, rendered to PDF.

    data = document_data(ctx, "TJ-2026-000003", "agreement")   # InputError lists what lacks
    doc = render_document(ctx, "TJ-2026-000003", "agreement")  # .pdf, .sha256, .content_hash

The data comes from the case (parties, loan, latest claim), the latest recalculation
snapshot (its lawful view), the settlement, the organisation's profile and the latest
session. The document's time (its printed date and the PDF's creation date) is the time of
the record it is made from — the settlement's last change for the agreement, its plan and
the application, the session for the notice and record — so rendering twice gives the same
bytes. Versions and issuing (a stored PDF per version) wait for `documents_store`.

The court stored with the case (revision 0005, "委派法院" in the app) is the court that
entrusted the case to the centre before filing (委派调解): the agreement and the application
for judicial confirmation then also cite the SPC's provisions on specially invited mediation
(arts. 19, 24). A case with no stored court was not entrusted; `court=` given when
rendering only names the court applied to.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.documents.pdf import (
    DOCUMENT_KINDS,
    AmountRow,
    Attendee,
    DocumentData,
    Organisation,
    Party,
    PlanRow,
    Session,
    Settlement,
    Statement,
    content_hash,
    missing_fields,
    render_pdf,
)
from app.documents.pdf.model import ContactLine, document_number
from app.domain.errors import InputError, Problem
from app.domain.numerals import format_date_cn
from app.domain.session_record import CAPACITIES
from app.domain.settlement import KIND_LABELS, KINDS, KindAmounts, LawfulFigures
from app.services.clock import CHINA_TZ

if TYPE_CHECKING:
    from app.services.cases.service import CaseDetail, PartyInfo
    from app.services.context import AppContext
    from app.services.recalc.service import SnapshotInfo
    from app.services.settlement.service import SettlementInfo

ZERO = Decimal("0.00")
SETTLEMENT_KINDS = ("agreement", "plan", "confirmation")
CAPACITY_LABELS = CAPACITIES
SIDE_LABELS = {"creditor": "债权人", "debtor": "债务人"}


@dataclass(frozen=True)
class RenderedDocument:
    """A rendered PDF with its SHA-256, its number and the hash of its content record."""

    kind: str
    document_no: str
    pdf: bytes
    sha256: str
    content_hash: str


@dataclass(frozen=True)
class Extras:
    """Given when rendering: a court other than the case's, why mediation ended (else the
    not-agreed session's notes)."""

    court: str = ""
    reason: str = ""


def document_data(
    ctx: AppContext,
    case_no: str,
    kind: str,
    *,
    as_of: datetime | date | None = None,
    court: str = "",
    reason: str = "",
) -> DocumentData:
    """The data of `kind` for the case; InputError listing everything it lacks."""
    if kind not in DOCUMENT_KINDS:
        known = "、".join(DOCUMENT_KINDS)
        raise InputError([Problem("kind", f"文书种类“{kind}”不存在：可选 {known}")])
    data = _gather(ctx, case_no, kind, as_of, Extras(court, reason))
    missing = missing_fields(kind, data)
    if missing:
        raise InputError([Problem("", m) for m in missing])
    return data


def gather(
    ctx: AppContext, case_no: str, kind: str, *, as_of: datetime | date | None = None,
    court: str = "", reason: str = "",
) -> DocumentData:
    """The case's data for `kind` (any kind, the court papers' too), not yet checked for
    what the kind needs: the court papers add their own part (`papers`) first."""
    return _gather(ctx, case_no, kind, as_of, Extras(court, reason))


def render_document(ctx: AppContext, case_no: str, kind: str, **extra: Any) -> RenderedDocument:
    """Render `kind` for the case (see `document_data` for the keyword arguments).

    The number printed on it carries the version it will be kept as: the latest stored
    version when the document comes out the same, else the next one (what the documents
    store makes of a changed rendering)."""
    from app.services.documents.store import latest_version

    data = document_data(ctx, case_no, kind, **extra)
    latest = latest_version(ctx, case_no, kind)
    if latest is None:
        return _rendered(data)
    same = _rendered(replace(data, number=document_number(case_no, kind, latest.version)))
    if same.sha256 == latest.sha256:
        return same
    return _rendered(replace(data, number=document_number(case_no, kind, latest.version + 1)))


def _rendered(data: DocumentData) -> RenderedDocument:
    pdf = render_pdf(data.kind, data)
    sha = hashlib.sha256(pdf).hexdigest()
    return RenderedDocument(data.kind, data.number, pdf, sha, content_hash(data))


# -- gathering ---------------------------------------------------------------------------------


def _gather(
    ctx: AppContext, case_no: str, kind: str, as_of: datetime | date | None, extras: Extras
) -> DocumentData:
    from app.services.cases.service import get_case
    from app.services.organisation.service import get_profile
    from app.services.recalc.service import latest_snapshot
    from app.services.settlement.service import get_settlement

    detail = get_case(ctx, case_no)
    snap = latest_snapshot(ctx, case_no)
    info = get_settlement(ctx, case_no)
    profile = get_profile(ctx)
    session = latest_session(ctx, case_no)
    loan, claim = detail.loan, detail.claim
    return DocumentData(
        kind=kind,
        number=document_number(case_no, kind),
        case_no=case_no,
        created=_created(kind, as_of, detail, info, session),
        organisation=Organisation(
            profile.name,
            profile.address,
            profile.registration_no,
            profile.phone,
            profile.seal_png,
        ),
        parties=tuple(_party(p) for p in detail.parties),
        mediator=detail.summary.mediator_name,
        agents=_agents(session),
        loan_disbursed=loan.disbursed if loan else None,
        accelerated_on=loan.accelerated_on if loan else None,
        contract_no=loan.contract_no if loan else "",
        contract_date=loan.contract_date if loan else None,
        loan_principal=loan.principal if loan else None,
        claim_as_of=claim.as_of if claim else None,
        lawful_as_of=snap.as_of if snap else None,
        amounts=_amounts(detail, snap, info),
        settlement=_settlement(info),
        session=session,
        court=extras.court or detail.summary.court,
        termination_reason=extras.reason or _reason_from(session),
        entrusting_court=detail.summary.court.strip(),
        **(_contact_log(ctx, case_no, session) if kind == "record" else {}),
    )


def _contact_log(ctx: AppContext, case_no: str, session: Session | None) -> dict[str, Any]:
    """The contacts before the session and the personal-data notices, for the record."""
    from app.domain.privacy_notice import notice
    from app.services.contacts.log import list_contacts
    from app.services.personal_data.notice import list_notices

    until = session.starts if session is not None else None
    contacts = tuple(
        ContactLine(_china(c.at), f"{c.target_label}{c.name}", c.channel_label, _outcome(c))
        for c in list_contacts(ctx, case_no)
        if until is None or c.at <= until
    )
    notices = tuple(
        f"个人信息告知：{n.role_label}{n.name}已于{format_date_cn(_china(n.told_at).date())}"
        f"（{n.how_label}）获告知个人信息的处理目的、方式和范围（告知书第 {n.notice_version} 版"
        f"，{notice(n.notice_version).since:%Y-%m-%d} 起施行），{n.consent_label}。"
        for n in list_notices(ctx, case_no)
    )
    return {"contacts": contacts, "notices": notices}


def _outcome(c: Any) -> str:
    if c.outcome == "promise_to_pay" and c.promise_amount is not None and c.promise_date:
        return f"{c.outcome_label}：{format_date_cn(c.promise_date)}前{c.promise_amount}元"
    return str(c.outcome_label)


def _party(p: PartyInfo) -> Party:
    from app.domain.vocab import ID_TYPES

    id_type = ID_TYPES.get(p.id_type, p.id_type)
    if not id_type:
        id_type = "统一社会信用代码" if p.kind == "organisation" else "居民身份证"
    return Party(
        role=p.role, name=p.name, kind=p.kind, id_type=id_type, id_number=p.id_number,
        phone=p.phone, address=p.address, legal_representative=p.legal_representative,
    )  # fmt: skip


def _amounts(
    detail: CaseDetail, snap: SnapshotInfo | None, info: SettlementInfo | None
) -> tuple[AmountRow, ...]:
    """Per kind: claimed, lawful (snapshot), waived and settled (settlement)."""
    claim = detail.claim
    if claim is None:
        return ()
    lawful: KindAmounts = KindAmounts.zero()
    if info is not None:
        lawful = info.proposal.lawful
    elif snap is not None:
        lawful = LawfulFigures.from_view(snap.output["views"]["lawful"])
    waived = info.proposal.waived if info else KindAmounts.zero()
    settled = info.proposal.settled if info else lawful
    return tuple(
        AmountRow(KIND_LABELS[k], getattr(claim, k), lawful.of(k), waived.of(k), settled.of(k))
        for k in KINDS
    )


def _settlement(info: SettlementInfo | None) -> Settlement | None:
    if info is None:
        return None
    rows = tuple(
        PlanRow(i.n, i.due, i.amount, "首付款" if i.down_payment else "")
        for i in info.plan.installments
    )
    agreed_on = _china(info.updated_at).date() if info.signed else None
    terms = info.terms
    total = info.proposal.settled_total
    return Settlement(
        total, rows, terms.acceleration_days, terms.waiver_revives_on_default, agreed_on,
        info.payment_method, info.extra_terms,
    )  # fmt: skip


def _agents(session: Session | None) -> tuple[Attendee, ...]:
    """The agents who attended for a party (the creditor's 委托代理人)."""
    if session is None:
        return ()
    agent = CAPACITY_LABELS["creditor_agent"]
    return tuple(a for a in session.attendees if a.capacity == agent)


def _reason_from(session: Any) -> str:
    """A session that ended without agreement: its notes say why."""
    if session is not None and session.outcome == "not_agreed":
        return str(session.notes)
    return ""


def _china(t: datetime) -> datetime:
    return t.astimezone(CHINA_TZ)


def _created(
    kind: str,
    as_of: datetime | date | None,
    detail: CaseDetail,
    info: SettlementInfo | None,
    session: Any,
) -> datetime:
    """The document's time: given, else the time of the record it is made from."""
    if isinstance(as_of, datetime):
        return _china(as_of)
    if isinstance(as_of, date):
        return datetime.combine(as_of, time(9, 0), CHINA_TZ)
    if kind in SETTLEMENT_KINDS and info is not None:
        return _china(info.updated_at)
    if kind in ("notice", "record") and session is not None:
        return _china(session.ends or session.starts)
    return _china(detail.summary.updated_at)


# -- the latest session (table `session`; read here until the sessions service exposes it) --


def latest_session(ctx: AppContext, case_no: str) -> Session | None:
    """The case's latest session (table `session`), or None when it has none."""
    from sqlalchemy import select

    from app.store.records import MediationSession

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        query = (
            select(MediationSession)
            .where(MediationSession.case_id == case.id)
            .order_by(MediationSession.started_at.desc(), MediationSession.id.desc())
            .limit(1)
        )
        row = uow.session.scalars(query).first()
        return None if row is None else _session_of(row)


def _session_of(row: Any) -> Session:
    from app.services.clock import CHINA_TZ

    return Session(
        starts=row.started_at.astimezone(CHINA_TZ),
        place=row.place or "",
        ends=row.ended_at.astimezone(CHINA_TZ) if row.ended_at else None,
        attendees=tuple(_attendee(a) for a in row.attendees or [] if a.get("name")),
        statements=tuple(_statement(s) for s in row.statements or [] if s.get("text")),
        outcome=row.outcome or "",
        notes=row.notes or "",
    )


def _attendee(a: dict[str, Any]) -> Attendee:
    capacity = str(a.get("capacity", ""))
    return Attendee(
        name=str(a.get("name", "")),
        capacity=CAPACITY_LABELS.get(capacity, capacity),
        id_number=str(a.get("id_number", "")),
        id_checked=bool(a.get("identity_checked", False)),
    )


def _statement(s: dict[str, Any]) -> Statement:
    side = str(s.get("side", ""))
    return Statement(SIDE_LABELS.get(side, side), str(s.get("text", "")))
