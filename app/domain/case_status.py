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


def label(status: str | CaseStatus) -> str:
    """The Chinese label of a status, e.g. `label("in_session") == "调解中"`."""
    return LABELS[CaseStatus(status)]


def parse_status(value: str) -> CaseStatus:
    try:
        return CaseStatus(value)
    except ValueError:
        known = "、".join(s.value for s in CaseStatus)
        raise DomainError(f"案件状态“{value}”无法识别。可用的状态：{known}") from None


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
