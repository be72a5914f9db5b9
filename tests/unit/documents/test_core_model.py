"""What each document kind needs (`missing_fields`), the content record, template filling."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from app.documents.content import content_hash, content_record, parse_qr_payload, qr_payload
from app.documents.context import Money, build_context, cn_small
from app.documents.model import DocumentData, missing_fields
from app.documents.render import KINDS, render_pdf
from app.documents.sample import sample_data
from app.documents.templates import TemplateError, fill, fill_parts, load_template
from app.domain.errors import InputError


@pytest.mark.parametrize("kind", KINDS)
def test_the_sample_case_lacks_nothing(kind: str) -> None:
    assert missing_fields(kind, sample_data(kind)) == []


def test_an_agreement_without_settlement_is_refused_with_the_list() -> None:
    data = replace(sample_data("agreement"), settlement=None, recalculation=None)
    assert missing_fields("agreement", data) == ["调解方案：尚未确定", "依法核算结果：尚未重新计算"]
    with pytest.raises(InputError) as caught:
        render_pdf("agreement", data)
    assert [p.path for p in caught.value.problems] == ["settlement", "recalculation"]


def test_a_plan_without_instalments() -> None:
    data = sample_data("plan")
    assert data.settlement is not None
    empty = replace(data, settlement=replace(data.settlement, rows=()))
    assert missing_fields("plan", empty) == ["还款计划：尚未确定"]


def test_confirmation_needs_the_court_the_effective_date_and_contacts() -> None:
    data = sample_data("confirmation")
    assert data.settlement is not None
    debtor = replace(data.parties[1], phone="")
    lacking = replace(data, court="", parties=(data.parties[0], debtor, data.parties[2]),
                      settlement=replace(data.settlement, agreed_on=None))
    assert missing_fields("confirmation", lacking) == [
        "债务人张伟的联系电话：缺失",
        "调解协议生效日期：尚未确定（协议尚未签署）",
        "受理司法确认的人民法院：尚未填写",
    ]


def test_agreement_needs_every_partys_basic_information() -> None:
    data = sample_data("agreement")
    creditor = replace(data.parties[0], legal_representative="", address="")
    debtor = replace(data.parties[1], id_number="")
    lacking = replace(data, parties=(creditor, debtor), mediator="")
    assert missing_fields("agreement", lacking) == [
        "调解员：尚未指定",
        "债权人杭州恒远贸易有限公司的住所地：缺失",
        "债权人杭州恒远贸易有限公司的法定代表人：缺失",
        "债务人张伟的居民身份证号码：缺失",
    ]


def test_no_debtor_no_session_no_organisation_name() -> None:
    data = sample_data("notice")
    bare = replace(data, parties=data.parties[:1], session=None,
                   organisation=replace(data.organisation, name=" "))
    assert missing_fields("notice", bare) == [
        "调解组织名称：尚未设置（请在“设置”中填写机构信息）",
        "债务人：尚未登记",
        "调解时间和地点：尚未安排",
    ]


def test_unknown_kind_and_a_record_of_another_kind() -> None:
    data = sample_data("plan")
    assert missing_fields("letter", data)[0].startswith("文书种类“letter”不存在")
    with pytest.raises(InputError) as caught:
        render_pdf("agreement", data)
    assert caught.value.problems[-1].path == "meta.kind"


def test_termination_needs_its_reason() -> None:
    data = replace(sample_data("termination"), termination=None)
    assert missing_fields("termination", data) == ["调解终结的原因：尚未填写"]


def test_content_record_is_canonical_json() -> None:
    data = sample_data("agreement")
    record = content_record(data)
    parsed = json.loads(record)
    assert parsed["settlement"]["total"] == "88000.00"
    assert parsed["settlement"]["rows"][1]["due"] == "2027-01-31"
    assert parsed["organisation"]["seal_png"].keys() == {"sha256"}
    assert parsed["meta"]["created"] == "2026-12-15T11:30:00+08:00"
    again = json.dumps(parsed, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert again.encode("utf-8") == record
    assert len(content_hash(data)) == 64 and content_hash(data) == content_hash(sample_data())


def test_the_hash_follows_every_field() -> None:
    data = sample_data("agreement")
    assert content_hash(replace(data, court="别的法院")) != content_hash(data)
    seal = replace(data.organisation, seal_png=b"other")
    assert content_hash(replace(data, organisation=seal)) != content_hash(data)


def test_qr_payload_round_trip_and_refusal() -> None:
    data = sample_data("notice")
    fields = parse_qr_payload(qr_payload(data))
    assert fields["document"] == "TJ-2026-000123-TZ-01"
    with pytest.raises(ValueError):
        parse_qr_payload("https://example.invalid/x")


def test_fill_parts_leaves_out_a_part_whose_value_is_empty() -> None:
    ctx = build_context("agreement", sample_data("agreement"))
    ctx_empty = {**ctx, "name": "张伟", "phone": ""}
    parts = ["债务人：{name}", "联系电话：{phone}"]
    assert fill_parts(parts, ctx_empty, end="。") == "债务人：张伟。"
    assert fill_parts(parts, {**ctx_empty, "phone": "138"}) == "债务人：张伟，联系电话：138"


def test_money_prints_both_forms_and_counts_in_small_numerals() -> None:
    from decimal import Decimal

    money = Money(Decimal("12345.67"))
    assert f"{money}" == "12,345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）"
    assert [cn_small(n) for n in (1, 4, 10, 13, 20, 25)] == ["一", "四", "十", "十三", "二十",
                                                            "二十五"]


def test_a_template_naming_an_unknown_value_is_a_bug_reported_clearly() -> None:
    ctx = build_context("plan", sample_data("plan"))
    with pytest.raises(TemplateError, match="nonexistent"):
        fill("{settlement.nonexistent}", ctx)


@pytest.mark.parametrize("kind", KINDS)
def test_templates_are_versioned_files_of_their_kind(kind: str) -> None:
    template = load_template(kind, 1)
    assert template["kind"] == kind and template["version"] == 1 and template["blocks"]


def test_dates_in_the_context_print_without_leading_zeros() -> None:
    data: DocumentData = sample_data("notice")
    assert data.session is not None
    session = replace(data.session, reply_by=date(2027, 1, 5))
    ctx = build_context("notice", replace(data, session=session))
    assert ctx["session"].reply_by == "2027年1月5日"
    assert ctx["doc"].date == "2026年12月1日"
