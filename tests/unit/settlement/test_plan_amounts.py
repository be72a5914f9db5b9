"""Plan amounts to the fen: rounding down, the remainder on the last row, refusals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.errors import InputError
from app.domain.plan import (
    DownPayment,
    Frequency,
    PlanInterest,
    PlanMethod,
    custom_plan,
    describe,
    equal_installments,
    lump_sum,
)

D = Decimal
JAN15 = date(2026, 1, 15)


def amounts(total: str, count: int, unit: str = "1", down: DownPayment | None = None) -> list[str]:
    plan = equal_installments(
        D(total), JAN15, count, Frequency.MONTHLY, down_payment=down, round_to=D(unit)
    )
    assert sum(r.amount for r in plan.installments) == D(total)
    return [str(r.amount) for r in plan.installments]


def problems(error: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.path: p.reason for p in error.value.problems}


def test_issue_example_down_payment_first_then_twelve_rows_sharing_the_rest() -> None:
    got = amounts("12000.00", 12, down=DownPayment(D("2000.00"), date(2026, 1, 1)))
    assert got == ["2000.00"] + ["833.00"] * 11 + ["837.00"]


def test_rounding_down_to_the_yuan_and_the_fen() -> None:
    assert amounts("10000.00", 3) == ["3333.00", "3333.00", "3334.00"]
    assert amounts("10000.00", 3, "0.01") == ["3333.33", "3333.33", "3333.34"]
    assert amounts("100.50", 2) == ["50.00", "50.50"]
    assert amounts("12345.00", 4, "10") == ["3080.00", "3080.00", "3080.00", "3105.00"]
    assert amounts("12345.67", 3, "100") == ["4100.00", "4100.00", "4145.67"]


def test_a_single_instalment_takes_everything_whatever_the_unit() -> None:
    assert amounts("999.99", 1, "100") == ["999.99"]


def test_zero_instalment_after_rounding_is_refused_naming_both_fixes() -> None:
    with pytest.raises(InputError) as caught:
        equal_installments(D("5.00"), JAN15, 12, Frequency.MONTHLY)
    reason = problems(caught)["count"]
    assert "5.00 元分 12 期" in reason and "每期为 0 元" in reason
    assert "round_to 改为 0.01" in reason
    assert amounts("5.00", 12, "0.01") == ["0.41"] * 11 + ["0.49"]


def test_zero_instalment_at_the_fen_only_suggests_fewer_instalments() -> None:
    with pytest.raises(InputError) as caught:
        equal_installments(D("0.05"), JAN15, 12, Frequency.MONTHLY, round_to=D("0.01"))
    reason = problems(caught)["count"]
    assert reason.endswith("请减少期数")


def test_every_problem_is_listed_at_once() -> None:
    with pytest.raises(InputError) as caught:
        equal_installments(
            D("0"),
            JAN15,
            0,
            Frequency.MONTHLY,
            down_payment=DownPayment(D("1.234"), date(2026, 2, 1)),
            round_to=D("3"),
            grace_days=-1,
        )
    assert problems(caught) == {
        "total": "金额须为正数",
        "count": "期数须在 1 到 360 之间",
        "round_to": "取整单位只能是 0.01、0.1、1、10、100 元之一",
        "down_payment.amount": "金额最多两位小数（精确到分）",
        "down_payment.due": problems(caught)["down_payment.due"],
        "grace_days": "宽限天数须在 0 到 365 之间",
    }
    assert "2026-01-15" in problems(caught)["down_payment.due"]


def test_down_payment_must_be_less_than_the_total() -> None:
    with pytest.raises(InputError) as caught:
        lump_sum(D("500.00"), JAN15, down_payment=DownPayment(D("500.00"), date(2026, 1, 1)))
    assert "须少于总额 500.00 元" in problems(caught)["down_payment.amount"]


def test_lump_sum_is_one_row_or_two_with_a_down_payment() -> None:
    plan = lump_sum(D("8000.50"), JAN15)
    assert plan.method is PlanMethod.LUMP_SUM
    assert [(r.due, r.amount) for r in plan.installments] == [(JAN15, D("8000.50"))]
    assert describe(plan) == "合计 8,000.50 元：8,000.50 元于 2026-01-15 一次性付清。"
    two = lump_sum(D("8000.50"), JAN15, down_payment=DownPayment(D("1000.00"), date(2026, 1, 5)))
    assert [r.amount for r in two.installments] == [D("1000.00"), D("7000.50")]
    assert describe(two) == (
        "合计 8,000.50 元：首付 1,000.00 元（2026-01-05），"
        "余款 7,000.50 元于 2026-01-15 一次性付清。"
    )


def test_custom_rows_are_kept_as_written() -> None:
    rows = [(date(2026, 1, 10), D("100.10")), (date(2026, 3, 1), D("899.90"))]
    plan = custom_plan(D("1000.00"), rows, grace_days=3)
    assert [(r.n, r.due, r.amount) for r in plan.installments] == [
        (1, date(2026, 1, 10), D("100.10")),
        (2, date(2026, 3, 1), D("899.90")),
    ]
    assert plan.grace_days == 3
    assert describe(plan) == (
        "合计 1,000.00 元：按约定的 2 期分别支付，首期 2026-01-10，末期 2026-03-01；每期宽限 3 日。"
    )


def test_custom_rows_must_sum_exactly_to_the_total() -> None:
    rows = [(date(2026, 1, 10), D("100.00")), (date(2026, 2, 10), D("899.99"))]
    with pytest.raises(InputError) as caught:
        custom_plan(D("1000.00"), rows)
    assert problems(caught) == {
        "installments": "各期合计 999.99 元，与总额 1,000.00 元不符（差 0.01 元）"
    }


def test_custom_rows_need_positive_fen_amounts_and_strictly_later_dates() -> None:
    rows = [
        (date(2026, 1, 10), D("0.00")),
        (date(2026, 1, 10), D("10.001")),
        (date(2026, 1, 9), D("-5.00")),
    ]
    with pytest.raises(InputError) as caught:
        custom_plan(D("10.00"), rows)
    got = problems(caught)
    assert got["installments[0].amount"] == "金额须为正数"
    assert got["installments[1].amount"] == "金额最多两位小数（精确到分）"
    assert got["installments[1].due"].startswith("须晚于上一期的还款日 2026-01-10")
    assert got["installments[2].due"].startswith("须晚于上一期的还款日 2026-01-10")
    assert "installments" not in got  # the sum is only checked once every amount is valid


def test_custom_plan_needs_a_row() -> None:
    with pytest.raises(InputError) as caught:
        custom_plan(D("10.00"), [])
    assert problems(caught) == {"installments": "至少需要一期"}


def test_describe_equal_with_down_payment_and_remainder() -> None:
    plan = equal_installments(
        D("12000.00"),
        date(2026, 12, 15),
        12,
        Frequency.MONTHLY,
        down_payment=DownPayment(D("2000.00"), date(2026, 12, 1)),
    )
    assert describe(plan) == (
        "合计 12,000.00 元：首付 2,000.00 元（2026-12-01），余款 10,000.00 元分 12 期"
        "（每月一期）偿还，自 2026-12-15 起，每期 833.00 元，末期 837.00 元。"
    )


def test_plan_interest_on_the_unpaid_balance_for_each_span() -> None:
    interest = PlanInterest(D("0.12"), D("0.24"), date(2025, 12, 15))
    plan = equal_installments(D("12000.00"), JAN15, 3, Frequency.MONTHLY, interest=interest)
    assert [(r.principal, r.interest, r.amount) for r in plan.installments] == [
        (D("4000.00"), D("124.00"), D("4124.00")),  # 12000 x 12% x 31/360
        (D("4000.00"), D("82.67"), D("4082.67")),  # 8000 x 12% x 31/360 = 82.666…
        (D("4000.00"), D("37.33"), D("4037.33")),  # 4000 x 12% x 28/360 = 37.333…
    ]
    assert plan.total == D("12000.00")
    assert plan.interest_total == D("244.00")
    assert plan.amount_total == D("12244.00")
    assert plan.warnings == ()
    assert describe(plan).endswith("；另按年利率 12% 计息 244.00 元。")


def test_plan_interest_above_the_cap_is_lowered_to_the_cap_with_a_warning() -> None:
    interest = PlanInterest(D("0.36"), D("0.24"), date(2025, 1, 15), day_basis=365)
    plan = lump_sum(D("10000.00"), JAN15, interest=interest)
    assert interest.rate_applied == D("0.24")
    assert plan.installments[0].interest == D("2400.00")
    assert plan.warnings == ("约定年利率 36% 高于上限 24%，按 24% 计息",)


def test_plan_interest_starts_with_the_down_payment_row() -> None:
    interest = PlanInterest(D("0.072"), D("0.24"), date(2026, 1, 1))
    plan = equal_installments(
        D("3000.00"),
        JAN15,
        1,
        Frequency.MONTHLY,
        down_payment=DownPayment(D("1000.00"), date(2026, 1, 11)),
        interest=interest,
    )
    assert [r.interest for r in plan.installments] == [D("6.00"), D("1.60")]  # 10 d, then 4 d


def test_plan_interest_terms_are_checked() -> None:
    bad = PlanInterest(D("6"), D("0"), date(2026, 2, 1), day_basis=366)
    with pytest.raises(InputError) as caught:
        lump_sum(D("100.00"), JAN15, interest=bad)
    got = problems(caught)
    assert got["interest.annual_rate"].startswith("利率须写成小数形式")
    assert got["interest.cap_rate"] == "利率须为正数"
    assert got["interest.day_basis"] == "计息天数基准只能是 360 或 365"
    assert got["interest.start"] == "起息日不能晚于第一期还款日 2026-01-15"
