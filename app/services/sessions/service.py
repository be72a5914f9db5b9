"""Mediation sessions: start or resume one, autosave it field by field, finish it.

    state = start_or_resume(ctx, "TJ-2026-000007")           # case → 调解中, audited
    state = save_field(ctx, state.session_id, "place", "村委会调解室")
    set_step(ctx, "TJ-2026-000007", 2)
    finish(ctx, "TJ-2026-000007", "agreed")                   # → 已达成协议 → 已签署

Every call is one unit of work. `save_field` is the wizard's autosave: ONE small write
transaction per field edit, with an audit event naming the session and the field path
(never the value: the audit log holds no debtor data beyond what the case already has).
Field paths are those of `session_fields` (the session's own fields), `session_debt`
(`loan.*`, `claim.*`, `payments[<id>].*`) and `parties[<id>].*` (through `party_edit`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.domain.case_status import CaseStatus, transition
from app.domain.errors import DomainError, InputError, Problem
from app.domain.session_record import LAST_STEP, OUTCOMES, STEPS
from app.services.sessions.checks import missing_for_finish, missing_for_step
from app.services.sessions.state import (
    Attendee,
    PaymentRow,
    SessionState,
    SettlementSummary,
    SnapshotSummary,
    open_session,
    require_session,
    state_of,
)

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.records import MediationSession
    from app.store.unit_of_work import UnitOfWork

__all__ = [
    "Attendee",
    "FinishResult",
    "PaymentRow",
    "SessionState",
    "SettlementSummary",
    "SnapshotSummary",
    "add_attendee",
    "add_charge",
    "add_payment",
    "finish",
    "get_state",
    "missing_for_finish",
    "missing_for_step",
    "remove_attendee",
    "remove_charge",
    "remove_payment",
    "save_field",
    "set_step",
    "start_or_resume",
]

S = CaseStatus
START_PATHS: dict[str, tuple[CaseStatus, ...]] = {
    S.INTAKE: (S.SCHEDULED, S.IN_SESSION),
    S.CONTACTING: (S.SCHEDULED, S.IN_SESSION),
    S.SCHEDULED: (S.IN_SESSION,),
    S.IN_SESSION: (),
    S.AGREED: (),
}
FINISH_PATHS: dict[str, tuple[CaseStatus, ...]] = {
    "agreed": (S.AGREED, S.SIGNED),
    "not_agreed": (S.TERMINATED,),
    "adjourned": (S.IN_SESSION, S.SCHEDULED),
}


@dataclass(frozen=True)
class FinishResult:
    case_no: str
    session_id: int
    outcome: str
    status: str
    started_at: datetime
    ended_at: datetime


# -- starting and reading -------------------------------------------------------------------


def start_or_resume(ctx: AppContext, case_no: str) -> SessionState:
    """The case's open session (resumed), or one started now (the session planned while
    已排期, with its place, or a new one); moves the case to 调解中 through the state
    machine when it is not there yet."""
    from app.store.records import MediationSession

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        row = open_session(uow, case)
        path = START_PATHS.get(case.status)
        if row is not None and not path:
            uow.record(
                "session.resumed",
                case=case,
                detail={"session_id": row.id, "step": case.wizard_step, "at": uow.now},
            )
            return state_of(uow, case, row, resumed=True)
        if path is None:
            raise DomainError(
                f"案件 {case.case_no} 目前为“{_label(case.status)}”，不能再开始调解。"
            )
        if row is None:
            row = MediationSession(case_id=case.id, attendees=[], statements=[])
            uow.session.add(row)
        row.started_at = uow.now  # a session planned while 已排期 begins now
        uow.session.flush()
        _walk(uow, case, path, row.id)
        uow.record(
            "session.started", case=case, detail={"session_id": row.id, "started_at": uow.now}
        )
        return state_of(uow, case, row)


def get_state(ctx: AppContext, session_id: int) -> SessionState:
    with ctx.read() as uow:
        row, case = require_session(uow, session_id)
        return state_of(uow, case, row)


# -- autosave -------------------------------------------------------------------------------


def save_field(
    ctx: AppContext, session_id: int, field_path: str, value: str | bool
) -> SessionState:
    """Store one field the mediator edited, in one audited transaction; the new state.

    Raises `InputError` (path = `field_path`) when the value cannot be stored, and
    `DomainError` when the session has ended."""
    from app.services.cases.parties import apply_party_change
    from app.services.sessions.debt import apply_debt_change
    from app.services.sessions.fields import apply_session_change

    with ctx.write() as uow:
        row, case = _writable(uow, session_id)
        head = field_path.split(".")[0].split("[")[0]
        if head == "parties":
            party_id, field = _party_target(field_path)
            apply_party_change(case, party_id, field, _as_str(field_path, value), ctx.today())
        elif head in ("loan", "claim", "payments", "charges"):
            apply_debt_change(case, field_path, value, ctx.today())
        elif head == "case":
            _apply_case_change(case, field_path, _as_str(field_path, value))
        else:
            apply_session_change(row, field_path, value, ctx.today())
        uow.record(
            "session.field_saved", case=case, detail={"session_id": session_id, "field": field_path}
        )
        return state_of(uow, case, row)


def set_step(ctx: AppContext, case_no: str, step: int) -> int:
    """Remember the wizard step the case is on (0 = check-in … 8 = finish)."""
    if not 0 <= step <= LAST_STEP:
        raise InputError([Problem("step", f"步骤应在 1–{LAST_STEP + 1} 之间。")])
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        before = case.wizard_step
        if before != step:
            case.wizard_step = step
            uow.record(
                "session.step_changed",
                case=case,
                detail={"from": before, "to": step, "step": STEPS[step][0]},
            )
        return step


# -- rows inside the session: attendees and payments -------------------------------------------


def add_attendee(
    ctx: AppContext, session_id: int, capacity: str = "", party_id: int | None = None
) -> SessionState:
    """Add an attendee: blank, or filled in from a party of the case (name, ID)."""
    from app.services.cases.parties import find_party
    from app.services.sessions.fields import blank_attendee

    with ctx.write() as uow:
        row, case = _writable(uow, session_id)
        person = blank_attendee()
        person["capacity"] = capacity
        if party_id is not None:
            party = find_party(case, party_id)
            person.update(
                name=party.name,
                party_id=party.id,
                id_number=party.id_number,
                id_type=party.id_type if party.id_type != "uscc" else "other",
            )
        row.attendees = [*(row.attendees or []), person]
        uow.record(
            "session.attendee_added",
            case=case,
            detail={"session_id": session_id, "capacity": capacity},
        )
        return state_of(uow, case, row)


def remove_attendee(ctx: AppContext, session_id: int, index: int) -> SessionState:
    from app.services.sessions.fields import check_attendee_index

    with ctx.write() as uow:
        row, case = _writable(uow, session_id)
        check_attendee_index(row, index)
        row.attendees = [a for i, a in enumerate(row.attendees) if i != index]
        uow.record(
            "session.attendee_removed", case=case, detail={"session_id": session_id, "index": index}
        )
        return state_of(uow, case, row)


def add_payment(
    ctx: AppContext, session_id: int, day: str, amount: str, note: str = ""
) -> SessionState:
    """Record a payment the debtor side made (InputError at `payment.date` / `.amount`)."""
    from app.services.sessions.debt import insert_payment

    with ctx.write() as uow:
        row, case = _writable(uow, session_id)
        payment = insert_payment(case, day, amount, note, ctx.today())
        uow.session.flush()
        uow.record(
            "session.payment_added",
            case=case,
            detail={"session_id": session_id, "payment_id": payment.id},
        )
        return state_of(uow, case, row)


def remove_payment(ctx: AppContext, session_id: int, payment_id: int) -> SessionState:
    from app.services.sessions.debt import find_payment

    with ctx.write() as uow:
        row, case = _writable(uow, session_id)
        case.payments.remove(find_payment(case, payment_id))
        uow.record(
            "session.payment_removed",
            case=case,
            detail={"session_id": session_id, "payment_id": payment_id},
        )
        return state_of(uow, case, row)


def add_charge(
    ctx: AppContext, session_id: int, day: str, amount: str, kind: str
) -> SessionState:
    """Record a dated fee or cost the lender charged (InputError at `charge.date` / `.amount`
    / `.kind`); the recalculation uses it."""
    from app.services.cases.charges import check_charge, insert_charge

    with ctx.write() as uow:
        row, case = _writable(uow, session_id)
        charge = insert_charge(case, check_charge("charge", day, amount, kind, ctx.today()))
        uow.session.flush()
        detail = {"session_id": session_id, "charge_id": charge.id, "kind": charge.kind}
        uow.record("session.charge_added", case=case, detail=detail)
        return state_of(uow, case, row)


def remove_charge(ctx: AppContext, session_id: int, charge_id: int) -> SessionState:
    from app.services.cases.charges import find_charge

    with ctx.write() as uow:
        row, case = _writable(uow, session_id)
        case.charges.remove(find_charge(case, charge_id))
        detail = {"session_id": session_id, "charge_id": charge_id}
        uow.record("session.charge_removed", case=case, detail=detail)
        return state_of(uow, case, row)


# -- finishing --------------------------------------------------------------------------------


def finish(ctx: AppContext, case_no: str, outcome: str) -> FinishResult:
    """End the open session with `outcome` and move the case on: agreed → 已签署 (once
    everyone has signed), not agreed → 调解终结, adjourned → 已排期 for the next date.

    Raises `InputError` listing (path = step key) what is still missing."""
    if outcome not in OUTCOMES:
        raise InputError([Problem("outcome", "调解结果只能是：" + "、".join(OUTCOMES.values()))])
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        row = open_session(uow, case)
        if row is None:
            raise DomainError(f"案件 {case_no} 没有进行中的调解，请先开始调解。")
        row.outcome = outcome
        problems = missing_for_finish(state_of(uow, case, row), outcome)
        if problems:
            raise InputError([Problem(key, text) for key, text in problems])
        row.ended_at = uow.now
        _walk(uow, case, FINISH_PATHS[outcome], row.id)
        case.wizard_step = 0
        minutes = int((row.ended_at - row.started_at).total_seconds() // 60)
        uow.record(
            "session.finished",
            case=case,
            detail={
                "session_id": row.id,
                "outcome": outcome,
                "started_at": row.started_at,
                "ended_at": row.ended_at,
                "minutes": minutes,
            },
        )
        return FinishResult(
            case.case_no, row.id, outcome, case.status, row.started_at, row.ended_at
        )


# -- helpers ------------------------------------------------------------------------------------


def _walk(uow: UnitOfWork, case: Case, path: tuple[CaseStatus, ...], session_id: int) -> None:
    """Move the case along `path` (skipping where it already is), one audit event a move."""
    for target in path:
        if case.status == target:
            continue
        before = case.status
        case.status = transition(before, target).value
        uow.record(
            "case.status_changed",
            case=case,
            detail={"from": before, "to": case.status, "session_id": session_id},
        )


def _writable(uow: UnitOfWork, session_id: int) -> tuple[MediationSession, Case]:
    row, case = require_session(uow, session_id)
    if row.ended_at is not None:
        raise DomainError("这次调解已经结束，不能再修改；如需继续，请重新开始调解。")
    return row, case


def _apply_case_change(case: Case, path: str, text: str) -> None:
    """`case.court`, the one field of the case itself the session edits."""
    from app.services.cases.validation import clean_court

    if path != "case.court":
        raise InputError([Problem(path, "无法识别要保存的案件信息。")])
    case.court = clean_court(path, text)


def _party_target(path: str) -> tuple[int, str]:
    import re

    found = re.match(r"^parties\[(\d+)\]\.(\w+)$", path)
    if not found:
        raise InputError([Problem(path, "无法识别要保存的当事人信息。")])
    return int(found[1]), found[2]


def _as_str(path: str, value: str | bool) -> str:
    if isinstance(value, bool):
        raise InputError([Problem(path, "这一项应是文字。")])
    return value


def _label(status: str) -> str:
    from app.domain.case_status import label

    return label(status)
