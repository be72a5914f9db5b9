"""Issue 13 item 10: a wrong identifier is named once in the message a mediator reads, the
check digit's own words kept (not "身份证号有误：身份证号最后一位校验码应为…")."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import InputError
from app.domain.identifiers import check_credit_code, check_mobile, check_resident_id
from app.services.cases.validation import validate_new_case
from app.services.organisation.rules import check_phone
from tests.store_fixtures import GOOD_ID, GOOD_MOBILE, GOOD_USCC, new_case

TODAY = date(2026, 3, 2)
BAD_ID = GOOD_ID[:-1] + "1"  # 11010519491231002X with a wrong check character
BAD_USCC = GOOD_USCC[:-1] + "4"  # 91350100M000100Y43: the check character is 3
WORDS = {"id": "身份证号", "uscc": "统一社会信用代码", "mobile": "手机号"}


def reasons(**changes: str) -> dict[str, str]:
    with pytest.raises(InputError) as refused:
        validate_new_case(new_case(**changes), TODAY)
    return {p.path: p.reason for p in refused.value.problems}


@pytest.mark.parametrize(
    ("changes", "path", "word", "own"),
    [
        ({"debtor_id_number": BAD_ID}, "debtor_id_number", "id",
         check_resident_id(BAD_ID)),
        ({"debtor_id_number": GOOD_ID[:10]}, "debtor_id_number", "id",
         check_resident_id(GOOD_ID[:10])),
        ({"creditor_credit_code": BAD_USCC}, "creditor_credit_code", "uscc",
         check_credit_code(BAD_USCC)),
        ({"debtor_id_number": BAD_USCC, "extra": {"debtor_kind": "organisation"}},
         "debtor_id_number", "uscc", check_credit_code(BAD_USCC)),
        ({"debtor_phone": GOOD_MOBILE[:10]}, "debtor_phone", "mobile",
         check_mobile(GOOD_MOBILE[:10])),
    ],
)  # fmt: skip
def test_a_new_cases_identifier_is_named_once_with_the_check_digits_own_words(
    changes, path, word, own
):
    reason = reasons(**changes)[path]
    assert reason == own
    assert reason.count(WORDS[word]) == 1, reason


def test_check_digit_messages_name_the_digit_once():
    assert check_resident_id(BAD_ID) == "身份证号最后一位校验码应为X，请核对。"
    assert check_credit_code(BAD_USCC) == "统一社会信用代码最后一位校验码应为3，请核对。"


def test_an_organisations_mobile_number_is_named_once():
    reason = check_phone(GOOD_MOBILE[:10])
    assert reason is not None and reason.count("手机号") == 1, reason
    assert reason.count("请") == 1, reason  # one request, not "请核对。请填写…"
