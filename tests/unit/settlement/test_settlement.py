"""Settlement levers on the lawful figures: each effect to the fen, refusals, the floor flag."""

from __future__ import annotations

from dataclasses import astuple
from decimal import Decimal

import pytest

from app.domain.errors import InputError
from app.domain.json_fields import NOT_A_NUMERAL
from app.domain.settlement import (
    KindAmounts,
    LawfulFigures,
    LeverEffect,
    Levers,
    levers_from_dict,
    levers_to_dict,
    propose,
)

D = Decimal
VIEW = {
    "principal": "95000.00",
    "principal_overdue": "95000.00",
    "principal_not_due": "0.00",
    "interest": "17100.00",
    "penalty": "3900.00",
    "compound": "250.00",
    "fees": "300.00",
    "costs": "2000.00",
    "total": "118550.00",
    "paid": "5000.00",
    "overpaid": "0.00",
}
LAWFUL = LawfulFigures.from_view(VIEW)


def refused(levers: Levers, floor: Decimal | None = None) -> dict[str, str]:
    with pytest.raises(InputError) as caught:
        propose(LAWFUL, levers, creditor_floor=floor)
    return {p.path: p.reason for p in caught.value.problems}


def test_from_view_reads_the_lawful_object_of_the_recalculation_output() -> None:
    expected = LawfulFigures(
        D("95000.00"), D("17100.00"), D("3900.00"), D("250.00"), D("300.00"), D("2000.00")
    )
    assert LawfulFigures.from_view(VIEW) == expected
    assert LAWFUL.total == D("118550.00")


def test_from_view_refuses_a_wrong_total_missing_kinds_and_negatives() -> None:
    with pytest.raises(InputError) as caught:
        LawfulFigures.from_view({**VIEW, "total": "118550.01"})
    assert [str(p) for p in caught.value.problems] == ["lawful.total: 与各项合计 118,550.00 元不符"]
    broken = {k: v for k, v in VIEW.items() if k not in ("fees", "total")}
    with pytest.raises(InputError) as caught:
        LawfulFigures.from_view({**broken, "penalty": "-1.00", "costs": "1.5x"})
    assert {p.path: p.reason for p in caught.value.problems} == {
        "lawful.fees": "缺少此项",
        "lawful.costs": NOT_A_NUMERAL,
        "lawful.penalty": "不能为负数",
    }


def test_no_levers_settles_at_the_lawful_total() -> None:
    proposal = propose(LAWFUL, Levers())
    assert proposal.effects == ()
    assert astuple(proposal.settled) == astuple(LAWFUL)
    assert proposal.settled_total == D("118550.00")
    assert proposal.waived == KindAmounts.zero()


def test_waive_penalty_wholly() -> None:
    proposal = propose(LAWFUL, Levers(waive_penalty=D(100)))
    assert proposal.effects == (LeverEffect("waive_penalty", "减免罚息（100%）", D("3900.00")),)
    assert proposal.settled.penalty == D("0.00")
    assert proposal.settled_total == D("114650.00")


def test_each_charge_waived_by_a_percentage_rounds_to_the_fen() -> None:
    levers = Levers(
        waive_compound=D(50), waive_fees=D("33.33"), waive_interest=D(10), waive_penalty=D("12.5")
    )
    proposal = propose(LAWFUL, levers)
    assert proposal.effects == (
        LeverEffect("waive_penalty", "减免罚息（12.5%）", D("487.50")),
        LeverEffect("waive_compound", "减免复利（50%）", D("125.00")),
        LeverEffect("waive_fees", "减免费用（33.33%）", D("99.99")),
        LeverEffect("waive_interest", "减免利息（10%）", D("1710.00")),
    )
    assert proposal.waived == KindAmounts(
        D("0"), D("1710.00"), D("487.50"), D("125.00"), D("99.99"), D("0")
    )
    assert proposal.settled_total == D("118550.00") - D("2422.49")
    assert proposal.waived_total == D("2422.49")


def test_principal_discount_by_amount_and_by_percentage() -> None:
    by_amount = propose(LAWFUL, Levers(principal_discount=D("5000.00")))
    assert by_amount.effects == (
        LeverEffect("principal_discount", "本金减让 5,000.00 元", D("5000.00")),
    )
    assert by_amount.settled.principal == D("90000.00")
    by_percent = propose(LAWFUL, Levers(principal_discount_percent=D(5)))
    assert by_percent.effects == (
        LeverEffect("principal_discount", "本金减让（5%）", D("4750.00")),
    )
    assert by_percent.settled_total == D("113800.00")


def test_agreed_sum_cuts_fees_compound_penalty_then_interest() -> None:
    proposal = propose(LAWFUL, Levers(agreed_sum=D("100000.00")))
    assert proposal.effects == (
        LeverEffect("agreed_sum", "约定和解金额 100,000.00 元", D("18550.00")),
    )
    assert proposal.waived == KindAmounts(
        D("0"), D("14100.00"), D("3900.00"), D("250.00"), D("300.00"), D("0")
    )
    assert proposal.settled_total == D("100000.00")


