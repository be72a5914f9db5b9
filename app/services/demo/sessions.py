"""The demo's mediation sessions: who came, what each side said, and what came of it.

A demo case that reached 已排期 has a session planned in the mediation room; one in
调解中 a session under way (attendees checked in, statements taken); one that reached
已达成 or 调解终结 a session that ended so, an hour and fifty minutes after it began. An
agreed case also has the recalculation at its claim date and a settlement saved during the
session (charges waived, 12 monthly instalments), so every document can be rendered for
the demo. No random draws here: the demo's people and loans stay what they were.
"""

from __future__ import annotations

import dataclasses
import zlib
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from app.domain.money import fmt_grouped
from app.domain.session_record import statement_keys
from app.services.clock import CHINA_TZ, china_time
from app.services.demo.people import resident_id_check

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case, Party
    from app.store.records import MediationSession

SESSION_LENGTH = timedelta(hours=1, minutes=50)
AGENTS = ("孙立新", "周晓雯", "吴海峰", "郑丽娟", "冯志强", "陈雅琴")
AUTHORISATION = "授权委托书（特别授权：代为调解、和解、签署调解协议）及工作证"
NOT_AGREED_REASON = (
    "债务人表示目前每月最多只能偿还 500 元，债权人要求在 6 个月内还清，双方对还款期限和"
    "每期金额分歧较大，经调解员多次释明、协商，仍未能达成协议，本次调解终结。"
)
COURTS = ("滨江市滨江区人民法院", "滨江市西湖区人民法院")


def court_for(debtor_id_number: str) -> str:
    """The court that entrusted a demo case (the debtor's ID picks one of two, no rng)."""
    return COURTS[zlib.crc32(debtor_id_number.encode("ascii")) % len(COURTS)]


def org_address(name: str) -> str:
    """A fixed plausible head-office address for an organisation lender (no rng draw)."""
    streets = ("金融街", "世纪大道", "人民路", "建设路", "中山路")
    n = zlib.crc32(name.encode("utf-8"))
    return f"滨江市滨江区{streets[n % len(streets)]}{n % 200 + 1}号"


def plan_session(ctx: AppContext, case_no: str, scheduled_at: datetime, actor: str) -> None:
    """A session planned five days after the case was scheduled, at 14:30."""
    day = china_time(scheduled_at).date() + timedelta(days=5)
    starts = datetime.combine(day, time(14, 30), CHINA_TZ)
    _add_session(ctx, case_no, starts, actor, outcome=None)


def open_session(ctx: AppContext, case_no: str, started_at: datetime, actor: str) -> None:
    """A session under way: attendees checked in, each side's statements taken."""
    _add_session(ctx, case_no, started_at, actor, outcome="")


def hold_session(
    ctx: AppContext, case_no: str, decided_at: datetime, actor: str, *, agreed: bool
) -> None:
    """A session that ended, agreed or not, just before `decided_at`."""
    starts = decided_at - SESSION_LENGTH - timedelta(minutes=10)
    if agreed:
        _settle(dataclasses.replace(ctx, actor=actor), case_no, starts)
    _add_session(ctx, case_no, starts, actor, outcome="agreed" if agreed else "not_agreed")


def _add_session(
    ctx: AppContext, case_no: str, starts: datetime, actor: str, outcome: str | None
) -> None:
    from app.store.records import MediationSession

    ended = starts + SESSION_LENGTH if outcome in ("agreed", "not_agreed") else None
    with ctx.store.write(actor, ended or starts) as uow:
        case = uow.cases.require(case_no)
        place = _place(uow.organisation.profile(), case)
        row = MediationSession(case_id=case.id, started_at=starts, place=place)
        if outcome is not None:
            _fill(row, case, outcome, ended)
        uow.session.add(row)
        uow.session.flush()
        detail = {"session_id": row.id, "started_at": starts, "outcome": outcome or ""}
        uow.record("session.recorded", case=case, detail=detail)


def _place(org: Any, case: Case) -> str:
    room = "第一调解室" if case.id % 2 else "第二调解室"
    return f"{org.address}{room}" if org is not None else room


