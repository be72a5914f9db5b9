"""Reading typed fields out of JSON-like dicts, collecting a Problem for each bad one.

Each reader returns the value, or None after appending a problem (or when an optional field
is absent; JSON `null` counts as absent), so a parser can go on and list every problem of
an input at once. The words of the reasons come in two sets: `PLAIN` (the settlement, plan
and performance inputs) and `SPEC` (the recalculation input, whose reasons start with the
spec's English words); `spec` holds the recalculation input's readers.

Amounts are strings ("12000.00") or integers: a JSON number with a fraction is a binary
float, never a sum of money.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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
WHOLE = re.compile(r"-?\d{1,9}")
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
MAX_NUMBER_TEXT = 40
FIRST_DAY = date(1980, 1, 1)  # bounds of a real loan or plan (the recalculation's too)
LAST_DAY = date(2099, 12, 31)


@dataclass(frozen=True)
class Words:
    """The reasons a reader gives."""

    missing: str
    missing_flag: str
    not_object: str
    not_list: str
    not_text: str
    bad_date: str
    no_such_date: str  # "{}" is the date as written
    not_whole: str
    not_flag: str
    out_of_range: str | None  # None: the date's bounds are the rules' (SPEC)


PLAIN = Words(
    missing="缺少此项",
    missing_flag="缺少此项（须明确填写 true 或 false）",
    not_object="须为 JSON 对象（{…}）",
    not_list="须为 JSON 数组（[…]）",
    not_text="须为字符串",
    bad_date='日期格式应为 "YYYY-MM-DD"（如 "2026-12-15"）',
    no_such_date="不存在的日期 {}",
    not_whole="须为整数",
    not_flag="须为 true 或 false",
    out_of_range="日期须在 1980-01-01 至 2099-12-31 之间",
)
SPEC = Words(
    missing="missing（缺少此项）",
    missing_flag="missing（须明确填写 true 或 false）",
    not_object="not an object（须为 JSON 对象 {…}）",
    not_list="not a list（须为 JSON 数组 […]）",
    not_text="not a text（须为字符串）",
    bad_date='not a date（日期须写成 "YYYY-MM-DD"，如 "2024-06-30"）',
    no_such_date="not a date（不存在的日期 {}）",
    not_whole="not a whole number（须为整数）",
    not_flag="not true or false（须为 true 或 false）",
    out_of_range=None,
)
MISSING = PLAIN.missing
FLOAT = 'not a string（请写成字符串，如 "12000.00"：带小数的 JSON 数字是二进制浮点数）'
NOT_NUMBER = "not a number（须为数字字符串，如 \"12000.00\"）"
TOO_BIG = Decimal("1e20")  # beyond every bound in the recalculation's checks: kept exact
TOO_MUCH = "金额不能超过 999,999,999,999.99 元（more than 999,999,999,999.99）"


def join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def present(data: Mapping[str, Any], key: str) -> bool:
    return data.get(key) is not None


def _given(
    data: Mapping[str, Any], path: str, key: str, out: list[Problem], required: bool, missing: str
) -> object | None:
    """`data[key]`, or None (after noting `missing` when required) when absent or null."""
    if not present(data, key):
        if required:
            out.append(Problem(path, missing))
        return None
    raw: object = data[key]
    return raw


def as_object(
    value: object, path: str, out: list[Problem], words: Words = PLAIN
) -> Mapping[str, Any] | None:
    if isinstance(value, Mapping):
        return value
    out.append(Problem(path, words.not_object))
    return None


def object_field(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], *, words: Words = PLAIN
) -> Mapping[str, Any] | None:
    """An optional nested object."""
    path = join(prefix, key)
    raw = _given(data, path, key, out, False, words.missing)
    return None if raw is None else as_object(raw, path, out, words)


def list_field(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], *, words: Words = PLAIN
) -> list[Any] | None:
    """An optional list."""
    path = join(prefix, key)
    raw = _given(data, path, key, out, False, words.missing)
    if raw is None or isinstance(raw, list):
        return raw
    out.append(Problem(path, words.not_list))
    return None


def text_field(
    data: Mapping[str, Any],
    key: str,
    prefix: str,
    out: list[Problem],
    *,
    required: bool = True,
    words: Words = PLAIN,
) -> str | None:
    """A non-blank text, stripped."""
    path = join(prefix, key)
    raw = _given(data, path, key, out, required, words.missing)
    if raw is None:
        return None
    if isinstance(raw, str) and raw.strip():
        return raw.strip()
    out.append(Problem(path, words.not_text))
    return None


def unknown_keys(
    data: Mapping[str, Any], known: Iterable[str], prefix: str, out: list[Problem]
) -> None:
    """Refuse keys the input does not know (a misspelt key must not pass unnoticed)."""
    allowed = set(known)
    for key in data:
        if key not in allowed:
            out.append(Problem(join(prefix, str(key)), "未知字段（请检查拼写）"))


def money_field(
    data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], *, required: bool = True
) -> Decimal | None:
    """An amount written as a string ("12000.00") or an integer; floats are refused."""
    path = join(prefix, key)
    raw = _given(data, path, key, out, required, MISSING)
    if raw is None:
        return None
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
    data: Mapping[str, Any],
    key: str,
    prefix: str,
    out: list[Problem],
    *,
    required: bool = True,
    words: Words = PLAIN,
) -> date | None:
    """A date written as "YYYY-MM-DD", from 1980-01-01 to 2099-12-31."""
    path = join(prefix, key)
    raw = _given(data, path, key, out, required, words.missing)
    if raw is None:
        return None
    if isinstance(raw, str) and ISO_DATE.fullmatch(raw.strip()):
        try:
            found = date.fromisoformat(raw.strip())
        except ValueError:
            out.append(Problem(path, words.no_such_date.format(raw.strip())))
            return None
        if words.out_of_range is None or FIRST_DAY <= found <= LAST_DAY:
            return found
        out.append(Problem(path, words.out_of_range))
        return None
    out.append(Problem(path, words.bad_date))
    return None


def int_field(
    data: Mapping[str, Any],
    key: str,
    prefix: str,
    out: list[Problem],
    *,
    required: bool = True,
    words: Words = PLAIN,
) -> int | None:
    """A whole number written as a JSON integer (or a string of digits)."""
    path = join(prefix, key)
    raw = _given(data, path, key, out, required, words.missing)
    if raw is None:
        return None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and WHOLE.fullmatch(raw.strip()):
        return int(raw.strip())
    out.append(Problem(path, words.not_whole))
    return None


def bool_field(
    data: Mapping[str, Any],
    key: str,
    prefix: str,
    out: list[Problem],
    *,
    required: bool = True,
    words: Words = PLAIN,
) -> bool | None:
    """A true/false, never guessed from absence (so required unless said otherwise)."""
    path = join(prefix, key)
    raw = _given(data, path, key, out, required, words.missing_flag)
    if raw is None:
        return None
    if isinstance(raw, bool):
        return raw
    out.append(Problem(path, words.not_flag))
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
    raw = _given(data, path, key, out, required, MISSING)
    if raw is None:
        return None
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


def shown(raw: object, limit: int = 30) -> str:
    """What the user wrote, shortened for a message (a lone surrogate escaped)."""
    text = str(raw)
    text = text if len(text) <= limit else text[:limit] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def number_field(
    data: Mapping[str, Any],
    key: str,
    prefix: str,
    out: list[Problem],
    *,
    required: bool = False,
    percent_ok: bool = False,
) -> Decimal | None:
    """A number as the recalculation input writes it: a string in plain ASCII digits (at
    most 40 characters, a sign, thousands commas; with `percent_ok` "18%" is 0.18) or an
    integer; its sign, size and decimals are checked by the rules."""
    path = join(prefix, key)
    raw = _given(data, path, key, out, required, SPEC.missing)
    if raw is None:
        return None
    value = number(raw, percent_ok)
    if isinstance(value, str):
        out.append(Problem(path, value))
        return None
    return value


def number(raw: object, percent_ok: bool) -> Decimal | str:
    """The exact Decimal of a string or integer, or the reason it is not one.

    Magnitudes are not bounded here (the recalculation's checks say "more than …"); a number
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


def spec_unknown_keys(
    data: Mapping[str, Any], known: Sequence[str], prefix: str, out: list[Problem]
) -> None:
    """Refuse every key the spec does not name, suggesting the closest one it does."""
    for key in data:
        if key in known:
            continue
        name = str(key)
        close = difflib.get_close_matches(name[:60], known, n=1)
        hint = f"是否应为 {close[0]}？" if close else f"可用字段：{'、'.join(known)}"
        out.append(Problem(join(prefix, shown(name, 60)), f"unknown key（未知字段，{hint}）"))


class SpecReaders:
    """The recalculation input's readers (`recalculation.md`): reasons in `SPEC` words,
    unknown keys refused with the closest known one; list and flag problems are reported at
    the key; dates and numbers unbounded here (the bounds are the rules' in `checks`)."""

    MISSING = SPEC.missing
    present = staticmethod(present)
    join = staticmethod(join)

    unknown_keys = staticmethod(spec_unknown_keys)

    @staticmethod
    def obj(
        data: Mapping[str, Any], key: str, prefix: str, out: list[Problem]
    ) -> Mapping[str, Any] | None:
        return object_field(data, key, prefix, out, words=SPEC)

    @staticmethod
    def items(data: Mapping[str, Any], key: str, out: list[Problem]) -> list[Any] | None:
        return list_field(data, key, "", out, words=SPEC)

    @staticmethod
    def text(
        data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], required: bool
    ) -> str | None:
        return text_field(data, key, prefix, out, required=required, words=SPEC)

    @staticmethod
    def day(
        data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], required: bool = False
    ) -> date | None:
        return date_field(data, key, prefix, out, required=required, words=SPEC)

    @staticmethod
    def amount(
        data: Mapping[str, Any], key: str, prefix: str, out: list[Problem], required: bool = False
    ) -> Decimal | None:
        """An amount in yuan (its sign, size and decimals are checked by the rules)."""
        return number_field(data, key, prefix, out, required=required)

    @staticmethod
    def rate(
        data: Mapping[str, Any], key: str, prefix: str, out: list[Problem]
    ) -> Decimal | None:
        """An annual rate as a fraction ("0.18"), or in percent ("18%")."""
        return number_field(data, key, prefix, out, percent_ok=True)

    @staticmethod
    def whole(data: Mapping[str, Any], key: str, prefix: str, out: list[Problem]) -> int | None:
        """A whole number (bounds are the rules'; a huge integer is kept small)."""
        value = int_field(data, key, prefix, out, required=False, words=SPEC)
        return None if value is None else max(min(value, 10**12), -(10**12))

    @staticmethod
    def flag(data: Mapping[str, Any], key: str, out: list[Problem]) -> bool | None:
        return bool_field(data, key, "", out, required=False, words=SPEC)


spec = SpecReaders()
