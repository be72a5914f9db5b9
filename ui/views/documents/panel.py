"""文书 of the chosen case: its stored versions with status, a page preview, 生成文书 for a
kind, 打印… through QPrintDialog (recorded in the audit log) and 另存为 PDF….

A version is shown, printed and saved in its most complete signed form (with the
organisation's digital signature, else with the pad signatures placed, else as rendered).
An agreement signed on the pad but not yet sealed offers 加盖电子签章: the passphrase is had
on the GUI thread (`ui.views.settings.org_seal`), the signing runs on the task runner.

Everything that touches the store or renders runs on the task runner's database thread;
the page images come from `ui.views.documents.pdf_pages` (PDFium, through pypdfium2), and
打印 renders each page again at the printer's own resolution.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.fsutil import write_atomically
from ui import labels
from ui.ops import documents
from ui.ops.documents import FinalPdf
from ui.refusal import Refusal, refused, report_unexpected
from ui.tasks import TaskRunner
from ui.views.documents import pdf_pages as pdf_pages
from ui.views.lock.passphrase_dialog import ask_passphrase
from ui.views.settings.org_seal import PassphraseAsker, seal_in_background

if TYPE_CHECKING:
    from app.services.documents.versions import DocumentVersion
    from ui.services import Core

PREVIEW_WIDTH = 560
STYLE = """
QLabel#docProblems { background: #fffaeb; color: #93370d; border: 1px solid #fedf89;
    border-radius: 4px; padding: 6px 10px; }
