"""The JSON form of plans: reading every kind, refusing every problem at once, writing back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.domain.errors import InputError
from app.domain.json_fields import NOT_A_NUMERAL
from app.domain.plan import PlanMethod
from app.domain.plan_input import plan_from_dict, plan_to_dict, plan_to_input

D = Decimal
EXAMPLE = {
    "total": "12000.00",
    "first_due": "2026-12-15",
    "count": 12,
    "frequency": "monthly",
    "down_payment": {"amount": "2000.00", "due": "2026-12-01"},
    "round_to": "1",
}


def problems(data: Any) -> dict[str, str]:
    with pytest.raises(InputError) as caught:
        plan_from_dict(data)
    return {p.path: p.reason for p in caught.value.problems}


def test_round_to_defaults_to_the_yuan() -> None:
    plan = plan_from_dict({k: v for k, v in EXAMPLE.items() if k != "round_to"})
    assert plan.round_to == D("1")
    assert plan.installments[-1].amount == D("837.00")


def test_lump_sum_is_count_one_and_refuses_another_count() -> None:
    plan = plan_from_dict({"total": "500", "first_due": "2026-01-31", "frequency": "lump_sum"})
    assert plan.method is PlanMethod.LUMP_SUM
    assert plan_to_dict(plan) == {
        "installments": [{"n": 1, "due": "2026-01-31", "amount": "500.00"}],
        "total": "500.00",
    }
    same = plan_from_dict(
        {"total": "500", "first_due": "2026-01-31", "frequency": "lump_sum", "count": 1}
    )
    assert same == plan
    assert problems(
        {"total": "500", "first_due": "2026-01-31", "frequency": "lump_sum", "count": 2}
    ) == {"count": "一次性付清只有 1 期（可删去 count）"}


def test_custom_plan_refuses_equal_plan_fields_instead_of_ignoring_them() -> None:
    data = {
        "total": "300.00",
        "installments": [
            {"due": "2026-01-01", "amount": "100.00"},
            {"due": "2026-02-01", "amount": "200.00"},
        ],
        "count": 2,
        "round_to": "1",
    }
    assert problems(data) == {
        "count": "自定义计划（installments）不使用此字段，请删去",
        "round_to": "自定义计划（installments）不使用此字段，请删去",
    }
    plan = plan_from_dict({k: v for k, v in data.items() if k in ("total", "installments")})
    assert [(r.due, r.amount) for r in plan.installments] == [
        (date(2026, 1, 1), D("100.00")),
        (date(2026, 2, 1), D("200.00")),
    ]


def test_every_field_problem_is_listed() -> None:
    got = problems(
        {
            "total": 12000.5,
            "first_due": "2026-02-30",
            "count": "twelve",
            "frequency": "daily",
            "down_payment": {"amount": "2000.001", "due": "20261201", "when": "x"},
            "grace_days": 1.5,
            "interest": {"annual_rate": 0.06, "start": "2026-01-01"},
            "extra": True,
        }
    )
    assert got == {
        "extra": "未知字段（请检查拼写）",
        "total": '金额请写成字符串（如 "12000.00"），不要写成带小数的数字',
        "grace_days": "须为整数",
        "frequency": "只能是 weekly、biweekly、monthly 或 lump_sum",
        "first_due": "不存在的日期 2026-02-30",
        "count": "须为整数",
        "down_payment.when": "未知字段（请检查拼写）",
        "down_payment.amount": "金额最多两位小数（精确到分）",
        "down_payment.due": '日期格式应为 "YYYY-MM-DD"（如 "2026-12-15"）',
        "interest.annual_rate": '须为写成字符串的数（如 "0.06"）',
        "interest.cap_rate": "缺少此项",
    }


def test_missing_everything_and_not_an_object() -> None:
    assert problems({}) == {
        "total": "缺少此项",
        "frequency": "缺少此项（weekly、biweekly、monthly 或 lump_sum）",
        "first_due": "缺少此项",
        "count": "缺少此项",
    }
    assert problems([1, 2]) == {"": "须为 JSON 对象（{…}）"}
    assert problems({"total": "1", "installments": "x"}) == {"installments": "须为列表（[{…}, …]）"}


def test_interest_rates_read_as_fractions_or_percent_signs() -> None:
    data = {
        "total": "10000.00",
        "first_due": "2026-01-31",
        "frequency": "lump_sum",
        "interest": {"annual_rate": "6%", "cap_rate": "0.24", "start": "2025-12-31"},
    }
    plan = plan_from_dict(data)
    assert plan.interest is not None and plan.interest.annual_rate == D("0.06")
    assert plan_to_dict(plan) == {
        "installments": [
            {
                "n": 1,
                "due": "2026-01-31",
                "amount": "10051.67",
                "principal": "10000.00",
                "interest": "51.67",
            }
        ],
        "total": "10000.00",
        "interest_total": "51.67",
        "amount_total": "10051.67",
    }
    assert plan_from_dict(plan_to_input(plan)) == plan


def test_huge_and_exotic_amounts_are_refused_calmly() -> None:
    too_much = "金额不能超过 999,999,999,999.99 元（more than 999,999,999,999.99）"
    got = problems({"total": "1e40", "first_due": "2026-01-31", "frequency": "lump_sum"})
    assert got == {"total": NOT_A_NUMERAL}  # an exponent is no way to write a sum of money
    got = problems({"total": 10**40, "first_due": "2026-01-31", "frequency": "lump_sum"})
    assert got == {"total": too_much}
    got = problems({"total": 10**25, "first_due": "2026-01-31", "frequency": "lump_sum"})
    assert got == {"total": too_much}
    got = problems({"total": "1000000000000.00", "first_due": "2026-01-31",
                    "frequency": "lump_sum"})  # fmt: skip
    assert got == {"total": too_much}
    got = problems({"total": "NaN", "first_due": "2026-01-31", "frequency": "lump_sum"})
    assert got == {"total": NOT_A_NUMERAL}


def test_dates_and_rates_are_bounded_and_read_exactly() -> None:
    """Dates of a real plan lie in 1980–2099; a rate has at most 10 decimals, and "6%"
    is moved two places exactly (no 28-digit rounding of a longer percentage)."""
    got = problems({"total": "100.00", "first_due": "9999-12-01", "frequency": "lump_sum"})
    assert got == {"first_due": "日期须在 1980-01-01 至 2099-12-31 之间"}
    base = {"total": "100.00", "first_due": "2026-12-15", "frequency": "lump_sum"}
    for rate in ("0.0600000000000000000000000000001", "6.00000000000000000000000000001%"):
        interest = {"annual_rate": rate, "cap_rate": "0.24", "start": "2026-12-01"}
        got = problems({**base, "interest": interest})
        reason = "利率最多写到小数点后 10 位（more than 10 decimals）"
        assert got == {"interest.annual_rate": reason}
    interest = {"annual_rate": "6%", "cap_rate": "24%", "start": "2026-12-01"}
    plan = plan_from_dict({**base, "interest": interest})
    assert plan.interest is not None and str(plan.interest.annual_rate) == "0.06"
