"""The fast paths a batch import takes (100,000 rows) give exactly what the general rules
give: amounts, ID check characters, mobile numbers, identifiers' normal form, and a sheet
checked column by column the same as row by row."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.domain.identifiers import (
    ID_CHECK_CHARS,
    ID_WEIGHTS,
    check_mobile,
    normalise_mobile,
    normalise_resident_id,
    resident_id_check_char,
)
from app.domain.money import money_by_rule, parse_money
from app.services.cases.validation import normalise_id, normalise_phone
from app.services.intake.layout import find_layout
from app.services.intake.reader import Sheet
from app.services.intake.rows import Defaults, RowChecker
from tests.intake_fixtures import HEADERS, row

amounts = st.one_of(
    st.from_regex(r"\A[0-9]{1,16}(\.[0-9]{0,3})?\Z"),
    st.text(alphabet="0123456789.,， -+e元", max_size=14),
)


@given(amounts)
def test_an_amount_reads_as_the_general_rule_reads_it(text: str) -> None:
    assert parse_money(text) == money_by_rule(text)


@given(st.from_regex(r"\A[0-9]{17}\Z"))
def test_the_id_check_character_is_iso_7064_mod_11_2(body: str) -> None:
    total = sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True))
    assert resident_id_check_char(body) == ID_CHECK_CHARS[total % 11]


def test_the_standards_own_example_id() -> None:
    assert resident_id_check_char("11010519491231002") == "X"


def general_mobile(text: str) -> str | None:
    number = normalise_mobile(text)
    if not number:
        return "empty"
    if not (number.isascii() and number.isdigit()) or number.startswith("0"):
        return "not a mobile"
    if len(number) != 11 or number[0] != "1" or number[1] not in "3456789":
        return "not a mobile"
    return None


mobiles = st.one_of(
    st.from_regex(r"\A1[0-9]{10}\Z"), st.text(alphabet="0123456789 +-１", max_size=14)
)


@given(mobiles)
def test_a_mobile_number_is_accepted_exactly_as_the_general_rule_does(text: str) -> None:
    assert (check_mobile(text) is None) == (general_mobile(text) is None)


spaced = st.text(alphabet="0123456789xX \t\u3000\u00a0\u2028ａ１", max_size=22)


@given(spaced)
def test_identifiers_lose_every_kind_of_space_as_before(text: str) -> None:
    assert normalise_id(text) == re.sub(r"\s+", "", text).upper()
    expected = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()
    assert normalise_resident_id(text) == expected


@given(st.text(alphabet="0123456789+86 -()（）\t", max_size=18))
def test_a_phone_loses_its_marks_as_before(text: str) -> None:
    digits = re.sub(r"[\s\-()（）]", "", text)
    assert normalise_phone(text) == (digits[3:] if digits.startswith("+86") else digits)


def checker(header: list[str]) -> RowChecker:
    layout = find_layout(Sheet("s", [header]), {}, set())
    return RowChecker(layout, Defaults(batch="b"), date(2026, 1, 1))


def cells_of(values: dict[str, Any]) -> list[Any]:
    return [values.get(h) for h in HEADERS]


MESSY = [
    row(1),
    row(2, 借款本金=True),  # a TRUE cell beside numbers in the same column
    row(3, 借款本金=1),
    row(4, 借款本金=1.0, 期数=True),
    row(5, 身份证号=4.20106198503124e17, 合同日期=44995.0),
    row(6, 合同日期="2023/3/10", 年利率="18", 还款方式="xx"),
    row(7, 借款人姓名="", 剩余本金="abc"),
    row(8, 期数=12.0),
    row(9, 期数="12期"),
    *(row(n) for n in range(10, 30)),
]


def test_a_sheet_checked_column_by_column_is_checked_as_row_by_row() -> None:
    rows = [(n + 2, cells_of(values)) for n, values in enumerate(MESSY)]
    one_by_one = [checker(list(HEADERS)).check(n, cells) for n, cells in rows]
    assert checker(list(HEADERS)).check_rows(rows) == one_by_one
    assert [r.row for r in one_by_one if r.valid is None] == [3, 5, 6, 7, 8]


def test_a_true_cell_is_not_read_as_the_number_1_seen_before_it() -> None:
    rows = [(2, cells_of(row(1, 借款本金=1))), (3, cells_of(row(2, 借款本金=True)))]
    for checked in (
        [checker(list(HEADERS)).check(n, cells) for n, cells in rows],
        checker(list(HEADERS)).check_rows(rows),
    ):
        assert checked[0].valid is not None and checked[0].valid.principal == Decimal("1.00")
        assert [(p.column, p.value) for p in checked[1].problems] == [("借款本金", "TRUE")]
