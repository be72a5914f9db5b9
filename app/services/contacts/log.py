"""The contact log of a case: attempts to reach a party or a contact person, checked first.

    info = add_contact(ctx, NewContact("TJ-2026-000001", "phone", "debtor",
                                       "2026-12-01T20:30", "reached", note="同意到场"))
    list_contacts(ctx, "TJ-2026-000001")      # oldest first
    add_contact_person(ctx, case_no, "李梅", "13900001111")   # an emergency contact

`add_contact` enforces the conduct rules of `app.domain.contacts` in the service, so the
GUI, the CLI and any other caller are held to them alike: a blocked attempt raises
`ContactBlocked` naming every rule it breaks, and nothing is written. Times without a zone
are China time (UTC+8, Asia/Shanghai); the store keeps UTC.

A message to an emergency contact or anyone who is not a party is the call-back request
(`callback_request`) unless another message is given, and any message to them is checked
for the debt, the creditor or an amount. With `notice` the attempt also records that the
person was told how their data is processed (the current notice version).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import or_, select

from app.domain import contact_messages as messages
from app.domain.contacts import (
    CHANNELS,
    CHINA_TZ,
    OUTCOMES,
    PARTY_TARGETS,
    TARGETS,
    THIRD_PARTIES,
    ContactBlocked,
    NewAttempt,
    PastAttempt,
    check_attempt,
    check_promise,
    china_day,
    parse_code,
)
from app.domain.errors import DomainError, InputError, Problem
from app.domain.money import parse_money
from app.domain.privacy_notice import CURRENT_NOTICE
from app.services.contacts.records import (
    ContactInfo,
    PersonInfo,
    Whom,
    contact_info,
    person_info,
    whom_of,
)
from app.services.contacts.settings import conduct_in
from app.services.contacts.values import message_values
from app.store.contacts import ContactAttempt, ContactPerson, PrivacyNotice
from app.store.models import Party

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

__all__ = ["ContactInfo", "NewContact", "PersonInfo", "Whom", "add_contact", "list_contacts"]

T = TypeVar("T")
NOTE_MAX = 1000


@dataclass(frozen=True)
class NewContact:
    """An attempt as typed: codes or Chinese labels; `at` ISO text or an aware datetime."""

    case_no: str
    channel: str
    to: str
    at: str | datetime
    outcome: str
    note: str = ""
    party_id: int | None = None
    person_id: int | None = None
    promise_amount: str | Decimal | None = None
    promise_date: str | date | None = None
    message: str = ""
    template: str = ""
    next_action: str = ""
    next_due: str | date | None = None
    notice: bool = False


@dataclass(frozen=True)
class Parsed:
    channel: str
    target: str
    outcome: str
    at: datetime
    promise_amount: Decimal | None
    promise_date: date | None
    next_due: date | None


def add_contact(ctx: AppContext, new: NewContact) -> ContactInfo:
    """Check and log one attempt; `ContactBlocked` (a rule) or `InputError` (a field)."""
    parsed = parse_new(new)
    with ctx.write() as uow:
        case = uow.cases.require(new.case_no)
        whom = resolve(uow, case, parsed.target, new.party_id, new.person_id)
        message = _message(uow, case, whom, parsed.target, new)
        blocks = check_attempt(
            NewAttempt("this", parsed.target, parsed.channel, parsed.at, parsed.outcome, message),
            _history(uow, whom),
            conduct_in(uow),
            third_party_problems(case, whom, parsed.target, new.template, message),
        )
        if blocks:
            raise ContactBlocked(blocks)
        row = _insert(uow, case, whom, parsed, new, message)
        if new.notice and whom.party_id is not None:
            _notice(uow, case, whom.party_id, parsed)
        uow.record("contact.logged", case=case, detail=_detail(row, new.notice))
        return contact_info(row, case.case_no, whom)


def list_contacts(ctx: AppContext, case_no: str) -> list[ContactInfo]:
    """The case's attempts, oldest first."""
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        return [contact_info(row, case.case_no, whom) for row, whom in rows_of(uow, case)]


def rows_of(uow: UnitOfWork, case: Case) -> list[tuple[ContactAttempt, Whom]]:
    stmt = (
        select(ContactAttempt)
        .where(ContactAttempt.case_id == case.id)
        .order_by(ContactAttempt.at, ContactAttempt.id)
    )
    people = {p.id: p for p in _people(uow, case)}
    parties = {p.id: p for p in case.parties}
    out = []
    for row in uow.session.scalars(stmt):
        if row.party_id is not None:
            whom = whom_of(party=parties[row.party_id])
        else:
            assert row.person_id is not None
            whom = whom_of(person=people[row.person_id])
        out.append((row, whom))
    return out


