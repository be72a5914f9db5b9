"""A signature added after ours (a court's counter-signature) keeps our document intact;
content changed alongside it, or a text field filled in after signing, does not."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from app.documents.signing import OrgSigner, create_org_identity, load_signer, sign_pdf
from app.documents.verify import verify_pdf
from tests.unit.signing.conftest import SIGNED_AT
from tests.unit.signing.pdfs import append_page_content_with_pyhanko

COURT = "滨江市滨江区人民法院"


@pytest.fixture(scope="module")
def court(tmp_path_factory: pytest.TempPathFactory) -> OrgSigner:
    folder = tmp_path_factory.mktemp("court")
    create_org_identity(folder, COURT, "court-pass", now=datetime(2026, 1, 1, tzinfo=UTC))
    return load_signer(folder, "court-pass")


def countersign(signed: bytes, court: OrgSigner) -> bytes:
    return sign_pdf(signed, court, reason="司法确认", signing_time=SIGNED_AT)


def test_a_courts_counter_signature_keeps_our_signature_intact(
    signed: bytes, court: OrgSigner
) -> None:
    report = verify_pdf(countersign(signed, court))
    assert report.intact, report.problems
    ours, theirs = report.signatures
    assert ours.modification_level == "form_filling" and not ours.changed_after_signing
    assert (ours.intact, ours.valid, ours.covers_whole_file) == (True, True, False)
    assert theirs.signer_common_name == COURT and theirs.covers_whole_file
    assert "共 2 个数字签名" in report.summary


def test_content_changed_after_the_counter_signature_is_caught(
    signed: bytes, court: OrgSigner
) -> None:
    report = verify_pdf(append_page_content_with_pyhanko(countersign(signed, court)))
    assert not report.intact
    assert [s.modification_level for s in report.signatures] == ["other", "other"]


def form_pdf() -> bytes:
    """A one-page PDF with a text field (an amount) filled in as 100."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=True)
    page.drawString(72, 720, "Amount:")
    page.acroForm.textfield(name="amount", value="100", x=140, y=710, width=120, height=20)
    page.showPage()
    page.save()
    return out.getvalue()


def fill_amount(signed: bytes, value: str) -> bytes:
    """An incremental update that changes the text field's value (pyhanko: form filling)."""
    from pyhanko.pdf_utils.generic import pdf_name, pdf_string
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") == "amount":
            field[pdf_name("/V")] = pdf_string(value)
            writer.update_container(field)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_text_field_filled_in_after_signing_is_a_change(
    signer: OrgSigner, court: OrgSigner
) -> None:
    signed = sign_pdf(form_pdf(), signer, signing_time=SIGNED_AT)
    assert verify_pdf(signed).intact
    filled = verify_pdf(fill_amount(signed, "999999"))
    assert filled.signatures[0].modification_level == "form_filling"
    assert not filled.intact and filled.signatures[0].changed_after_signing
    # with a fillable field present, even a counter-signature cannot be told from filling
    assert not verify_pdf(countersign(signed, court)).intact
