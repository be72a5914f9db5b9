"""Typed readers for the JSON input: each returns the value or None after noting a Problem.

Only the form is checked here (a date, a number written as text, a list…); the rules on
values (positive, not after `as_of`…) are in `checks`, so that an input built in code is
checked by the same rules. Reasons start with the spec's English words and explain in
Chinese. JSON `null` counts as absent.

Amounts and rates are strings ("12000.00", "0.18"; a rate may also be "18%") or integers;
a JSON number with a fraction is refused: it is a binary float, never a sum of money.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.errors import Problem
from app.domain.money import plain_number

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MISSING = "missing（缺少此项）"
FLOAT = 'not a string（请写成字符串，如 "12000.00"：带小数的 JSON 数字是二进制浮点数）'
HUNDRED = Decimal(100)


def join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def unknown_keys(
    data: Mapping[str, Any], known: Sequence[str], prefix: str, ignored: list[str]
) -> None:
    """Collect keys the engine does not know (reported as a warning, not refused)."""
    ignored.extend(join(prefix, str(k)) for k in data if k not in known)


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


def _number(raw: object, percent_ok: bool) -> Decimal | str:
    """The Decimal of a string or int, or the reason it is not one."""
    if isinstance(raw, bool):
        return "not a number（须为数字字符串）"
    if isinstance(raw, float):
        return FLOAT
    if isinstance(raw, int):
        return Decimal(raw)
    if not isinstance(raw, str):
        return "not a number（须为数字字符串）"
    text = raw.strip()
    scale = Decimal(1)
    if percent_ok and text.endswith("%"):
        text, scale = text[:-1].strip(), HUNDRED
    cleaned = plain_number(text)  # no "1,0,0,0", "1_000", "١٠٠٠" or "1e3"
    if cleaned is None:
        return f"not a number（“{raw}”不是数字：只能用阿拉伯数字 0–9、小数点和千位分隔符）"
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return f"not a number（“{raw}”不是数字）"
    if not value.is_finite() or abs(value) >= Decimal("1e15"):
        return f"not a number（“{raw}”不是有效数字）"
    return value / scale


def amount(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], required: bool = False
) -> Decimal | None:
    """An amount in yuan (its sign and decimals are checked by the rules)."""
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
    value = _number(data[key], percent_ok)
    if isinstance(value, str):
        out.append(Problem(path, value))
        return None
    return value


def whole(data: Mapping[str, Any], key: str, prefix: str, out: list[Problem]) -> int | None:
    """A whole number: a JSON integer, or a string of digits."""
    if not present(data, key):
        return None
    raw = data[key]
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
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
