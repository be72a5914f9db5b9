"""Tracking a signed plan: states per instalment, default at the threshold, what is claimable."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain.errors import InputError
from app.domain.performance import (
    DefaultTerms,
    InstallmentState,
    Payment,
    payments_from_list,
    terms_from_dict,
    track,
)
from app.domain.plan import Frequency, Plan, equal_installments

D = Decimal
JAN15 = date(2026, 1, 15)
PLAN = equal_installments(D("3000.00"), JAN15, 3, Frequency.MONTHLY)  # 1000 on 15 Jan/Feb/Mar
GRACE_PLAN = equal_installments(D("3000.00"), JAN15, 3, Frequency.MONTHLY, grace_days=5)
TERMS = DefaultTerms(acceleration_days=15, waiver_revives_on_default=False)
REVIVE = DefaultTerms(acceleration_days=15, waiver_revives_on_default=True)


def pay(day: date, amount: str) -> Payment:
    return Payment(day, D(amount))


def states(payments: list[Payment], as_of: date, plan: Plan = PLAN) -> list[InstallmentState]:
    result = track(plan, TERMS, payments, as_of, original_debt=None)
    return [row.state for row in result.installments]


def test_nothing_paid_on_the_due_date_is_pending_and_the_first_instalment_is_claimable() -> None:
    result = track(PLAN, TERMS, [], JAN15, original_debt=None)
    assert [r.state for r in result.installments] == [InstallmentState.PENDING] * 3
    assert result.arrears == D("1000.00")
    assert result.claimable == D("1000.00")
    assert not result.defaulted
    assert result.remaining == D("3000.00")


def test_late_up_to_exactly_acceleration_days_is_not_a_default() -> None:
    as_of = JAN15 + timedelta(days=15)
    result = track(PLAN, TERMS, [], as_of, original_debt=None)
    first = result.installments[0]
    assert (first.state, first.days_late) == (InstallmentState.LATE, 15)
    assert first.label_zh == "逾期"
    assert not result.defaulted
    assert result.claimable == D("1000.00")


def test_one_day_more_is_a_default_and_the_rest_falls_due() -> None:
    as_of = JAN15 + timedelta(days=16)
    result = track(PLAN, TERMS, [], as_of, original_debt=None)
    assert result.installments[0].state is InstallmentState.MISSED
    assert result.installments[0].days_late == 16
    assert result.defaulted
    assert result.defaulted_on == date(2026, 1, 31)
    assert result.default_installment == 1
    assert result.claimable == D("3000.00")
    assert result.revived == D("0")


def test_grace_days_push_lateness_and_default_back() -> None:
    assert states([], JAN15 + timedelta(days=5), GRACE_PLAN)[0] is InstallmentState.PENDING
    assert states([], JAN15 + timedelta(days=6), GRACE_PLAN)[0] is InstallmentState.LATE
    at = track(GRACE_PLAN, TERMS, [], JAN15 + timedelta(days=20), original_debt=None)
    assert not at.defaulted
    after = track(GRACE_PLAN, TERMS, [], JAN15 + timedelta(days=21), original_debt=None)
    assert after.defaulted_on == date(2026, 2, 5)


def test_paid_on_the_last_tolerated_day_is_no_default_one_day_later_is() -> None:
    on_time = track(
        PLAN, TERMS, [pay(date(2026, 1, 30), "1000")], date(2026, 2, 10), original_debt=None
    )
    assert not on_time.defaulted
    assert on_time.installments[0].state is InstallmentState.PAID
    assert on_time.installments[0].days_late == 15
    assert on_time.installments[0].settled_on == date(2026, 1, 30)
    late = track(
        PLAN, TERMS, [pay(date(2026, 1, 31), "1000")], date(2026, 2, 10), original_debt=None
    )
    assert late.defaulted  # the default stays on record though the instalment is now paid
    assert late.defaulted_on == date(2026, 1, 31)
    assert late.installments[0].state is InstallmentState.PAID
    assert late.claimable == D("2000.00")


def test_payments_fill_the_earliest_instalment_first_partly_paying_the_next() -> None:
    result = track(
        PLAN, TERMS, [pay(date(2026, 1, 10), "1500.00")], date(2026, 1, 20), original_debt=None
    )
    rows = result.installments
    assert [(r.state, r.paid, r.outstanding) for r in rows] == [
        (InstallmentState.PAID, D("1000.00"), D("0.00")),
        (InstallmentState.PARTLY_PAID, D("500.00"), D("500.00")),
        (InstallmentState.PENDING, D("0.00"), D("1000.00")),
    ]
    assert result.arrears == D("0.00")
    assert result.remaining == D("1500.00")


def test_partly_paid_and_overdue_is_late_with_its_amounts() -> None:
    result = track(
        PLAN, TERMS, [pay(date(2026, 1, 15), "400.00")], date(2026, 1, 18), original_debt=None
    )
    first = result.installments[0]
    assert (first.state, first.paid, first.outstanding, first.days_late) == (
        InstallmentState.LATE,
        D("400.00"),
        D("600.00"),
        3,
    )
    assert result.claimable == D("600.00")


def test_payments_out_of_order_are_applied_by_date_and_overpayment_is_kept() -> None:
    payments = [pay(date(2026, 3, 1), "2500.00"), pay(date(2026, 1, 14), "1000.00")]
    result = track(PLAN, TERMS, payments, date(2026, 3, 20), original_debt=None)
    assert [r.settled_on for r in result.installments] == [
        date(2026, 1, 14),
        date(2026, 3, 1),
        date(2026, 3, 1),
    ]
    assert result.overpaid == D("500.00")
    assert result.paid_total == D("3500.00")
    assert result.fulfilled
    assert result.claimable == D("0")


def test_revived_waivers_make_the_lawful_debt_less_payments_claimable() -> None:
    result = track(
        PLAN,
        REVIVE,
        [pay(date(2026, 1, 15), "1000.00")],
        date(2026, 3, 3),
        original_debt=D("5000.00"),
    )
    assert result.defaulted_on == date(2026, 3, 3)
    assert result.default_installment == 2
    assert result.remaining == D("2000.00")
    assert result.claimable == D("4000.00")
    assert result.revived == D("2000.00")
    not_yet = track(
        PLAN,
        REVIVE,
        [pay(date(2026, 1, 15), "1000.00")],
        date(2026, 3, 2),
        original_debt=D("5000.00"),
    )
    assert not_yet.revived == D("0") and not_yet.claimable == D("1000.00")


def test_revival_needs_the_original_debt_and_payments_must_be_valid() -> None:
    with pytest.raises(InputError) as caught:
        track(
            PLAN,
            REVIVE,
            [pay(date(2026, 5, 1), "0.00"), pay(date(2026, 1, 1), "1.001")],
            date(2026, 4, 1),
            original_debt=None,
        )
    assert {p.path: p.reason for p in caught.value.problems} == {
        "payments[0].amount": "金额须为正数",
        "payments[0].date": "晚于查询日期 2026-04-01",
        "payments[1].amount": "金额最多两位小数（精确到分）",
        "original_debt": "约定违约后减免失效时，须提供原依法计算的债务总额",
    }


def test_default_terms_are_explicit_and_checked() -> None:
    with pytest.raises(InputError) as caught:
        DefaultTerms(acceleration_days=-1, waiver_revives_on_default="yes")  # type: ignore[arg-type]
    assert {p.path for p in caught.value.problems} == {
        "acceleration_days",
        "waiver_revives_on_default",
    }
    with pytest.raises(InputError) as caught:
        terms_from_dict({})
    assert [str(p) for p in caught.value.problems] == [
        "acceleration_days: 缺少此项",
        "waiver_revives_on_default: 缺少此项（须明确填写 true 或 false）",
    ]
    assert terms_from_dict({"acceleration_days": 30, "waiver_revives_on_default": True}) == (
        DefaultTerms(30, True)
    )


def test_payments_from_json() -> None:
    assert payments_from_list([{"date": "2026-01-15", "amount": "100.00"}]) == [
        pay(JAN15, "100.00")
    ]
    with pytest.raises(InputError) as caught:
        payments_from_list([{"date": "15/01/2026", "amount": 1.5}, 3])
    assert {p.path for p in caught.value.problems} == {
        "payments[0].date",
        "payments[0].amount",
        "payments[1]",
    }
