"""The 文书 tab over a real prepared demo store with the inline runner: generating lists a
version with its page images, an incomplete case shows what is missing, printing to a PDF
file gives the document's pages at the printer's resolution and lands in the audit log,
另存为 PDF writes the same bytes."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel

from app.services.context import open_context
from tests.store_fixtures import FixedClock
from tests.unit.documents.demo_case import BARE_CASE_NO, CASE_NO, NOW, prepare
from tests.unit.documents.pdf_checks import decode_qr
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.documents import pdf_pages as pdf_pages
from ui.views.documents.panel import DocumentsPanel

WAIT = 20_000


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents-gui")
    prepare(folder)
    return folder


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("backups"))
    return target


@pytest.fixture
def panel(qtbot, themed_app, data_dir) -> Iterator[DocumentsPanel]:
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(NOW))
    runner = InlineTaskRunner()
    widget = DocumentsPanel(service, runner)
    runner.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    yield widget
    service.close()


def load(qtbot, panel: DocumentsPanel, case_no: str) -> None:
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.load(case_no)


def generate(qtbot, panel: DocumentsPanel, kind: str) -> None:
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(kind))
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.generate()

    def shown() -> bool:
        chosen, preview = panel.selected(), panel._preview
        return chosen is not None and preview is not None and preview.document.id == chosen.id

    qtbot.waitUntil(shown, timeout=WAIT)


def cells(panel: DocumentsPanel) -> list[list[str]]:
    table = panel.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_generating_an_agreement_lists_it_as_a_draft_with_its_preview(qtbot, panel) -> None:
    load(qtbot, panel, CASE_NO)
    assert panel.table.rowCount() == 0
    generate(qtbot, panel, "agreement")
    rows = cells(panel)
    assert [r[:3] for r in rows] == [["人民调解协议书", "v1", "草稿"]]
    assert rows[0][4] == "0"
    preview = panel._preview
    assert preview is not None and preview.pdf.startswith(b"%PDF")
    assert "人民调解协议书 · 第 1 版 · 草稿" in panel.summary.text()
    assert len(preview.images) == preview.pages == pdf_pages.page_count(preview.pdf) >= 2
    assert all(inked(image) > 0.01 for image in preview.images)  # text on every page
    shown = [label.pixmap() for label in panel.pages_host.findChildren(QLabel, "docPage")]
    assert len(shown) == preview.pages
    assert all(inked(pixmap.toImage()) > 0.01 for pixmap in shown)
    generate(qtbot, panel, "agreement")  # the same bytes: no second version
    assert panel.table.rowCount() == 1
    generate(qtbot, panel, "notice")
    assert sorted(r[0] for r in cells(panel)) == ["人民调解协议书", "调解通知书"]


def test_an_incomplete_case_shows_what_is_missing(qtbot, panel) -> None:
    load(qtbot, panel, BARE_CASE_NO)
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("agreement"))
    with qtbot.waitSignal(panel.refused, timeout=WAIT) as caught:
        panel.generate()
    missing = caught.args[0]
    assert missing and all(line in panel.problems.text() for line in missing)
    assert panel.problems.isVisible()
    assert "还不能生成这份文书" in panel.problems.text()
    assert panel.table.rowCount() == 0


def inked(image: QImage) -> float:
    """The share of a page image's pixels (sampled every 4th) that are not near-white."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    points = [(x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)]
    dark = sum(1 for x, y in points if image.pixelColor(x, y).value() < 200)
    return dark / len(points)


def test_printing_to_a_pdf_file_gives_the_pages_and_is_audited(
    qtbot, panel, data_dir, tmp_path
) -> None:
    import pypdfium2
    from pypdf import PdfReader

    load(qtbot, panel, CASE_NO)
    generate(qtbot, panel, "agreement")
    preview = panel._preview
    assert preview is not None
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(300)
    with qtbot.waitSignal(panel.printed, timeout=WAIT):
        painted = panel.print_to(printer)
    assert painted == preview.pages >= 2
    printed = out.read_bytes()
    assert len(PdfReader(io.BytesIO(printed)).pages) == preview.pages
    # the pages are the document's: its QR code (case, number, content hash) reads back
    last = preview.pages
    assert decode_qr(printed, last) == decode_qr(preview.pdf, last) != []
    # rendered at the printer's 300 dpi: an A4 page is 2481 × 3508 printer dots
    document = pypdfium2.PdfDocument(printed)
    for page in document:
        images = [o for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]
        sizes = [image.get_px_size() for image in images]
        assert {w for w, _h in sizes} == {2481}
        assert sum(h for _w, h in sizes) == 3508
    document.close()
    qtbot.waitUntil(lambda: cells(panel)[0][2] == "已打印", timeout=WAIT)
    assert cells(panel)[0][4] == "1"
    with open_context(data_dir, actor="检查", clock=FixedClock(NOW)) as ctx, ctx.read() as uow:
        case = uow.cases.require(CASE_NO)
        found = uow.audit.for_case(case.id)
        events = [dict(e.detail) for e in found if e.action == "document.printed"]
    assert len(events) == 1
    assert events[0]["sha256"] == preview.document.sha256
    assert events[0]["printer"] == str(out)
    assert events[0]["copies"] == 1


def test_printing_a_draft_makes_it_final_first_one_rule_for_printed(
    qtbot, panel, data_dir, tmp_path
) -> None:
    """One rule for 已打印 (`documents.store.mark_printed`, what 打印 records with): a draft
    is refused and copies are 1–999. So 打印 on a draft is 定稿并打印: final, then printed."""
    from app.domain.errors import DomainError, InputError
    from app.services.documents import store

    load(qtbot, panel, CASE_NO)
    generate(qtbot, panel, "notice")
    preview = panel._preview
    assert preview is not None and preview.document.status == "draft"
    doc_id = preview.document.id
    assert panel.print_button.text() == "定稿并打印…"
    refused = pytest.raises(DomainError, match="还是草稿，不能打印交签：请先定稿")
    with open_context(data_dir, actor="检查", clock=FixedClock(NOW)) as ctx, refused:
        store.mark_printed(ctx, doc_id, copies=1, printer="HP")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "notice.pdf"))
    with qtbot.waitSignal(panel.printed, timeout=WAIT) as printed:
        assert panel.print_to(printer) == preview.pages
    assert (printed.args[0].status, printed.args[0].printed) == ("printed", 1)
    qtbot.waitUntil(lambda: panel.print_button.text() == "打印…", timeout=WAIT)
    assert cells(panel)[0][2:5:2] == ["已打印", "1"]
    with open_context(data_dir, actor="检查", clock=FixedClock(NOW)) as ctx:
        with ctx.read() as uow:
            case = uow.cases.require(CASE_NO)
            found = uow.audit.for_case(case.id)
            actions = [e.action for e in found if (e.detail or {}).get("document_id") == doc_id]
        for copies in (0, 1000):
            with pytest.raises(InputError, match="打印份数应为 1 到 999 之间的整数"):
                store.mark_printed(ctx, doc_id, copies=copies, printer="HP")
    assert actions == ["document.created", "document.finalised", "document.printed"]


def test_save_as_pdf_writes_the_stored_bytes(qtbot, panel, tmp_path) -> None:
    load(qtbot, panel, CASE_NO)
    generate(qtbot, panel, "plan")
    target = tmp_path / "out" / "plan.pdf"
    panel.save_pdf(target)
    assert panel._preview is not None
    assert target.read_bytes() == panel._preview.pdf
    assert [p.name for p in target.parent.iterdir()] == ["plan.pdf"]
