"""The daily worklist: who to contact today, and why.

    for item in worklist(ctx, ctx.today()):
        print(item.case_no, item.whom, item.why, item.blocked_text)

Reasons, in this order (overdue first within each):

- `session_soon`: a session today or tomorrow — send the session reminder;
- `promise_check`: a promise to pay fell due (within the last week) and nobody has been in
  touch since — check whether the money came;
- `next_action`: the next action the latest attempt set is due (or overdue);
- `first_contact`: an open case nobody has contacted yet — first contact, with the
  personal-data notice.

Each item says what the rules allow today: the person's attempts so far today against
the daily limit, and whether they asked for written contact only. Phone numbers are
masked (the contact pane reveals one on purpose).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain.contacts import CHINA_TZ, TARGETS, china_day
from app.domain.money import fmt_grouped
from app.services.contacts.settings import conduct_in
from app.store.contacts import CaseErasure, ContactAttempt

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

OPEN = ("intake", "contacting", "scheduled", "in_session", "agreed")
FOLLOWED = (*OPEN, "signed", "confirmation_applied", "confirmed", "performing", "defaulted")
KINDS = ("session_soon", "promise_check", "next_action", "first_contact")
PROMISE_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class WorkItem:
    case_no: str
    kind: str
    whom: str
    phone: str
    why: str
    due: date
    overdue: bool
    blocked_text: str = ""
    party_id: int | None = None
    person_id: int | None = None


def worklist(ctx: AppContext, day: date) -> list[WorkItem]:
    """Today's (or `day`'s) contacts, most pressing first."""
    with ctx.read() as uow:
        rules = conduct_in(uow)
        erased = set(uow.session.scalars(select(CaseErasure.case_id)))
        cases = [c for c in uow.cases.search() if c.status in FOLLOWED and c.id not in erased]
        attempts = _attempts_by_case(uow, [c.id for c in cases])
        sessions = _sessions_soon(uow, day)
        items: list[WorkItem] = []
        for case in cases:
            found = _items(case, attempts.get(case.id, []), sessions.get(case.id), day)
            items += [_with_limits(i, attempts.get(case.id, []), day, rules.max_per_day)
                      for i in found]  # fmt: skip
    return sorted(items, key=lambda i: (not i.overdue, KINDS.index(i.kind), i.due, i.case_no))


def _items(
    case: Case, attempts: list[ContactAttempt], session_day: date | None, day: date
) -> list[WorkItem]:
    debtor = case.debtor
    out: list[WorkItem] = []
    if debtor is not None and session_day is not None and case.status == "scheduled":
        why = f"{'今天' if session_day == day else '明天'}调解：发送调解提醒"
        out.append(_item(case, "session_soon", debtor.role, debtor.name, debtor.phone, why,
                         session_day, day, party_id=debtor.id))  # fmt: skip
    out += _promises(case, attempts, day)
    latest = attempts[-1] if attempts else None
    if latest is not None and latest.next_due is not None and latest.next_due <= day:
        whom, phone = _whom(case, latest)
        why = f"约定的下一步：{latest.next_action or '再次联系'}"
        out.append(_item(case, "next_action", latest.target, whom, phone, why, latest.next_due,
                         day, latest.party_id, latest.person_id))  # fmt: skip
    if not attempts and debtor is not None and case.status in OPEN[:3]:
        why = "尚未联系：首次联系，并告知个人信息处理事项"
        out.append(_item(case, "first_contact", "debtor", debtor.name, debtor.phone, why,
                         day, day, party_id=debtor.id))  # fmt: skip
    return out


def _promises(case: Case, attempts: list[ContactAttempt], day: date) -> list[WorkItem]:
    out = []
    for row in attempts:
        promised = row.promise_date
        if row.outcome != "promise_to_pay" or promised is None or row.promise_amount is None:
            continue
        if not day - PROMISE_WINDOW <= promised <= day:
            continue
        if any(china_day(a.at) >= promised and a.id != row.id for a in attempts):
            continue  # someone has been in touch since it fell due
        whom, phone = _whom(case, row)
        why = f"承诺 {promised:%m月%d日} 还款 {fmt_grouped(row.promise_amount)} 元：核实是否到账"
        out.append(_item(case, "promise_check", row.target, whom, phone, why, promised, day,
                         row.party_id, row.person_id))  # fmt: skip
    return out


def _item(
    case: Case, kind: str, target: str, name: str, phone: str, why: str, due: date, day: date,
    party_id: int | None = None, person_id: int | None = None,
) -> WorkItem:  # fmt: skip
    from app.services.cases.privacy import mask_value

    whom = f"{TARGETS.get(target, target)}{name}"
    return WorkItem(case.case_no, kind, whom, mask_value("phone", phone), why, due, due < day,
                    party_id=party_id, person_id=person_id)  # fmt: skip


def _whom(case: Case, row: ContactAttempt) -> tuple[str, str]:
    """The name and phone of whom the attempt was with (a party, or a contact person)."""
    from sqlalchemy.orm import object_session

    from app.store.contacts import ContactPerson

    if row.party_id is not None:
        party = next((p for p in case.parties if p.id == row.party_id), None)
        return (party.name, party.phone) if party else ("", "")
    session = object_session(row)
    person = session.get(ContactPerson, row.person_id) if session is not None else None
    return (person.name, person.phone) if person else ("", "")


def _with_limits(item: WorkItem, attempts: list[ContactAttempt], day: date, limit: int) -> WorkItem:
    from dataclasses import replace

    mine = [a for a in attempts if (a.party_id, a.person_id) == (item.party_id, item.person_id)]
    notes = []
    if any(a.outcome == "written_only" for a in mine):
        notes.append("仅书面联系：请寄信或发短信")
    today = sum(1 for a in mine if china_day(a.at) == day)
    if today >= limit:
        notes.append(f"今天已联系 {today} 次（上限 {limit} 次），请明天再联系")
    elif today:
        notes.append(f"今天已联系 {today} 次")
    return replace(item, blocked_text="；".join(notes))


def _attempts_by_case(uow: UnitOfWork, case_ids: list[int]) -> dict[int, list[ContactAttempt]]:
    found: dict[int, list[ContactAttempt]] = defaultdict(list)
    if not case_ids:
        return found
    stmt = (
        select(ContactAttempt)
        .where(ContactAttempt.case_id.in_(case_ids))
        .order_by(ContactAttempt.at, ContactAttempt.id)
    )
    for row in uow.session.scalars(stmt):
        found[row.case_id].append(row)
    return found


def _sessions_soon(uow: UnitOfWork, day: date) -> dict[int, date]:
    """Case id → the day of a session not yet ended that starts today or tomorrow."""
    from app.store.records import MediationSession

    stmt = select(MediationSession).where(MediationSession.ended_at.is_(None))
    out: dict[int, date] = {}
    for row in uow.session.scalars(stmt):
        start = row.started_at.astimezone(CHINA_TZ).date()
        if day <= start <= day + timedelta(days=1):
            out[row.case_id] = start
    return out
