"""Contacting a debtor before any session: the words of a contact log and the conduct rules.

Pure functions over plain values (no store): the service asks `check_attempt` before it
writes an attempt, and writes nothing when a rule blocks it.

The rules (each with a code a blocked attempt names, see `RULES`):

- `allowed_hours`: a call, text message, visit or other contact only between the allowed
  hours (default 08:00–21:00, the start included, the end not) in the debtor's local time.
  Mainland China has one time zone (China Standard Time, UTC+8, the zone Asia/Shanghai,
  without summer time since 1991), so local time is always UTC+8. A letter has no hour.
- `daily_limit`: at most N attempts (default 3) a day (a China calendar day) per person,
  whatever the channel, counted across all of that person's cases.
- `written_only`: someone who asked to be contacted in writing only gets no further call,
  visit or other contact; a letter or a text message is still allowed.
- `third_party_message`: a message to an emergency contact or anyone else who is not a
  party may only ask them to pass on a request to call back: it never names the debt, the
  creditor or an amount (`app.domain.contact_messages.third_party_problems`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from app.domain.dates import CHINA_TZ as CHINA_TZ
from app.domain.errors import DomainError

CHANNELS: dict[str, str] = {
    "phone": "电话",
    "sms": "短信",
    "letter": "信函",
    "visit": "上门走访",
    "other": "其他方式",
}
TARGETS: dict[str, str] = {
    "debtor": "债务人",
    "co_debtor": "共同债务人",
    "guarantor": "保证人",
    "emergency_contact": "紧急联系人",
    "other": "其他人",
}
OUTCOMES: dict[str, str] = {
    "reached": "已联系上",
    "no_answer": "无人接听",
    "wrong_number": "号码错误",
    "refused": "拒绝沟通",
    "disputes_debt": "对债务有异议",
    "promise_to_pay": "承诺还款",
    "written_only": "要求仅书面联系",
}
ALIASES: dict[str, str] = {
    "短信息": "sms",
    "信件": "letter",
    "邮寄": "letter",
    "走访": "visit",
    "上门": "visit",
    "其他": "other",
    "联系上": "reached",
    "未接听": "no_answer",
    "空号": "wrong_number",
    "拒绝": "refused",
    "有异议": "disputes_debt",
    "仅书面联系": "written_only",
    "共同借款人": "co_debtor",
    "担保人": "guarantor",
}
PARTY_TARGETS = ("debtor", "co_debtor", "guarantor")
THIRD_PARTIES = ("emergency_contact", "other")
WRITTEN_CHANNELS = ("letter", "sms")
TIMED_CHANNELS = ("phone", "sms", "visit", "other")

RULES: dict[str, str] = {
    "allowed_hours": "联系时段",
    "daily_limit": "每日联系次数",
    "written_only": "仅书面联系",
    "third_party_message": "对第三人的信息",
}
RULES_EN: dict[str, str] = {
    "allowed_hours": "allowed hours",
    "daily_limit": "attempts a day per person",
    "written_only": "written contact only",
    "third_party_message": "message to a third party",
}


def parse_code(value: str, vocabulary: Mapping[str, str], field: str, what: str) -> str:
    """The code of `value`: a code itself or its Chinese label (or a common synonym)."""
    text = value.strip()
    if text in vocabulary:
        return text
    for code, label in vocabulary.items():
        if text == label:
            return code
    alias = ALIASES.get(text, "")
    if alias in vocabulary:
        return alias
    known = "、".join(f"{code}（{label}）" for code, label in vocabulary.items())
    raise DomainError(f"{field}：无法识别的{what}“{value}”。可选：{known}。")


@dataclass(frozen=True)
class ConductSettings:
    """The centre's rules: allowed hours in China time, attempts a day per person."""

    start: time = time(8, 0)
    end: time = time(21, 0)
    max_per_day: int = 3

    def hours_text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class PastAttempt:
    """An attempt already logged: with whom (`person`, a key the service gives a person
    across cases), when (aware), how and what came of it."""

    person: str
    at: datetime
    channel: str
    outcome: str


