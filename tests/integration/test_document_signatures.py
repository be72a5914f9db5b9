"""Handwritten signatures on the real store, the handwritten path to "signed", and the
organisation's digital signature (real PAdES through the signing service) kept with the
version, found again by `verify`."""

from __future__ import annotations

import hashlib
import io
from types import SimpleNamespace
from typing import Any

import pytest

from app.domain.errors import DomainError, InputError
from app.services.cases import service as cases
from app.services.documents import signatures as sigs
from app.services.documents import store as docs
from tests.security_fixtures import connect_store, sqlite_errors
from tests.store_fixtures import new_case

STROKES = {"width": 600, "height": 200, "strokes": [[[10.0, 20.0, 0.5], [30.5, 40.0, 0.7]]]}


def png(seed: int = 0) -> bytes:
    from PIL import Image

    image = Image.new("RGBA", (40, 12), (0, 0, 0, 0))
    image.putpixel((seed % 40, 5), (0, 0, 0, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=1)
    page.drawString(72, 720, text)
    page.save()
    return out.getvalue()


@pytest.fixture
def case(ctx: Any) -> Any:
    summary = cases.create_case(ctx, new_case())
    cases.add_party(ctx, summary.case_no, "guarantor", "赵保证")
    detail = cases.get_case(ctx, summary.case_no)
    return SimpleNamespace(id=summary.id, case_no=summary.case_no, parties=detail.parties)


def party(case: Any, role: str) -> int:
    return next(p.id for p in case.parties if p.role == role)


@pytest.fixture
def final(ctx: Any, case: Any) -> Any:
    return docs.create_version(ctx, case.case_no, "agreement", pdf("agreement v1"), final=True)


def sign_all(ctx: Any, case: Any, doc_id: int) -> Any:
    """Every party who signs, then the mediator; the last progress."""
    for n, role in enumerate(("creditor", "debtor", "guarantor")):
        sigs.record_signature(ctx, doc_id, party(case, role), f"签名人{n}", png(n), STROKES)
    return sigs.record_signature(ctx, doc_id, None, "张调解员", png(9), STROKES)


def test_each_signature_is_kept_and_the_last_one_signs_the_version(
    ctx: Any, case: Any, final: Any, clock: Any
) -> None:
    debtor = party(case, "debtor")
    first = sigs.record_signature(ctx, final.id, debtor, " 王建国 ", png(1), STROKES)
    assert [s.label for s in first.required] == [
        f"债权人{case.parties[0].name}", "债务人王建国", "保证人赵保证", "调解员",
    ]  # fmt: skip
    assert [s.role for s in first.missing] == ["creditor", "guarantor", "mediator"]
    assert not first.complete and first.document.status == "final"
    [mine] = first.signatures
    assert (mine.party_id, mine.role_label, mine.signer_name) == (debtor, "债务人", "王建国")
    assert mine.png == png(1) and mine.png_sha256 == hashlib.sha256(png(1)).hexdigest()
    assert mine.strokes == STROKES and mine.signed_at == clock.now

    clock.advance(minutes=3)
    done = sign_all(ctx, case, final.id)
    assert done.complete and done.missing == ()
    assert (done.document.status, done.document.signed_via) == ("signed", "handwritten")
    assert done.document.signed_at == clock.now
    with ctx.read() as uow:
        actions = [e.action for e in uow.audit.for_case(case.id)][-5:]
    assert actions == ["document.signature_recorded"] * 4 + ["document.signed"]


def test_signing_again_replaces_the_signature_and_keeps_the_old_row(
    ctx: Any, case: Any, final: Any
) -> None:
    debtor = party(case, "debtor")
    sigs.record_signature(ctx, final.id, debtor, "王建国", png(1), STROKES)
    sigs.record_signature(ctx, final.id, None, "张调解员", png(2), STROKES)
    sigs.record_signature(ctx, final.id, debtor, "王建国", png(3), STROKES)
    current = sigs.signatures_for(ctx, final.id)
    assert [(s.party_id, s.png) for s in current] == [(None, png(2)), (debtor, png(3))]
    conn = connect_store(ctx.data_dir / "cases.db")
    try:
        assert conn.execute("SELECT count(*) FROM signature").fetchone() == (3,)
    finally:
        conn.close()


def test_bad_signatures_are_refused_with_every_problem(ctx: Any, case: Any, final: Any) -> None:
    with pytest.raises(InputError) as refused:
        sigs.record_signature(ctx, final.id, None, " ", b"GIF89a", {"strokes": []})
    assert [p.path for p in refused.value.problems] == ["signer_name", "png", "strokes"]
    with pytest.raises(InputError, match="签名笔迹数据无法保存"):
        sigs.record_signature(ctx, final.id, None, "张", png(), {"strokes": [[[float("nan")]]]})
    other = cases.create_case(ctx, new_case(debtor_name="李芳"))
    stranger = party(cases.get_case(ctx, other.case_no), "debtor")
    with pytest.raises(InputError, match=f"不属于案件 {case.case_no}"):
        sigs.record_signature(ctx, final.id, stranger, "李芳", png(), STROKES)
    assert sigs.signatures_for(ctx, final.id) == []


def test_a_draft_takes_no_signature_and_a_signed_version_takes_no_more(
    ctx: Any, case: Any, final: Any
) -> None:
    draft = docs.create_version(ctx, case.case_no, "record", b"%PDF record")
    with pytest.raises(DomainError, match="还是草稿，不能签名"):
        sigs.record_signature(ctx, draft.id, None, "张调解员", png(), STROKES)
    sign_all(ctx, case, final.id)
    with pytest.raises(DomainError, match="已签署，不能再添加签名。如需更改，请制作修订版"):
        sigs.record_signature(ctx, final.id, None, "张调解员", png(5), STROKES)
    errors = sqlite_errors()
    conn = connect_store(ctx.data_dir / "cases.db")
    try:
        for statement in ("UPDATE signature SET signer_name = '别人'", "DELETE FROM signature"):
            with pytest.raises(errors.IntegrityError, match=r"immutable|are kept"):
                conn.execute(statement)
    finally:
        conn.close()


def test_handwritten_evidence_needs_every_signature(ctx: Any, case: Any, final: Any) -> None:
    sigs.record_signature(ctx, final.id, party(case, "debtor"), "王建国", png(), STROKES)
    with pytest.raises(DomainError, match=r"还有人没有签名：债权人.*保证人赵保证、调解员。"):
        docs.mark_signed(ctx, final.id, "handwritten")
    with pytest.raises(DomainError, match="还有人没有签名"):
        docs.attach_signed_pdf(ctx, final.id, pdf("with images"), how="handwritten")
    sign_all(ctx, case, final.id)
    placed = docs.attach_signed_pdf(ctx, final.id, pdf("with images"), how="handwritten")
    assert [a.role for a in placed.attachments] == ["signed_pdf"]
    assert placed.signed_via == "handwritten"


def test_wet_ink_and_handwritten_end_in_the_same_state(ctx: Any, case: Any, final: Any) -> None:
    paper = docs.create_version(ctx, case.case_no, "confirmation", pdf("c"), final=True)
    by_scan = docs.attach_signed_scan(ctx, paper.id, png(), "photo.png")
    by_pad = sign_all(ctx, case, final.id).document
    assert by_scan.status == by_pad.status == "signed" and by_scan.locked and by_pad.locked
    assert (by_scan.signed_via, by_pad.signed_via) == ("wet_ink", "handwritten")


def test_the_organisations_pades_copy_is_kept_and_verify_finds_it(
    ctx: Any, case: Any, final: Any
) -> None:
    from app.services.organisation import signing as signing

    sign_all(ctx, case, final.id)
    placed = docs.attach_signed_pdf(
        ctx, final.id, pdf("agreement with signatures"), how="handwritten"
    )
    base = docs.get_attachment_content(ctx, placed.attachments[0].id)
    sealed = signing.sign_document(ctx.data_dir, base).pdf
    with pytest.raises(DomainError, match="不是由人民调解协议书（第 1 版）签署而来"):
        docs.attach_signed_pdf(ctx, final.id, signing.sign_document(ctx.data_dir, pdf("x")).pdf,
                               how="digital")  # fmt: skip
    kept = docs.attach_signed_pdf(ctx, final.id, sealed, how="digital", filename="协议.pdf")
    assert [a.role for a in kept.attachments] == ["signed_pdf", "digital_pdf"]
    assert kept.signed_via == "handwritten"  # the first way it was signed stays

    report = signing.verify_document(sealed, data_dir=ctx.data_dir)
    assert report.intact and report.store_checked
    record = report.store_record
    assert record is not None
    assert (record["case_no"], record["kind"], record["version"], record["status"]) == (
        case.case_no, "agreement", 1, "signed",
    )  # fmt: skip
    assert (record["matched"], record["filename"]) == ("digital_pdf", "协议.pdf")
    changed = bytearray(sealed)
    changed[len(changed) // 3] ^= 0x01
    assert signing.verify_document(bytes(changed), data_dir=ctx.data_dir).store_record is None


def test_a_digital_signature_alone_signs_a_final_version(ctx: Any, case: Any) -> None:
    from app.services.organisation import signing as signing

    notice = docs.create_version(ctx, case.case_no, "notice", pdf("notice"), final=True)
    sealed = signing.sign_document(ctx.data_dir, docs.get_document_content(ctx, notice.id)).pdf
    signed = docs.attach_signed_pdf(ctx, notice.id, sealed, how="digital")
    assert (signed.status, signed.signed_via) == ("signed", "digital")
    found = docs.find_by_sha256(ctx, hashlib.sha256(sealed).hexdigest())
    assert found is not None and found.matched == "digital_pdf"
