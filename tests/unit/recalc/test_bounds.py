"""Bounds of a real loan (issue 12, item 3): every amount, rate, date and count, read
alike from numbers and strings, refused with the bound in the reason, never a crash."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.errors import InputError
from app.domain.lpr import parse_lpr_csv
from app.domain.recalc import parse_input
from tests.unit.recalc.helpers import LPR, case, run, view

MORE = "more than 10,000,000,000.00（金额超过一百亿元，请检查位数）"


def problems(data: Any) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_input(data, LPR)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    "value",
    [10**25, 10**26, 10**4000, "10000000000.01", "1" + "0" * 28 + ".00",
     "100000000000000000000000000000000000.00", 10_000_000_001],
)  # fmt: skip
def test_an_amount_above_ten_billion_is_refused_as_a_number_or_a_string(value: Any) -> None:
    assert problems(case(principal=value)) == [f"principal: {MORE}"]


def test_ten_billion_itself_is_a_real_loan() -> None:
    """10,000,000,000.00 at 12 % for 181 days (2023-01-01 → 07-01), as of 06-30: nothing
    due yet, principal 10000000000.00."""
    out = run(case(principal=10_000_000_000, annual_rate="0.12"))
    assert view(out, "lawful")["principal"] == "10000000000.00"


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"disbursed": 10**25}, "disbursed"),
        ({"payments": [{"date": "2023-02-01", "amount": "1" + "0" * 27}]}, "payments[0].amount"),
        ({"fees": [{"date": "2023-02-01", "amount": 10**30}]}, "fees[0].amount"),
        ({"costs": [{"date": "2023-02-01", "amount": 10**11, "kind": "lawyer_fee"}]},
         "costs[0].amount"),
        ({"claimed": {"interest": "10000000000.01"}}, "claimed.interest"),
        ({"repayment": None, "schedule": [{"due": "2023-07-01", "principal": "10000.00",
                                            "interest": 10**26}]}, "schedule[0].interest"),
    ],
)  # fmt: skip
def test_every_amount_has_the_bound(fields: dict[str, Any], path: str) -> None:
    assert f"{path}: {MORE}" in problems(case(**fields))


def test_numbers_are_read_exactly_never_rounded() -> None:
    """More than 28 significant digits: a Decimal context would round; the reader keeps
    the text exact, so the extra digit is seen and refused."""
    assert problems(case(principal="10000.000000000000000000000000001")) == [
        "principal: more than two decimals（金额最多两位小数，精确到分）"
    ]
    assert problems(case(annual_rate="12.0000000000000000000000000001%")) == [
        "annual_rate: more than 10 decimals（利率最多写到小数点后 10 位）"
    ]
    assert parse_input(case(annual_rate="12.5%"), LPR).annual_rate == parse_input(
        case(annual_rate="0.125"), LPR
    ).annual_rate


@pytest.mark.parametrize(
    "value", ["NaN", "Infinity", "-Infinity", "1e3", "0x10", "１２", "", "1" * 41]
)
def test_what_is_not_plain_digits_is_not_a_number(value: str) -> None:
    found = problems(case(principal=value))
    assert len(found) == 1 and found[0].startswith("principal: not a"), found


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"repayment": {"method": "bullet", "maturity": "9999-12-31"}},
         "repayment.maturity: after 2099-12-31"),
        ({"as_of": "2100-01-01"}, "as_of: after 2099-12-31"),
        ({"contract_date": "1979-12-31"}, "contract_date: before 1980-01-01"),
        ({"payments": [{"date": "0001-01-01", "amount": "1"}]},
         "payments[0].date: before 1980-01-01"),
        ({"repayment": None, "schedule": [{"due": "9999-12-31", "principal": "10000.00"}]},
         "schedule[0].due: after 2099-12-31"),
    ],
)  # fmt: skip
def test_dates_lie_between_1980_and_2099(fields: dict[str, Any], expected: str) -> None:
    found = problems(case(**fields))
    assert found[0].startswith(expected) and len(found) == 1, found


def test_counts_are_bounded() -> None:
    payments = [{"date": "2023-02-01", "amount": "1"}] * 10_001
    assert problems(case(payments=payments)) == [
        "payments: more than 10000 items（最多 10000 项，请检查）"
    ]
    rows = [{"due": "2023-07-01", "principal": "1"}] * 1201
    assert problems(case(repayment=None, schedule=rows)) == [
        "schedule: more than 1200 items（最多 1200 项，请检查）"
    ]
    assert problems(case(repayment={"method": "equal_installment", "term_months": 10**30}))[
        0
    ].startswith("repayment.term_months: above 1200")


def test_a_loan_at_the_far_end_of_the_bounds_computes() -> None:
    """1200 monthly instalments from 2099-12-01 fall due up to 2199-12-01; as of
    2099-12-31 nothing is due yet."""
    out = run(case(contract_date="2099-12-01", as_of="2099-12-31", annual_rate="0.12",
                   repayment={"method": "equal_installment", "term_months": 1200}))  # fmt: skip
    assert view(out, "contract")["principal_not_due"] == "10000.00"


def test_an_lpr_row_after_2099_is_refused() -> None:
    with pytest.raises(InputError) as info:
        parse_lpr_csv("effective_date,one_year,five_year\n2019-08-20,4.25,4.85\n"
                      "9999-12-31,3.00,3.50\n")  # fmt: skip
    assert [p.path for p in info.value.problems] == ["lpr[2].effective_date"]


def test_an_unreadable_disbursement_date_of_a_loan_with_no_rate_is_only_reported() -> None:
    """The default overdue rate needs the overdue days, which need the disbursement date:
    when it is unreadable, the problem is listed and nothing more is worked out."""
    data = case(lender_type="private", contract_date="2019-01-01", disbursement_date="x",
                repayment={"method": "bullet", "maturity": "2019-07-01"},
                as_of="2020-12-01")  # fmt: skip
    assert [p.split(":")[0] for p in problems(data)] == ["disbursement_date"]
