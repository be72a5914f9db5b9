"""The words of a mediation session: the wizard's steps, attendees' capacities, the
structured prompts for each side's statements, and the outcomes a session can have.

The session service stores the codes; the wizard, the session record (调解笔录) and the
audit log show these Chinese labels.
"""

from __future__ import annotations

STEPS: tuple[tuple[str, str], ...] = (
    ("checkin", "签到"),
    ("parties", "当事人"),
    ("debt", "债权债务"),
    ("recalc", "重新计算"),
    ("settlement", "调解方案"),
    ("record", "调解笔录"),
    ("documents", "文书"),
    ("signatures", "签名"),
    ("finish", "完成"),
)
STEP_KEYS: tuple[str, ...] = tuple(key for key, _ in STEPS)
LAST_STEP = len(STEPS) - 1

CAPACITIES: dict[str, str] = {
    "debtor": "债务人",
    "co_debtor": "共同债务人",
    "guarantor": "保证人",
    "creditor": "债权人",
    "creditor_agent": "债权人委托代理人",
    "other": "其他人员",
}
DEBTOR_SIDE = ("debtor", "co_debtor", "guarantor")
CREDITOR_SIDE = ("creditor", "creditor_agent")
NEEDS_AUTHORISATION = ("creditor_agent",)

ATTENDEE_ID_TYPES: dict[str, str] = {
    "resident_id": "居民身份证",
    "passport": "护照",
    "other": "其他证件",
}

OUTCOMES: dict[str, str] = {
    "agreed": "达成协议",
    "not_agreed": "未达成协议",
    "adjourned": "改期继续调解",
}

SIDES: dict[str, str] = {"creditor": "债权人一方", "debtor": "债务人一方"}

STATEMENT_PROMPTS: dict[str, tuple[tuple[str, str], ...]] = {
    "creditor": (
        ("claim", "请求事项及理由"),
        ("facts", "对借款事实与还款情况的陈述"),
        ("concessions", "可以接受的减免与还款安排"),
    ),
    "debtor": (
        ("facts", "对借款事实和欠款金额的意见"),
        ("ability", "还款能力与实际困难"),
        ("proposal", "还款意向与方案"),
    ),
}


def statement_keys() -> list[str]:
    """Every statement's key, `side.prompt` (e.g. "debtor.ability"), in prompt order."""
    return [f"{side}.{key}" for side, prompts in STATEMENT_PROMPTS.items() for key, _ in prompts]


def step_index(key: str) -> int:
    """The position (0-based) of a step key; ValueError for an unknown key."""
    return STEP_KEYS.index(key)