def _fill(row: MediationSession, case: Case, outcome: str, ended: datetime | None) -> None:
    row.attendees = [_attendee(p, case.case_no) for p in case.parties]
    row.statements = _statements(case, outcome)
    row.outcome = outcome
    row.ended_at = ended
    row.notes = NOT_AGREED_REASON if outcome == "not_agreed" else ""


def _attendee(party: Party, case_no: str) -> dict[str, Any]:
    if party.kind == "organisation":
        n = zlib.crc32(f"{case_no}{party.name}".encode())
        agent = AGENTS[n % len(AGENTS)]
        return _person(agent, "creditor_agent", _agent_id(n), party.id, AUTHORISATION)
    return _person(party.name, party.role, party.id_number, party.id)


def _agent_id(n: int) -> str:
    """A valid resident ID number for a creditor's agent (born 1980–1994 in 滨江)."""
    body = f"330108{1980 + n % 15}{n % 12 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}"
    return body + resident_id_check(body)


def _person(
    name: str, capacity: str, id_number: str, party_id: int, authorisation: str = ""
) -> dict[str, Any]:
    return {
        "name": name,
        "capacity": capacity,
        "id_type": "resident_id" if id_number else "other",
        "id_number": id_number,
        "identity_checked": True,
        "authorisation": authorisation,
        "party_id": party_id,
    }


def _statements(case: Case, outcome: str) -> list[dict[str, str]]:
    loan, claim = case.loan, case.claim
    principal = fmt_grouped(loan.principal) if loan else "—"
    total = fmt_grouped(claim.total) if claim else "—"
    said = {
        ("creditor", "claim"): f"请求债务人偿还借款本金 {principal} 元及利息、罚息、费用，"
        f"截至计算日合计 {total} 元。",
        ("creditor", "facts"): "债权人已按合同放款，债务人自逾期后未再按期还款，经多次催收未果。",
        ("debtor", "facts"): "对借款事实和已还款金额无异议，但认为罚息、复利和各项费用过高。",
        ("debtor", "ability"): "近两年收入下降，无力一次性还清，每月可支配收入有限。",
    }
    if outcome == "agreed":
        said[("creditor", "concessions")] = (
            "在债务人按期还款的前提下，同意减免罚息、复利和费用，接受分期偿还。"
        )
        said[("debtor", "proposal")] = "同意按依法核算的金额分 12 期偿还，每月按时还款。"
    elif outcome == "not_agreed":
        said[("creditor", "concessions")] = "可以减免部分罚息，但要求在 6 个月内还清。"
        said[("debtor", "proposal")] = "每月最多只能偿还 500 元，无法接受 6 个月内还清。"
    order = statement_keys()
    ordered = sorted(said.items(), key=lambda item: order.index(".".join(item[0])))
    return [{"side": s, "prompt": p, "text": t} for (s, p), t in ordered]


def _settle(ctx: AppContext, case_no: str, starts: datetime) -> None:
    """Recalculate at the claim date and save the settlement, during the session."""
    from app.services.recalc.service import recalculate
    from app.services.settlement.service import save_settlement

    with ctx.read() as uow:
        as_of = uow.cases.require(case_no).claims[0].as_of
    snap = recalculate(_at(ctx, starts + timedelta(minutes=30)), case_no, as_of)
    first = _fifteenth_of_next_month(china_time(starts).date())
    plan = {"frequency": "monthly", "first_due": first.isoformat(), "count": 12, "round_to": "1"}
    levers = {"waive_penalty": "100", "waive_compound": "100", "waive_fees": "100"}
    terms = {"acceleration_days": 15, "waiver_revives_on_default": True}
    saved_at = starts + timedelta(minutes=80)
    save_settlement(_at(ctx, saved_at), case_no, levers, plan, terms, snapshot_id=snap.id)


def _at(ctx: AppContext, moment: datetime) -> AppContext:
    """The same store and actor, with the clock stopped at `moment`."""
    return dataclasses.replace(ctx, clock=lambda: moment)


def _fifteenth_of_next_month(day: date) -> date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, 15)
