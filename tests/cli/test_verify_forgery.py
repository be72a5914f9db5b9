"""`verify` no longer passes forgeries (issue 14, item 3).

A document tampered with and re-signed by another installation's self-made certificate
carrying the same organisation name used to get exit 0 and 文件完整, even with the real
organisation's --data-dir. Now, with --data-dir, only the organisation's own certificate
(by fingerprint) makes a document intact for it, and the first line says whose signature
it is; without it the signer's identity is said to be unchecked; metadata (/Info, XMP)
changed after signing is a change."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.services.organisation.signing import sign_document
from tests.unit.signing.pdfs import chinese_pdf

ORG = "调解组织"  # the same name in both installations


def incremental(signed: bytes, change: Any) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(PdfReader(io.BytesIO(signed)), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def new_title(signed: bytes) -> bytes:
    return incremental(signed, lambda w: w.add_metadata({"/Title": "还款协议（已结清）"}))


def new_xmp(signed: bytes) -> bytes:
    from pypdf.generic import DecodedStreamObject, NameObject

    def change(writer: Any) -> None:
        stream = DecodedStreamObject()
        stream.set_data(
            b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:'
            b'meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>forged'
            b'</dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
        )
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)

    return incremental(signed, change)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("forgery")
    ours = folder / "org"
    genuine = sign_document(ours, chinese_pdf(), org_name=ORG)
    forged_text = chinese_pdf(("人民调解协议书", "债务人已全部清偿，债权人放弃其余请求。"))
    forger = sign_document(folder / "elsewhere", forged_text, org_name=ORG)
    assert forger.signer == genuine.signer  # the same name, another certificate
    files = {
        "genuine": genuine.pdf,
        "forged": forger.pdf,
        "title": new_title(genuine.pdf),
        "xmp": new_xmp(genuine.pdf),
    }
    for name, data in files.items():
        (folder / f"{name}.pdf").write_bytes(data)
    return {"folder": folder, "ours": ours, "genuine": genuine, "forger": forger}


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, dict[str, Any], str]:
    code = main(["verify", *map(str, args)])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_a_forgery_with_the_same_name_is_not_the_organisations(
    docs: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, err = run(capsys, docs["folder"] / "forged.pdf", "--data-dir", docs["ours"])
    assert code == 1 and report["intact"] is False
    first = err.splitlines()[0]
    assert "不是本组织签署的" in first and docs["forger"].certificate_sha256[:16] in first
    assert ORG in first
    assert report["summary"] == first
    assert next(iter(report)) == "summary"
    assert report["signed_by_organisation"] is False and report["content_intact"] is True


def test_the_genuine_document_is_intact_and_says_by_whom(
    docs: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, err = run(capsys, docs["folder"] / "genuine.pdf", "--data-dir", docs["ours"])
    assert (code, err) == (0, "")
    assert report["summary"].startswith("文件完整：由本组织的证书签署")
    assert report["signed_by_organisation"] is True


@pytest.mark.parametrize("name", ["genuine", "forged"])
def test_without_a_data_dir_the_signer_is_said_to_be_unchecked(
    docs: dict[str, Any], capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, report, _ = run(capsys, docs["folder"] / f"{name}.pdf")
    assert code == 0  # unchanged since signed: all that can be known without the certificate
    assert "没有核对签署人身份" in report["summary"]
    assert report["signed_by_organisation"] is None
    assert any("没有核对签署人身份" in note for note in report["notes"])


@pytest.mark.parametrize("name", ["title", "xmp"])
def test_metadata_changed_after_signing_is_a_change(
    docs: dict[str, Any], capsys: pytest.CaptureFixture[str], name: str
) -> None:
    for extra in ((), ("--data-dir", docs["ours"])):
        code, report, err = run(capsys, docs["folder"] / f"{name}.pdf", *extra)
        assert code == 1 and report["intact"] is False
        assert "元数据" in err.splitlines()[0]
        assert report["signatures"][0]["metadata_changed"] is True


def test_a_courts_counter_signature_still_keeps_it_intact(
    docs: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    court = sign_document(tmp_path / "court", docs["genuine"].pdf, org_name="滨江市人民法院")
    (tmp_path / "countersigned.pdf").write_bytes(court.pdf)
    code, report, _ = run(capsys, tmp_path / "countersigned.pdf", "--data-dir", docs["ours"])
    assert code == 0, report["problems"]
    assert [s["signed_by_organisation"] for s in report["signatures"]] == [True, False]
