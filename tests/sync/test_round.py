"""The sync round in-process against a real PostgreSQL: enrolment, handout, walk-in cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tests.sync.harness import Office


def test_handout_reaches_the_holder_and_a_walk_in_case_reaches_the_office(
    office: Office, laptops: Any
) -> None:
    numbers = office.intake("B1", 3)
    assert office.assign("B1", "张调解员") == 3
    a = laptops("A")
    a.join("张调解员")
    result = a.sync()
    assert result.pulled == 3 and result.exit_code == 0
    assert a.case_nos() == numbers
    walk_in = a.create_case(batch="")
    assert walk_in not in numbers
    result = a.sync()
    assert result.pushed == 1 and result.exit_code == 0
    cases = office.cases()
    assert cases[walk_in]["holder"] == "张调解员"
    assert a.pending() == 0
    assert a.audit_ok() == []


def test_payment_reaches_the_office_to_the_fen(office: Office, laptops: Any) -> None:
    (number,) = office.intake("B1", 1)
    office.assign("B1", "张调解员")
    a = laptops("A")
    a.join("张调解员")
    a.sync()
    a.add_payment(number, date(2026, 2, 1), "1234.56", "现金")
    assert a.sync().exit_code == 0
    payments = office.rows(number)["payment"]
    assert [(p["date"], Decimal(p["amount"]), p["note"]) for p in payments] == [
        ("2026-02-01", Decimal("1234.56"), "现金")
    ]
