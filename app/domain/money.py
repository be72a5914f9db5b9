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


_NUMERAL = re.compile(
    r"[+-]?(?:(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII
)
"""A number as people write one: ASCII digits, a sign, a decimal point, and thousands
separators only every three digits ("1,234,567.89"). Python's Decimal also takes "1_000",
"1e3", full-width or Arabic-Indic digits and "NaN": none of them is a sum of money."""


def plain_number(text: str) -> str | None:
    """`text` as a plain numeral ("1234567.89"), or None when it is not written as one."""
    stripped = text.strip()
    if _NUMERAL.fullmatch(stripped) is None:
        return None
    return stripped.replace(",", "").replace("，", "")


def parse_money(text: object) -> Decimal | None:
    """A Decimal of at most two decimals from a string or int, or None when it is not one.

    Floats are refused: a binary float is never a sum of money. So are texts that are not
    plain numerals (see `plain_number`): "1,0,0,0", "1_000", "١٠٠٠", "1e3".
    """
    if isinstance(text, (bool, float)):
        return None
    if isinstance(text, int):
        return Decimal(text).quantize(FEN)
    if not isinstance(text, str):
        return None
    if _PLAIN.fullmatch(text):  # the common form, e.g. "50000" or "1234.5" (a batch import)
        return Decimal(text).quantize(FEN)
    return money_by_rule(text)


def money_by_rule(text: str) -> Decimal | None:
    """`parse_money`'s general rule for a text (its fast path must agree with this)."""
    cleaned = plain_number(text)
    if cleaned is None:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    try:
        return value.quantize(FEN)
    except InvalidOperation:  # more digits than a Decimal context holds: not a sum of money
        return None


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
