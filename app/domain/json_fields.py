"""Reading typed fields out of JSON-like dicts, collecting a Problem for each bad one.

Each reader returns the value, or None after appending a problem (or when an optional field
is absent), so a parser can go on and list every problem of an input at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.errors import Problem
from app.domain.money import parse_money, plain_number

NOT_A_NUMERAL = (
    '不是有效金额：只能用阿拉伯数字 0–9、小数点，千位分隔符只能每三位一个（应如 "12000.00" 或 '
    '"12,000.00"）'
)

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MISSING = "缺少此项"
FIRST_DAY = date(1980, 1, 1)  # bounds of a real loan or plan (the recalculation's too)
LAST_DAY = date(2099, 12, 31)
TOO_MUCH = "金额不能超过 999,999,999,999.99 元（more than 999,999,999,999.99）"


def join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def as_object(value: object, path: str, out: list[Problem]) -> Mapping[str, Any] | None:
    if isinstance(value, Mapping):
        return value
    out.append(Problem(path, "须为 JSON 对象（{…}）"))
    return None


def unknown_keys(
    data: Mapping[str, Any], known: Iterable[str], prefix: str, out: list[Problem]
) -> None:
    allowed = set(known)
    for key in data:
        if key not in allowed:
            out.append(Problem(join(prefix, str(key)), "未知字段（请检查拼写）"))


def money_field(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], *, required: bool = True
) -> Decimal | None:
    """An amount written as a string ("12000.00") or an integer; floats are refused."""
    path = join(prefix, key)
    if key not in data or data[key] is None:
        if required:
            out.append(Problem(path, MISSING))
        return None
    raw = data[key]
    try:
        value = parse_money(raw)
    except InvalidOperation:  # more digits than a Decimal context holds
        out.append(Problem(path, TOO_MUCH))
        return None
    if value is None:
        out.append(Problem(path, _money_text_reason(raw)))
    return value


def _money_text_reason(raw: object) -> str:
    if isinstance(raw, float):
        return '金额请写成字符串（如 "12000.00"），不要写成带小数的数字'
    if isinstance(raw, str):
        cleaned = plain_number(raw)
        if cleaned is None:
            return NOT_A_NUMERAL
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            return '不是有效金额（应如 "12000.00"）'
        if value.is_finite():
            return "金额最多两位小数（精确到分）"
    return '不是有效金额（应如 "12000.00"）'


def date_field(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], *, required: bool = True
) -> date | None:
    """A date written as "YYYY-MM-DD", from 1980-01-01 to 2099-12-31."""
    path = join(prefix, key)
    if key not in data or data[key] is None:
        if required:
            out.append(Problem(path, MISSING))
        return None
    raw = data[key]
    if isinstance(raw, str) and ISO_DATE.fullmatch(raw.strip()):
        try:
            found = date.fromisoformat(raw.strip())
        except ValueError:
            out.append(Problem(path, f"不存在的日期 {raw.strip()}"))
            return None
        if FIRST_DAY <= found <= LAST_DAY:
            return found
        out.append(Problem(path, "日期须在 1980-01-01 至 2099-12-31 之间"))
        return None
    out.append(Problem(path, '日期格式应为 "YYYY-MM-DD"（如 "2026-12-15"）'))
    return None


def int_field(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], *, required: bool = True
) -> int | None:
    """A whole number written as a JSON integer (or a string of digits)."""
    path = join(prefix, key)
    if key not in data or data[key] is None:
        if required:
            out.append(Problem(path, MISSING))
        return None
    raw = data[key]
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"-?\d{1,9}", raw.strip()):
        return int(raw.strip())
    out.append(Problem(path, "须为整数"))
    return None


def bool_field(data: Mapping[str, Any], key: str, prefix: str, out: list[Problem]) -> bool | None:
    """A required true/false: never guessed from absence."""
    path = join(prefix, key)
    if key not in data or data[key] is None:
        out.append(Problem(path, "缺少此项（须明确填写 true 或 false）"))
        return None
    raw = data[key]
    if isinstance(raw, bool):
        return raw
    out.append(Problem(path, "须为 true 或 false"))
    return None


def decimal_field(
    data: Mapping[str, Any],
    key: str,
    prefix: str,
    out: list[Problem],
    *,
    required: bool = True,
    in_percent: bool = False,
) -> Decimal | None:
    """A number written as a string or an integer.

    A rate field (`in_percent` False) reads "0.06" and also "6%" as 0.06; a percentage field
    (`in_percent` True, e.g. "waive 50 %") reads "50" and "50%" both as 50.
    """
    path = join(prefix, key)
    if key not in data or data[key] is None:
        if required:
            out.append(Problem(path, MISSING))
        return None
    raw = data[key]
    value = _decimal(raw, in_percent)
    if value is None:
        out.append(Problem(path, '须为写成字符串的数（如 "0.06"）'))
    return value


def _decimal(raw: object, in_percent: bool) -> Decimal | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return Decimal(raw)
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    shift = 0
    if text.endswith("%"):
        text, shift = text[:-1].strip(), 0 if in_percent else -2
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value.scaleb(shift) if value.is_finite() else None  # exact: nothing rounded
