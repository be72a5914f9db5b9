"""Changing a case's status by hand, asking for what each status needs.

    status_options(ctx, "TJ-2026-000007")   # the moves allowed now, each with what it asks
    set_status(ctx, "TJ-2026-000007", "已司法确认", on="2026-08-01",
               ruling_no="（2026）浙0108民特123号")
    status_history(ctx, "TJ-2026-000007")   # every change made by hand, newest last

The state machine (`app.domain.case_status`) decides which moves exist; statuses a session
reaches (调解中, 已达成协议, 已签署) are left to the session. Each change is stored with its
date, ruling number and reason (table `status_change`) and audited (`case.status_changed`).
A move the state machine refuses is a `DomainError` naming the moves allowed now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.domain.case_status import (
    NEEDS,
    CaseStatus,
    label,
    manual_targets,
    need_label,
    parse_status,
)
from app.domain.errors import DomainError, InputError, Problem

if TYPE_CHECKING:
    from app.services.cases.service import CaseSummary
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

MAX_RULING = 100
MAX_REASON = 500


@dataclass(frozen=True)
class StatusOption:
    """A status the case may move to now, and what it asks for: (need, label) pairs where
    need is `date`, `ruling_no` or `reason`."""

    status: str
    label: str
    needs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StatusChangeInfo:
    at: datetime
    actor: str
    from_status: str
    to_status: str
    on_date: date | None
    ruling_no: str
    reason: str

    @property
    def to_label(self) -> str:
        return label(self.to_status)


def options_for(current: str) -> list[StatusOption]:
    return [
        StatusOption(s.value, label(s), tuple((n, need_label(s, n)) for n in NEEDS.get(s, ())))
        for s in manual_targets(current)
    ]


def status_options(ctx: AppContext, case_no: str) -> list[StatusOption]:
    """The statuses the case may be moved to by hand now (empty for a final status)."""
    with ctx.read() as uow:
        return options_for(uow.cases.require(case_no).status)


def _refuse_move(case_no: str, now: str, target: CaseStatus) -> DomainError:
    allowed = "、".join(f"“{o.label}”（{o.status}）" for o in options_for(now))
    head = f"案件 {case_no} 当前为“{label(now)}”，不能改为“{label(target)}”。"
    if not allowed:
        return DomainError(head + "这一状态之后不能再改。")
    return DomainError(head + f"现在可以改为：{allowed}。")


def _checked(
    target: CaseStatus, on: date | str | None, ruling_no: str, reason: str, today: date
) -> tuple[date | None, str, str]:
    """The date, ruling number and reason, checked against what `target` asks."""
    from app.domain.dates import parse_date

    needs = NEEDS.get(target, ())
    problems: list[Problem] = []
    day = on if isinstance(on, date) else parse_date(on) if on and on.strip() else None
    if isinstance(on, str) and on.strip() and day is None:
        problems.append(Problem("date", f"“{on}”不是有效日期，请写成 2026-08-01 这样的格式。"))
    elif day is None and "date" in needs:
        problems.append(Problem("date", f"请填写{need_label(target, 'date')}。"))
    elif day is not None and day > today:
        problems.append(Problem("date", f"{need_label(target, 'date')}（{day}）晚于今天，请检查。"))
    ruling, why = " ".join(ruling_no.split()), " ".join(reason.split())
    if "ruling_no" in needs and not ruling:
        what = need_label(target, "ruling_no")
        problems.append(Problem("ruling_no", f"请填写{what}，如（2026）浙0108民特123号。"))
    if len(ruling) > MAX_RULING:
        problems.append(Problem("ruling_no", f"裁定书文号最多 {MAX_RULING} 个字。"))
    if "reason" in needs and not why:
        problems.append(Problem("reason", f"请填写{need_label(target, 'reason')}。"))
    if len(why) > MAX_REASON:
        problems.append(Problem("reason", f"原因最多 {MAX_REASON} 个字。"))
    if problems:
        raise InputError(problems)
    return day, ruling, why


def set_status(
    ctx: AppContext,
    case_no: str,
    target: str | CaseStatus,
    *,
    on: date | str | None = None,
    ruling_no: str = "",
    reason: str = "",
    court: str = "",
) -> CaseSummary:
    """Move the case to `target` (its code or Chinese label) with what it asks for; stored
    and audited. DomainError for a move not allowed now (naming those that are), InputError
    (paths `date`, `ruling_no`, `reason`) for what is missing."""
    from app.services.cases.service import summary_of
    from app.store.models import StatusChange

    wanted = parse_status(str(target))
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        before = case.status
        if wanted not in manual_targets(before):
            raise _refuse_move(case.case_no, before, wanted)
        day, ruling, why = _checked(wanted, on, ruling_no, reason, ctx.today())
        case.status = wanted.value
        row = StatusChange(
            case_id=case.id, at=uow.now, actor=uow.actor, from_status=before,
            to_status=wanted.value, on_date=day, ruling_no=ruling, reason=why,
        )  # fmt: skip
        uow.session.add(row)
        detail = {"from": before, "to": wanted.value, "on": day.isoformat() if day else None,
                  "ruling_no": ruling, "reason": why}  # fmt: skip
        uow.record("case.status_changed", case=case, detail=detail)
        if wanted is CaseStatus.CONFIRMED:  # the enforcement application cites this ruling
            _keep_confirmation(uow, case, ruling, day or ctx.today(), court)
        return summary_of(case)


def status_history(ctx: AppContext, case_no: str) -> list[StatusChangeInfo]:
    from sqlalchemy import select

    from app.store.models import StatusChange

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        stmt = select(StatusChange).where(StatusChange.case_id == case.id)
        rows = uow.session.scalars(stmt.order_by(StatusChange.id))
        return [
            StatusChangeInfo(r.at, r.actor, r.from_status, r.to_status, r.on_date, r.ruling_no,
                             r.reason)
            for r in rows
        ]  # fmt: skip


def _keep_confirmation(
    uow: UnitOfWork, case: Case, ruling: str, ruled_on: date, court: str
) -> None:
    """The confirmation ruling kept where the court papers read it (`litigation.rulings`)."""
    from app.services.litigation.rulings import keep_ruling

    keep_ruling(uow, case, ruling, ruled_on, " ".join(court.split()) or case.court.strip())
