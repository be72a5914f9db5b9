"""Sign → verify round trips, and every kind of tampering the issue names is detected."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.documents.seal_stamp import stamp_pdf
from app.documents.signing import OrgSigner, read_identity, sign_pdf
from app.documents.verify import verify_pdf
from app.domain.errors import DomainError
from tests.unit.signing.conftest import ORG, SIGNED_AT
from tests.unit.signing.pdfs import (
    PAGE_TEXTS,
    append_page_content_with_pyhanko,
    append_text_with_pypdf,
    byte_ranges,
    flip,
    seal_png,
    signature_der,
    swap_first_pages,
)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text().strip() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_round_trip_is_intact_and_names_signer_time_and_reason(
    signed: bytes, unsigned: bytes, data_dir: Path
) -> None:
    report = verify_pdf(signed)
    assert report.intact, report.problems
    assert report.document_sha256 == hashlib.sha256(signed).hexdigest()
    assert report.signature_count == 1
    sig = report.signatures[0]
    assert (sig.intact, sig.valid, sig.trusted, sig.self_signed) == (True, True, False, True)
    assert sig.signer_common_name == ORG
    assert f"CN={ORG}" in sig.signer and "C=CN" in sig.signer
    assert sig.certificate_sha256 == read_identity(data_dir).fingerprint_sha256
    assert sig.signing_time is not None
    assert datetime.fromisoformat(sig.signing_time) == SIGNED_AT
    assert (sig.reason, sig.location) == ("调解协议确认", "上海市")
    assert (sig.covers_whole_file, sig.coverage, sig.modification_level) == (
        True,
        "entire_file",
        "none",
    )
    assert not sig.changed_after_signing
    assert signed.startswith(unsigned)  # an incremental update: the original bytes untouched
    assert page_texts(signed) == list(PAGE_TEXTS)
    assert report.summary.startswith("文件完整")
    assert report.notes and "certificate_sha256" in report.notes[0]


def test_trust_needs_the_certificate_and_fingerprints_name_the_organisation(
    signed: bytes, data_dir: Path
) -> None:
    cert = (data_dir / "signing" / "org-cert.pem").read_bytes()
    fingerprint = read_identity(data_dir).fingerprint_sha256
    trusted = verify_pdf(signed, trusted_certs=[cert], org_fingerprints={fingerprint})
    assert trusted.signatures[0].trusted and trusted.signatures[0].signed_by_organisation
    assert trusted.notes == ()
    assert trusted.intact and trusted.signed_by_organisation is True
    other = verify_pdf(signed, org_fingerprints={"0" * 64})
    assert other.content_intact and not other.intact  # not the organisation's certificate
    assert other.signatures[0].signed_by_organisation is False
    assert other.signed_by_organisation is False and "不是本组织签署的" in other.summary
    assert verify_pdf(signed).signatures[0].signed_by_organisation is None


def test_store_record_comes_from_the_lookup_hook(signed: bytes) -> None:
    asked: list[str] = []

    def lookup(sha256: str) -> dict[str, Any] | None:
        asked.append(sha256)
        return {"case": "2026-001", "version": 1}

    report = verify_pdf(signed, lookup_record=lookup)
    assert asked == [hashlib.sha256(signed).hexdigest()]
    assert (report.store_checked, report.store_record) == (True, {"case": "2026-001", "version": 1})
    plain = verify_pdf(signed)
    assert (plain.store_checked, plain.store_record) == (False, None)


def sample_positions(signed: bytes, per_range: int = 25) -> list[int]:
    """Evenly spread offsets over both signed byte ranges, with their first and last bytes."""
    positions: set[int] = set()
    for start, length in byte_ranges(signed):
        step = max(1, length // per_range)
        positions.update(range(start, start + length, step))
        positions.update({start, start + length - 1})
    return sorted(positions)


def test_one_changed_byte_anywhere_in_the_signed_range_is_detected(signed: bytes) -> None:
    positions = sample_positions(signed)
    assert len(positions) >= 50
    undetected = [i for i in positions if verify_pdf(flip(signed, i)).intact]
    assert undetected == []


def test_one_changed_byte_in_page_text_breaks_the_hash_not_the_parse(signed: bytes) -> None:
    index = signed.index(b"stream", 200) + 40  # inside the first page's content stream
    report = verify_pdf(flip(signed, index))
    assert not report.intact
    sig = report.signatures[0]
    assert (sig.intact, sig.valid) == (False, True)
    assert any("哈希值不符" in p for p in report.problems)


def test_one_changed_byte_of_the_signature_value_is_detected(signed: bytes) -> None:
    from asn1crypto import cms

    hex_start, der = signature_der(signed)
    signer = cms.ContentInfo.load(der, strict=True)["content"]["signer_infos"][0]
    ecdsa = signer["signature"].native  # ECDSA-Sig-Value: 30 len 02 rlen r… 02 slen s…
    at = der.rindex(ecdsa) + 5  # a byte of r's value, whatever r's length and leading zero
    index = hex_start + 2 * at  # its high hex digit in the file
    changed = bytearray(signed)
    changed[index] = ord("0") if signed[index] != ord("0") else ord("1")
    report = verify_pdf(bytes(changed))
    assert not report.intact
    assert (report.signatures[0].intact, report.signatures[0].valid) == (True, False)
    assert any("签名值无效" in p for p in report.problems)


def test_the_signature_bytes_end_where_their_der_says_even_on_a_zero_byte() -> None:
    """A CMS whose last byte is 0x00 (1 signature in 256) keeps it: the padding is cut by
    the DER length, not by stripping zeros."""
    der = bytes.fromhex("300702010102020100")  # SEQUENCE { 1, 256 }: ends in 00
    contents = b"<" + der.hex().encode() + b"0" * 40 + b">"
    head = b"%PDF-1.7\n<< /ByteRange [0 0000000000 0000000000 0000000008] /Contents "
    second = len(head) + len(contents)
    head = head.replace(b"0000000000 0000000000", b"%010d %010d" % (len(head), second))
    pdf = head + contents + b" >>\n%%EOF"
    assert signature_der(pdf) == (len(head) + 1, der)


def test_swapped_pages_are_detected(signed: bytes) -> None:
    swapped = swap_first_pages(signed)
    assert page_texts(swapped) == [PAGE_TEXTS[1], PAGE_TEXTS[0]]
    report = verify_pdf(swapped)
    assert not report.intact
    assert report.signature_count == 1
    assert not report.signatures[0].covers_whole_file
    assert report.signatures[0].changed_after_signing


@pytest.mark.parametrize(
    "append", [append_text_with_pypdf, append_page_content_with_pyhanko], ids=["pypdf", "pyhanko"]
)
def test_incremental_update_changing_content_is_detected(signed: bytes, append: Any) -> None:
    updated = append(signed)
    assert updated.startswith(signed)  # the signed revision itself is untouched
    report = verify_pdf(updated)
    assert not report.intact
    sig = report.signatures[0]
    assert (sig.intact, sig.valid) == (True, True)  # the signed bytes still match...
    assert sig.coverage == "entire_revision"  # ...but something was appended
    assert sig.modification_level == "other"
    assert sig.changed_after_signing
    assert any("签名之后文件被追加修改" in p for p in report.problems)


def test_a_second_signature_is_accepted_after_the_first(signed: bytes, signer: OrgSigner) -> None:
    twice = sign_pdf(signed, signer, signing_time=SIGNED_AT)
    report = verify_pdf(twice)
    assert [s.field for s in report.signatures] == ["OrgSignature1", "OrgSignature2"]
    first, second = report.signatures
    assert first.modification_level == "form_filling" and not first.changed_after_signing
    assert second.covers_whole_file and not second.changed_after_signing
    assert report.intact  # only a signature was added (see test_countersignature)


def test_unsigned_pdf_is_not_intact(unsigned: bytes) -> None:
    report = verify_pdf(unsigned)
    assert (report.intact, report.signature_count) == (False, 0)
    assert report.problems == ("文件没有数字签名",)


def test_a_damaged_pdf_is_reported_not_raised(signed: bytes) -> None:
    report = verify_pdf(signed[:100] + b"garbage" * 50)
    assert not report.intact
    assert report.problems and "文件" in report.problems[0]


def test_visible_stamp_sits_on_the_last_page_and_verifies(
    unsigned: bytes, signer: OrgSigner
) -> None:
    stamped = sign_pdf(unsigned, signer, signing_time=SIGNED_AT, visible_stamp=seal_png())
    assert verify_pdf(stamped).intact
    pages = PdfReader(io.BytesIO(stamped)).pages
    assert "/Annots" not in pages[0]
    widgets = [a.get_object() for a in pages[-1]["/Annots"]]
    assert [w["/FT"] for w in widgets] == ["/Sig"]
    x1, y1, x2, y2 = (float(v) for v in widgets[0]["/Rect"])
    width, height = (float(v) for v in pages[-1].mediabox[2:])
    assert width / 2 < x1 < x2 <= width and 0 <= y1 < y2 < height / 2
    assert "/AP" in widgets[0]


def test_stamp_caption_is_chinese_text_not_boxes(signer: OrgSigner) -> None:
    art = stamp_pdf(seal_png(), ORG, SIGNED_AT)
    text = PdfReader(io.BytesIO(art)).pages[0].extract_text()
    assert f"{ORG} 数字签名" in text
    assert "2026-03-14 10:30（北京时间）" in text  # 02:30 UTC


def test_bad_inputs_are_calm_errors(unsigned: bytes, signer: OrgSigner) -> None:
    with pytest.raises(DomainError, match="不是 PDF"):
        sign_pdf(b"hello, not a pdf", signer)
    with pytest.raises(DomainError, match="印章图片"):
        sign_pdf(unsigned, signer, visible_stamp=b"not a png")
    with pytest.raises(ValueError, match="timezone-aware"):
        sign_pdf(unsigned, signer, signing_time=datetime(2026, 1, 1))
