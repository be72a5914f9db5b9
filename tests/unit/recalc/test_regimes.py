"""One hand-worked case per regime: financial 24 %, private 4 × LPR, the transitional
private regime, and the `cap.annual_rate` override."""

from __future__ import annotations

from tests.unit.recalc.helpers import case, lines, run, view


def test_financial_24_percent_limits_the_overdue_rate() -> None:
    """Bank, 10000.00 at 12 %, bullet 2023-01-01 → 2023-07-01 (181 days), overdue 36 %,
    as of 2023-10-09 (100 days overdue).
    Contract: interest 10000 × 0.12 × 181/360 = 603.33; penalty 10000 × 0.36 × 100/360
    = 1000.00; total 11603.33.
    Lawful: overdue' = min(0.36, 0.24) → penalty 10000 × 0.24 × 100/360 = 666.67;
    budget 1206.67 + 666.67 = 1873.34 ≥ charges 1270.00: no cut; total 11270.00."""
    out = run(case(annual_rate="0.12", overdue_rate="0.36", as_of="2023-10-09"))
    c, lw = view(out, "contract"), view(out, "lawful")
    assert (c["interest"], c["penalty"], c["total"]) == ("603.33", "1000.00", "11603.33")
    assert (lw["interest"], lw["penalty"], lw["total"]) == ("603.33", "666.67", "11270.00")
    assert out["reduction"]["penalty"] == "333.33"
    assert out["reduction"]["total"] == "333.33"
    assert out["regime"] == {
        "lender_class": "financial",
        "caps": [{"from": None, "to": None, "annual_rate": "0.24",
                  "basis": out["regime"]["caps"][0]["basis"]}],
    }  # fmt: skip
    assert "24%" in out["regime"]["caps"][0]["basis"]
    assert lines(out, "lawful", "cap") == []


def test_private_after_2020_08_20_four_times_lpr_on_the_contract_date() -> None:
    """Private, contract 2023-01-01 (one-year LPR 3.65 % → cap 14.6 %), 100000.00 at 24 %
    (2 % a month), interest only for 3 months (due 02-01, 03-01, 04-01), compound agreed,
    no overdue rate (→ the contract rate), as of 2023-05-01.
    Contract: interest 3 × 2000.00 = 6000.00; penalty 100000 × 0.24 × 30/360 = 2000.00;
    compound 2000 × 0.24 × 28/360 = 37.33, 4000 × 0.24 × 31/360 = 82.67,
    6000 × 0.24 × 30/360 = 120.00 → 240.00; total 108240.00.
    Lawful: r' = 0.146 → interest round(100000 × 0.146/12) = 1216.67 a month; penalty at
    0.146: 1216.67; no compound for a private loan. Budget 1257.22 (31 d) + 1135.56 (28 d)
    + 1257.22 (31 d) + 1216.67 (30 d) = 4866.67. On 03-01 C = 2433.34 > B = 2392.78: cut
    40.56 of interest; on 04-01 C = 3650.01, B = 3650.00: 40.55 given back (cut 0.01);
    on 05-01 C = 4866.68, B = 4866.67. Lawful interest 3650.00, penalty 1216.67,
    total 104866.67."""
    out = run(case(lender_type="private", principal="100000.00", annual_rate="0.24",
                   compound=True, repayment={"method": "interest_only", "term_months": 3},
                   as_of="2023-05-01"))  # fmt: skip
    c, lw = view(out, "contract"), view(out, "lawful")
    assert (c["interest"], c["penalty"], c["compound"], c["total"]) == (
        "6000.00", "2000.00", "240.00", "108240.00"
    )
    assert (lw["interest"], lw["penalty"], lw["compound"], lw["total"]) == (
        "3650.00", "1216.67", "0.00", "104866.67"
    )
    assert out["regime"]["lender_class"] == "private"
    assert [cap["annual_rate"] for cap in out["regime"]["caps"]] == ["0.146"]
    cap_lines = [(ln["date"], ln["amount"]) for ln in lines(out, "lawful", "cap")]
    assert cap_lines == [("2023-03-01", "-40.56"), ("2023-04-01", "40.55")]
    assert out["reduction"] == {"total": "3373.33", "interest": "2350.00", "penalty": "783.33",
                                "compound": "240.00", "fees": "0.00", "principal": "0.00"}


TRANSITIONAL = case(lender_type="private", contract_date="2020-01-01", annual_rate="0.30",
                    repayment={"method": "bullet", "maturity": "2020-03-01"},
                    as_of="2020-09-19")  # fmt: skip


def test_private_before_2020_08_20_is_transitional() -> None:
    """Private, contract 2020-01-01, 10000.00 at 30 %, bullet due 2020-03-01 (60 days,
    leap February), overdue rate = contract rate, as of = filing 2020-09-19 (LPR 3.85 %
    → 15.4 % from 2020-08-20). 2020-08-20 is an event date: 172 days before it, 30 after.
    Contract: interest 10000 × 0.30 × 60/360 = 500.00; penalty 10000 × 0.30 × 172/360
    = 1433.33 + 10000 × 0.30 × 30/360 = 250.00; total 12183.33.
    Lawful: r' = min(0.30, 24 % in force at disbursement) → interest 400.00; penalty
    at 24 %: 1146.67, then at 15.4 %: 128.33; budget 400.00 + 1146.67 + 128.33 = 1675.00
    = charges: no cut; total 11675.00."""
    out = run(TRANSITIONAL)
    c, lw = view(out, "contract"), view(out, "lawful")
    assert (c["interest"], c["penalty"], c["total"]) == ("500.00", "1683.33", "12183.33")
    assert (lw["interest"], lw["penalty"], lw["total"]) == ("400.00", "1275.00", "11675.00")
    caps = out["regime"]["caps"]
    assert [(p["from"], p["to"], p["annual_rate"]) for p in caps] == [
        (None, "2020-08-20", "0.24"), ("2020-08-20", None, "0.154")
    ]
    penalties = [(ln["from"], ln["to"], ln["rate"], ln["amount"])
                 for ln in lines(out, "lawful", "accrual")]  # fmt: skip
    assert penalties == [("2020-03-01", "2020-08-20", "0.24", "1146.67"),
                         ("2020-08-20", "2020-09-19", "0.154", "128.33")]  # fmt: skip


def test_transitional_regime_uses_the_lpr_on_the_filing_date() -> None:
    """Filed 2024-10-21 (LPR 3.10 % → 12.4 %): the penalty after 2020-08-20 is
    10000 × 0.124 × 30/360 = 103.33."""
    out = run({**TRANSITIONAL, "filing_date": "2024-10-21"})
    assert [p["annual_rate"] for p in out["regime"]["caps"]] == ["0.24", "0.124"]
    assert lines(out, "lawful", "accrual")[-1]["amount"] == "103.33"


def test_cap_override_replaces_every_period_including_the_transitional_one() -> None:
    """The transitional case with cap.annual_rate 0.20: one period, so 2020-08-20 is no
    longer an event date. r' = 0.20 → interest 10000 × 0.2 × 60/360 = 333.33; penalty
    over 202 days 10000 × 0.2 × 202/360 = 1122.22; budget 333.33 + 1122.22 = 1455.55
    = charges; total 11455.55."""
    out = run({**TRANSITIONAL, "cap": {"annual_rate": "0.20"}})
    assert [(p["from"], p["to"], p["annual_rate"]) for p in out["regime"]["caps"]] == [
        (None, None, "0.2")
    ]
    lw = view(out, "lawful")
    assert (lw["interest"], lw["penalty"], lw["total"]) == ("333.33", "1122.22", "11455.55")
