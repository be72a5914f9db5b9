"""The creditor's mandate as pure rules: limits merged from creditor, batch and case, and
the room left under each as the levers move."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.errors import InputError
from app.domain.mandate import (
    Mandate,
    WaiverCap,
    assess,
    mandate_from_input,
    merge,
    months_between,
)
from app.domain.plan_input import plan_from_dict
from app.domain.settlement import LawfulFigures, Levers, propose

D = Decimal
LAWFUL = LawfulFigures(D("80000.00"), D("9000.00"), D("6000.00"), D("1000.00"), D("2000.00"),
                       D("0.00"))  # fmt: skip
START = date(2026, 7, 6)


def plan(total: Decimal, count: int = 1, down: str = "") -> object:
    spec: dict[str, object] = {"total": str(total), "first_due": "2026-08-06"}
    if count > 1:
        spec |= {"count": count, "frequency": "monthly"}
    else:
        spec |= {"frequency": "lump_sum"}
    if down:
        spec["down_payment"] = {"amount": down, "due": "2026-07-10"}
    return plan_from_dict(spec)


def test_input_form_with_percent_amount_or_both() -> None:
    m = mandate_from_input(
        {"floor": "85,000", "waive_penalty": "100%", "waive_interest": "50% 3000",
         "waive_fees": "1500元", "max_instalments": "12期", "max_term_months": "18",
         "min_down_payment": ""}
    )  # fmt: skip
    assert m.floor == D("85000.00") and m.min_down_payment is None
    assert m.waivers == {"interest": WaiverCap(D("50"), D("3000.00")),
                         "penalty": WaiverCap(D("100"), None),
                         "fees": WaiverCap(None, D("1500.00"))}  # fmt: skip
    assert (m.max_instalments, m.max_term_months) == (12, 18)
    with pytest.raises(InputError) as bad:
        mandate_from_input({"floor": "abc", "waive_penalty": "120%", "max_instalments": "0",
                            "colour": "red"})  # fmt: skip
    assert sorted(p.path for p in bad.value.problems) == [
        "colour", "floor", "max_instalments", "waive_penalty",
    ]  # fmt: skip


def test_the_most_specific_scope_sets_each_limit() -> None:
    creditor = Mandate(floor=D("80000"), waivers={"penalty": WaiverCap(D("50"))},
                       max_instalments=12)  # fmt: skip
    batch = Mandate(waivers={"penalty": WaiverCap(D("80"))}, max_term_months=24)
    case = Mandate(floor=D("75000"))
    merged = merge(case, batch, creditor)
    assert merged == Mandate(D("75000"), {"penalty": WaiverCap(D("80"))}, 12, 24, None)
    assert merge(None, None).empty


def test_room_left_moves_with_the_levers() -> None:
    caps = {"penalty": WaiverCap(D("50")), "interest": WaiverCap(D("50"), D("3000"))}
    mandate = Mandate(floor=D("85000"), waivers=caps)
    within = propose(LAWFUL, Levers(waive_penalty=D("40")))
    a = assess(mandate, within.lawful, within.waived, within.settled_total, None, START)
    rooms = {line.rule: line.left for line in a.lines}
    assert rooms == {"floor": D("10600.00"), "waive_interest": D("3000.00"),
                     "waive_penalty": D("600.00")}  # fmt: skip
    assert a.within
    over = propose(LAWFUL, Levers(waive_penalty=D("100"), waive_interest=D("40")))
    a = assess(mandate, over.lawful, over.waived, over.settled_total, None, START)
    # 40 % of interest is 3,600: over the 3,000 cap (the smaller of 50 % = 4,500 and 3,000)
    over_by = [(b.rule, b.left) for b in a.breaches]
    assert over_by == [("waive_interest", D("-600.00")), ("waive_penalty", D("-3000.00"))]
    assert a.breaches[0].breach_text() == (
        "利息减免上限：授权 至多 50%且不超过3,000.00 元（3,000.00 元），本方案超出 600.00 元"
    )


def test_instalments_term_and_down_payment() -> None:
    mandate = Mandate(max_instalments=6, max_term_months=6, min_down_payment=D("5000"))
    total = D("60000.00")
    long_plan = plan(total, count=12, down="2000.00")  # the last due 2027-07-06: 12 months
    a = assess(mandate, LAWFUL, LAWFUL.zero(), total, long_plan, START)  # type: ignore[arg-type]
    assert {b.rule: b.left for b in a.breaches} == {
        "max_instalments": D(-6), "max_term_months": D(-6), "min_down_payment": D("-3000.00"),
    }  # fmt: skip
    lump = plan(total)
    a = assess(mandate, LAWFUL, LAWFUL.zero(), total, lump, START)  # type: ignore[arg-type]
    assert a.within  # a lump sum is paid in full at once, in one month


@pytest.mark.parametrize(
    ("end", "months"),
    [(date(2026, 7, 6), 0), (date(2026, 8, 6), 1), (date(2026, 8, 7), 2), (date(2027, 7, 6), 12),
     (date(2026, 7, 1), 0)],
)  # fmt: skip
def test_a_started_month_counts_whole(end: date, months: int) -> None:
    assert months_between(START, end) == months
