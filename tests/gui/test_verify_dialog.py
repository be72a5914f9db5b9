"""核验文书 with the inline runner: a signed PDF shows 完好, one changed byte 已被改动, an
unsigned one 未签名; signer, local signing time, the organisation's certificate, the case
store's record and the raw JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import app.services.organisation.signing as signing_service
from app.documents.org_identity import create_org_identity
from app.services.organisation.signing import sign_document
from tests.unit.signing.pdfs import byte_ranges, chinese_pdf, flip
from ui.tasks import InlineTaskRunner
from ui.views.documents.verify_dialog import VerifyDialog

WAIT = 10_000
ORG = "滨江市金融纠纷人民调解委员会"
PASSPHRASE = "verify-dialog-pass"


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One organisation identity and one signed two-page PDF for the module."""
    folder = tmp_path_factory.mktemp("verify")
    data_dir = folder / "data"
    create_org_identity(data_dir, ORG, PASSPHRASE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(signing_service.PASSPHRASE_ENV, PASSPHRASE)
        result = sign_document(data_dir, chinese_pdf(), location="滨江市")
    path = folder / "调解协议书-已签名.pdf"
    path.write_bytes(result.pdf)
    return {"data_dir": data_dir, "path": path, "pdf": result.pdf, "result": result}


@pytest.fixture
def dialog(qtbot: Any, themed_app: Any, signed: dict[str, Any]) -> Iterator[VerifyDialog]:
    runner = InlineTaskRunner()
    view = VerifyDialog(runner, signed["data_dir"])
    runner.setParent(view)
    qtbot.addWidget(view)
    view.show()
    yield view


def verify(qtbot: Any, dialog: VerifyDialog, path: Path) -> Any:
    with qtbot.waitSignal(dialog.report_shown, timeout=WAIT) as blocker:
        dialog.verify_file(path)
    return blocker.args[0]


def text(dialog: VerifyDialog, row: str) -> str:
    return dialog.view.rows[row].text()


def test_a_signed_pdf_shows_intact_with_signer_time_and_certificate(qtbot, dialog, signed) -> None:
    report = verify(qtbot, dialog, signed["path"])
    assert report.intact
    assert dialog.verdict.text() == "完好" and dialog.verdict.property("verdict") == "intact"
    assert "没有任何改动" in dialog.summary.text()
    assert text(dialog, "signer") == ORG
    signed_at = report.signatures[0].signing_time
    local = datetime.fromisoformat(signed_at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert text(dialog, "time").startswith(local)
    shown = text(dialog, "fingerprint").replace(" ", "").replace("\n", "")
    assert shown == signed["result"].certificate_sha256.upper()
    assert text(dialog, "organisation") == "是：与本机的组织证书一致"
    assert text(dialog, "location") == "滨江市"
    assert text(dialog, "coverage") == "覆盖整个文件"


def test_the_raw_json_opens_on_demand(qtbot, dialog, signed) -> None:
    verify(qtbot, dialog, signed["path"])
    assert not dialog.raw.isVisibleTo(dialog)
    dialog.raw_toggle.click()
    assert dialog.raw.isVisibleTo(dialog)
    raw = json.loads(dialog.raw.toPlainText())
    assert raw["intact"] is True and raw["document_sha256"] == signed["result"].sha256


def test_one_changed_byte_shows_changed(qtbot, dialog, signed, tmp_path) -> None:
    start, length = byte_ranges(signed["pdf"])[0]
    tampered = tmp_path / "改过.pdf"
    tampered.write_bytes(flip(signed["pdf"], start + length // 2))
    report = verify(qtbot, dialog, tampered)
    assert not report.intact
    assert dialog.verdict.text() == "已被改动" and dialog.verdict.property("verdict") == "changed"
    assert "不能把它当作原件" in dialog.summary.text()


def test_an_unsigned_pdf_says_so(qtbot, dialog, tmp_path) -> None:
    plain = tmp_path / "未签名.pdf"
    plain.write_bytes(chinese_pdf())
    verify(qtbot, dialog, plain)
    assert dialog.verdict.text() == "未签名"
    assert dialog.view.rows.get("signer") is None


def test_a_file_that_is_not_a_pdf_is_a_calm_message(qtbot, dialog, tmp_path) -> None:
    other = tmp_path / "照片.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0 not a pdf")
    with qtbot.waitSignal(dialog.verify_failed, timeout=WAIT):
        dialog.verify_file(other)
    assert dialog.verdict.text() == "无法核验"
    assert "不是 PDF" in dialog.summary.text() and dialog.choose_button.isEnabled()


def test_the_case_store_record_is_shown(
    qtbot, dialog, signed, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = {
        signed["result"].sha256: {
            "case_no": "TJ-2026-000007",
            "kind": "agreement",
            "version": 2,
            "status": "signed",
        }
    }
    monkeypatch.setattr(signing_service, "record_lookup_provider", lambda _dir: records.get)
    verify(qtbot, dialog, signed["path"])
    assert text(dialog, "record") == "与案件库中的文书一致（内容哈希相同）"
    assert text(dialog, "case_no") == "TJ-2026-000007"
    assert text(dialog, "doc_kind") == "人民调解协议书"  # as the document is titled
    assert text(dialog, "version") == "第 2 版"
    assert text(dialog, "status") == "已签署"

    records.clear()
    verify(qtbot, dialog, signed["path"])
    assert text(dialog, "record").startswith("案件库中没有与这个文件完全一致的文书")


def test_another_organisations_certificate_is_named(qtbot, themed_app, signed, tmp_path) -> None:
    other = tmp_path / "other"
    create_org_identity(other, "另一个调解中心", "x-pass")
    runner = InlineTaskRunner()
    view = VerifyDialog(runner, other)
    qtbot.addWidget(view)
    verify(qtbot, view, signed["path"])
    assert view.verdict.text() == "不是本组织签署"  # unchanged, but not that organisation's
    assert text(view, "organisation") == "否：不是本机组织的证书签署的"