def test_agreed_sum_below_the_principal_cuts_principal_before_costs() -> None:
    proposal = propose(LAWFUL, Levers(agreed_sum=D("50000.00")))
    assert proposal.settled == KindAmounts(
        D("48000.00"), D("0.00"), D("0.00"), D("0.00"), D("0.00"), D("2000.00")
    )
    low = propose(LAWFUL, Levers(agreed_sum=D("1500.00")))
    assert low.settled == KindAmounts(D("0"), D("0"), D("0"), D("0"), D("0"), D("1500.00"))


def test_agreed_sum_after_other_levers_reports_only_its_own_cut() -> None:
    proposal = propose(LAWFUL, Levers(waive_penalty=D(100), agreed_sum=D("110000.00")))
    assert [e.amount for e in proposal.effects] == [D("3900.00"), D("4650.00")]
    assert proposal.waived.penalty == D("3900.00")
    assert proposal.waived.fees == D("300.00")
    assert proposal.waived.interest == D("4100.00")
    assert proposal.settled_total == D("110000.00")
    assert proposal.waived_total == sum(e.amount for e in proposal.effects)


def test_agreed_sum_above_the_lawful_total_is_refused_not_clamped() -> None:
    assert refused(Levers(agreed_sum=D("118550.01"))) == {
        "agreed_sum": "不能高于依法计算的应还总额 118,550.00 元"
    }
    assert propose(LAWFUL, Levers(agreed_sum=D("118550.00"))).effects[0].amount == D("0.00")


def test_agreed_sum_above_what_other_levers_leave_is_refused() -> None:
    got = refused(Levers(waive_penalty=D(100), agreed_sum=D("115000.00")))
    assert got == {
        "agreed_sum": "高于其他减免项之后的金额 114,650.00 元；请取消部分减免项，或调低约定金额"
    }


def test_levers_that_would_go_above_the_lawful_total_or_below_zero_are_refused() -> None:
    got = refused(
        Levers(
            waive_penalty=D(101),
            waive_fees=D(-1),
            waive_interest=D("0.001"),
            principal_discount=D("95000.01"),
            agreed_sum=D("0"),
        ),
        floor=D("-1"),
    )
    assert got == {
        "waive_penalty": "比例须在 0 到 100 之间（100 为全部减免，0 为不减免）",
        "waive_fees": "比例须在 0 到 100 之间（100 为全部减免，0 为不减免）",
        "waive_interest": "比例最多两位小数",
        "principal_discount": "不能超过本金 95,000.00 元",
        "agreed_sum": "金额须为正数",
        "creditor_floor": "金额须为正数",
    }


def test_principal_discount_by_both_amount_and_percentage_is_refused() -> None:
    got = refused(Levers(principal_discount=D("100.00"), principal_discount_percent=D(1)))
    assert got == {"principal_discount_percent": "本金减让请只填金额或比例中的一项"}


def test_everything_waived_settles_at_zero_never_below() -> None:
    levers = Levers(
        waive_penalty=D(100),
        waive_compound=D(100),
        waive_fees=D(100),
        waive_interest=D(100),
        principal_discount_percent=D(100),
    )
    proposal = propose(LAWFUL, levers)
    assert proposal.settled_total == D("2000.00")  # costs are not a lever
    assert proposal.settled.costs == D("2000.00")


def test_below_the_creditor_floor_is_flagged_with_the_shortfall() -> None:
    below = propose(LAWFUL, Levers(agreed_sum=D("100000.00")), creditor_floor=D("105000.00"))
    assert below.below_floor
    assert below.floor_shortfall == D("5000.00")
    at = propose(LAWFUL, Levers(agreed_sum=D("105000.00")), creditor_floor=D("105000.00"))
    assert not at.below_floor
    assert at.floor_shortfall == D("0")
    none = propose(LAWFUL, Levers(agreed_sum=D("1.00")))
    assert not none.below_floor


def test_levers_json_round_trip_and_percent_signs() -> None:
    levers = levers_from_dict(
        {"waive_penalty": "100", "waive_fees": "50%", "principal_discount": "1000.00"}
    )
    assert levers == Levers(waive_penalty=D(100), waive_fees=D(50), principal_discount=D("1000.00"))
    assert levers_to_dict(levers) == {
        "waive_penalty": "100",
        "waive_fees": "50",
        "principal_discount": "1000.00",
    }
    assert levers_from_dict(levers_to_dict(levers)) == levers


def test_levers_json_refuses_unknown_and_bad_fields() -> None:
    with pytest.raises(InputError) as caught:
        levers_from_dict({"waive_costs": "100", "agreed_sum": 100.5, "waive_penalty": "all"})
    assert {p.path for p in caught.value.problems} == {"waive_costs", "agreed_sum", "waive_penalty"}
