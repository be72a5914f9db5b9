"""Rendering the documents: text, amounts in both forms, footer, QR, bytes, long text."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from app.documents.pdf import DOCUMENT_KINDS, content_hash, qr_payload, render_pdf
from app.documents.pdf.render import IncompleteDocument
from app.domain.numerals import format_amount, format_date_cn, rmb_upper
from tests.unit.documents.demo_case import seal_png, signature_png
from tests.unit.documents.pdf_checks import all_text, decode_qr, flat, page_texts
from tests.unit.documents.sample import (
    CASE_NO,
    CLAIMED,
    CREDITOR_USCC,
    DEBTOR_ID,
    LAWFUL,
    PLAN_AMOUNTS,
    PLAN_DATES,
    SETTLED,
    WAIVED,
    sample,
)

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def agreement_pdf() -> bytes:
    return render_pdf("agreement", sample("agreement"))


def test_agreement_names_both_parties_with_their_identity_numbers(agreement_pdf: bytes) -> None:
    text = all_text(agreement_pdf)
    for needle in ("滨江农村商业银行股份有限公司", CREDITOR_USCC, "王建国", DEBTOR_ID, "张为民"):
        assert needle in text


def test_agreement_has_every_amount_in_figures_and_in_capitals(agreement_pdf: bytes) -> None:
    text = all_text(agreement_pdf)
    for amount in (CLAIMED, LAWFUL, WAIVED, SETTLED, *PLAN_AMOUNTS):
        assert format_amount(amount) in text, amount
        assert rmb_upper(amount) in text, amount
    assert "人民币壹拾壹万肆仟壹佰元整" in text  # 114,100.00, the settled total
    assert "人民币叁万肆仟陆佰玖拾玖元捌角叁分" in text  # 34,699.83, an instalment


def test_agreement_and_plan_list_every_due_date(agreement_pdf: bytes) -> None:
    plan_text = all_text(render_pdf("plan", sample("plan")))
    for due in PLAN_DATES:
        assert format_date_cn(due) in all_text(agreement_pdf)
        assert format_date_cn(due) in plan_text
    assert "第4期" in plan_text


def test_agreement_has_the_terms_article_29_asks_for(agreement_pdf: bytes) -> None:
    text = all_text(agreement_pdf)
    for needle in (
        "纠纷的主要事实、争议事项及各方责任",
        "逾期超过15日未足额支付",
        "不再减免",
        "本协议一式三份",
        "调解员：陈静（签名）",
        "人民调解法》第三十三条",
    ):
        assert needle in text, needle


def test_revival_clause_is_left_out_when_the_waiver_does_not_revive() -> None:
    data = sample("agreement")
    assert data.settlement is not None
    text = all_text(render_pdf("agreement", replace(data, settlement=replace(
        data.settlement, revival=False))))  # fmt: skip
    assert "不再减免" not in text
    assert "逾期超过15日未足额支付" in text


def test_every_page_has_its_number_the_page_count_and_the_document_number(
    agreement_pdf: bytes,
) -> None:
    pages = page_texts(agreement_pdf)
    assert len(pages) >= 2
    for i, text in enumerate(pages, start=1):
        assert f"第{i}页共{len(pages)}页" in flat(text)
        assert "TJ-2026-000003-XY-01" in text


def test_qr_on_the_last_page_holds_case_document_and_content_hash(agreement_pdf: bytes) -> None:
    data = sample("agreement")
    last = len(page_texts(agreement_pdf))
    found = decode_qr(agreement_pdf, last)
    assert found == [f"MDDOC1|{CASE_NO}|TJ-2026-000003-XY-01|{content_hash(data)}"]
    assert found[0] == qr_payload(data)
    assert decode_qr(agreement_pdf, 1) == [] if last > 1 else True


def test_content_hash_changes_with_one_fen() -> None:
    data = sample("agreement")
    assert data.settlement is not None
    other = replace(data, settlement=replace(data.settlement, total=SETTLED + Decimal("0.01")))
    assert content_hash(other) != content_hash(data)
    assert content_hash(replace(data)) == content_hash(data)


def test_same_data_gives_the_same_bytes_also_in_another_process(agreement_pdf: bytes) -> None:
    assert render_pdf("agreement", sample("agreement")) == agreement_pdf
    code = (
        "import sys,hashlib;from app.documents.pdf import render_pdf;"
        "from tests.unit.documents.sample import sample;"
        "sys.stdout.write(hashlib.sha256(render_pdf('agreement',sample())).hexdigest())"
    )
    env_run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert env_run.stdout == hashlib.sha256(agreement_pdf).hexdigest()


def test_creation_date_comes_from_the_document_record(agreement_pdf: bytes) -> None:
    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(agreement_pdf)).metadata
    assert info is not None
    assert info["/CreationDate"] == "D:20260702113000+08'00'"


@pytest.mark.parametrize("kind", sorted(DOCUMENT_KINDS))
def test_every_kind_renders_with_its_title_and_the_debtor(kind: str) -> None:
    pdf = render_pdf(kind, sample(kind))
    text = all_text(pdf)
    assert pdf.startswith(b"%PDF")
    assert DOCUMENT_KINDS[kind] in text
    assert "王建国" in text
    assert "滨江区金融纠纷人民调解委员会" in text


def test_kinds_say_what_they_are_for() -> None:
    notice = all_text(render_pdf("notice", sample("notice")))
    assert "2026年7月2日9时30分" in notice and "0571-88886666" in notice
    record = all_text(render_pdf("record", sample("record")))
    assert "440524198001010013" in record and "已核对" in record and "愿意分期偿还" in record
    confirmation = all_text(render_pdf("confirmation", sample("confirmation")))
    assert "杭州市滨江区人民法院" in confirmation and "三十日内" in confirmation
    termination = all_text(render_pdf("termination", sample("termination")))
    assert "经多次协商未能达成一致" in termination and "提起诉讼" in termination


def test_very_long_names_and_addresses_wrap_and_stay_whole() -> None:
    data = sample("agreement")
    long_name = "某某省某某市某某区某某街道某某社区" * 4 + "有限责任公司"
    long_address = "某某省某某市某某区某某路" + "一二三四五六七八九十" * 12 + "号"
    parties = (replace(data.parties[0], name=long_name, address=long_address), data.parties[1])
    pdf = render_pdf("agreement", replace(data, parties=parties))
    text = all_text(pdf)
    assert long_name in text
    assert long_address in text


def test_signatures_and_seal_are_drawn_as_images() -> None:
    from pypdf import PdfReader

    data = sample("agreement")
    parties = tuple(
        replace(p, signature_png=signature_png(300 + 40 * i)) for i, p in enumerate(data.parties)
    )
    org = replace(data.organisation, seal_png=seal_png())
    pdf = render_pdf("agreement", replace(data, parties=parties, organisation=org))
    last = PdfReader(io.BytesIO(pdf)).pages[-1]
    assert len(last.images) >= 3  # two signatures and the seal
    assert pdf != render_pdf("agreement", data)


def test_font_is_embedded_as_a_subset(agreement_pdf: bytes) -> None:
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(io.BytesIO(agreement_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None:
                fonts.add(("/FontFile2" in descriptor.get_object(), str(font["/BaseFont"])))
    assert fonts and all(embedded for embedded, _ in fonts)
    assert b"Helvetica" not in agreement_pdf
    assert all("+" in name for _, name in fonts)  # subset prefix ABCDEF+Name


def test_incomplete_data_is_refused_with_what_is_missing() -> None:
    data = replace(sample("agreement"), settlement=None, mediator="")
    with pytest.raises(IncompleteDocument) as caught:
        render_pdf("agreement", data)
    assert "调解员：尚未指定" in caught.value.missing
    assert any(m.startswith("调解方案：尚未保存") for m in caught.value.missing)


def test_a_long_party_name_grows_its_signature_row_instead_of_overlapping() -> None:
    from app.documents.pdf.signatures import signature_table
    from app.documents.pdf.styles import FRAME_WIDTH
    from app.documents.pdf.values import document_values

    data = sample("agreement")
    long_name = "某某省某某市某某区某某街道某某社区" * 4 + "有限责任公司"
    data = replace(data, parties=(replace(data.parties[0], name=long_name), data.parties[1]))
    table = signature_table(data, document_values(data), {})
    table.wrap(FRAME_WIDTH, 1000)
    creditor_row, debtor_row = table._rowHeights[0], table._rowHeights[1]
    assert creditor_row > debtor_row  # the wrapped name takes more lines, its row grows
    assert long_name in all_text(render_pdf("agreement", data))
