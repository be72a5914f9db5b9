"""Exact arithmetic for the engine: integer fen and rational rates.

Every line amount is `round_half_up(exact value)` to the fen. Working in integer fen with
rates as exact fractions (num/den) gives the mathematically exact rounding of the true
value (the same as Decimal multiplying first and dividing last), with no context
precision to worry about, and it is several times faster than Decimal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

HUNDRED = Decimal(100)


def rhu(num: int, den: int) -> int:
    """num / den rounded to an integer, half away from zero (ROUND_HALF_UP); den > 0."""
    if num >= 0:
        return (2 * num + den) // (2 * den)
    return -((-2 * num + den) // (2 * den))


def to_fen(amount: Decimal) -> int:
    """Integer fen of an amount of at most two decimals (checked by the input rules)."""
    return int(amount * 100)


def fen_text(fen: int) -> str:
    """Two-decimal text of an amount in fen: 123456 → "1234.56", -5 → "-0.05"."""
    if fen < 0:
        return "-" + fen_text(-fen)
    digits = str(fen)
    if len(digits) < 3:
        digits = digits.rjust(3, "0")
    return digits[:-2] + "." + digits[-2:]


def fen_decimal(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


class Rate(NamedTuple):
    """An annual rate as an exact fraction num/den, with its decimal for display."""

    value: Decimal
    num: int
    den: int

    def rate_text(self) -> str:
        return rate_text(self.value)


def rate_of(value: Decimal) -> Rate:
    num, den = value.as_integer_ratio()
    return Rate(value, num, den)


ZERO_RATE = rate_of(Decimal(0))


def lower(a: Rate, b: Rate) -> Rate:
    """The smaller of two rates (the first when equal)."""
    return a if a.num * b.den <= b.num * a.den else b


def accrue(base: int, rate: Rate, days: int, basis: int) -> int:
    """round(base × rate × days / basis), base in fen."""
    return rhu(base * rate.num * days, rate.den * basis)


def rate_text(value: Decimal) -> str:
    """A rate without trailing zeros or exponent: 0.1540 → "0.154", 0 → "0"."""
    text = f"{value.normalize():f}"
    return text if text not in ("-0",) else "0"
