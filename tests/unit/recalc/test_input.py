"""Invalid input is refused whole, with every problem and its field path."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.domain.errors import InputError
from app.domain.recalc import parse_input
from app.domain.recalc.model import Claimed, RecalcInput
from tests.unit.recalc.helpers import LPR, case, result_of


def problems(data: Any) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_input(data, LPR)
    return [str(p) for p in info.value.problems]


def paths(data: Any) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_input(data, LPR)
    return [p.path for p in info.value.problems]


@pytest.mark.parametrize(
    ("fields", "path", "words"),
    [
        ({"repayment": {"method": "bullet"}}, "repayment.maturity", "maturity"),
        ({"repayment": {"method": "bullet", "maturity": "2023-01-01"}}, "repayment.maturity",
         "maturity"),
        ({"repayment": {"method": "bullet", "maturity": "2022-12-01"}}, "repayment.maturity",
         "maturity"),
        ({"repayment": {"method": "equal_installment"}}, "repayment.term_months", "below 1"),
        ({"repayment": {"method": "interest_only", "term_months": 0}}, "repayment.term_months",
         "below 1"),
        ({"repayment": {"method": "balloon", "term_months": 3}}, "repayment.method", "unknown"),
        ({"disbursed": "10000.01"}, "disbursed", "above principal"),
        ({"principal": "100.001"}, "principal", "more than two decimals"),
        ({"principal": "0"}, "principal", "not a positive amount"),
        ({"principal": "-5.00"}, "principal", "not a positive amount"),
        ({"principal": 10000.5}, "principal", "not a string"),
        ({"day_basis": 364}, "day_basis", "not 360 or 365"),
        ({"fees": [{"date": "2023-02-01", "amount": "5", "kind": "tip"}]}, "fees[0].kind",
         "unknown kind"),
        ({"costs": [{"date": "2023-02-01", "amount": "5", "kind": "other"}]}, "costs[0].kind",
         "unknown kind"),
        ({"costs": [{"date": "2023-02-01", "amount": "5"}]}, "costs[0].kind", "missing"),
        ({"fees": [{"date": "2023-02-01", "amount": "0.00"}]}, "fees[0].amount",
         "not a positive amount"),
        ({"costs": [{"date": "2023-02-01", "amount": "1.234", "kind": "lawyer_fee"}]},
         "costs[0].amount", "more than two decimals"),
        ({"payments": [{"date": "2023-02-01", "amount": "-1"}]}, "payments[0].amount",
         "not a positive amount"),
        ({"payments": [{"date": "2023-07-01", "amount": "1"}]}, "payments[0].date",
         "after as_of"),
        ({"fees": [{"date": "2023-07-01", "amount": "1"}]}, "fees[0].date", "after as_of"),
        ({"costs": [{"date": "2023-07-01", "amount": "1", "kind": "litigation_fee"}]},
         "costs[0].date", "after as_of"),
        ({"disbursement_date": "2023-07-01"}, "disbursement_date", "after as_of"),
        ({"accelerated_on": "2023-07-01"}, "accelerated_on", "after as_of"),
        ({"schedule": [{"due": "2023-02-01", "principal": "10000.00", "interest": "0"}]},
         "schedule", "both"),
        ({"repayment": None}, "repayment", "missing"),
        ({"lender_type": "pawnshop"}, "lender_type", "unknown"),
        ({"as_of": "2023-02-30"}, "as_of", "not a date"),
        ({"contract_date": "1/1/2023"}, "contract_date", "not a date"),
        ({"annual_rate": 0.18}, "annual_rate", "not a string"),
        ({"annual_rate": "-0.1"}, "annual_rate", "negative"),
        ({"cap": {"annual_rate": "abc"}}, "cap.annual_rate", "not a number"),
        ({"cap": {}}, "cap.annual_rate", "missing"),
        ({"claimed": {"interest": "-1.00"}}, "claimed.interest", "negative"),
        ({"payments": [{"date": "2022-12-31", "amount": "1"}]}, "payments[0].date",
         "before the disbursement date"),
        ({"compound": "yes"}, "compound", "true or false"),
    ],
)
def test_each_rule_names_its_field(fields: dict[str, Any], path: str, words: str) -> None:
    found = problems(case(**fields))
    assert any(p.startswith(f"{path}: ") and words in p for p in found), found


@pytest.mark.parametrize("key", ["lender_type", "contract_date", "principal", "as_of"])
def test_required_fields(key: str) -> None:
    data = case()
    del data[key]
    assert f"{key}: missing（缺少此项）" in problems(data)


def test_every_problem_is_listed_at_once() -> None:
    data = case(day_basis=364, principal="1.234",
                payments=[{"date": "2023-01-05", "amount": "1"},
                          {"date": "2023-09-01", "amount": 2.5}],
                fees=[{"date": "2023-02-01", "amount": "3", "kind": "tip"}])  # fmt: skip
    assert paths(data) == ["payments[1].amount", "principal", "day_basis", "fees[0].kind",
                           "payments[1].date"]  # fmt: skip


def test_explicit_schedule_rules() -> None:
    rows = [{"due": "2023-03-01", "principal": "4000.00", "interest": "10.00"},
            {"due": "2023-02-01", "principal": "5000.00"},
            {"due": "2023-04-01", "principal": "-1.00", "interest": "0.001"}]  # fmt: skip
    found = problems(case(repayment=None, schedule=rows))
    assert any(p.startswith("schedule[1].due: before the previous row") for p in found)
    assert any(p.startswith("schedule[2].principal: negative") for p in found)
    assert any(p.startswith("schedule[2].interest: more than two decimals") for p in found)
    found = problems(case(repayment=None, schedule=rows[:1]))
    assert found == ["schedule: principal parts add up to 4000.00, not principal 10000.00"
                     "（各期本金之和须等于合同本金）"]  # fmt: skip
    found = problems(case(repayment=None, schedule=[{"due": "2023-01-01", "principal": "10000"}]))
    assert found[0].startswith("schedule[0].due: not after the disbursement date")


def test_an_lpr_the_regime_needs_before_the_table_is_an_input_error() -> None:
    """A private loan of 2019-05-01 filed 2019-06-01 needs the LPR on the filing date
    for the days after 2020-08-20; the table starts 2019-08-20."""
    data = case(lender_type="private", contract_date="2019-05-01", filing_date="2019-06-01",
                repayment={"method": "bullet", "maturity": "2019-11-01"}, as_of="2021-01-01")
    assert paths(data) == ["filing_date"]
    assert "no LPR on 2019-06-01" in problems(data)[0]
    data["cap"] = {"annual_rate": "0.24"}  # the override needs no LPR
    parse_input(data, LPR)


def test_interest_free_private_loan_overdue_before_the_table_needs_no_lpr_there() -> None:
    """Formed before 2020-08-20 with no rate: 6 % until that day (2015 provisions art.
    29(2)(1)), so an overdue day before the table's first row needs no LPR."""
    data = case(lender_type="private", contract_date="2019-05-01",
                repayment={"method": "bullet", "maturity": "2019-06-01"},
                as_of="2019-12-01")  # fmt: skip
    parse_input(data, LPR)


