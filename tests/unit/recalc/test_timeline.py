"""The timeline: instalments, acceleration, prepayment, allocation, overpaid, compound,
deducted interest and the default overdue rates, each worked by hand."""

from __future__ import annotations

from tests.unit.recalc.helpers import case, lines, run, view

EP3 = {"method": "equal_principal", "term_months": 3}


def test_equal_installment_through_the_engine() -> None:
    """10000.00 at 12 % over 3 months from 2023-01-31 (instalments 3400.22, 3400.22,
    3400.23; see test_schedules). The first paid on time; as of 03-31 the second fell due
    that day: overdue principal 3333.22, interest 67.00, not yet due 3366.56, no penalty
    (0 days): total 6766.78."""
    out = run(case(contract_date="2023-01-31", annual_rate="0.12",
                   repayment={"method": "equal_installment", "term_months": 3},
                   payments=[{"date": "2023-02-28", "amount": "3400.22"}],
                   as_of="2023-03-31"))  # fmt: skip
    c = view(out, "contract")
    assert (c["principal_overdue"], c["principal_not_due"], c["interest"], c["penalty"]) == (
        "3333.22", "3366.56", "67.00", "0.00"
    )
    assert c["total"] == "6766.78"
    assert view(out, "lawful") == c


def test_interest_of_the_running_period_is_not_yet_owed() -> None:
    """Interest only, 10000.00 at 12 %: as of 2023-02-20, between the first due date
    (02-01: 100.00) and the second, only 100.00 is owed."""
    out = run(case(annual_rate="0.12", repayment={"method": "interest_only", "term_months": 3},
                   payments=[], as_of="2023-02-20"))  # fmt: skip
    assert view(out, "contract")["interest"] == "100.00"


def test_explicit_schedule_with_deducted_interest() -> None:
    """Contract 10000.00, lent 9000.00, rows 02-01: 4000.00 + 300.00, 03-01: 6000.00 +
    200.00; contract rate 18 % (the overdue rate by default), as of 03-01.
    Contract: overdue 10000.00, interest 500.00, penalty 4000 × 0.18 × 28/360 = 56.00;
    total 10556.00.
    Lawful rows scaled by 0.9: 3600.00 + 270.00, 5400.00 + (450.00 − 270.00 = 180.00).
    Budget 9000 × 0.24 × 31/360 = 186.00 on 02-01: interest 270 → cut 84.00 of interest.
    03-01: penalty 3600 × 0.18 × 28/360 = 50.40; B += 168.00 → 354.00; interest 180.00
    → C = 500.40: cut grows by 62.40 — penalty 50.40, then interest 12.00.
    Lawful: overdue 9000.00, interest 354.00, penalty 0: total 9354.00."""
    out = run(case(disbursed="9000.00", annual_rate="0.18", repayment=None, schedule=[
        {"due": "2023-02-01", "principal": "4000.00", "interest": "300.00"},
        {"due": "2023-03-01", "principal": "6000.00", "interest": "200.00"},
    ], as_of="2023-03-01"))  # fmt: skip
    c, lw = view(out, "contract"), view(out, "lawful")
    assert (c["interest"], c["penalty"], c["total"]) == ("500.00", "56.00", "10556.00")
    assert (lw["principal"], lw["interest"], lw["penalty"], lw["total"]) == (
        "9000.00", "354.00", "0.00", "9354.00"
    )
    dues = [(ln["date"], ln["amount"]) for ln in lines(out, "lawful", "due")]
    assert dues == [("2023-02-01", "3600.00"), ("2023-02-01", "270.00"),
                    ("2023-03-01", "5400.00"), ("2023-03-01", "180.00")]  # fmt: skip
    warning = lines(out, "lawful", "warning")[0]
    assert warning["amount"] == "1000.00"
    assert "六百七十" in out["warnings"][0]


