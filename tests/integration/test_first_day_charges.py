"""Issue 13, item 2 in the core: the lender's dated fees and costs and the filing date, typed
with a new case or in the session's debt step, are what the recalculation uses: the lawful
figure of the case equals `python -m app recalc` on the same facts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.errors import InputError
from tests import first_day
from tests.store_fixtures import FixedClock


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(first_day.NOW)


def enter_the_rest(ctx, case_no: str) -> int:
    """Acceleration, payments and the claim, typed in the session's debt step."""
    from app.services.sessions import service as sessions

    sid = sessions.start_or_resume(ctx, case_no).session_id
    sessions.save_field(ctx, sid, "loan.accelerated_on", first_day.ACCELERATED)
    for day, amount in first_day.PAYMENTS:
        sessions.add_payment(ctx, sid, day, amount)
    sessions.save_field(ctx, sid, "claim.as_of", first_day.AS_OF)
    for part, amount in first_day.CLAIM.items():
        sessions.save_field(ctx, sid, f"claim.{part}", amount)
    return sid


def test_charges_typed_with_the_case_reach_the_recalculation(ctx, tmp_path):
    from app.services.cases.service import create_case, get_case
    from app.services.recalc.service import build_input, preview

    case_no = create_case(ctx, first_day.new_case()).case_no
    detail = get_case(ctx, case_no)
    assert [(c.kind, c.amount) for c in detail.fees] == [
        ("late_fee", Decimal("300.00")), ("collection_fee", Decimal("500.00")),
    ]  # fmt: skip
    assert [(c.kind, c.date) for c in detail.costs] == [("lawyer_fee", date(2024, 2, 1))]
    enter_the_rest(ctx, case_no)
    as_of = date.fromisoformat(first_day.AS_OF)
    assert {k: v for k, v in build_input(ctx, case_no, as_of).items() if k in first_day.FACTS} \
        == first_day.FACTS  # fmt: skip
    ours = preview(ctx, case_no, as_of)["views"]["lawful"]["total"]
    theirs = first_day.cli_recalc(tmp_path)["views"]["lawful"]["total"]
    assert ours == theirs
    without = dict(first_day.FACTS, fees=[], costs=[])
    assert first_day.cli_recalc(tmp_path, without)["views"]["lawful"]["total"] != ours


def test_charges_and_the_filing_date_are_edited_in_the_debt_step(ctx):
    from app.services.cases.service import create_case
    from app.services.recalc.service import build_input
    from app.services.sessions import service as sessions

    case_no = create_case(ctx, _without_charges()).case_no
    sid = enter_the_rest(ctx, case_no)
    state = sessions.add_charge(ctx, sid, "2023-10-15", "300", "late_fee")
    state = sessions.add_charge(ctx, sid, "2024-02-01", "2,000.00", "lawyer_fee")
    fee, cost = state.case.fees[0], state.case.costs[0]
    assert (cost.category, cost.amount) == ("cost", Decimal("2000.00"))
    state = sessions.save_field(ctx, sid, f"charges[{fee.id}].amount", "350")
    state = sessions.save_field(ctx, sid, f"charges[{fee.id}].kind", "liquidated_damages")
    assert [(c.kind, c.amount) for c in state.case.fees] == [
        ("liquidated_damages", Decimal("350.00"))
    ]
    with pytest.raises(InputError) as refused:
        sessions.save_field(ctx, sid, f"charges[{fee.id}].amount", "-5")
    assert refused.value.problems[0].path == f"charges[{fee.id}].amount"
    with pytest.raises(InputError) as refused:
        sessions.add_charge(ctx, sid, "2099-01-01", "10", "bribe")
    assert {p.path for p in refused.value.problems} == {"charge.date", "charge.kind"}
    sessions.save_field(ctx, sid, "loan.filing_date", "2024-03-20")
    inp = build_input(ctx, case_no, date(2024, 3, 31))
    assert inp["filing_date"] == "2024-03-20"
    assert inp["fees"] == [{"date": "2023-10-15", "amount": "350.00", "kind": "liquidated_damages"}]
    state = sessions.remove_charge(ctx, sid, cost.id)
    assert state.case.costs == ()


def test_a_bad_charge_on_a_new_case_is_named_by_its_row(ctx):
    from app.services.cases.service import create_case

    bad = (("2023-10-15", "300", "late_fee"), ("2023-13-01", "abc", "late_fee"))
    with pytest.raises(InputError) as refused:
        create_case(ctx, _without_charges(charges=bad, filing_date="2024-02-30"))
    assert {p.path for p in refused.value.problems} == {
        "charges[1].date", "charges[1].amount", "filing_date",
    }  # fmt: skip


def _without_charges(**changes):
    from dataclasses import replace

    return replace(first_day.new_case(), **{"charges": (), **changes})