def test_what_is_accepted() -> None:
    """Integers as whole yuan, "18%" as a rate, a fee without a kind is `other`, null as
    absent, "100.000" (a whole number of fen); `lender_person` false and the page's
    allocation order by default."""
    inp = parse_input(case(principal=10000, annual_rate="12%", disbursed=None,
                           fees=[{"date": "2023-02-01", "amount": "100.000"}]),
                      LPR)  # fmt: skip
    assert str(inp.principal) == "10000.00" and str(inp.disbursed) == "10000.00"
    assert inp.annual_rate == Decimal("0.12") and inp.fees[0].kind == "other"
    assert str(inp.fees[0].amount) == "100.00"
    assert inp.lender_person is False and inp.allocation is None
    assert inp.allocation_order == ("costs", "interest", "penalty", "compound", "fees",
                                    "principal")  # fmt: skip
    assert inp.filing_date == inp.as_of and inp.disbursement_date == inp.contract_date
    assert inp.day_basis == 360 and inp.compound is False and inp.overdue_rate is None


def test_not_an_object() -> None:
    assert problems([1, 2]) == ["not an object（输入须为 JSON 对象 {…}）"]
    assert paths(case(payments={"date": "2023-01-01"})) == ["payments"]
    assert paths(case(payments=["x"])) == ["payments[0]"]


def test_recalculate_checks_an_input_built_in_code() -> None:
    inp = parse_input(case(claimed={"interest": "5.00"}), LPR)
    from dataclasses import replace

    bad = replace(inp, day_basis=364, claimed=Claimed(interest=-inp.principal))
    with pytest.raises(InputError) as info:
        from app.domain.recalc import recalculate

        recalculate(bad, LPR)
    assert [p.path for p in info.value.problems] == ["day_basis", "claimed.interest"]
    assert isinstance(inp, RecalcInput)
    assert result_of(case()).claimed is None