def test_deducted_interest_on_a_generated_schedule() -> None:
    """Bullet 10000.00 at 12 %, 181 days, lent 9000.00: contract interest 603.33;
    lawful interest on 9000.00: 9000 × 0.12 × 181/360 = 543.00."""
    out = run(case(disbursed="9000.00", annual_rate="0.12", as_of="2023-07-01"))
    assert view(out, "contract")["interest"] == "603.33"
    assert view(out, "lawful")["interest"] == "543.00"
    assert view(out, "lawful")["principal"] == "9000.00"
    assert out["reduction"]["principal"] == "1000.00"
    assert any("9000.00" in w and "1000.00" in w for w in out["warnings"])


def test_acceleration() -> None:
    """Equal principal 10000.00 at 12 % over 3 months (due 02-01, 03-01, 04-01), overdue
    18 %, accelerated 02-15, as of 03-01.
    02-01: 3333.33 overdue, interest 100.00.
    02-15: penalty 3333.33 × 0.18 × 14/360 = 23.33; acceleration: 6666.67 becomes
    overdue with interest 6666.67 × 0.12 × 14/360 = 31.11 (since the last due date).
    03-01: still an event date (a due date) but charges no instalment; penalty
    10000 × 0.18 × 14/360 = 70.00. Contract = lawful: overdue 10000.00, interest 131.11,
    penalty 93.33, total 10224.44."""
    out = run(case(annual_rate="0.12", overdue_rate="0.18", repayment=EP3,
                   accelerated_on="2023-02-15", as_of="2023-03-01"))  # fmt: skip
    c = view(out, "contract")
    assert (c["principal_overdue"], c["principal_not_due"], c["interest"], c["penalty"]) == (
        "10000.00", "0.00", "131.11", "93.33"
    )
    assert c["total"] == "10224.44"
    acc = lines(out, "contract", "acceleration")[0]
    assert (acc["from"], acc["to"], acc["days"], acc["base"], acc["amount"]) == (
        "2023-02-01", "2023-02-15", 14, "6666.67", "31.11"
    )
    assert view(out, "lawful") == c


def test_acceleration_on_a_due_date_runs_over_zero_days() -> None:
    """Accelerated 02-01: that day's instalment falls due first (interest 100.00), then the
    remaining 6666.67 becomes overdue with 0 days of interest."""
    out = run(case(annual_rate="0.12", repayment=EP3, accelerated_on="2023-02-01",
                   as_of="2023-02-01"))  # fmt: skip
    acc = lines(out, "contract", "acceleration")[0]
    assert (acc["days"], acc["amount"]) == (0, "0.00")
    c = view(out, "contract")
    assert (c["principal_overdue"], c["interest"]) == ("10000.00", "100.00")


def test_bullet_acceleration_counts_interest_from_disbursement() -> None:
    """Bullet 10000.00 at 12 % accelerated 2023-03-01 (59 days): 10000 × 0.12 × 59/360
    = 196.67; the maturity's interest is never charged."""
    out = run(case(annual_rate="0.12", accelerated_on="2023-03-01", as_of="2023-03-01"))
    assert view(out, "contract")["interest"] == "196.67"


def test_prepayment_reduces_the_earliest_instalments_and_scales_later_interest() -> None:
    """Equal principal 12000.00 at 12 % (parts 4000.00; interest 120.00, 80.00, 40.00).
    5000.00 paid 01-15, nothing owed: #1's part 4000 → 0, #2's 4000 → 3000.
    02-01: interest 120 × 7000/12000 = 70.00, no principal.
    03-01: interest 80 × 7000/8000 = 70.00; 3000.00 overdue.
    04-01: interest 40 × 4000/4000 = 40.00; penalty 3000 × 0.12 × 31/360 = 31.00.
    Total: overdue 7000.00 + interest 180.00 + penalty 31.00 = 7211.00."""
    out = run(case(principal="12000.00", annual_rate="0.12", repayment=EP3,
                   payments=[{"date": "2023-01-15", "amount": "5000.00"}],
                   as_of="2023-04-01"))  # fmt: skip
    c = view(out, "contract")
    interest = [ln["amount"] for ln in lines(out, "contract", "due") if ln["rate"]]
    assert interest == ["70.00", "70.00", "40.00"]
    assert (c["principal_overdue"], c["interest"], c["penalty"], c["total"]) == (
        "7000.00", "180.00", "31.00", "7211.00"
    )


