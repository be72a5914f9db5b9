"""Chinese capital numerals for money, checked against the People's Bank examples and a parser."""

from __future__ import annotations

import itertools
import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.numerals import MAX_AMOUNT, format_amount, format_date_cn, rmb_upper

D = Decimal

# The examples of 《支付结算办法》附件一 rule 5, each in the first form the rule gives
# (with 整 after a final 角, which the rule allows and the accounting rule asks for).
PBOC_EXAMPLES = [
    ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
]

TRICKY = [
    # the brief's example and the plain endings
    ("12345.67", "人民币壹万贰仟叁佰肆拾伍元陆角柒分"),
    ("1000", "人民币壹仟元整"),
    ("1000.00", "人民币壹仟元整"),
    ("1.50", "人民币壹元伍角整"),
    ("1.05", "人民币壹元零伍分"),
    ("1.55", "人民币壹元伍角伍分"),
    # under one yuan, and nothing
    ("0", "人民币零元整"),
    ("0.00", "人民币零元整"),
    ("0.01", "人民币壹分"),
    ("0.05", "人民币伍分"),
    ("0.10", "人民币壹角整"),
    ("0.12", "人民币壹角贰分"),
    ("0.99", "人民币玖角玖分"),
    # 拾 always with its digit
    ("10", "人民币壹拾元整"),
    ("11", "人民币壹拾壹元整"),
    ("19.90", "人民币壹拾玖元玖角整"),
    ("20.90", "人民币贰拾元零玖角整"),
    ("110", "人民币壹佰壹拾元整"),
    ("100010", "人民币壹拾万零壹拾元整"),
    # zeros inside read once
    ("101", "人民币壹佰零壹元整"),
    ("1001", "人民币壹仟零壹元整"),
    ("1010", "人民币壹仟零壹拾元整"),
    ("10005", "人民币壹万零伍元整"),
    ("10050", "人民币壹万零伍拾元整"),
    ("10.05", "人民币壹拾元零伍分"),
    ("100.30", "人民币壹佰元零叁角整"),
    ("100.03", "人民币壹佰元零叁分"),
    ("20000.50", "人民币贰万元零伍角整"),
    # at the 万 boundary
    ("10000", "人民币壹万元整"),
    ("100000", "人民币壹拾万元整"),
    ("100300", "人民币壹拾万零叁佰元整"),
    ("107000", "人民币壹拾万柒仟元整"),
    ("1007000", "人民币壹佰万柒仟元整"),
    ("1000001", "人民币壹佰万零壹元整"),
    ("10001000", "人民币壹仟万壹仟元整"),
    ("240968", "人民币贰拾肆万零玖佰陆拾捌元整"),
    # at the 亿 boundary
    ("100000000", "人民币壹亿元整"),
    ("100010000", "人民币壹亿零壹万元整"),
    ("100500000", "人民币壹亿零伍拾万元整"),
    ("100007000", "人民币壹亿零柒仟元整"),
    ("100000001", "人民币壹亿零壹元整"),
    ("110000000", "人民币壹亿壹仟万元整"),
    ("120000001", "人民币壹亿贰仟万零壹元整"),
    ("1000000000", "人民币壹拾亿元整"),
    ("1010000000", "人民币壹拾亿壹仟万元整"),
    ("1000100000", "人民币壹拾亿零壹拾万元整"),
    ("1001001001.01", "人民币壹拾亿零壹佰万壹仟零壹元零壹分"),
    ("100000000000", "人民币壹仟亿元整"),
    ("100000000000.10", "人民币壹仟亿元零壹角整"),
    (
        "999999999999.99",
        "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    ),
]


@pytest.mark.parametrize(("amount", "words"), PBOC_EXAMPLES + TRICKY)
def test_table(amount: str, words: str) -> None:
    assert rmb_upper(D(amount)) == words


def test_an_int_is_accepted() -> None:
    assert rmb_upper(10005) == "人民币壹万零伍元整"  # type: ignore[arg-type]


def test_more_zeros_after_the_point_are_still_fen() -> None:
    assert rmb_upper(D("1.500")) == "人民币壹元伍角整"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (D("-0.01"), "negative"),
        (D("-1"), "negative"),
        (D("0.001"), "two decimals"),
        (D("1.005"), "two decimals"),
        (D("1000000000000"), "above"),
        (D("999999999999.995"), "above"),
        (D("NaN"), "not a number"),
        (D("Infinity"), "not a number"),
    ],
)
def test_refused(amount: Decimal, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        rmb_upper(amount)


def test_a_float_is_refused() -> None:
    with pytest.raises(TypeError):
        rmb_upper(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_amount(1.5)  # type: ignore[arg-type]


# -- a parser of the output, for the round trip -------------------------------------------

_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_PLACE = {"仟": 1000, "佰": 100, "拾": 10}
_FORM = re.compile(
    r"^人民币(?:(?P<yuan>[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)元)?"
    r"(?:零?(?P<jiao>[壹贰叁肆伍陆柒捌玖])角)?"
    r"(?:零?(?P<fen>[壹贰叁肆伍陆柒捌玖])分)?(?P<zheng>整)?$"
)


def _below_ten_thousand(text: str) -> int:
    """壹仟零壹拾 → 1010: each digit is followed by its place (none for the units)."""
    total, i = 0, 0
    text = text.replace("零", "")
    while i < len(text):
        digit = _DIGIT[text[i]]
        assert digit, text  # a 零 was dropped above; any other digit is 1–9
        place = _PLACE.get(text[i + 1], 1) if i + 1 < len(text) else 1
        total += digit * place
        i += 2 if place > 1 else 1
    return total


def _yuan(text: str) -> int:
    if text == "零":
        return 0
    total = 0
    for unit, factor in (("亿", 10**8), ("万", 10**4)):
        if unit in text:
            high, text = text.split(unit)
            total += _below_ten_thousand(high) * factor
    return total + _below_ten_thousand(text)


def parse_upper(words: str) -> Decimal:
    """Reads back what `rmb_upper` writes; fails on anything outside its form."""
    found = _FORM.match(words)
    assert found, words
    jiao = _DIGIT[found["jiao"]] if found["jiao"] else 0
    fen = _DIGIT[found["fen"]] if found["fen"] else 0
    assert bool(found["zheng"]) == (fen == 0), words  # 整 exactly when there are no fen
    yuan = _yuan(found["yuan"]) if found["yuan"] else 0
    return D(yuan) + D(jiao) / 10 + D(fen) / 100


def test_the_parser_reads_the_table() -> None:
    for amount, words in PBOC_EXAMPLES + TRICKY:
        assert parse_upper(words) == D(amount)


amounts = st.integers(min_value=0, max_value=int(MAX_AMOUNT * 100)).map(lambda n: D(n) / 100)
# zeros are where the rules are tricky: also amounts built from a few non-zero digits
sparse = st.lists(st.tuples(st.integers(-2, 11), st.integers(1, 9)), max_size=4).map(
    lambda digits: sum((D(d) * D(10) ** p for p, d in dict(digits).items()), D(0))
)


def expected_zeros(amount: Decimal) -> int:
    """How many 零 the rules put in, counted from the digits alone.

    Between two written digits (places p > q, q = -1 for 角, -2 for 分) with zeros
    between them there is one 零, except when the zeros end at the 万 or 亿 digit and
    do not fill a whole group of four (壹拾万柒仟, 壹拾亿壹仟万).
    """
    fen = int(amount * 100)
    places = [p - 2 for p, d in enumerate(reversed(str(fen))) if d != "0"]
    count = 0
    for q, p in itertools.pairwise(places):
        ends_at_group = (q == 3 and p <= 7) or (q == 7 and p <= 11)
        count += p - q > 1 and not ends_at_group
    return count


@settings(max_examples=500, deadline=None)
@given(st.one_of(amounts, sparse))
def test_zeros_are_where_the_rules_put_them(amount: Decimal) -> None:
    assert rmb_upper(amount).count("零") == (expected_zeros(amount) if amount else 1)


@settings(max_examples=500, deadline=None)
@given(st.one_of(amounts, sparse))
def test_round_trip(amount: Decimal) -> None:
    words = rmb_upper(amount)
    assert parse_upper(words) == amount
    assert "零零" not in words
    assert not re.search(r"(?<![壹贰叁肆伍陆柒捌玖])拾", words)  # 拾 always has its digit
    assert not words.endswith("零") and "零万" not in words
    assert amount == 0 or "零元" not in words
    assert "零亿" not in words and "亿万" not in words


# -- dates and figures --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2026, 12, 15), "2026年12月15日"),
        (date(2026, 1, 5), "2026年1月5日"),
        (date(2000, 2, 29), "2000年2月29日"),
    ],
)
def test_format_date_cn(d: date, text: str) -> None:
    assert format_date_cn(d) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("12345.67", "12,345.67"),
        ("0", "0.00"),
        ("0.5", "0.50"),
        ("999.995", "1,000.00"),  # half up to the fen
        ("1234567.891", "1,234,567.89"),
        ("999999999999.99", "999,999,999,999.99"),
        ("-1234.5", "-1,234.50"),
    ],
)
def test_format_amount(amount: str, text: str) -> None:
    assert format_amount(D(amount)) == text
