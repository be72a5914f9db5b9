"""The life of a case as a state machine, with transitions a mediator can follow."""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import DomainError


class CaseStatus(StrEnum):
    INTAKE = "intake"
    CONTACTING = "contacting"
    SCHEDULED = "scheduled"
    IN_SESSION = "in_session"
    AGREED = "agreed"
    SIGNED = "signed"
    CONFIRMATION_APPLIED = "confirmation_applied"
    CONFIRMED = "confirmed"
    PERFORMING = "performing"
    FULFILLED = "fulfilled"
    DEFAULTED = "defaulted"
    TERMINATED = "terminated"
    LITIGATION = "litigation"


LABELS: dict[CaseStatus, str] = {
    CaseStatus.INTAKE: "待受理",
    CaseStatus.CONTACTING: "联系中",
    CaseStatus.SCHEDULED: "已排期",
    CaseStatus.IN_SESSION: "调解中",
    CaseStatus.AGREED: "已达成协议",
    CaseStatus.SIGNED: "已签署",
    CaseStatus.CONFIRMATION_APPLIED: "已申请司法确认",
    CaseStatus.CONFIRMED: "已司法确认",
    CaseStatus.PERFORMING: "履行中",
    CaseStatus.FULFILLED: "已履行完毕",
    CaseStatus.DEFAULTED: "已违约",
    CaseStatus.TERMINATED: "调解终结",
    CaseStatus.LITIGATION: "已转诉讼",
}

LABELS_EN: dict[CaseStatus, str] = {
    CaseStatus.INTAKE: "Intake",
    CaseStatus.CONTACTING: "Contacting",
    CaseStatus.SCHEDULED: "Scheduled",
    CaseStatus.IN_SESSION: "In session",
    CaseStatus.AGREED: "Agreed",
    CaseStatus.SIGNED: "Signed",
    CaseStatus.CONFIRMATION_APPLIED: "Confirmation applied",
    CaseStatus.CONFIRMED: "Confirmed",
    CaseStatus.PERFORMING: "Performing",
    CaseStatus.FULFILLED: "Fulfilled",
    CaseStatus.DEFAULTED: "Defaulted",
    CaseStatus.TERMINATED: "Terminated (mediation failed)",
    CaseStatus.LITIGATION: "Referred to litigation",
}

S = CaseStatus
_EXITS = (S.TERMINATED, S.LITIGATION)

TRANSITIONS: dict[CaseStatus, tuple[CaseStatus, ...]] = {
    S.INTAKE: (S.CONTACTING, S.SCHEDULED, *_EXITS),
    S.CONTACTING: (S.SCHEDULED, *_EXITS),
    S.SCHEDULED: (S.IN_SESSION, S.CONTACTING, *_EXITS),
    S.IN_SESSION: (S.AGREED, S.SCHEDULED, *_EXITS),
    S.AGREED: (S.SIGNED, S.IN_SESSION, *_EXITS),
    S.SIGNED: (S.CONFIRMATION_APPLIED, S.PERFORMING, S.DEFAULTED, S.FULFILLED),
    S.CONFIRMATION_APPLIED: (S.CONFIRMED, S.PERFORMING, S.DEFAULTED),
    S.CONFIRMED: (S.PERFORMING, S.DEFAULTED, S.FULFILLED),
    S.PERFORMING: (S.FULFILLED, S.DEFAULTED),
    S.DEFAULTED: (S.LITIGATION, S.PERFORMING),
    S.FULFILLED: (),
    S.TERMINATED: (S.LITIGATION,),
    S.LITIGATION: (),
}

FINAL: frozenset[CaseStatus] = frozenset(s for s, targets in TRANSITIONS.items() if not targets)

BY_SESSION: frozenset[CaseStatus] = frozenset({S.IN_SESSION, S.AGREED, S.SIGNED})
"""Statuses a session reaches (starting, agreeing, everyone signing), never set by hand."""

NEEDS: dict[CaseStatus, tuple[str, ...]] = {
    S.CONTACTING: (),
    S.SCHEDULED: ("date",),
    S.CONFIRMATION_APPLIED: ("date",),
    S.CONFIRMED: ("date", "ruling_no"),
    S.PERFORMING: (),
    S.FULFILLED: ("date",),
    S.DEFAULTED: ("date", "reason"),
    S.TERMINATED: ("reason",),
    S.LITIGATION: ("date",),
}
"""What a status set by hand asks for: the day it happened, the court's ruling, a reason."""

NEED_LABELS: dict[CaseStatus, dict[str, str]] = {
    S.SCHEDULED: {"date": "调解日期"},
    S.CONFIRMATION_APPLIED: {"date": "申请司法确认日期"},
    S.CONFIRMED: {"date": "裁定日期", "ruling_no": "法院民事裁定书文号"},
    S.FULFILLED: {"date": "履行完毕日期"},
    S.DEFAULTED: {"date": "违约日期", "reason": "违约情况"},
    S.TERMINATED: {"reason": "调解终结的原因"},
    S.LITIGATION: {"date": "起诉日期"},
}


def manual_targets(current: str | CaseStatus) -> tuple[CaseStatus, ...]:
    """The moves a mediator may make by hand from `current` (not those a session makes)."""
    return tuple(s for s in TRANSITIONS[CaseStatus(current)] if s not in BY_SESSION)


def need_label(target: CaseStatus, need: str) -> str:
    """What a need of `target` is called: `need_label(CONFIRMED, "ruling_no")` → 裁定书文号."""
    default = {"date": "日期", "ruling_no": "裁定书文号", "reason": "原因"}[need]
    return NEED_LABELS.get(target, {}).get(need, default)


def label(status: str | CaseStatus) -> str:
    """The Chinese label of a status, e.g. `label("in_session") == "调解中"`."""
    return LABELS[CaseStatus(status)]


def parse_status(value: str) -> CaseStatus:
    """A status from its code (`confirmed`) or its Chinese label (`已司法确认`)."""
    text = value.strip()
    for status, word in LABELS.items():
        if text in (status.value, word):
            return status
    known = "、".join(f"{s.value}（{LABELS[s]}）" for s in CaseStatus)
    raise DomainError(f"案件状态“{value}”无法识别。可用的状态：{known}")


def allowed_targets(current: str | CaseStatus) -> tuple[CaseStatus, ...]:
    return TRANSITIONS[CaseStatus(current)]


def transition(current: str | CaseStatus, target: str | CaseStatus) -> CaseStatus:
    """The new status, or a `DomainError` that says why the move is not allowed and what is."""
    now, then = parse_status(str(current)), parse_status(str(target))
    if then in TRANSITIONS[now]:
        return then
    if now in FINAL:
        raise DomainError(f"案件已“{label(now)}”，不能再改为“{label(then)}”。")
    options = "、".join(f"“{label(s)}”" for s in TRANSITIONS[now])
    raise DomainError(
        f"案件当前为“{label(now)}”，不能直接改为“{label(then)}”。下一步可以是：{options}。"
    )
