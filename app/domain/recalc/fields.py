"""Typed readers for the JSON input: each returns the value or None after noting a Problem.

Only the form is checked here (a date, a number written as text, a list…); the rules on
values (positive, not after `as_of`, not more than the bounds…) are in `checks`, so that an
input built in code is checked by the same rules. Reasons start with the spec's English
words and explain in Chinese. JSON `null` counts as absent.

Amounts and rates are strings ("12000.00", "0.18"; a rate may also be "18%") or integers,
read alike; a JSON number with a fraction is refused: it is a binary float, never a sum of
money. Clerk's choices: a number is written in plain ASCII digits (at most 40 characters, an
optional sign, thousands commas allowed; no exponent such as "1e3"); reading is exact (a
percentage is moved two places, never divided), so nothing is rounded on the way in.
Dates are "YYYY-MM-DD". A key the spec does not name is refused with its path.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.errors import Problem
from app.domain.money import plain_number

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
MAX_NUMBER_TEXT = 40
MISSING = "missing（缺少此项）"
FLOAT = 'not a string（请写成字符串，如 "12000.00"：带小数的 JSON 数字是二进制浮点数）'
NOT_NUMBER = "not a number（须为数字字符串，如 \"12000.00\"）"
TOO_BIG = Decimal("1e20")  # beyond every bound in `checks`: kept exact, refused there


def join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def shown(raw: object, limit: int = 30) -> str:
    """What the user wrote, shortened for a message (a lone surrogate escaped)."""
    text = str(raw)
    text = text if len(text) <= limit else text[:limit] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def unknown_keys(
    data: Mapping[str, Any], known: Sequence[str], prefix: str, out: list[Problem]
) -> None:
    """Refuse every key the spec does not name (a misspelt key must not pass silently)."""
    for key in data:
        if key in known:
            continue
        name = str(key)
        close = difflib.get_close_matches(name[:60], known, n=1)
        hint = f"是否应为 {close[0]}？" if close else f"可用字段：{'、'.join(known)}"
        out.append(Problem(join(prefix, shown(name, 60)), f"unknown key（未知字段，{hint}）"))


def present(data: Mapping[str, Any], key: str) -> bool:
    return data.get(key) is not None


def obj(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem]
) -> Mapping[str, Any] | None:
    if not present(data, key):
        return None
    raw = data[key]
    if isinstance(raw, Mapping):
        return raw
    out.append(Problem(join(prefix, key), "not an object（须为 JSON 对象 {…}）"))
    return None


def items(data: Mapping[str, Any], key: str, out: list[Problem]) -> list[Any] | None:
    if not present(data, key):
        return None
    raw = data[key]
    if isinstance(raw, list):
        return raw
    out.append(Problem(key, "not a list（须为 JSON 数组 […]）"))
    return None


def text(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], required: bool
) -> str | None:
    path = join(prefix, key)
    if not present(data, key):
        if required:
            out.append(Problem(path, MISSING))
        return None
    raw = data[key]
    if isinstance(raw, str) and raw.strip():
        return raw.strip()
    out.append(Problem(path, "not a text（须为字符串）"))
    return None


def day(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], required: bool = False
) -> date | None:
    path = join(prefix, key)
    if not present(data, key):
        if required:
            out.append(Problem(path, MISSING))
        return None
    raw = data[key]
    if isinstance(raw, str) and ISO_DATE.fullmatch(raw.strip()):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            out.append(Problem(path, f"not a date（不存在的日期 {raw.strip()}）"))
            return None
    out.append(Problem(path, 'not a date（日期须写成 "YYYY-MM-DD"，如 "2024-06-30"）'))
    return None


def number(raw: object, percent_ok: bool) -> Decimal | str:
    """The exact Decimal of a string or integer, or the reason it is not one.

    Magnitudes are not bounded here (the rules in `checks` say "more than …"); a number
    so large that no rule could accept it is kept as 1e20 so that no arithmetic on it can
    fail or round."""
    if isinstance(raw, bool):
        return NOT_NUMBER
    if isinstance(raw, float):
        return FLOAT
    if isinstance(raw, int):
        return Decimal(raw) if abs(raw) < TOO_BIG else TOO_BIG.copy_sign(Decimal(raw))
    if not isinstance(raw, str):
        return NOT_NUMBER
    text = raw.strip()
    percent = percent_ok and text.endswith("%")
    if percent:
        text = text[:-1].strip()
    cleaned = plain_number(text)  # no "1,0,0,0", "1_000", "١٠٠٠" or "1e3"
    if cleaned is None or len(cleaned) > MAX_NUMBER_TEXT or not PLAIN_NUMBER.fullmatch(cleaned):
        return (
            f"not a number（“{shown(raw)}”不是数字：只能用阿拉伯数字 0–9、小数点和千位分隔符，"
            f"如 \"12000.00\"）"
        )
    value = Decimal(cleaned)  # exact: a Decimal is built from its text without rounding
    return value.scaleb(-2) if percent else value


def amount(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], required: bool = False
) -> Decimal | None:
    """An amount in yuan (its sign, size and decimals are checked by the rules)."""
    return _numeric(data, key, prefix, out, required, percent_ok=False)


def rate(data: Mapping[str, Any], key: str, prefix: str, out: list[Problem]) -> Decimal | None:
    """An annual rate as a fraction ("0.18"), or in percent ("18%")."""
    return _numeric(data, key, prefix, out, False, percent_ok=True)


def _numeric(
    data: Mapping[str, Any],
    key: str,
    prefix: str,
    out: list[Problem],
    required: bool,
    percent_ok: bool,
) -> Decimal | None:
    path = join(prefix, key)
    if not present(data, key):
        if required:
            out.append(Problem(path, MISSING))
        return None
    value = number(data[key], percent_ok)
    if isinstance(value, str):
        out.append(Problem(path, value))
        return None
    return value


def whole(data: Mapping[str, Any], key: str, prefix: str, out: list[Problem]) -> int | None:
    """A whole number: a JSON integer, or a string of digits (bounds are the rules')."""
    if not present(data, key):
        return None
    raw = data[key]
    if isinstance(raw, int) and not isinstance(raw, bool):
        return max(min(raw, 10**12), -(10**12))  # far beyond every bound, kept small
    if isinstance(raw, str) and re.fullmatch(r"-?\d{1,9}", raw.strip()):
        return int(raw.strip())
    out.append(Problem(join(prefix, key), "not a whole number（须为整数）"))
    return None


def flag(data: Mapping[str, Any], key: str, out: list[Problem]) -> bool | None:
    if not present(data, key):
        return None
    raw = data[key]
    if isinstance(raw, bool):
        return raw
    out.append(Problem(key, "not true or false（须为 true 或 false）"))
    return None


FEN = Decimal("0.01")
ZERO = Decimal("0.00")
ZERO_RATE = Decimal(0)
