"""Money: `Decimal` yuan, rounded to the fen with ROUND_HALF_UP. Never a float."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
_PLAIN = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,2})?")


def round_fen(amount: Decimal) -> Decimal:
    """Round to 0.01 yuan, half up (the rule for every line the engine creates)."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def floor_to(amount: Decimal, unit: Decimal) -> Decimal:
    """Round down to a multiple of `unit` (e.g. 1 yuan), keeping two decimals."""
    return ((amount / unit).to_integral_value(rounding=ROUND_DOWN) * unit).quantize(FEN)


def parse_money(text: object) -> Decimal | None:
    """A Decimal of at most two decimals from a string or int, or None when it is not one.

    Floats are refused: a binary float is never a sum of money.
    """
    if isinstance(text, (bool, float)):
        return None
    if isinstance(text, int):
        return Decimal(text).quantize(FEN)
    if not isinstance(text, str):
        return None
    if _PLAIN.fullmatch(text):  # the common form, e.g. "50000" or "1234.5" (a batch import)
        return Decimal(text).quantize(FEN)
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return value.quantize(FEN)


def to_fen(amount: Decimal) -> int:
    """Integer fen for storage; the amount must already be a whole number of fen."""
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{amount} has fractions of a fen")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def fmt(amount: Decimal) -> str:
    """Two decimals, no grouping: the form of the JSON interfaces ("1234.50")."""
    return f"{round_fen(amount):.2f}"


def fmt_grouped(amount: Decimal) -> str:
    """Two decimals with thousands separators, for people ("1,234.50")."""
    return f"{round_fen(amount):,.2f}"
