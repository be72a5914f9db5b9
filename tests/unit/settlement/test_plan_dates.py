"""Due dates of plans: month ends, leap years, year ends, and the down payment day."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.errors import InputError
from app.domain.plan import DownPayment, Frequency, add_months, equal_installments, lump_sum

D = Decimal


def dues(first: date, count: int, frequency: Frequency = Frequency.MONTHLY) -> list[date]:
    plan = equal_installments(D("1200.00"), first, count, frequency)
    return [row.due for row in plan.installments]


def test_31_january_in_a_leap_year_goes_to_29_february_then_back_to_31_march() -> None:
    assert dues(date(2024, 1, 31), 4) == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
    ]


def test_31_january_in_a_common_year_goes_to_28_february_then_back_to_31_march() -> None:
    assert dues(date(2025, 1, 31), 4) == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
    ]


def test_29_february_start_keeps_the_29th_and_uses_28_february_a_year_later() -> None:
    got = dues(date(2024, 2, 29), 13)
    assert got[:3] == [date(2024, 2, 29), date(2024, 3, 29), date(2024, 4, 29)]
    assert got[11] == date(2025, 1, 29)
    assert got[12] == date(2025, 2, 28)


def test_30th_start_uses_28_february_then_the_30th_again() -> None:
    assert dues(date(2025, 1, 30), 3) == [date(2025, 1, 30), date(2025, 2, 28), date(2025, 3, 30)]


def test_31_december_start_crosses_the_year_on_month_ends() -> None:
    assert dues(date(2025, 12, 31), 3) == [date(2025, 12, 31), date(2026, 1, 31), date(2026, 2, 28)]


def test_weekly_and_biweekly_across_the_year_end() -> None:
    start = date(2025, 12, 24)
    assert dues(start, 3, Frequency.WEEKLY) == [start, date(2025, 12, 31), date(2026, 1, 7)]
    assert dues(start, 3, Frequency.BIWEEKLY) == [start, date(2026, 1, 7), date(2026, 1, 21)]


def test_add_months_is_counted_from_the_start_not_chained() -> None:
    start = date(2024, 1, 31)
    assert add_months(start, 2) == date(2024, 3, 31)
    assert add_months(add_months(start, 1), 1) == date(2024, 3, 29)  # what chaining would give
    assert add_months(start, 25) == date(2026, 2, 28)
    assert add_months(start, 0) == start


def test_down_payment_on_the_first_due_date_is_refused_with_the_fix() -> None:
    with pytest.raises(InputError) as caught:
        equal_installments(
            D("12000.00"),
            date(2026, 12, 15),
            12,
            Frequency.MONTHLY,
            down_payment=DownPayment(D("2000.00"), date(2026, 12, 15)),
        )
    [problem] = caught.value.problems
    assert problem.path == "down_payment.due"
    assert "须早于首期还款日 2026-12-15" in problem.reason
    assert "并入首付款金额" in problem.reason


def test_down_payment_after_the_first_due_date_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        lump_sum(
            D("500.00"), date(2026, 1, 1), down_payment=DownPayment(D("100.00"), date(2026, 1, 2))
        )
    assert [p.path for p in caught.value.problems] == ["down_payment.due"]


def test_down_payment_the_day_before_is_row_one() -> None:
    plan = equal_installments(
        D("3000.00"),
        date(2026, 3, 31),
        2,
        Frequency.MONTHLY,
        down_payment=DownPayment(D("1000.00"), date(2026, 3, 30)),
    )
    assert [(r.n, r.due, r.amount, r.down_payment) for r in plan.installments] == [
        (1, date(2026, 3, 30), D("1000.00"), True),
        (2, date(2026, 3, 31), D("1000.00"), False),
        (3, date(2026, 4, 30), D("1000.00"), False),
    ]


def test_dates_beyond_the_calendar_are_refused_not_crashed() -> None:
    with pytest.raises(InputError) as caught:
        equal_installments(D("100.00"), date(9999, 6, 1), 12, Frequency.MONTHLY)
    assert [p.path for p in caught.value.problems] == ["first_due"]