def test_prepayment_of_an_interest_only_loan() -> None:
    """Interest only 12000.00 at 12 % (120.00 a month); 6000.00 prepaid 01-15: each
    instalment's interest is 120 × 6000/12000 = 60.00; the last principal 6000.00."""
    out = run(case(principal="12000.00", annual_rate="0.12",
                   repayment={"method": "interest_only", "term_months": 3},
                   payments=[{"date": "2023-01-15", "amount": "6000.00"}],
                   as_of="2023-04-01"))  # fmt: skip
    c = view(out, "contract")
    assert (c["principal_overdue"], c["interest"], c["total"]) == ("6000.00", "180.00", "6180.00")


def test_allocation_order_costs_interest_penalty_compound_fees_principal() -> None:
    """Bullet 10000.00 at 12 % due 07-01 (interest 603.33), overdue 12 %, compound; a
    50.00 fee and a 200.00 lawyer's fee on 07-01; 30 days later penalty 100.00 and
    compound 603.33 × 0.12 × 30/360 = 6.03. 1000.00 paid 07-31: costs 200.00, interest
    603.33, penalty 100.00, compound 6.03, fees 50.00, principal 40.64."""
    out = run(case(annual_rate="0.12", overdue_rate="0.12", compound=True,
                   fees=[{"date": "2023-07-01", "amount": "50.00"}],
                   costs=[{"date": "2023-07-01", "amount": "200.00", "kind": "lawyer_fee"}],
                   payments=[{"date": "2023-07-31", "amount": "1000.00"}],
                   as_of="2023-07-31"))  # fmt: skip
    note = lines(out, "contract", "payment")[0]["note"]
    assert note == ("还款冲抵：实现债权费用 200.00、利息 603.33、罚息 100.00、复利 6.03、"
                    "费用 50.00、逾期本金 40.64；冲抵顺序按民法典第五百六十一条（实现债权费用→"
                    "利息→罚息→复利→费用→本金）")  # fmt: skip
    c = view(out, "contract")
    assert (c["principal"], c["interest"], c["fees"], c["costs"], c["total"]) == (
        "9959.36", "0.00", "0.00", "0.00", "9959.36"
    )


def test_overpaid_is_final() -> None:
    """Interest-free bullet 1000.00 due 02-01, 1200.00 paid that day: 200.00 overpaid.
    A 50.00 fee on 03-01 is owed in full, not set off; the lawful view keeps only
    the budget earned while principal was out: 1000 × 0.24 × 31/360 = 20.67."""
    out = run(case(principal="1000.00", repayment={"method": "bullet", "maturity": "2023-02-01"},
                   payments=[{"date": "2023-02-01", "amount": "1200.00"}],
                   fees=[{"date": "2023-03-01", "amount": "50.00", "kind": "late_fee"}],
                   as_of="2023-03-31"))  # fmt: skip
    c, lw = view(out, "contract"), view(out, "lawful")
    assert (c["overpaid"], c["fees"], c["total"], c["paid"]) == ("200.00", "50.00", "50.00",
                                                                 "1200.00")  # fmt: skip
    assert (lw["overpaid"], lw["fees"], lw["total"]) == ("200.00", "20.67", "20.67")


def test_payments_above_the_cap_come_back_as_overpaid() -> None:
    """Bank bullet 10000.00 at 36 %, 60 days: contract interest 600.00, lawful (24 %)
    400.00. 10600.00 paid at maturity settles the contract exactly; the lawful view
    has 200.00 overpaid, and warns that it must be returned."""
    out = run(case(annual_rate="0.36", repayment={"method": "bullet", "maturity": "2023-03-02"},
                   payments=[{"date": "2023-03-02", "amount": "10600.00"}],
                   as_of="2023-03-02"))  # fmt: skip
    assert view(out, "contract")["overpaid"] == "0.00"
    assert view(out, "lawful")["overpaid"] == "200.00"
    assert view(out, "lawful")["total"] == "0.00"
    assert any("200.00" in w and "返还" in w for w in out["warnings"])