@dataclass(frozen=True)
class NewAttempt:
    """An attempt about to be logged; `message` what is sent or said to a third party."""

    person: str
    target: str
    channel: str
    at: datetime
    outcome: str
    message: str = ""


@dataclass(frozen=True)
class Blocked:
    """Why an attempt may not be logged: the rule's code and the reason for a mediator."""

    rule: str
    reason: str

    @property
    def label(self) -> str:
        return RULES[self.rule]

    def __str__(self) -> str:
        return f"{self.label}（{self.rule}）：{self.reason}"


class ContactBlocked(DomainError):
    """An attempt a conduct rule forbids; `blocks` names every rule it breaks."""

    def __init__(self, blocks: list[Blocked]) -> None:
        self.blocks = list(blocks)
        super().__init__("此次联系不被允许，未记录。" + "；".join(str(b) for b in blocks))

    @property
    def rules(self) -> list[str]:
        return [b.rule for b in self.blocks]


def china_time(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("contact times must be timezone-aware")
    return moment.astimezone(CHINA_TZ)


def china_day(moment: datetime) -> date:
    return china_time(moment).date()


def within_hours(moment: datetime, settings: ConductSettings) -> bool:
    local = china_time(moment).time()
    return settings.start <= local < settings.end


def check_attempt(
    attempt: NewAttempt,
    history: Iterable[PastAttempt],
    settings: ConductSettings,
    message_problems: list[str] | None = None,
) -> list[Blocked]:
    """Every rule `attempt` breaks, given the person's earlier attempts (`history`) and the
    problems found in its message to a third party (`message_problems`)."""
    blocks: list[Blocked] = []
    mine = [h for h in history if h.person == attempt.person]
    if attempt.channel in TIMED_CHANNELS and not within_hours(attempt.at, settings):
        local = china_time(attempt.at)
        blocks.append(
            Blocked(
                "allowed_hours",
                f"{local:%H:%M}（北京时间）不在允许的联系时段 {settings.hours_text()} 内；"
                "请在该时段内联系，或改用信函。",
            )
        )
    day = china_day(attempt.at)
    same_day = [h for h in mine if china_day(h.at) == day]
    if len(same_day) >= settings.max_per_day:
        blocks.append(
            Blocked(
                "daily_limit",
                f"{day:%Y-%m-%d} 已联系此人 {len(same_day)} 次，"
                f"每人每天最多 {settings.max_per_day} 次；请改日再联系。",
            )
        )
    asked = [h for h in mine if h.outcome == "written_only" and h.at <= attempt.at]
    if asked and attempt.channel not in WRITTEN_CHANNELS:
        first = min(asked, key=lambda h: h.at)
        blocks.append(
            Blocked(
                "written_only",
                f"此人已于 {china_time(first.at):%Y-%m-%d} 要求仅以书面方式联系，"
                f"不能再{CHANNELS.get(attempt.channel, attempt.channel)}联系；请改用信函或短信。",
            )
        )
    if attempt.target in THIRD_PARTIES and message_problems:
        blocks.append(
            Blocked(
                "third_party_message",
                "对紧急联系人或其他第三人只能请其转告当事人回电，"
                + "；".join(message_problems)
                + "。",
            )
        )
    return blocks


def check_promise(
    outcome: str, amount: Decimal | None, due: date | None, day: date
) -> list[tuple[str, str]]:
    """Problems of a promise to pay (field, reason): amount and date with it, never without."""
    out: list[tuple[str, str]] = []
    if outcome != "promise_to_pay":
        if amount is not None or due is not None:
            out.append(("promise", "只有结果为“承诺还款”时才填写承诺金额和日期。"))
        return out
    if amount is None or amount <= 0:
        out.append(("promise_amount", "请填写承诺还款的金额（大于 0 的元数，如 2000.00）。"))
    elif amount != amount.quantize(Decimal("0.01")):
        out.append(("promise_amount", "承诺金额最多两位小数（分）。"))
    if due is None:
        out.append(("promise_date", "请填写承诺还款的日期（如 2026-12-15）。"))
    elif due < day:
        out.append(("promise_date", f"承诺还款日期 {due:%Y-%m-%d} 早于联系当天 {day:%Y-%m-%d}。"))
    return out
