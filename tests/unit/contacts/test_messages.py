"""Message templates and what a message to a third party may not say."""

from __future__ import annotations

import pytest

from app.domain import contact_messages as messages
from app.domain.errors import DomainError

CREDITOR = "滨江农村商业银行股份有限公司"
VALUES = {
    "org": "滨江区金融纠纷人民调解委员会", "org_phone": "0571-88881234", "name": "王建国",
    "creditor": CREDITOR, "case_no": "TJ-2026-000001", "session_time": "2026年12月8日 10:00",
    "place": "金融街8号", "mediator": "张调解", "due": "2026年12月15日", "n": "2",
    "amount": "2,000.00", "debtor_name": "王建国",
}  # fmt: skip


def test_templates_render_with_their_placeholders() -> None:
    text = messages.render("session_reminder", VALUES)
    assert text.startswith(
        "【滨江区金融纠纷人民调解委员会】王建国您好：提醒您于2026年12月8日 10:00"
    )
    assert "{" not in text
    assert "2,000.00元" in messages.render("instalment_reminder", VALUES)
    assert messages.template("调解通知").code == "notice_of_mediation"


def test_a_missing_value_is_named() -> None:
    with pytest.raises(DomainError, match="缺少：调解时间、调解地点"):
        messages.render("session_reminder", VALUES | {"session_time": "", "place": " "})


def test_the_call_back_request_says_nothing_of_the_debt_the_creditor_or_an_amount() -> None:
    text = messages.render("callback_request", VALUES)
    assert messages.third_party_problems(text, CREDITOR, ("王建国", "张调解")) == []
    assert "滨江" not in text and "元" not in text and "调解委员会" not in text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("请转告王建国尽快还款", "债务"),
        ("他欠了钱", "债务"),
        ("王建国的贷款逾期了", "债务"),
        ("请他准备5000元", "金额"),
        ("请他准备 5,000.50 元", "金额"),
        ("大约三万元的事", "金额"),
        ("¥300", "金额"),
        ("滨江农商行的事", "债权人"),
        ("滨江农村商业银行找他", "债权人"),
        ("是滨江的事情", "债权人"),
    ],
)
def test_what_a_third_party_must_not_be_told(text: str, says: str) -> None:
    problems = messages.third_party_problems(text, CREDITOR, ("王建国",))
    assert any(f"不能{'提及' if says == '债务' else '出现'}{says}" in p for p in problems), problems


def test_a_phone_number_alone_is_not_an_amount() -> None:
    assert messages.third_party_problems("请回电 0571-88881234 或 13912345678", CREDITOR) == []


def test_short_forms_of_a_creditor() -> None:
    assert messages.creditor_terms("招联消费金融有限公司") == [
        "招联消费金融有限公司",
        "招联消费金融",
        "招联",
    ]
