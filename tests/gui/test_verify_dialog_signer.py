"""核验文书 says whose signature it is (issue 14, item 3): a document signed by another
installation's certificate with the same organisation name is not shown as 完好, and
without the organisation's certificate to compare the dialog says the signer was not
checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.services.organisation.signing import sign_document
from tests.unit.signing.pdfs import chinese_pdf
from ui.tasks import InlineTaskRunner
from ui.views.documents.verify_dialog import VerifyDialog

WAIT = 10_000
ORG = "滨江市金融纠纷人民调解委员会"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("signer")
    sign_document(folder / "ours", chinese_pdf(), org_name=ORG)  # our certificate
    forged = sign_document(folder / "elsewhere", chinese_pdf(), org_name=ORG)
    (folder / "forged.pdf").write_bytes(forged.pdf)
    return {"ours": folder / "ours", "forged": folder / "forged.pdf", "empty": folder / "none"}


def shown(qtbot: Any, data_dir: Path, path: Path) -> VerifyDialog:
    runner = InlineTaskRunner()
    dialog = VerifyDialog(runner, data_dir)
    runner.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.report_shown, timeout=WAIT):
        dialog.verify_file(path)
    return dialog


def test_a_same_name_certificate_from_elsewhere_is_not_ours(
    qtbot: Any, themed_app: Any, files: dict[str, Path]
) -> None:
    dialog = shown(qtbot, files["ours"], files["forged"])
    assert dialog.verdict.property("verdict") == "foreign"
    assert dialog.verdict.text() == "不是本组织签署"
    assert "不是用本组织的证书" in dialog.summary.text()
    assert dialog.view.rows["organisation"].text() == "否：不是本机组织的证书签署的"


def test_without_an_organisation_certificate_the_signer_is_unchecked(
    qtbot: Any, themed_app: Any, files: dict[str, Path]
) -> None:
    dialog = shown(qtbot, files["empty"], files["forged"])
    assert dialog.verdict.property("verdict") == "intact"
    assert "没有核对签署人身份" in dialog.summary.text()