QLabel#docPage { background: #ffffff; border: 1px solid #d0d5dd; }
QLabel#docSummary { color: #344054; padding: 12px; }
"""


@dataclass(frozen=True)
class Preview:
    """A version's PDF (its most complete signed form) and its page images for the screen;
    `sealable`: signed on the pad, no digital signature yet."""

    document: DocumentVersion
    pdf: bytes
    pages: int
    images: list[QImage]
    sha256: str = ""
    sealable: bool = False
    sealed: bool = False


class DocumentsPanel(QWidget):
    """The 文书 tab (`show_case_no` / `load`).

    Signals: case_loaded(str), generated(object: DocumentVersion), refused(list[str]),
    preview_shown(int: document id), printed(object: DocumentVersion),
    sealed(int: document id, the organisation's digital signature applied),
    seal_failed(str: the reason, shown to the user).
    """

    case_loaded = Signal(str)
    generated = Signal(object)
    refused = Signal(list)
    preview_shown = Signal(int)
    printed = Signal(object)
    sealed = Signal(int)
    seal_failed = Signal(str)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self._case_no = ""
        self._documents: list[DocumentVersion] = []
        self._preview: Preview | None = None
        self._announce = ""
        self.ask_passphrase: PassphraseAsker = ask_passphrase
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_actions())
        self.problems = QLabel()
        self.problems.setObjectName("docProblems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        layout.addWidget(self.problems)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_table())
        splitter.addWidget(self._build_preview())
        splitter.setSizes([480, 620])
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # -- building --------------------------------------------------------------------------

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind_box = QComboBox()
        for kind, label in labels.document_kinds().items():
            self.kind_box.addItem(label, kind)
        self.generate_button = QPushButton(self.tr("生成文书"))
        self.generate_button.clicked.connect(self.generate)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.save_button.clicked.connect(self.save_with_dialog)
        self.open_button = QPushButton(self.tr("用系统阅读器打开"))
        self.open_button.clicked.connect(self.open_externally)
        self.seal_button = QPushButton(self.tr("加盖电子签章"))
        self.seal_button.setObjectName("sealDocument")
        self.seal_button.setToolTip(
            self.tr("用调解组织的数字证书对各方已签名的协议书进行数字签名（PAdES）")
        )
        self.seal_button.clicked.connect(self.seal_selected)
        row.addWidget(QLabel(self.tr("文书种类")))
        row.addWidget(self.kind_box)
        row.addWidget(self.generate_button)
        row.addStretch(1)
        for button in (self.seal_button, self.print_button, self.save_button, self.open_button):
            row.addWidget(button)
        return row

    def _build_table(self) -> QTableWidget:
        headers = [self.tr("文书"), self.tr("版本"), self.tr("状态"), self.tr("生成时间"),
                   self.tr("已打印")]  # fmt: skip
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        return self.table

    def _build_preview(self) -> QScrollArea:
        self.pages_host = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_host)
        self.pages_layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinAndMaxSize)
        self.summary = QLabel(self.tr("选择左侧的文书以预览"))
        self.summary.setObjectName("docSummary")
        self.summary.setWordWrap(True)
        self.pages_layout.addWidget(self.summary)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setWidget(self.pages_host)
        return self.page_scroll

    # -- loading ---------------------------------------------------------------------------

    def show_case_no(self, case_no: str) -> None:
        self.load(case_no)

    def load(self, case_no: str, select_id: int | None = None) -> None:
        """List the case's documents (on the database thread), then preview one."""
        self._case_no = case_no
        self._runner.run(documents.versions(self._service, case_no)).success(
            lambda docs: self._listed(case_no, docs, select_id)
        )

    def _listed(self, case_no: str, found: list[DocumentVersion], select_id: int | None) -> None:
        if case_no != self._case_no:
            return
        self._documents = list(found)
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self._documents))
        for r, doc in enumerate(self._documents):
            when = doc.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = [doc.kind_label, f"v{doc.version}", doc.status_label, when, str(doc.printed)]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.blockSignals(False)
        if self._documents:
            ids = [d.id for d in self._documents]
            self.table.selectRow(ids.index(select_id) if select_id in ids else 0)
        else:
            self._show_empty(self.tr("本案尚无文书。选择种类后点击“生成文书”。"))
        self._update_buttons()
        shown = self._preview is not None and self._preview.document == self.selected()
        if not self._documents or shown:
            self.case_loaded.emit(case_no)
        else:
            self._announce = case_no  # case_loaded once the chosen version's pages show

    def _selection_changed(self) -> None:
        doc = self.selected()
        if doc is not None and (self._preview is None or self._preview.document != doc):
            self._load_preview(doc)
        self._update_buttons()

    def selected(self) -> DocumentVersion | None:
        rows = self.table.selectionModel().selectedRows()
        return self._documents[rows[0].row()] if rows else None

    def _load_preview(self, doc: DocumentVersion) -> None:
        work = documents.final_pdf(self._service, doc).then(_with_pages)
        self._runner.run(work).success(self._previewed).failure(self._preview_failed)

    def _previewed(self, preview: Preview) -> None:
        if not isValid(self.table):
            return  # the panel was closed (and deleted) while the pages were rendered
        current = self.selected()
        if current is None or current != preview.document:
            self._announce_loaded()
            return
        self._preview = preview
        self._clear_pages()
        doc = preview.document
        text = self.tr("%1 · 第 %2 版 · %3 · 共 %4 页 · SHA-256 %5")
        digest = preview.sha256 or doc.sha256
        for i, value in enumerate(
            (doc.kind_label, doc.version, doc.status_label, preview.pages, digest[:16] + "…")
        ):
            text = text.replace(f"%{i + 1}", str(value))
        if preview.sealed:
            text += "\n" + self.tr("已加盖组织电子签章（数字签名），可用“核验文书”检查。")
        elif preview.sealable:
            text += "\n" + self.tr("各方已签名，尚未加盖组织电子签章。")
        self.summary.setText(text)
        for image in preview.images:
            page = QLabel()
            page.setObjectName("docPage")
            pixmap = QPixmap.fromImage(image).scaledToWidth(
                PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation
            )
            page.setPixmap(pixmap)
            page.setFixedSize(pixmap.size())  # whole pages, one under the other
            self.pages_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        self._update_buttons()
        self.preview_shown.emit(doc.id)
        self._announce_loaded()

    def _announce_loaded(self) -> None:
        if self._announce:
            case_no, self._announce = self._announce, ""
            self.case_loaded.emit(case_no)

    def _preview_failed(self, error: BaseException) -> None:
        self._announce_loaded()
        report_unexpected(error)

    def _clear_pages(self) -> None:
        while self.pages_layout.count() > 1:
            item = self.pages_layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_empty(self, text: str) -> None:
        self._preview = None
        self._clear_pages()
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        ready = self._preview is not None
        self.generate_button.setEnabled(bool(self._case_no))
        self.print_button.setEnabled(ready)
        draft = bool(self._preview and self._preview.document.status == "draft")
        self.print_button.setText(self.tr("定稿并打印…") if draft else self.tr("打印…"))
        self.print_button.setToolTip(
            self.tr("草稿打印即定稿：此版本随即锁定，之后的修改会生成新版本。") if draft else ""
        )
        self.save_button.setEnabled(ready)
        self.open_button.setEnabled(ready)
        sealable = bool(self._preview and self._preview.sealable)
        self.seal_button.setVisible(sealable)
        self.seal_button.setEnabled(sealable)

    # -- generating ------------------------------------------------------------------------

    def generate(self) -> None:
        """Render the chosen kind for the case and keep it as a new version."""
        work = documents.generate(self._service, self._case_no, str(self.kind_box.currentData()))
        self.problems.hide()
        self.generate_button.setEnabled(False)
        self._runner.run(work).success(self._generated).failure(
            refused(self._generate_failed, always=self._update_buttons)
        )

    def _generated(self, doc: DocumentVersion) -> None:
        self._update_buttons()
        self.generated.emit(doc)
        self.load(self._case_no, select_id=doc.id)

    def _generate_failed(self, refusal: Refusal) -> None:
        lines = refusal.reasons
        title = self.tr("还不能生成这份文书，尚缺：")
        self.problems.setText(title + "\n" + "\n".join(f"• {line}" for line in lines))
        self.problems.show()
        self.refused.emit(lines)

    # -- the organisation's digital signature -------------------------------------------

    def seal_selected(self) -> None:
        """Apply the organisation's PAdES signature to the previewed pad-signed agreement."""
        preview = self._preview
        if preview is None or not preview.sealable:
            return
        self.problems.hide()
        doc_id = preview.document.id
        service = self._service
        started = seal_in_background(
            self, service, self._runner,
            lambda passphrase, user: documents.seal_agreement(service, doc_id, passphrase, user),
            ask=self.ask_passphrase,
            on_done=lambda _info: self._sealed(doc_id), on_refused=self._seal_refused,
        )  # fmt: skip
        self.seal_button.setEnabled(not started)

    def _sealed(self, doc_id: int) -> None:
        self._preview = None  # show the sealed PDF
        self.sealed.emit(doc_id)
        self.load(self._case_no, select_id=doc_id)

    def _seal_refused(self, reason: str) -> None:
        self._update_buttons()
        text = self.tr("未能加盖组织电子签章：%1\n协议书的签署不受影响，可稍后重试。")
        self.problems.setText(text.replace("%1", reason))
        self.problems.show()
        self.seal_failed.emit(reason)

    # -- printing and saving ---------------------------------------------------------------

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印文书"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed version on `printer` (each page rendered at the printer's
        resolution) and record it; pages painted. Only a final version is printed on
        record, so a draft is made final first (the button says 定稿并打印)."""
        preview = self._preview
        if preview is None:
            return 0
        painted = pdf_pages.print_pdf(printer, preview.pdf)
        copies = max(1, printer.copyCount())
        name = printer.printerName() or printer.outputFileName()
        work = documents.mark_printed(self._service, preview.document, copies, name)
        self._runner.run(work).success(self._printed).failure(refused(self._print_failed))
        return painted

    def _print_failed(self, refusal: Refusal) -> None:
        text = self.tr("已打印，但未能记录：%1").replace("%1", "；".join(refusal.reasons))
        self.problems.setText(text)
        self.problems.show()

    def _printed(self, doc: DocumentVersion) -> None:
        self.printed.emit(doc)
        self.load(self._case_no, select_id=doc.id)

    def save_with_dialog(self) -> None:
        if self._preview is None:
            return
        suggested = f"{self._preview.document.number or 'document'}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), suggested, self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Write the previewed PDF to `path` atomically (a temporary file, then rename)."""
        if self._preview is None:
            return
        write_atomically(path, self._preview.pdf)

    def open_externally(self) -> None:
        """Hand the PDF to the system's reader, through the app's private folder (removed
        when the app quits, or at the next start after a crash: `ui.private_files`)."""
        if self._preview is None:
            return
        from ui.private_files import session_files

        name = f"{self._preview.document.number or 'document'}.pdf"
        try:
            path = session_files().write(name, self._preview.pdf)
        except OSError as error:
            self.problems.setText(self.tr("无法打开：%1").replace("%1", str(error)))
            self.problems.show()
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _with_pages(final: FinalPdf) -> Preview:
    """The version's pages rendered (off the GUI thread: QImage is safe there)."""
    import hashlib

    images = pdf_pages.page_images(final.pdf)
    digest = hashlib.sha256(final.pdf).hexdigest()
    return Preview(
        final.document, final.pdf, len(images), images, digest, final.sealable, final.sealed
    )
