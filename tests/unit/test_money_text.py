"""Amounts are written as people write numbers (issue 14, item 9): "1,0,0,0", "1_000",
Arabic-Indic or full-width digits and exponents used to be accepted (Python's Decimal
takes them all); now they are refused, with the field named, in every input that takes
an amount: a case's principal, a plan, a recalculation."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.money import parse_money

ROOT = Path(__file__).resolve().parents[2]
REFUSED = [
    "1,0,0,0",
    "1_000",
    "١٠٠٠",
    "۱۰۰۰",
    "１０００",
    "1e3",
    "NaN",
    "Infinity",
    "1 000",
    "10,00",
]
ACCEPTED = {
    "1000": "1000.00",
    "1,000": "1000.00",
    "1，000": "1000.00",
    "12,345,678.9": "12345678.90",
    " 50000.00 ": "50000.00",
    "-5": "-5.00",
    ".5": "0.50",
}


@pytest.mark.parametrize("text", REFUSED)
def test_numbers_not_written_as_numbers_are_refused(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize(("text", "value"), ACCEPTED.items())
def test_the_usual_ways_of_writing_an_amount_still_work(text: str, value: str) -> None:
    assert parse_money(text) == Decimal(value)


@pytest.mark.parametrize("text", REFUSED[:4])
def test_a_case_names_the_field(text: str) -> None:
    from app.domain.errors import InputError
    from app.services.cases.validation import validate_new_case
    from tests.store_fixtures import new_case

    with pytest.raises(InputError) as caught:
        validate_new_case(new_case(principal=text), date(2026, 3, 2))
    assert [p.path for p in caught.value.problems] == ["principal"]
    assert "阿拉伯数字" in caught.value.problems[0].reason


def cli(command: str, document: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", command, "-"],
        cwd=ROOT,
        input=json.dumps(document, ensure_ascii=False),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("text", ["1_000", "١٠٠٠", "1,0,0,0"])
def test_a_plan_names_the_field(text: str) -> None:
    plan = {"total": text, "first_due": "2026-04-01", "count": 2, "frequency": "monthly"}
    done = cli("plan", plan)
    assert done.returncode == 2 and done.stdout == ""
    assert "total" in done.stderr and "阿拉伯数字" in done.stderr, done.stderr


LOAN = {
    "lender_type": "bank",
    "contract_date": "2021-03-15",
    "disbursement_date": "2021-03-15",
    "principal": "100000.00",
    "annual_rate": "0.18",
    "repayment": {"method": "bullet", "maturity": "2022-03-15"},
    "as_of": "2024-06-30",
    "day_basis": 360,
}


@pytest.mark.parametrize("text", ["1_000", "١٠٠٠", "1,0,0,0"])
def test_a_recalculation_names_the_field(text: str) -> None:
    assert cli("recalc", LOAN).returncode == 0  # the loan itself is fine
    done = cli("recalc", {**LOAN, "principal": text})
    assert done.returncode == 2 and done.stdout == ""
    assert "principal" in done.stderr and "阿拉伯数字" in done.stderr, done.stderr
