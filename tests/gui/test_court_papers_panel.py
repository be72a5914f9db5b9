"""文书 offers the court papers a case's status allows and 添加证据…: a file picked, kept
with its kind and source, then the 民事起诉状 rendered and kept as a version whose text
names the parties, the court and the claim; refusals show under their field."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store_fixtures import FixedClock
from tests.unit.documents.demo_case import BARE_CASE_NO, CASE_NO, NOW, prepare
from tests.unit.documents.pdf_checks import all_text
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.documents.panel import DocumentsPanel

WAIT = 20_000
COURT_KINDS = ["complaint", "calculation", "evidence", "certificate"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("court-papers-gui")
    prepare(folder)
    return folder


@pytest.fixture
def service(template: Path, tmp_path: Path) -> Iterator[ContextCaseService]:
    target = tmp_path / "data"
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("backups"))
    core = ContextCaseService(target, actor="测试调解员", clock=FixedClock(NOW))
    yield core
    core.close()


@pytest.fixture
def panel(qtbot, themed_app, service) -> DocumentsPanel:
    runner = InlineTaskRunner()
    widget = DocumentsPanel(service, runner)
    runner.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def offered(panel: DocumentsPanel) -> list[str]:
    box = panel.kind_box
    return [str(box.itemData(i)) for i in range(box.count()) if box.itemData(i)]


def load(qtbot, panel: DocumentsPanel, case_no: str) -> None:
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.load(case_no)


def test_court_papers_are_offered_only_when_the_status_allows(qtbot, panel) -> None:
    load(qtbot, panel, CASE_NO)  # 已达成协议: no court papers yet
    assert not set(COURT_KINDS) & set(offered(panel))
    load(qtbot, panel, BARE_CASE_NO)  # 调解终结
    assert offered(panel)[-4:] == COURT_KINDS and "enforcement" not in offered(panel)


def test_add_evidence_then_render_the_complaint(qtbot, panel, service, tmp_path) -> None:
    from app.domain.numerals import format_amount
    from app.services.cases.service import list_cases
    from app.services.litigation.evidence import case_evidence
    from app.services.litigation.papers import court_document_data

    load(qtbot, panel, BARE_CASE_NO)
    before = case_evidence(service.context(), BARE_CASE_NO)
    dialog = panel.add_evidence()
    assert dialog is not None
    dialog.submit()  # no file chosen: the refusal is under the file field
    assert dialog.rows["file"].error.isVisible() and dialog.isVisible()
    contract = tmp_path / "借款合同.pdf"
    contract.write_bytes(b"%PDF-1.4\n% the loan contract\n")
    dialog.path_edit.setText(str(contract))
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("loan_contract"))
    dialog.source_edit.setText("债权人邮寄提供")
    with qtbot.waitSignal(dialog.added, timeout=WAIT):
        dialog.submit()
    (added,) = case_evidence(service.context(), BARE_CASE_NO)[len(before) :]
    assert (added.kind, added.source, added.filename) == (
        "loan_contract",
        "债权人邮寄提供",
        "借款合同.pdf",
    )
    qtbot.waitUntil(lambda: "complaint" in offered(panel), timeout=WAIT)
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("complaint"))
    with qtbot.waitSignal(panel.generated, timeout=WAIT) as made:
        panel.generate()
    doc = made.args[0]
    assert doc.kind == "complaint" and not panel.problems.isVisible()
    qtbot.waitUntil(lambda: panel._preview is not None and panel._preview.document.id == doc.id,
                    timeout=WAIT)  # fmt: skip
    assert panel._preview is not None
    text = all_text(panel._preview.pdf)
    (case,) = [c for c in list_cases(service.context()) if c.case_no == BARE_CASE_NO]
    assert "民事起诉状" in text and case.debtor_name in text and case.creditor_name in text
    data = court_document_data(service.context(), BARE_CASE_NO, "complaint")
    assert data.papers is not None and data.papers.claim is not None
    assert f"此致{data.court}" in text and format_amount(data.papers.claim.total) in text
    assert panel.table.item(0, 0).text() == "民事起诉状"


def test_a_file_that_cannot_be_read_is_refused_under_its_field(qtbot, panel, tmp_path) -> None:
    load(qtbot, panel, BARE_CASE_NO)
    dialog = panel.add_evidence()
    assert dialog is not None
    dialog.path_edit.setText(str(tmp_path / "不存在.pdf"))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.rows["file"].error.isVisible(), timeout=WAIT)
    assert "不存在.pdf" in dialog.rows["file"].error.text() and dialog.isVisible()
    assert dialog.path_edit.text().endswith("不存在.pdf")  # nothing typed is lost
