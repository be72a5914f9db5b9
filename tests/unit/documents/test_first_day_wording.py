"""Issue 13, items 5–7: the agreement prints every agreed term, words the plan, the agent, the
signing dates, the up-front deduction and the acceleration as a court expects, and every
document names each party under its own role (a guarantor never under 债务人)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.documents.pdf import Attendee, Party, render_pdf
from tests.unit.documents.pdf_checks import all_text
from tests.unit.documents.sample import sample

GUARANTOR = Party("guarantor", "赵保证", "person", "居民身份证", "440524198001010013",
                  "13800001111", "杭州市上城区解放路1号")  # fmt: skip
METHOD = "转入债权人的账户（户名：滨江农村商业银行股份有限公司，账号：6228480010001）"
CLAUSES = ("债务人提前还清的，债权人不再收取其他费用", "本协议履行期间，债权人不得向债务人催收")


def agreement(**changes: object) -> str:
    data = sample("agreement", **changes)
    return all_text(render_pdf("agreement", data))


def test_every_agreed_term_is_printed_including_how_to_pay_and_other_terms():
    base = sample("agreement")
    settlement = replace(base.settlement, payment_method=METHOD, extra_terms=CLAUSES)
    text = agreement(settlement=settlement)
    assert "（四）履行方式：" + METHOD.replace(" ", "") in text
    assert "（六）其他约定：" in text
    for n, clause in zip("一二", CLAUSES, strict=True):
        assert f"{n}、{clause}" in text


def test_a_down_payment_and_instalments_are_worded_as_a_down_payment_and_the_rest():
    text = agreement()
    assert "首付10,000.50元" in text and "余款104,099.50元" in text
    assert "分3期，自2026年8月15日起至2026年10月15日止" in text
    assert "分4期" not in text


def test_the_agent_who_attended_and_the_signing_dates_are_named():
    base = sample("agreement")
    signed = tuple(replace(p, signed_on=date(2026, 7, 2)) for p in base.parties)
    agent = Attendee("李明", "债权人委托代理人", "440524198001010013", True)
    text = agreement(parties=signed, mediator_signed_on=date(2026, 7, 3), agents=(agent,))
    assert "债权人委托代理人：李明" in text
    assert text.count("2026年7月2日") >= len(signed) and "2026年7月3日" in text
    assert "年月日" not in text  # no blank date line left once signed


def test_the_interest_deducted_up_front_and_the_acceleration_are_named():
    text = agreement(loan_principal=Decimal("30000.00"), loan_disbursed=Decimal("27000.00"),
                     accelerated_on=date(2024, 1, 10))  # fmt: skip
    assert "预先扣除利息3,000.00元" in text
    assert "预先扣除的利息不计入本金（《中华人民共和国民法典》第六百七十条）" in text
    assert "2024年1月10日宣布提前到期" in text
    assert "超出法律保护上限的13,650.00元" not in text  # not lumped with the cap


def test_a_guarantor_is_named_as_guarantor_in_every_document():
    base = sample("agreement")
    parties = (*base.parties, GUARANTOR)
    for kind in ("agreement", "record", "plan", "termination", "confirmation"):
        text = all_text(render_pdf(kind, replace(sample(kind), parties=parties)))
        named = ("保证人赵保证", "保证人：赵保证", "（保证人）：赵保证")
        assert any(words in text for words in named), kind
        assert "债务人王建国、赵保证" not in text and "债务人赵保证" not in text, kind
    record = all_text(render_pdf("record", replace(sample("record"), parties=parties)))
    assert "当事人：债权人滨江农村商业银行股份有限公司；债务人王建国；保证人赵保证。" in record
