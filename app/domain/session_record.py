"""The words of a mediation session: the wizard's steps, attendees' capacities, the
structured prompts for each side's statements, and the outcomes a session can have.

The session service stores the codes; the wizard, the session record (调解笔录) and the
audit log show these Chinese labels (marked for Qt's translation tools in the context
"session_wizard", see `app.domain.vocab`).
"""

from __future__ import annotations

from app.domain.vocab import ID_TYPES, QT_TRANSLATE_NOOP

STEPS: tuple[tuple[str, str], ...] = (
    ("checkin", QT_TRANSLATE_NOOP("session_wizard", "签到")),
    ("parties", QT_TRANSLATE_NOOP("session_wizard", "当事人")),
    ("debt", QT_TRANSLATE_NOOP("session_wizard", "债权债务")),
    ("recalc", QT_TRANSLATE_NOOP("session_wizard", "重新计算")),
    ("settlement", QT_TRANSLATE_NOOP("session_wizard", "调解方案")),
    ("record", QT_TRANSLATE_NOOP("session_wizard", "调解笔录")),
    ("documents", QT_TRANSLATE_NOOP("session_wizard", "文书")),
    ("signatures", QT_TRANSLATE_NOOP("session_wizard", "签名")),
    ("finish", QT_TRANSLATE_NOOP("session_wizard", "完成")),
)
STEP_KEYS: tuple[str, ...] = tuple(key for key, _ in STEPS)
LAST_STEP = len(STEPS) - 1

CAPACITIES: dict[str, str] = {
    "debtor": QT_TRANSLATE_NOOP("session_wizard", "债务人"),
    "co_debtor": QT_TRANSLATE_NOOP("session_wizard", "共同债务人"),
    "guarantor": QT_TRANSLATE_NOOP("session_wizard", "保证人"),
    "creditor": QT_TRANSLATE_NOOP("session_wizard", "债权人"),
    "creditor_agent": QT_TRANSLATE_NOOP("session_wizard", "债权人委托代理人"),
    "other": QT_TRANSLATE_NOOP("session_wizard", "其他人员"),
}
DEBTOR_SIDE = ("debtor", "co_debtor", "guarantor")
CREDITOR_SIDE = ("creditor", "creditor_agent")
NEEDS_AUTHORISATION = ("creditor_agent",)

ATTENDEE_ID_TYPES: dict[str, str] = {c: ID_TYPES[c] for c in ("resident_id", "passport", "other")}

OUTCOMES: dict[str, str] = {
    "agreed": QT_TRANSLATE_NOOP("session_wizard", "达成协议"),
    "not_agreed": QT_TRANSLATE_NOOP("session_wizard", "未达成协议"),
    "adjourned": QT_TRANSLATE_NOOP("session_wizard", "改期继续调解"),
}

SIDES: dict[str, str] = {
    "creditor": QT_TRANSLATE_NOOP("session_wizard", "债权人一方"),
    "debtor": QT_TRANSLATE_NOOP("session_wizard", "债务人一方"),
}

STATEMENT_PROMPTS: dict[str, tuple[tuple[str, str], ...]] = {
    "creditor": (
        ("claim", QT_TRANSLATE_NOOP("session_wizard", "请求事项及理由")),
        ("facts", QT_TRANSLATE_NOOP("session_wizard", "对借款事实与还款情况的陈述")),
        ("concessions", QT_TRANSLATE_NOOP("session_wizard", "可以接受的减免与还款安排")),
    ),
    "debtor": (
        ("facts", QT_TRANSLATE_NOOP("session_wizard", "对借款事实和欠款金额的意见")),
        ("ability", QT_TRANSLATE_NOOP("session_wizard", "还款能力与实际困难")),
        ("proposal", QT_TRANSLATE_NOOP("session_wizard", "还款意向与方案")),
    ),
}


def statement_keys() -> list[str]:
    """Every statement's key, `side.prompt` (e.g. "debtor.ability"), in prompt order."""
    return [f"{side}.{key}" for side, prompts in STATEMENT_PROMPTS.items() for key, _ in prompts]


def step_index(key: str) -> int:
    """The position (0-based) of a step key; ValueError for an unknown key."""
    return STEP_KEYS.index(key)
