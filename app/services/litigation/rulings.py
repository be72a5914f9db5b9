"""The court's ruling that confirmed a case's mediation agreement (number, date, court).

    confirm_case(ctx, "TJ-2026-000007", "（2026）浙0108民特123号", date(2026, 5, 20))
    ruling = confirmation_ruling(ctx, "TJ-2026-000007")   # None when none is recorded

`confirm_case` (`app.services.litigation.confirm`) moves a case 已申请司法确认 → 已司法确认
and keeps the ruling in the same transaction; `record_confirmation_ruling` keeps (or
corrects) the ruling of a case that was confirmed earlier. The application for enforcement
cites it. (Kept in `court_ruling`, revision 0010; where the status move by hand stores a
ruling number of its own, this is the one place to read it from.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.domain.case_status import CaseStatus, label
from app.domain.errors import DomainError, InputError, Problem

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.court import CourtRuling
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

KIND = "confirmation"
MAX_RULING_NO = 100


@dataclass(frozen=True)
class RulingInfo:
    case_no: str
    ruling_no: str
    ruled_on: date
    court: str
    recorded_by: str
    recorded_at: datetime


def record_confirmation_ruling(
    ctx: AppContext, case_no: str, ruling_no: str, ruled_on: date, court: str = ""
) -> RulingInfo:
    """Keep (or correct) the ruling of a case that has been judicially confirmed."""
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        if not was_confirmed(uow, case):
            raise DomainError(
                f"案件 {case_no} 未经司法确认（当前状态：{label(case.status)}）："
                "法院裁定确认调解协议有效后，才登记裁定书文号。"
            )
        number, where = checked_ruling(case, ruling_no, ruled_on, court, ctx.today())
        return keep_ruling(uow, case, number, ruled_on, where)


def confirmation_ruling(ctx: AppContext, case_no: str) -> RulingInfo | None:
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        row = ruling_row(uow, case)
        return None if row is None else _info(row, case_no)


def was_confirmed(uow: UnitOfWork, case: Case) -> bool:
    """The case is, or once was, 已司法确认 (its audit log says so)."""
    if case.status == CaseStatus.CONFIRMED.value:
        return True
    return any(
        e.action == "case.status_changed" and e.detail.get("to") == CaseStatus.CONFIRMED.value
        for e in uow.audit.for_case(case.id)
    )


def ruling_row(uow: UnitOfWork, case: Case) -> CourtRuling | None:
    from sqlalchemy import select

    from app.store.court import CourtRuling

    stmt = select(CourtRuling).where(CourtRuling.case_id == case.id, CourtRuling.kind == KIND)
    return uow.session.scalars(stmt).first()


def checked_ruling(
    case: Case, ruling_no: str, ruled_on: date, court: str, today: date
) -> tuple[str, str]:
    problems: list[Problem] = []
    number = " ".join(ruling_no.split())
    where = " ".join(court.split()) or case.court.strip()
    if not number:
        problems.append(Problem("ruling_no", "请填写民事裁定书文号，如（2026）浙0108民特123号。"))
    elif len(number) > MAX_RULING_NO:
        problems.append(Problem("ruling_no", f"裁定书文号最多 {MAX_RULING_NO} 个字。"))
    if ruled_on > today:
        problems.append(Problem("ruled_on", f"裁定日期 {ruled_on.isoformat()} 晚于今天，请检查。"))
    if not where:
        problems.append(Problem("court", "请填写作出裁定的人民法院。"))
    if problems:
        raise InputError(problems)
    return number, where


def keep_ruling(
    uow: UnitOfWork, case: Case, number: str, ruled_on: date, court: str
) -> RulingInfo:
    """Keep (or correct) the case's confirmation ruling inside the caller's unit of work."""
    from app.store.court import CourtRuling

    row = ruling_row(uow, case)
    old = None if row is None else row.ruling_no
    if row is None:
        row = CourtRuling(case_id=case.id, kind=KIND)
        uow.session.add(row)
    row.ruling_no, row.ruled_on, row.court = number, ruled_on, court
    row.recorded_by, row.recorded_at = uow.actor, uow.now
    uow.session.flush()
    detail = {"ruling_no": number, "ruled_on": ruled_on.isoformat(), "court": court}
    if old is not None:
        detail["previous_ruling_no"] = old
    uow.record("court.ruling_recorded", case=case, detail=detail)
    return _info(row, case.case_no)


def _info(row: CourtRuling, case_no: str) -> RulingInfo:
    return RulingInfo(
        case_no, row.ruling_no, row.ruled_on, row.court, row.recorded_by, row.recorded_at
    )
