"""The cumulative cap of the lawful view: cut order, give-back order, fees."""

from __future__ import annotations

from tests.unit.recalc.helpers import case, lines, result_of, run, view


def cap_lines(out: dict) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(ln["date"], ln["amount"], ln["note"][-2:]) for ln in lines(out, "lawful", "cap")]


UPFRONT_FEE = case(principal="12000.00", annual_rate="0.12", overdue_rate="0.12",
                   repayment={"method": "bullet", "maturity": "2023-04-01"},
                   fees=[{"date": "2023-01-01", "amount": "600.00", "kind": "service_fee"}],
                   as_of="2023-05-01")  # fmt: skip


def test_an_upfront_fee_is_cut_then_given_back_as_the_budget_catches_up() -> None:
    """Bank, 12000.00 at 12 %, bullet 2023-01-01 → 04-01 (90 days), overdue 12 %, a
    600.00 service fee on the disbursement date, as of 05-01.
    01-01: C = 600, B = 0 → cut 600 of fees.
    04-01: B = 12000 × 0.24 × 90/360 = 720; interest 12000 × 0.12 × 90/360 = 360 →
    C = 960, cut must be 240: 360 given back (interest first: none was cut, so fees).
    05-01: penalty 12000 × 0.12 × 30/360 = 120; B = 720 + 240 = 960; C = 1080; cut 120:
    another 120 of fees given back.
    Lawful: interest 360, penalty 120, fees 480 = B 960; contract fees 600."""
    out = run(UPFRONT_FEE)
    assert cap_lines(out) == [("2023-01-01", "-600.00", "费用"), ("2023-04-01", "360.00", "费用"),
                              ("2023-05-01", "120.00", "费用")]  # fmt: skip
    lw, c = view(out, "lawful"), view(out, "contract")
    assert (lw["interest"], lw["penalty"], lw["fees"], lw["total"]) == (
        "360.00", "120.00", "480.00", "12960.00"
    )
    assert (c["fees"], c["total"]) == ("600.00", "13080.00")
    assert out["reduction"]["fees"] == "120.00"
    result = result_of(UPFRONT_FEE)
    assert result.lawful.budget == result.lawful.charges == 960


def test_cut_takes_fees_then_compound() -> None:
    """Bank, 10000.00 at 36 % (r' = 24 %), overdue 48 % (→ 24 %), compound, bullet
    2023-01-01 → 03-02 (60 days), a 100.00 late fee on 03-10, as of 04-01.
    03-02: B = 400.00; interest 10000 × 0.24 × 60/360 = 400.00; no cut.
    03-10 (8 days): penalty 53.33, compound 400 × 0.24 × 8/360 = 2.13, B 453.33; the fee
    → C = 555.46: cut 102.13 = fees 100.00, then compound 2.13.
    04-01 (22 days): penalty 146.67, compound 400 × 0.24 × 22/360 = 5.87; B = 600.00,
    C = 708.00: cut grows by 5.87, taken from compound.
    Lawful: interest 400.00, penalty 200.00, compound 0, fees 0 → total 10600.00.
    Contract: interest 600.00; penalty 10000 × 0.48 × 30/360 = 400.00; compound
    600 × 0.48 × 8/360 = 6.40 + 600 × 0.48 × 22/360 = 17.60 = 24.00; fees 100.00."""
    out = run(case(annual_rate="0.36", overdue_rate="0.48", compound=True,
                   repayment={"method": "bullet", "maturity": "2023-03-02"},
                   fees=[{"date": "2023-03-10", "amount": "100.00", "kind": "late_fee"}],
                   as_of="2023-04-01"))  # fmt: skip
    assert cap_lines(out) == [("2023-03-10", "-100.00", "费用"), ("2023-03-10", "-2.13", "复利"),
                              ("2023-04-01", "-5.87", "复利")]  # fmt: skip
    lw = view(out, "lawful")
    assert (lw["interest"], lw["penalty"], lw["compound"], lw["fees"], lw["total"]) == (
        "400.00", "200.00", "0.00", "0.00", "10600.00"
    )
    c = view(out, "contract")
    assert (c["interest"], c["penalty"], c["compound"], c["fees"]) == (
        "600.00", "400.00", "24.00", "100.00"
    )


def test_cut_takes_penalty_before_interest_and_gives_back_interest_first() -> None:
    """Bank, 12000.00 at 24 %, equal principal over 3 months from 2023-01-01 (due 02-01,
    03-01, 04-01; parts 4000.00; interest 240.00, 160.00, 80.00), overdue 24 %, no payment.
    02-01: B = 12000 × 0.24 × 31/360 = 248.00 ≥ C = 240.00.
    03-01 (28 days): penalty 4000 × 0.24 × 28/360 = 74.67; B += 224.00 → 472.00;
    interest 160.00 → C = 474.67: cut 2.67, taken from penalty (no fees, no compound).
    04-01 (31 days): penalty 8000 × 0.24 × 31/360 = 165.33; B += 248.00 → 720.00;
    interest 80.00 → C = 720.00: the 2.67 is given back (interest first: none cut, so
    penalty)."""
    base = case(principal="12000.00", annual_rate="0.24", overdue_rate="0.24",
                repayment={"method": "equal_principal", "term_months": 3})  # fmt: skip
    out = run({**base, "as_of": "2023-03-01"})
    assert cap_lines(out) == [("2023-03-01", "-2.67", "罚息")]
    assert view(out, "lawful")["penalty"] == "72.00"
    assert view(out, "contract")["penalty"] == "74.67"
    out = run({**base, "as_of": "2023-04-01"})
    assert cap_lines(out) == [("2023-03-01", "-2.67", "罚息"), ("2023-04-01", "2.67", "罚息")]
    assert view(out, "lawful")["penalty"] == view(out, "contract")["penalty"] == "240.00"


def test_interest_is_cut_when_nothing_else_is_outstanding() -> None:
    """Bank, 12000.00 at 24 %, equal principal over 2 months from 2023-01-31 (due 02-28,
    03-31). 02-28: B = 12000 × 0.24 × 28/360 = 224.00 < interest 240.00: cut 16.00 of
    interest. As of that day the lawful interest is 224.00."""
    out = run(case(principal="12000.00", annual_rate="0.24", contract_date="2023-01-31",
                   repayment={"method": "equal_principal", "term_months": 2},
                   as_of="2023-02-28"))  # fmt: skip
    assert cap_lines(out) == [("2023-02-28", "-16.00", "利息")]
    assert view(out, "lawful")["interest"] == "224.00"


def test_payments_never_exceed_lawful_charges_so_the_cut_always_fits() -> None:
    """The upfront-fee case with the fee paid at once: 600.00 paid on 01-01 after the
    cap cut all of it, so the payment goes to principal not yet due (a prepayment) in
    the lawful view, and to the fee in the contract view."""
    out = run({**UPFRONT_FEE, "payments": [{"date": "2023-01-01", "amount": "600.00"}]})
    pay = lines(out, "lawful", "payment")[0]
    assert "未到期本金" in pay["note"]
    assert "费用 600.00" in lines(out, "contract", "payment")[0]["note"]
    assert view(out, "contract")["fees"] == "0.00"
