"""The documents service on a real demo store: data from the case, refusals, rendering."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import InputError
from app.domain.numerals import format_amount, format_date_cn, rmb_upper
from tests.unit.documents.demo_case import BARE_CASE_NO, CASE_NO, NOW
from tests.unit.documents.pdf_checks import all_text, decode_qr, page_texts


@pytest.fixture
def ctx(demo_dir: Path) -> Iterator[Any]:
    from app.services.context import open_context

    with open_context(demo_dir, actor="测试员", clock=lambda: NOW) as context:
        yield context


def test_agreement_data_comes_from_case_snapshot_settlement_and_profile(ctx: Any) -> None:
    from app.services.cases.service import get_case
    from app.services.documents.service import document_data
    from app.services.settlement.service import get_settlement

    data = document_data(ctx, CASE_NO, "agreement")
    info = get_settlement(ctx, CASE_NO)
    detail = get_case(ctx, CASE_NO)
    assert info is not None
    assert data.number == f"{CASE_NO}-XY-01"
    assert data.settlement is not None
    assert data.settlement.total == info.proposal.settled_total
    assert [r.amount for r in data.settlement.rows] == [i.amount for i in info.plan.installments]
    assert sum((r.amount for r in data.settlement.rows), Decimal(0)) == data.settlement.total
    assert sum((r.waived for r in data.amounts), Decimal(0)) == info.proposal.waived_total
    assert {p.name for p in data.parties} == {p.name for p in detail.parties}
    assert data.organisation.seal_png is not None
    assert data.mediator == detail.summary.mediator_name
    stored = {(p.name, p.address) for p in detail.parties}
    assert {(p.name, p.address) for p in data.parties} == stored
    assert all(address for _, address in stored)


def test_rendered_agreement_from_the_store_carries_names_ids_amounts_and_dates(ctx: Any) -> None:
    from app.services.cases.service import get_case
    from app.services.documents.service import render_document
    from app.services.settlement.service import get_settlement

    doc = render_document(ctx, CASE_NO, "agreement")
    info = get_settlement(ctx, CASE_NO)
    assert info is not None
    text = all_text(doc.pdf)
    for party in get_case(ctx, CASE_NO).parties:
        assert party.name in text and party.id_number in text
    total = info.proposal.settled_total
    assert format_amount(total) in text and rmb_upper(total) in text
    for row in info.plan.installments:
        assert format_date_cn(row.due) in text
    last = len(page_texts(doc.pdf))
    assert decode_qr(doc.pdf, last) == [f"MDDOC1|{CASE_NO}|{doc.document_no}|{doc.content_hash}"]


def test_rendering_twice_gives_the_same_bytes(ctx: Any) -> None:
    from app.services.documents.service import render_document

    first = render_document(ctx, CASE_NO, "agreement")
    assert render_document(ctx, CASE_NO, "agreement").sha256 == first.sha256


@pytest.mark.parametrize("kind", ["agreement", "plan", "notice", "record"])
def test_the_prepared_demo_case_renders(ctx: Any, kind: str) -> None:
    from app.services.documents.service import render_document

    assert render_document(ctx, CASE_NO, kind).pdf.startswith(b"%PDF")


def test_confirmation_and_termination_need_what_the_store_lacks(ctx: Any) -> None:
    from app.services.documents.service import document_data, render_document

    with ctx.write() as uow:  # a case taken in without its court
        uow.cases.require(CASE_NO).court = ""
        uow.record("test.court_cleared")
    with pytest.raises(InputError) as caught:
        document_data(ctx, CASE_NO, "confirmation")
    reasons = [p.reason for p in caught.value.problems]
    assert "调解协议生效日期：协议尚未签署" in reasons
    assert any(r.startswith("受理司法确认的人民法院：尚未填写") for r in reasons)
    ended = render_document(ctx, CASE_NO, "termination", reason="债务人拒绝继续调解。")
    assert "债务人拒绝继续调解。" in all_text(ended.pdf)


def test_a_case_without_settlement_is_refused_with_everything_missing(ctx: Any) -> None:
    from app.services.documents.service import document_data

    with pytest.raises(InputError) as caught:
        document_data(ctx, BARE_CASE_NO, "agreement")
    reasons = [p.reason for p in caught.value.problems]
    assert any(r.startswith("调解方案：尚未保存") for r in reasons)
    assert any(r.startswith("依法核算结果：尚未重新计算") for r in reasons)


def test_unknown_kind_is_refused(ctx: Any) -> None:
    from app.services.documents.service import document_data

    with pytest.raises(InputError) as caught:
        document_data(ctx, CASE_NO, "letter")
    assert caught.value.problems[0].path == "kind"


def test_the_printed_number_is_the_version_the_document_is_kept_as(ctx: Any) -> None:
    from app.services.documents import store as store
    from app.services.documents.service import render_document

    first = render_document(ctx, CASE_NO, "plan")
    assert first.document_no == f"{CASE_NO}-JH-01"
    kept = store.create_version(ctx, CASE_NO, "plan", first.pdf, final=True)
    again = render_document(ctx, CASE_NO, "plan")
    assert (again.document_no, again.sha256) == (first.document_no, kept.sha256)  # the same
    store.attach_signed_scan(ctx, kept.id, first.pdf, "signed-plan.pdf")  # signed on paper
    changed = render_document(ctx, CASE_NO, "plan", as_of=date(2026, 7, 3))
    assert changed.document_no == f"{CASE_NO}-JH-02"
    assert f"{CASE_NO}-JH-02" in all_text(changed.pdf)
    assert store.create_version(ctx, CASE_NO, "plan", changed.pdf).version == 2


def test_the_documents_list_names_each_version_by_its_own_number(ctx: Any) -> None:
    from app.services.documents.service import render_document
    from app.services.documents.store import mark_final, mark_printed
    from app.services.documents.versions import list_documents, save_rendered

    first = save_rendered(ctx, CASE_NO, render_document(ctx, CASE_NO, "notice"))
    mark_final(ctx, first.id)
    mark_printed(ctx, first.id, copies=1, printer="测试打印机")
    later = render_document(ctx, CASE_NO, "notice", as_of=date(2026, 7, 3))
    second = save_rendered(ctx, CASE_NO, later)
    assert (first.number, second.number) == (f"{CASE_NO}-TZ-01", f"{CASE_NO}-TZ-02")
    assert second.number == later.document_no  # the list and the page agree
    listed = {v.version: v.number for v in list_documents(ctx, CASE_NO) if v.kind == "notice"}
    assert listed == {1: f"{CASE_NO}-TZ-01", 2: f"{CASE_NO}-TZ-02"}