COMPOUND_CASE = case(annual_rate="0.12", overdue_rate="0.18", compound=True, as_of="2023-07-31",
                     repayment={"method": "bullet", "maturity": "2023-07-01"})  # fmt: skip


def test_compound_in_both_views_for_a_bank() -> None:
    """Interest 603.33 due 07-01; 30 days: compound 603.33 × 0.18 × 30/360 = 9.05."""
    out = run(COMPOUND_CASE)
    assert view(out, "contract")["compound"] == view(out, "lawful")["compound"] == "9.05"


def test_no_lawful_compound_for_private_and_credit_card_loans() -> None:
    """Same case: the contract view follows the contract (9.05), the lawful view never
    compounds for private and credit-card loans."""
    for lender in ("private", "credit_card"):
        out = run({**COMPOUND_CASE, "lender_type": lender})
        assert view(out, "contract")["compound"] == "9.05"
        assert view(out, "lawful")["compound"] == "0.00"
        assert out["reduction"]["compound"] == "9.05"


def test_no_compound_unless_agreed() -> None:
    out = run({**COMPOUND_CASE, "compound": False})
    assert view(out, "contract")["compound"] == "0.00"


def test_private_interest_free_loan_defaults_to_the_lpr_on_each_due_date() -> None:
    """Private, interest-free, 10000.00 from 2024-06-01 in 2 equal principal parts due
    07-01 (LPR 3.45 %) and 08-01 (LPR 3.35 % since 07-22), as of 09-01.
    07-01→08-01: 5000 × 0.0345 × 31/360 = 14.85.
    08-01→09-01: 5000 × 0.0345 × 31/360 = 14.85 and 5000 × 0.0335 × 31/360 = 14.42.
    Penalty 44.12; the cap (4 × 3.45 % = 13.8 %) does not bite."""
    out = run(case(lender_type="private", contract_date="2024-06-01",
                   repayment={"method": "equal_principal", "term_months": 2},
                   as_of="2024-09-01"))  # fmt: skip
    rates = [(ln["to"], ln["rate"], ln["amount"]) for ln in lines(out, "contract", "accrual")]
    assert rates == [("2024-08-01", "0.0345", "14.85"), ("2024-09-01", "0.0345", "14.85"),
                     ("2024-09-01", "0.0335", "14.42")]  # fmt: skip
    assert view(out, "contract")["penalty"] == view(out, "lawful")["penalty"] == "44.12"


def test_private_accelerated_principal_takes_the_lpr_of_the_acceleration_date() -> None:
    """Interest-free private bullet 10000.00 from 2024-06-01 to 2025-06-01, accelerated
    2024-10-21 (LPR 3.10 %), as of 2024-11-20 (30 days): 10000 × 0.031 × 30/360 = 25.83."""
    out = run(case(lender_type="private", contract_date="2024-06-01",
                   repayment={"method": "bullet", "maturity": "2025-06-01"},
                   accelerated_on="2024-10-21", as_of="2024-11-20"))  # fmt: skip
    assert view(out, "contract")["penalty"] == "25.83"


def test_non_private_without_rates_accrues_nothing() -> None:
    out = run(case(as_of="2023-12-31"))
    assert view(out, "contract")["penalty"] == "0.00"
    assert view(out, "contract")["total"] == "10000.00"


def test_day_basis_365() -> None:
    """Bullet 10000.00 at 12 %, 181 days on a 365 basis: 595.07; penalty 30 days at
    12 %: 10000 × 0.12 × 30/365 = 98.63."""
    out = run(case(annual_rate="0.12", day_basis=365, as_of="2023-07-31"))
    assert (view(out, "contract")["interest"], view(out, "contract")["penalty"]) == (
        "595.07", "98.63"
    )
    assert out["day_basis"] == 365