def contactable(ctx: AppContext, case_no: str) -> list[Whom]:
    """Everyone of the case who may be contacted: the parties but the creditor and agents,
    then the contact persons."""
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        found = [whom_of(party=p) for p in case.parties if p.role in PARTY_TARGETS]
        return found + [whom_of(person=p) for p in _people(uow, case)]


def add_contact_person(
    ctx: AppContext,
    case_no: str,
    name: str,
    phone: str,
    relation: str = "emergency_contact",
    note: str = "",
) -> PersonInfo:
    """Someone who is not a party (an emergency contact, a relative) the case may reach."""
    from app.services.organisation.rules import check_phone

    problems: list[Problem] = []
    clean_name, clean_phone = " ".join(name.split()), phone.strip()
    if not clean_name or len(clean_name) > 50:
        problems.append(Problem("name", "请填写联系人姓名（最多 50 个字）。"))
    reason = check_phone(clean_phone) if clean_phone else "请填写联系人的电话号码。"
    if reason:
        problems.append(Problem("phone", reason))
    if relation not in ("emergency_contact", "other"):
        problems.append(Problem("relation", "关系只能是 emergency_contact（紧急联系人）或 other。"))
    if problems:
        raise InputError(problems)
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        row = ContactPerson(case_id=case.id, relation=relation, name=clean_name, phone=clean_phone)
        row.note, row.created_at = note.strip()[:200], uow.now
        uow.session.add(row)
        uow.session.flush()
        uow.record("contact.person_added", case=case, detail={"person_id": row.id,
                                                               "relation": relation})  # fmt: skip
        return person_info(row)


# -- parsing ------------------------------------------------------------------------------------


def parse_new(new: NewContact) -> Parsed:
    """The typed attempt as values; InputError listing every field that is wrong."""
    problems: list[Problem] = []
    channel = _code(new.channel, CHANNELS, "channel", "联系方式", problems)
    target = _code(new.to, TARGETS, "to", "联系对象", problems)
    outcome = _code(new.outcome, OUTCOMES, "outcome", "联系结果", problems)
    at = parse_when(new.at, "at", problems)
    amount = _money(new.promise_amount, problems)
    promised = _day(new.promise_date, "promise_date", problems)
    next_due = _day(new.next_due, "next_due", problems)
    if len(new.note) > NOTE_MAX:
        problems.append(Problem("note", f"备注最多 {NOTE_MAX} 个字。"))
    if outcome and at is not None:
        problems += [Problem(f, r) for f, r in check_promise(outcome, amount, promised,
                                                               china_day(at))]  # fmt: skip
    if problems:
        raise InputError(problems)
    assert channel and target and outcome and at is not None
    return Parsed(channel, target, outcome, at, amount, promised, next_due)


def parse_when(value: str | datetime, field: str, problems: list[Problem]) -> datetime | None:
    """An aware UTC datetime; text without a zone is China time (UTC+8)."""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(value.strip().replace(" ", "T"))
        except ValueError:
            problems.append(Problem(field, f"时间“{value}”无法识别：请写成 2026-12-01T20:30。"))
            return None
    aware = moment.replace(tzinfo=CHINA_TZ) if moment.tzinfo is None else moment
    return aware.astimezone(UTC)


def _code(value: str, vocab: dict[str, str], field: str, what: str, out: list[Problem]) -> str:
    try:
        return parse_code(value, vocab, field, what)
    except DomainError as error:
        out.append(Problem(field, str(error).removeprefix(f"{field}：")))
        return ""


def _money(value: str | Decimal | None, out: list[Problem]) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    amount = value if isinstance(value, Decimal) else parse_money(value)
    if amount is None:
        out.append(Problem("promise_amount", f"金额“{value}”无法识别：请写成 2000.00。"))
    return amount


