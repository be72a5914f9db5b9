"""The conduct rules of contacting people, as pure functions: each blocks and says why."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone

import pytest

from app.domain.contacts import (
    CHANNELS,
    OUTCOMES,
    TARGETS,
    ConductSettings,
    NewAttempt,
    PastAttempt,
    check_attempt,
    parse_code,
)
from app.domain.errors import DomainError

CST = timezone(timedelta(hours=8))
RULES = ConductSettings()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def attempt(when: str, channel: str = "phone", target: str = "debtor") -> NewAttempt:
    return NewAttempt("p1", target, channel, at(when), "reached")


def past(when: str, outcome: str = "no_answer", person: str = "p1") -> PastAttempt:
    return PastAttempt(person, at(when), "phone", outcome)


@pytest.mark.parametrize(
    ("when", "allowed"),
    [("2026-12-01T08:00", True), ("2026-12-01T20:30", True), ("2026-12-01T20:59", True),
     ("2026-12-01T21:00", False), ("2026-12-01T07:59", False), ("2026-12-01T23:30", False)],
)  # fmt: skip
def test_allowed_hours_are_china_time_start_included_end_not(when: str, allowed: bool) -> None:
    blocks = check_attempt(attempt(when), [], RULES)
    assert [b.rule for b in blocks] == ([] if allowed else ["allowed_hours"])
    if not allowed:
        assert when[-5:] in blocks[0].reason and "08:00–21:00" in blocks[0].reason


def test_the_hour_is_the_debtors_local_time_whatever_zone_the_time_came_in() -> None:
    utc = datetime(2026, 12, 1, 13, 30, tzinfo=UTC)  # 21:30 in China
    blocks = check_attempt(NewAttempt("p1", "debtor", "sms", utc, "reached"), [], RULES)
    assert [b.rule for b in blocks] == ["allowed_hours"]
    assert "21:30（北京时间）" in blocks[0].reason


def test_a_letter_has_no_hour_and_the_hours_are_a_setting() -> None:
    assert check_attempt(attempt("2026-12-01T23:30", "letter"), [], RULES) == []
    late = ConductSettings(start=time(9, 0), end=time(20, 0))
    assert [b.rule for b in check_attempt(attempt("2026-12-01T20:30"), [], late)] == [
        "allowed_hours"
    ]


def test_at_most_three_attempts_a_day_per_person() -> None:
    history = [past("2026-12-01T09:00"), past("2026-12-01T12:00"), past("2026-12-01T15:00")]
    blocks = check_attempt(attempt("2026-12-01T18:00"), history, RULES)
    assert [b.rule for b in blocks] == ["daily_limit"]
    assert "已联系此人 3 次" in blocks[0].reason and "最多 3 次" in blocks[0].reason
    # another day, another person, or a higher limit: allowed
    assert check_attempt(attempt("2026-12-02T09:00"), history, RULES) == []
    others = [past(h.at.isoformat()[:16], person="p2") for h in history]
    assert check_attempt(attempt("2026-12-01T18:00"), others, RULES) == []
    assert check_attempt(attempt("2026-12-01T18:00"), history, ConductSettings(max_per_day=4)) == []


def test_the_day_is_the_china_calendar_day() -> None:
    # 23:30 UTC on 30 November is 07:30 on 1 December in China: the same day as the others
    early = PastAttempt("p1", datetime(2026, 11, 30, 23, 30, tzinfo=UTC), "letter", "no_answer")
    history = [early, past("2026-12-01T09:00"), past("2026-12-01T12:00")]
    assert [b.rule for b in check_attempt(attempt("2026-12-01T18:00"), history, RULES)] == [
        "daily_limit"
    ]


def test_no_more_calls_after_asking_for_written_contact_only() -> None:
    history = [past("2026-11-20T10:00", "written_only")]
    blocks = check_attempt(attempt("2026-12-01T10:00"), history, RULES)
    assert [b.rule for b in blocks] == ["written_only"]
    assert "2026-11-20" in blocks[0].reason and "信函" in blocks[0].reason
    assert [
        b.rule for b in check_attempt(attempt("2026-12-01T10:00", "visit"), history, RULES)
    ] == ["written_only"]
    assert check_attempt(attempt("2026-12-01T10:00", "letter"), history, RULES) == []
    assert check_attempt(attempt("2026-12-01T10:00", "sms"), history, RULES) == []


def test_a_message_to_a_third_party_with_problems_is_blocked_to_a_party_not() -> None:
    problems = ["信息中不能提及债务（出现“欠”）"]
    third = NewAttempt("p9", "emergency_contact", "phone", at("2026-12-01T10:00"), "reached")
    blocks = check_attempt(third, [], RULES, problems)
    assert [b.rule for b in blocks] == ["third_party_message"]
    assert "转告当事人回电" in blocks[0].reason and "欠" in blocks[0].reason
    assert check_attempt(attempt("2026-12-01T10:00"), [], RULES, problems) == []


def test_every_broken_rule_is_named_at_once() -> None:
    history = [past("2026-12-01T09:00", "written_only"), past("2026-12-01T10:00"),
               past("2026-12-01T11:00")]  # fmt: skip
    blocks = check_attempt(attempt("2026-12-01T22:00"), history, RULES)
    assert [b.rule for b in blocks] == ["allowed_hours", "daily_limit", "written_only"]


def test_codes_and_chinese_labels_both_parse() -> None:
    assert parse_code("phone", CHANNELS, "channel", "联系方式") == "phone"
    assert parse_code("电话", CHANNELS, "channel", "联系方式") == "phone"
    assert parse_code("紧急联系人", TARGETS, "to", "联系对象") == "emergency_contact"
    assert parse_code("承诺还款", OUTCOMES, "outcome", "联系结果") == "promise_to_pay"
    assert parse_code("要求仅书面联系", OUTCOMES, "outcome", "联系结果") == "written_only"
    with pytest.raises(DomainError, match="channel：无法识别的联系方式“fax”"):
        parse_code("fax", CHANNELS, "channel", "联系方式")
