"""The output object: keys, two-decimal strings, claimed and claim_gap, warnings."""

from __future__ import annotations

import re

from tests.unit.recalc.helpers import case, run

VIEW_KEYS = ["principal", "principal_overdue", "principal_not_due", "interest", "penalty",
             "compound", "fees", "costs", "total", "paid", "overpaid"]  # fmt: skip
LINE_KEYS = ["view", "date", "kind", "from", "to", "days", "base", "rate", "amount", "note"]
TWO_DECIMALS = re.compile(r"-?\d+\.\d{2}")


def test_keys_and_money_format() -> None:
    out = run(case(annual_rate="0.12", overdue_rate="0.2", claimed={"interest": "700.00"},
                   payments=[{"date": "2023-03-01", "amount": "100"}], as_of="2023-08-01"))
    assert list(out) == ["as_of", "day_basis", "regime", "views", "reduction", "claim_gap",
                         "lines", "warnings"]  # fmt: skip
    assert list(out["views"]) == ["claimed", "contract", "lawful"]
    for name in ("contract", "lawful"):
        assert list(out["views"][name]) == VIEW_KEYS
        assert all(TWO_DECIMALS.fullmatch(v) for v in out["views"][name].values())
    assert list(out["views"]["claimed"]) == ["principal", "interest", "penalty", "compound",
                                             "fees", "costs", "total"]  # fmt: skip
    assert list(out["reduction"]) == ["total", "interest", "penalty", "compound", "fees",
                                      "principal"]  # fmt: skip
    kinds = {line["kind"] for line in out["lines"]}
    assert kinds <= {"accrual", "due", "fee", "cost", "acceleration", "payment", "cap", "warning"}
    for line in out["lines"]:
        assert list(line) == LINE_KEYS
        assert TWO_DECIMALS.fullmatch(line["amount"])
    assert (out["as_of"], out["day_basis"]) == ("2023-08-01", 360)


def test_claimed_parts_left_out_count_as_zero_and_claim_gap() -> None:
    """Contract total as of 2023-06-30: 10000.00 (nothing due yet). Claimed 10000.00
    principal + 700.00 interest = 10700.00: gap 700.00, and a warning."""
    out = run(case(claimed={"principal": "10000.00", "interest": "700.00"}))
    assert out["views"]["claimed"] == {"principal": "10000.00", "interest": "700.00",
                                       "penalty": "0.00", "compound": "0.00", "fees": "0.00",
                                       "costs": "0.00", "total": "10700.00"}  # fmt: skip
    assert out["claim_gap"] == {"total": "700.00"}
    assert any("10700.00" in w and "700.00" in w for w in out["warnings"])


def test_no_claimed_no_claimed_view_no_claim_gap() -> None:
    out = run(case())
    assert "claimed" not in out["views"]
    assert "claim_gap" not in out
    assert out["warnings"] == []


def test_stale_lpr_table_warning_after_45_days() -> None:
    """The bundled table ends 2025-12-22: 45 days later (2026-02-05) is fine, 46 is not."""
    fine = run(case(repayment={"method": "bullet", "maturity": "2026-03-01"},
                    as_of="2026-02-05"))  # fmt: skip
    stale = run(case(repayment={"method": "bullet", "maturity": "2026-03-01"},
                     as_of="2026-02-06"))  # fmt: skip
    assert fine["warnings"] == []
    assert len(stale["warnings"]) == 1 and "2025-12-22" in stale["warnings"][0]
