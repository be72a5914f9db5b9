"""Schedule generation: the spec's formulas, to the fen, worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.recalc.arith import rate_of
from app.domain.recalc.model import Repayment
from app.domain.recalc.schedule import add_months, generate, scale

R12 = rate_of(Decimal("0.12"))
JAN31 = date(2023, 1, 31)


def test_due_dates_keep_the_day_of_month_and_clamp_to_month_end() -> None:
    """31 Jan → 28 Feb → 31 Mar → 30 Apr (each from the disbursement date, never chained);
    29 Feb in a leap year."""
    assert [add_months(JAN31, k) for k in range(1, 4)] == [
        date(2023, 2, 28), date(2023, 3, 31), date(2023, 4, 30)
    ]
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 11, 15), 2) == date(2024, 1, 15)


def test_equal_installment() -> None:
    """P = 10000.00, r = 12 % (i = 0.01), n = 3.
    A = 10000 × 0.01 × 1.01³ / (1.01³ − 1) = 103.0301 / 0.030301 = 3400.2211… → 3400.22.
    k1: interest 10000 × 0.01 = 100.00, principal 3300.22, balance 6699.78.
    k2: interest 66.9978 → 67.00, principal 3333.22, balance 3366.56.
    k3: interest 33.6656 → 33.67, principal = the whole balance 3366.56."""
    s = generate(Repayment("equal_installment", term_months=3), 1_000_000, R12, JAN31, 360)
    assert s.due == (date(2023, 2, 28), date(2023, 3, 31), date(2023, 4, 30))
    assert s.principal == (330_022, 333_322, 336_656)
    assert s.interest == (10_000, 6_700, 3_367)


def test_equal_installment_without_interest_is_p_over_n() -> None:
    """r = 0: A = 1000.00 / 3 = 333.33; the last takes the remainder 333.34."""
    s = generate(Repayment("equal_installment", term_months=3), 100_000, rate_of(Decimal(0)),
                 JAN31, 360)  # fmt: skip
    assert s.principal == (33_333, 33_333, 33_334)
    assert s.interest == (0, 0, 0)


def test_equal_principal() -> None:
    """P = 10000.00, n = 3: parts round(3333.333) = 3333.33, 3333.33, last 3333.34.
    Interest on the balance at i = 0.01: 100.00; 6666.67 × 0.01 = 66.6667 → 66.67;
    3333.34 × 0.01 = 33.3334 → 33.33."""
    s = generate(Repayment("equal_principal", term_months=3), 1_000_000, R12, JAN31, 360)
    assert s.principal == (333_333, 333_333, 333_334)
    assert s.interest == (10_000, 6_667, 3_333)


def test_interest_only() -> None:
    """round(10000 × 0.01) = 100.00 every month; all principal with the last."""
    s = generate(Repayment("interest_only", term_months=3), 1_000_000, R12, JAN31, 360)
    assert s.principal == (0, 0, 1_000_000)
    assert s.interest == (10_000, 10_000, 10_000)


def test_interest_rounds_half_up_on_the_exact_value() -> None:
    """r = 0.10: i = 1/120. Balance 1500.00 × 0.10 / 12 = 12.5 exactly → 12.50;
    balance 10.05 × 0.10 / 12 = 0.08375 → 0.08 (no binary-float or truncated-i artefact)."""
    s = generate(Repayment("interest_only", term_months=1), 150_000, rate_of(Decimal("0.10")),
                 JAN31, 360)  # fmt: skip
    assert s.interest == (1_250,)
    s = generate(Repayment("interest_only", term_months=1), 1_005, rate_of(Decimal("0.10")),
                 JAN31, 360)  # fmt: skip
    assert s.interest == (8,)


def test_bullet_interest_counts_days() -> None:
    """10000.00 × 0.12 × 181 / 360 = 603.333 → 603.33 (1 Jan → 1 Jul 2023 is 181 days);
    on a 365 basis 10000 × 0.12 × 181 / 365 = 595.068… → 595.07."""
    rep = Repayment("bullet", maturity=date(2023, 7, 1))
    assert generate(rep, 1_000_000, R12, date(2023, 1, 1), 360).interest == (60_333,)
    assert generate(rep, 1_000_000, R12, date(2023, 1, 1), 365).interest == (59_507,)


def test_art_670_scaling_of_an_explicit_schedule() -> None:
    """Agreed 10000.00, lent 9000.00 (× 0.9). Principal 3333.33 → 3000.00 (2999.997),
    3333.33 → 3000.00, last = 9000 − 6000 = 3000.00. Interest 100.01 → 90.01 (90.009),
    55.55 → 50.00 (49.995 rounds half up), last = round(205.56 × 0.9 = 185.004) − 140.01
    = 185.00 − 140.01 = 44.99."""
    from app.domain.recalc.schedule import Schedule

    written = Schedule((JAN31,) * 3, (333_333, 333_333, 333_334), (10_001, 5_555, 5_000))
    scaled = scale(written, 900_000, 1_000_000)
    assert scaled.principal == (300_000, 300_000, 300_000)
    assert scaled.interest == (9_001, 5_000, 4_499)
