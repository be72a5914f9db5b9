"""Invariants of the engine over generated loans (hypothesis, 500 examples each)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.recalc.result import RecalcResult, ViewTotals
from tests.unit.recalc.helpers import result_of

FIRST, LAST = date(2019, 9, 1), date(2025, 6, 30)
METHODS = ["bullet", "equal_installment", "equal_principal", "interest_only", "explicit"]
LENDERS = ["bank", "consumer_finance", "small_loan", "financial_other", "credit_card", "private"]
RATES = ["0", "0.036", "0.1", "0.12", "0.154", "0.18", "0.24", "0.3", "0.36", "0.5"]


def money(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


@st.composite
def days_after(draw: st.DrawFn, start: date, span: int) -> date:
    return start + timedelta(days=draw(st.integers(0, span)))


@st.composite
def schedules(draw: st.DrawFn, start: date, principal: int) -> dict[str, Any]:
    method = draw(st.sampled_from(METHODS))
    n = draw(st.integers(1, 12))
    if method == "bullet":
        maturity = start + timedelta(days=draw(st.integers(1, 400)))
        return {"repayment": {"method": "bullet", "maturity": maturity.isoformat()}}
    if method != "explicit":
        return {"repayment": {"method": method, "term_months": n}}
    cuts = sorted(draw(st.lists(st.integers(0, principal), min_size=n - 1, max_size=n - 1)))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, principal], strict=True)]
    gaps = draw(st.lists(st.integers(1, 60), min_size=n, max_size=n))
    rows, due = [], start
    for part, gap in zip(parts, gaps, strict=True):
        due += timedelta(days=gap)
        interest = draw(st.integers(0, principal // 20))
        rows.append({"due": due.isoformat(), "principal": money(part), "interest": money(interest)})
    return {"schedule": rows}


@st.composite
def loans(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(days_after(FIRST, (LAST - FIRST).days - 30))
    as_of = draw(days_after(start, 700))
    principal = draw(st.integers(100, 50_000_000))
    span = (as_of - start).days
    case: dict[str, Any] = {
        "lender_type": draw(st.sampled_from(LENDERS)),
        "contract_date": start.isoformat(),
        "principal": money(principal),
        "disbursed": money(draw(st.integers(max(principal * 7 // 10, 1), principal))),
        "annual_rate": draw(st.sampled_from(RATES)),
        "compound": draw(st.booleans()),
        "as_of": as_of.isoformat(),
        "day_basis": draw(st.sampled_from([360, 365])),
        **draw(schedules(start, principal)),
    }
    if draw(st.booleans()):
        case["overdue_rate"] = draw(st.sampled_from(RATES))
    if draw(st.integers(0, 4)) == 0:
        case["cap"] = {"annual_rate": draw(st.sampled_from(["0.1", "0.15", "0.24"]))}
    if draw(st.booleans()):
        case["accelerated_on"] = draw(days_after(start, span)).isoformat()

    def dated(kind: str | None, most: int, top: int) -> list[dict[str, Any]]:
        found = []
        for _ in range(draw(st.integers(0, most))):
            item = {"date": draw(days_after(start, span)).isoformat(),
                    "amount": money(draw(st.integers(1, top)))}  # fmt: skip
            if kind:
                item["kind"] = kind
            found.append(item)
        return found

    case["payments"] = dated(None, 6, principal // 2 + 100)
    case["fees"] = dated("late_fee", 2, principal // 10 + 100)
    case["costs"] = dated("lawyer_fee", 1, 500_000)
    return case


def views(result: RecalcResult) -> tuple[ViewTotals, ViewTotals]:
    return result.contract, result.lawful


PROPERTY = settings(max_examples=500, deadline=None)


@PROPERTY
@given(loans())
def test_lawful_total_never_exceeds_contract_total(case: dict[str, Any]) -> None:
    result = result_of(case)
    assert result.lawful.total <= result.contract.total


@PROPERTY
@given(loans())
def test_lawful_charges_never_exceed_the_budget(case: dict[str, Any]) -> None:
    lawful = result_of(case).lawful
    assert lawful.budget is not None
    assert lawful.charges <= lawful.budget


@PROPERTY
@given(loans())
def test_payments_are_conserved(case: dict[str, Any]) -> None:
    """paid = allocated + overpaid, and everything created minus what is outstanding is
    exactly what payments paid off."""
    result = result_of(case)
    for v in views(result):
        assert v.paid == v.allocated + v.overpaid
        assert v.lent + v.charges + v.costs_added - v.total == v.allocated
        assert v.paid == sum((Decimal(p["amount"]) for p in case["payments"]), Decimal(0))


@PROPERTY
@given(loans())
def test_nothing_outstanding_is_negative(case: dict[str, Any]) -> None:
    result = result_of(case)
    for v in views(result):
        amounts = (v.principal_overdue, v.principal_not_due, v.interest, v.penalty, v.compound,
                   v.fees, v.costs, v.overpaid, v.charges)  # fmt: skip
        assert all(a >= 0 for a in amounts)


@PROPERTY
@given(loans(), st.data())
def test_splitting_a_payment_on_the_same_day_changes_nothing(
    case: dict[str, Any], data: st.DataObject
) -> None:
    if not case["payments"]:
        return
    index = data.draw(st.integers(0, len(case["payments"]) - 1))
    chosen = case["payments"][index]
    fen = int(Decimal(chosen["amount"]) * 100)
    if fen < 2:
        return
    first = data.draw(st.integers(1, fen - 1))
    split = [{"date": chosen["date"], "amount": money(first)},
             {"date": chosen["date"], "amount": money(fen - first)}]  # fmt: skip
    payments = case["payments"][:index] + split + case["payments"][index + 1 :]
    whole, parts = result_of(case), result_of({**case, "payments": payments})
    assert views(whole) == views(parts)
    assert whole.reduction == parts.reduction
