"""The right of access (PIPL art. 45): everything the store holds on one person.

    export = person_export(ctx, "11010519491231002X", by=supervisor)   # ID or phone number
    write_export(export, Path("查阅-王建国.json"))

The person is found by ID number or phone number (a name alone is not enough: two people
share names) in every case: as a party, a contact person or someone who came to a
session. The export lists, per case, what is held: the party's details, the loan and the
claim, the contact log with them, the notices they were given, the sessions they came to
(with what they said), the documents of the case and the signatures they gave, payments.

Full values go to the person (a supervisor's act, `export` permission). The audit log and
the application log get the case numbers and counts only, the number masked in the log.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from app.domain.errors import DomainError, InputError, Problem
from app.store.audit import jsonable

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.organisation.accounts import SignedIn
    from app.store.models import Case, Party
    from app.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)
FORMAT = 1


@dataclass(frozen=True)
class PersonExport:
    """What the store holds on one person, as plain JSON-ready data."""

    subject: str
    made_at: datetime
    cases: list[dict[str, Any]]

    def as_json(self) -> str:
        data = {"format": FORMAT, **asdict(self)}
        return json.dumps(jsonable(data), ensure_ascii=False, indent=2, sort_keys=False)


def person_export(ctx: AppContext, number: str, *, by: SignedIn) -> PersonExport:
    """Everything held on the person with this ID or phone number (see the module)."""
    from app.services.cases.privacy import mask_value
    from app.services.organisation.accounts import require

    require(by, "export")
    wanted = "".join(number.split()).upper()
    if len(wanted) < 7:
        raise InputError([Problem("number", "请填写本人的身份证件号码或手机号码。")])
    with ctx.store.write(by.username, ctx.now()) as uow:
        found = _cases(uow, wanted)
        if not found:
            raise DomainError("案件库中没有此证件号码或手机号码的记录。")
        cases = [_case(uow, case, parties, wanted) for case, parties in found]
        detail = {"cases": [c["case_no"] for c in cases][:50], "matched": len(cases)}
        uow.record("privacy.access_export", detail=detail)
    field = "id_number" if len(wanted) > 11 else "phone"
    log.info("Right-of-access export for %s: %d case(s)", mask_value(field, wanted), len(cases))
    return PersonExport(subject=wanted, made_at=ctx.now(), cases=cases)


def write_export(export: PersonExport, path: Path) -> Path:
    path.write_text(export.as_json() + "\n", encoding="utf-8")
    return path


def _cases(uow: UnitOfWork, wanted: str) -> list[tuple[Case, list[Party]]]:
    from app.store.contacts import ContactPerson
    from app.store.models import Case, Party
    from app.store.records import MediationSession

    ids: set[int] = set(
        uow.session.scalars(
            select(Party.case_id).where(or_(Party.id_number == wanted, Party.phone == wanted))
        )
    )
    ids |= set(
        uow.session.scalars(select(ContactPerson.case_id).where(ContactPerson.phone == wanted))
    )
    for row in uow.session.scalars(select(MediationSession)):
        if any(str(a.get("id_number", "")).upper() == wanted for a in row.attendees or []):
            ids.add(row.case_id)
    out = []
    for case in uow.session.scalars(select(Case).where(Case.id.in_(ids)).order_by(Case.case_no)):
        mine = [p for p in case.parties if wanted in (p.id_number.upper(), p.phone)]
        out.append((case, mine))
    return out


def _case(uow: UnitOfWork, case: Case, parties: list[Party], wanted: str) -> dict[str, Any]:
    from app.services.contacts.log import rows_of

    party_ids = {p.id for p in parties}
    attempts = [
        {"at": row.at, "with": whom.label, "channel": row.channel, "outcome": row.outcome,
         "promise_amount": row.promise_amount, "promise_date": row.promise_date,
         "note": row.note, "message": row.message}
        for row, whom in rows_of(uow, case)
        if row.party_id in party_ids or whom.phone == wanted
    ]  # fmt: skip
    held: dict[str, Any] = {
        "case_no": case.case_no,
        "status": case.status,
        "as_party": [_party(p) for p in parties],
        "contacts": attempts,
        "contact_person": _contact_person(uow, case, wanted),
        "sessions": _sessions(uow, case, wanted, party=bool(parties)),
    }
    if not parties:  # an emergency contact sees what is held on them, not the debtor's case
        return held
    return held | {
        "creditor": case.creditor.name if case.creditor else "",
        "loan": _loan(case),
        "claim": _claim(case),
        "payments": [{"date": p.date, "amount": p.amount, "note": p.note} for p in case.payments],
        "notices": _notices(uow, case, party_ids),
        "documents": _documents(uow, case, party_ids),
    }


def _party(p: Party) -> dict[str, Any]:
    return {"role": p.role, "name": p.name, "id_type": p.id_type, "id_number": p.id_number,
            "phone": p.phone, "address": p.address}  # fmt: skip


def _loan(case: Case) -> dict[str, Any] | None:
    loan = case.loan
    if loan is None:
        return None
    return {"contract_no": loan.contract_no, "contract_date": loan.contract_date,
            "principal": loan.principal, "annual_rate": loan.annual_rate}  # fmt: skip


def _claim(case: Case) -> dict[str, Any] | None:
    claim = case.claim
    if claim is None:
        return None
    return {"as_of": claim.as_of, "principal": claim.principal, "interest": claim.interest,
            "penalty": claim.penalty, "compound": claim.compound, "fees": claim.fees,
            "costs": claim.costs}  # fmt: skip


def _contact_person(uow: UnitOfWork, case: Case, wanted: str) -> list[dict[str, Any]]:
    from app.store.contacts import ContactPerson

    stmt = select(ContactPerson).where(ContactPerson.case_id == case.id)
    return [{"relation": p.relation, "name": p.name, "phone": p.phone, "note": p.note}
            for p in uow.session.scalars(stmt) if p.phone == wanted]  # fmt: skip


def _notices(uow: UnitOfWork, case: Case, party_ids: set[int]) -> list[dict[str, Any]]:
    from app.domain.privacy_notice import notice
    from app.store.contacts import PrivacyNotice

    stmt = select(PrivacyNotice).where(PrivacyNotice.case_id == case.id)
    return [{"told_at": n.told_at, "how": n.how, "version": n.notice_version,
             "text": notice(n.notice_version).text, "consent": n.consent,
             "consent_scope": n.consent_scope}
            for n in uow.session.scalars(stmt) if n.party_id in party_ids]  # fmt: skip


def _sessions(uow: UnitOfWork, case: Case, wanted: str, *, party: bool) -> list[dict[str, Any]]:
    from app.store.records import MediationSession

    out = []
    for row in uow.session.scalars(
        select(MediationSession).where(MediationSession.case_id == case.id)
    ):
        came = [a for a in row.attendees or [] if str(a.get("id_number", "")).upper() == wanted]
        if not came and not party:
            continue
        debtor_side = [s for s in row.statements or [] if party and s.get("side") == "debtor"]
        held = {"started_at": row.started_at, "ended_at": row.ended_at, "place": row.place}
        out.append(held | {"attended_as": came, "statements": debtor_side, "outcome": row.outcome})
    return out


def _documents(uow: UnitOfWork, case: Case, party_ids: set[int]) -> list[dict[str, Any]]:
    from app.store.records import Document, Signature

    out = []
    for doc in uow.session.scalars(select(Document).where(Document.case_id == case.id)):
        signed = uow.session.scalars(
            select(Signature).where(Signature.document_id == doc.id)
            .where(Signature.party_id.in_(party_ids))
        )  # fmt: skip
        out.append({"kind": doc.kind, "version": doc.version, "status": doc.status,
                    "sha256": doc.file_sha256,
                    "signatures": [{"signer_name": s.signer_name, "signed_at": s.signed_at,
                                    "png_sha256": s.png_sha256} for s in signed]})  # fmt: skip
    return out