def _day(value: str | date | None, field: str, out: list[Problem]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        out.append(Problem(field, f"日期“{value}”无法识别：请写成 2026-12-15。"))
        return None


# -- inside the unit of work --------------------------------------------------------------------


def _people(uow: UnitOfWork, case: Case) -> list[ContactPerson]:
    stmt = select(ContactPerson).where(ContactPerson.case_id == case.id).order_by(ContactPerson.id)
    return list(uow.session.scalars(stmt))


def resolve(
    uow: UnitOfWork, case: Case, target: str, party_id: int | None, person_id: int | None
) -> Whom:
    """The party or contact person the attempt is with; DomainError when it is unclear."""
    if target in PARTY_TARGETS:
        found = [p for p in case.parties if p.role == target]
        if party_id is not None:
            found = [p for p in found if p.id == party_id]
        if target == "debtor" and party_id is None:
            found = found[:1]
        return whom_of(party=_one(found, target, "--party-id", case.case_no))
    wanted = [p for p in _people(uow, case) if p.relation == target]
    if person_id is not None:
        wanted = [p for p in wanted if p.id == person_id]
    return whom_of(person=_one(wanted, target, "--person-id", case.case_no))


def _one(found: list[T], target: str, option: str, case_no: str) -> T:
    label = TARGETS[target]
    if not found:
        raise DomainError(f"to：案件 {case_no} 没有这样的{label}。请先添加{label}，或核对编号。")
    if len(found) > 1:
        raise DomainError(
            f"to：案件 {case_no} 有 {len(found)} 位{label}：请用 {option} 指明是哪一位。"
        )
    return found[0]


def _history(uow: UnitOfWork, whom: Whom) -> list[PastAttempt]:
    """Every logged attempt with the same person, in any case (by ID or phone number)."""
    conditions = []
    if whom.id_number:
        conditions.append(Party.id_number == whom.id_number)
    if whom.phone:
        conditions.append(Party.phone == whom.phone)
    rows: list[ContactAttempt] = []
    if conditions:
        stmt = select(ContactAttempt).join(Party, ContactAttempt.party_id == Party.id)
        rows += uow.session.scalars(stmt.where(or_(*conditions)))
    if whom.phone:
        stmt = select(ContactAttempt).join(
            ContactPerson, ContactAttempt.person_id == ContactPerson.id
        )
        rows += uow.session.scalars(stmt.where(ContactPerson.phone == whom.phone))
    own = ContactAttempt.party_id == whom.party_id if whom.party_id else (
        ContactAttempt.person_id == whom.person_id)  # fmt: skip
    rows += uow.session.scalars(select(ContactAttempt).where(own))
    unique = {row.id: row for row in rows}.values()
    return [PastAttempt("this", r.at, r.channel, r.outcome) for r in unique]


def _message(uow: UnitOfWork, case: Case, whom: Whom, target: str, new: NewContact) -> str:
    """What is sent or said: as given, else the template rendered, else (to a third
    party) the call-back request."""
    if new.message.strip():
        return new.message.strip()
    code = new.template.strip() or ("callback_request" if target in THIRD_PARTIES else "")
    if not code or (target in THIRD_PARTIES and not messages.template(code).third_party):
        return ""  # a party's template to a third party: refused by the rule, not rendered
    try:
        return messages.render(code, message_values(uow, case, whom))
    except DomainError:
        if new.template.strip():
            raise
        return ""


def third_party_problems(
    case: Case, whom: Whom, target: str, template: str, message: str
) -> list[str]:
    if target not in THIRD_PARTIES:
        return []
    out: list[str] = []
    if template.strip() and not messages.template(template).third_party:
        out.append(f"只能使用“{messages.TEMPLATES['callback_request'].label}”模板")
    creditor = case.creditor.name if case.creditor else ""
    allowed = [p.name for p in case.parties if p.role in PARTY_TARGETS]
    mediator = case.mediator.name if case.mediator else ""
    return out + messages.third_party_problems(message, creditor, (*allowed, whom.name, mediator))


def _insert(
    uow: UnitOfWork, case: Case, whom: Whom, parsed: Parsed, new: NewContact, message: str
) -> ContactAttempt:
    row = ContactAttempt(
        case_id=case.id, party_id=whom.party_id, person_id=whom.person_id,
        target=parsed.target, channel=parsed.channel, at=parsed.at, outcome=parsed.outcome,
        promise_amount=parsed.promise_amount, promise_date=parsed.promise_date,
        note=new.note.strip(), template=new.template.strip(), message=message,
        next_action=new.next_action.strip()[:200], next_due=parsed.next_due,
        recorded_by=uow.actor, created_at=uow.now,
    )  # fmt: skip
    uow.session.add(row)
    uow.session.flush()
    return row


def _notice(uow: UnitOfWork, case: Case, party_id: int, parsed: Parsed) -> None:
    how = parsed.channel if parsed.channel in ("phone", "sms", "letter", "visit") else "other"
    uow.session.add(
        PrivacyNotice(
            case_id=case.id,
            party_id=party_id,
            notice_version=CURRENT_NOTICE,
            told_at=parsed.at,
            how=how,
            consent="not_needed",
            recorded_by=uow.actor,
            created_at=uow.now,
        )
    )


def _detail(row: ContactAttempt, notice: bool) -> dict[str, object]:
    """The audit detail: ids and codes, never a name, a number or the note (PIPL)."""
    return {
        "contact_id": row.id, "target": row.target, "channel": row.channel,
        "outcome": row.outcome, "at": row.at, "party_id": row.party_id,
        "person_id": row.person_id, "notice_version": CURRENT_NOTICE if notice else None,
    }  # fmt: skip
