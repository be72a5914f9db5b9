"""A cut at every step of a round, and every request delivered twice: the end state is the
one an uninterrupted round gives, with no duplicate rows and nothing pending."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

import httpx
import pytest

from app.services.sync.client import Unreachable
from tests.sync.harness import Laptop, Office


def _prepare(office: Office, laptops: Any) -> tuple[Laptop, list[str]]:
    numbers = office.intake("B1", 3)
    office.assign("B1", "张调解员")
    a = laptops("A")
    a.join("张调解员")
    a.sync()
    a.add_payment(numbers[0], date(2026, 2, 1), "300.00")
    a.set_court(numbers[1], "北京市东城区人民法院")
    a.create_case(batch="")
    office.intake("B2", 2)
    office.assign("B2", "张调解员")
    return a, numbers


def _office_state(office: Office) -> Any:
    with office.conn() as conn:
        rows = conn.execute(
            "SELECT entity, body FROM case_row WHERE NOT deleted ORDER BY uid").fetchall()
        conflicts = conn.execute("SELECT count(*) AS n FROM sync_conflict").fetchone()
    return [(r["entity"], r["body"]) for r in rows], conflicts["n"]


def _more_work(office: Office, a: Laptop, numbers: list[str], k: int) -> None:
    """New work on both sides: a payment and an edit on the laptop, a walk-in case, and a
    case handed out by the office."""
    a.add_payment(numbers[0], date(2026, 2, 1 + k), f"{k}.00")
    a.set_court(numbers[1], f"第{k}人民法院")
    a.create_case(batch="")
    office.intake(f"C{k}", 1)
    office.assign(f"C{k}", "张调解员")


@pytest.mark.parametrize("mode", ["before", "after"])
def test_a_cut_at_every_request_of_a_round_loses_and_doubles_nothing(
    office: Office, laptops: Any, mode: str
) -> None:
    a, numbers = _prepare(office, laptops)
    office.requests = 0
    a.sync()
    steps = office.requests  # an uninterrupted round with this much work
    assert steps >= 6  # nonce, token, hello, push, pull, ack
    for k in range(1, steps + 1):
        _more_work(office, a, numbers, k)
        office.requests = 0
        office.faults = lambda request, n, k=k: mode if n == k else None
        with contextlib.suppress(Unreachable):
            a.sync()
        office.faults = None
        assert a.sync().exit_code == 0
        rows, conflicts = _office_state(office)
        assert conflicts == 0
        payments = sorted((p["date"], p["amount"]) for e, p in rows if e == "payment")
        assert payments == [("2026-02-01", "300.00")] + [
            (f"2026-02-{1 + i:02d}", f"{i}.00") for i in range(1, k + 1)]
        assert len(a.case_nos()) == len([b for e, b in rows if e == "case"]) == 6 + 2 * k
        assert a.pending() == 0
        assert a.detail(numbers[1]).summary.court == f"第{k}人民法院"
    assert a.audit_ok() == []


def test_every_request_delivered_twice_changes_nothing_more(
    office: Office, laptops: Any
) -> None:
    a, _ = _prepare(office, laptops)
    office.faults = lambda request, n: "dup" if request.method in ("POST", "PUT") else None
    a.sync()
    office.faults = None
    rows, conflicts = _office_state(office)
    assert conflicts == 0
    assert len([b for e, b in rows if e == "payment"]) == 1
    assert a.pending() == 0 and len(a.case_nos()) == 6


def test_the_office_cut_mid_round_then_back_resumes(office: Office, laptops: Any) -> None:
    a, _ = _prepare(office, laptops)

    def down(request: httpx.Request, n: int) -> str | None:
        return "before" if request.url.path == "/v1/pull" else None

    office.faults = down
    with pytest.raises(Unreachable):
        a.sync()
    assert a.pending() == 0  # the push got through before the cut
    office.faults = None
    assert a.sync().pulled == 2
