"""Identifier checks against published examples of each algorithm, and their properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.identifiers import (
    ID_CHECK_CHARS,
    SEX_LABELS,
    USCC_CHARSET,
    birth_date_of,
    check_bank_card,
    check_credit_code,
    check_mobile,
    check_resident_id,
    credit_code_check_char,
    luhn_check_digit,
    make_resident_id,
    mask_id,
    mask_phone,
    normalise_bank_card,
    normalise_credit_code,
    normalise_mobile,
    normalise_resident_id,
    resident_id_check_char,
    sex_of,
)

MANY = settings(max_examples=300, deadline=None)

# -- resident ID: published examples ------------------------------------------------------

# The two worked examples of GB 11643-1999 (Beijing Chaoyang 1949-12-31, female; Shantou
# Chaoyang county 1880-01-01, male).
GB11643_EXAMPLES = ["11010519491231002X", "440524188001010014"]


@pytest.mark.parametrize("number", GB11643_EXAMPLES)
def test_the_standards_examples_are_valid(number: str) -> None:
    assert check_resident_id(number) is None
    assert resident_id_check_char(number[:17]) == number[17]


def test_check_char_by_hand() -> None:
    """11010519491231002: 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8
    +0·4+2·2 = 167; 167 mod 11 = 2; "10X98765432"[2] = X."""
    assert resident_id_check_char("11010519491231002") == "X"


def test_facts_read_from_the_number() -> None:
    assert birth_date_of("11010519491231002X") == date(1949, 12, 31)
    assert sex_of("11010519491231002X") == "female"  # 17th digit 2
    assert sex_of("440524188001010014") == "male"  # 17th digit 1
    assert SEX_LABELS[sex_of("440524188001010014")] == "男"


def test_lower_case_x_and_full_width_are_accepted_and_normalised() -> None:
    assert check_resident_id(" 11010519491231002x ") is None
    assert check_resident_id("１１０１０５１９４９１２３１００２ｘ") is None
    assert normalise_resident_id(" 110105 19491231 002x\n") == "11010519491231002X"
    assert birth_date_of("11010519491231002x") == date(1949, 12, 31)


@pytest.mark.parametrize("wrong", sorted(set(ID_CHECK_CHARS) - {"X"}))
def test_every_wrong_check_char_names_the_right_one(wrong: str) -> None:
    assert check_resident_id("11010519491231002" + wrong) == "身份证号最后一位校验码应为X，请核对。"


def test_a_typo_in_the_body_is_caught() -> None:
    assert check_resident_id("11010519491231003X") == "身份证号最后一位校验码应为8，请核对。"
    # adjacent digits swapped (002 → 020): MOD 11-2 catches every transposition
    assert check_resident_id("11010519491231020X") is not None


def with_check(body: str) -> str:
    """A number whose check character is right, so only its other faults show."""
    return body + resident_id_check_char(body)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("11010519490230002", "出生日期“19490230”不存在"),  # 30 February
        ("11010519490229002", "出生日期“19490229”不存在"),  # 1949 is no leap year
        ("11010519000229002", "出生日期“19000229”不存在"),  # nor 1900 (century rule)
        ("11010519491301002", "出生日期“19491301”不存在"),  # month 13
        ("11010519491200002", "出生日期“19491200”不存在"),  # day 0
        ("11010500000101002", "出生日期“00000101”不存在"),  # year 0
        ("11010518691231002", "早于 1870 年"),
    ],
)
def test_impossible_birth_dates(body: str, words: str) -> None:
    reason = check_resident_id(with_check(body))
    assert reason is not None and words in reason
    with pytest.raises(ValueError, match="出生日期"):
        birth_date_of(with_check(body))


def test_29_february_of_a_leap_year_is_fine() -> None:
    assert check_resident_id(with_check("11010520000229002")) is None
    assert birth_date_of(with_check("11010520000229002")) == date(2000, 2, 29)


def test_future_birth_only_when_today_is_given() -> None:
    number = make_resident_id("110105", date(2030, 5, 1), 12)
    assert check_resident_id(number) is None  # no clock read inside
    reason = check_resident_id(number, today=date(2026, 1, 1))
    assert reason == "身份证号中的出生日期“20300501”晚于今天，请核对第 7–14 位。"
    assert check_resident_id(number, today=date(2030, 5, 1)) is None  # born today


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "身份证号为空"),
        ("   ", "身份证号为空"),
        ("110105491231002", "15 位的旧身份证号"),
        ("11010519491231002", "应为 18 位，现在是 17 位"),
        ("11010519491231002X1", "应为 18 位，现在是 19 位"),
        ("1101051949123100XX", "前 17 位只能是数字"),
        ("11010519491231002Y", "最后一位是数字或 X"),
        ("A1010519491231002X", "前 17 位只能是数字"),
        ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "前 17 位只能是数字"),  # Arabic-Indic digits are not ASCII
        (with_check("01010519491231002"), "前两位“01”不是有效的地区代码"),
        (with_check("91010519491231002"), "前两位“91”不是有效的地区代码"),
    ],
)
def test_malformed_numbers(text: str, words: str) -> None:
    reason = check_resident_id(text)
    assert reason is not None and words in reason, reason


def test_sex_of_refuses_an_invalid_number() -> None:
    with pytest.raises(ValueError, match="校验码应为X"):
        sex_of("110105194912310021")


def test_make_resident_id() -> None:
    assert make_resident_id("110105", date(1949, 12, 31), 2) == "11010519491231002X"
    assert make_resident_id("440524", date(1880, 1, 1), 1) == "440524188001010014"
    for region, seq in [("11010", 1), ("1101051", 1), ("11010a", 1), ("110105", -1)]:
        with pytest.raises(ValueError):
            make_resident_id(region, date(1990, 1, 1), seq)
    with pytest.raises(ValueError):
        make_resident_id("110105", date(1990, 1, 1), 1000)


regions = st.from_regex(r"[1-8][0-9]{5}", fullmatch=True)
births = st.dates(min_value=date(1870, 1, 1), max_value=date(2025, 12, 31))
seqs = st.integers(0, 999)


@MANY
@given(regions, births, seqs)
def test_a_generated_number_is_valid_and_reads_back(region: str, birth: date, seq: int) -> None:
    number = make_resident_id(region, birth, seq)
    assert check_resident_id(number, today=date(2026, 1, 1)) is None
    assert birth_date_of(number) == birth
    assert sex_of(number) == ("male" if seq % 2 else "female")
    assert check_resident_id(number.lower()) is None


@MANY
@given(regions, births, seqs, st.integers(0, 17), st.sampled_from("0123456789XA "))
def test_any_single_changed_character_is_detected(
    region: str, birth: date, seq: int, position: int, replacement: str
) -> None:
    number = make_resident_id(region, birth, seq)
    if number[position] == replacement:
        return
    changed = number[:position] + replacement + number[position + 1 :]
    assert check_resident_id(changed) is not None


# -- unified social credit code -----------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",  # GB 32100-2015's worked example (printed with a wrong "Z")
        "914403001922038216",  # 华为技术有限公司
        "9144030071526726XG",  # 深圳市腾讯计算机系统有限公司
        "91310110666007217T",  # hutool's CreditCodeUtilTest
        "91310115591693856A",  # hutool's CreditCodeUtilTest
    ],
)
def test_published_credit_codes_are_valid(code: str) -> None:
    assert check_credit_code(code) is None
    assert credit_code_check_char(code[:17]) == code[17]


def test_the_standards_worked_example_by_hand() -> None:
    """91350100M000100Y4: values 9 1 3 5 0 1 0 0 21 0 0 0 1 0 0 30 4, weights 1 3 9 27 19
    26 16 17 20 29 25 13 8 24 10 30 28: products 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900
    +112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3". The standard's input ended in "Z"
    (not even in the charset) to show a failing check."""
    assert credit_code_check_char("91350100M000100Y4") == "3"
    reason = check_credit_code("91350100M000100Y4Z")
    assert reason is not None and "不能有“Z”" in reason


def test_remainder_zero_gives_check_char_zero() -> None:
    """31 − 0 = 31 is written 0: a body whose weighted sum is a multiple of 31."""
    assert credit_code_check_char("00000000000000000") == "0"
    assert check_credit_code("000000000000000000") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("91350100M000100Y44", "最后一位校验码应为3"),
        ("91350211M00013FA1N", "最后一位校验码应为3"),  # early pilot code, not GB 32100
        ("", "统一社会信用代码为空"),
        ("440301103102447", "15 位的旧工商注册号"),
        ("91350100M000100Y4", "应为 18 位，现在是 17 位"),
        ("91350100M000100I43", "不能有“I”"),
        ("91350100O000100Y43", "不能有“O”"),
        ("9135010AM000100Y43", "第 3–8 位是行政区划代码"),
    ],
)
def test_bad_credit_codes(text: str, words: str) -> None:
    reason = check_credit_code(text)
    assert reason is not None and words in reason, reason


def test_credit_code_is_normalised() -> None:
    assert normalise_credit_code(" 91350100m000100y43\t") == "91350100M000100Y43"
    assert check_credit_code("91350100m000100y43") is None
    assert check_credit_code("９１３５０１００Ｍ０００１００Ｙ４３") is None


usccs = st.builds(
    lambda head, region, tail: head + region + tail,
    st.text(USCC_CHARSET, min_size=2, max_size=2),
    st.from_regex(r"[0-9]{6}", fullmatch=True),
    st.text(USCC_CHARSET, min_size=9, max_size=9),
).map(lambda body: body + credit_code_check_char(body))


@MANY
@given(usccs, st.integers(0, 17), st.sampled_from(USCC_CHARSET + "IOSVZ-"))
def test_credit_code_single_change_is_detected(code: str, position: int, new: str) -> None:
    assert check_credit_code(code) is None
    if code[position] == new:
        return
    assert check_credit_code(code[:position] + new + code[position + 1 :]) is not None


# -- mobile numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "13912345678",
        "+86 139-1234-5678",
        "+8613912345678",
        "8613912345678",
        "0086 139 1234 5678",
        "139 1234 5678",
        "（+86）139-1234-5678",
        "１３９１２３４５６７８",
    ],
)
def test_mobile_forms_normalise_to_eleven_digits(text: str) -> None:
    assert normalise_mobile(text) == "13912345678"
    assert check_mobile(text) is None


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_every_mobile_prefix(prefix: str) -> None:
    assert check_mobile(prefix + "912345678") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "手机号为空"),
        ("12345", "应为 11 位，现在是 5 位"),
        ("139123456789", "应为 11 位，现在是 12 位"),
        ("12912345678", "应以 13–19 开头"),
        ("23912345678", "应以 13–19 开头"),
        ("02787654321", "固定电话"),
        ("1391234567a", "只能是数字"),
        ("+1 415 555 0100", "只能是数字"),
    ],
)
def test_bad_mobiles(text: str, words: str) -> None:
    reason = check_mobile(text)
    assert reason is not None and words in reason, reason


# -- bank cards ---------------------------------------------------------------------------


def test_luhn_worked_example() -> None:
    """The textbook example 7992739871 → check digit 3 (sum 67 → 70)."""
    assert luhn_check_digit("7992739871") == "3"


@pytest.mark.parametrize(
    "card",
    [
        "6200000000000005",  # UnionPay test card (16 digits)
        "6205500000000000004",  # UnionPay test card (19 digits)
        "4111111111111111",  # Visa test card
        "5555555555554444",  # Mastercard test card
        "378282246310005",  # American Express test card (15 digits)
        "6200 0000 0000 0005",
    ],
)
def test_published_test_cards_pass(card: str) -> None:
    assert check_bank_card(card) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("6200000000000006", "最后一位应为5"),
        ("4111111111111112", "最后一位应为1"),
        ("79927398713", "应为 12–19 位数字，现在是 11 位"),
        ("62000000000000000005", "现在是 20 位"),
        ("", "银行卡号为空"),
        ("6200-0000-0000-000O", "只能是数字"),
    ],
)
def test_bad_cards(text: str, words: str) -> None:
    reason = check_bank_card(text)
    assert reason is not None and words in reason, reason


cards = st.from_regex(r"[0-9]{11,18}", fullmatch=True).map(lambda b: b + luhn_check_digit(b))


@MANY
@given(cards, st.data())
def test_a_card_with_one_digit_changed_fails_luhn(card: str, data: st.DataObject) -> None:
    assert check_bank_card(card) is None
    position = data.draw(st.integers(0, len(card) - 1))
    new = data.draw(st.sampled_from("0123456789").filter(lambda d: d != card[position]))
    assert check_bank_card(card[:position] + new + card[position + 1 :]) is not None


def test_normalise_bank_card() -> None:
    assert normalise_bank_card(" 6200 0000-0000 0005 ") == "6200000000000005"


# -- masks --------------------------------------------------------------------------------


def test_masks() -> None:
    assert mask_id("420102199003071234") == "4201**********1234"
    assert mask_id("91350100M000100Y43") == "9135**********0Y43"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138-1234-5678") == "138****5678"


@pytest.mark.parametrize(
    ("text", "masked"), [("", ""), ("12", "**"), ("1234567", "1*****7"), ("123", "1*3")]
)
def test_masks_of_short_text_still_hide_the_middle(text: str, masked: str) -> None:
    assert mask_id(text) == masked
    assert mask_phone(text) == masked
