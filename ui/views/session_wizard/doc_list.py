"""A list of rendered documents with 打开 (in the system's PDF viewer, for reading and
printing) and 另存为… for each; used by the documents and finish steps."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QPushButton, QWidget

from app.fsutil import write_atomically
from ui.views.session_wizard import words
from ui.views.session_wizard.fields import clear_layout

if TYPE_CHECKING:
    from app.services.documents.service import RenderedDocument


def page_count(pdf: bytes) -> int:
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def save_documents(documents: list[RenderedDocument], folder: Path) -> list[Path]:
    """Save every document into `folder` as `<document number>.pdf`."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for doc in documents:
        path = folder / f"{doc.document_no}.pdf"
        write_atomically(path, doc.pdf)
        saved.append(path)
    return saved


class DocumentList(QWidget):
    """Rows of (name, number, pages, 打开, 另存为…) for `RenderedDocument`s."""

    preview_wanted = Signal(int)
    """The 预览 button of the document at this index was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.documents: list[RenderedDocument] = []
        self._temp: tempfile.TemporaryDirectory[str] | None = None

    def show_documents(self, documents: list[RenderedDocument]) -> None:
        clear_layout(self.grid)
        self.documents = list(documents)
        names = words.document_kinds()
        for line, doc in enumerate(self.documents):
            title = QLabel(names.get(doc.kind, doc.kind))
            title.setObjectName("rowHeading")
            number = QLabel(doc.document_no)
            pages = QLabel(self.tr("%n 页", "", page_count(doc.pdf)))
            opener = QPushButton(self.tr("打开（可打印）"))
            opener.setObjectName(f"open_{doc.kind}")
            opener.clicked.connect(lambda _c=False, d=doc: self.open_document(d))
            saver = QPushButton(self.tr("另存为…"))
            saver.setObjectName(f"save_{doc.kind}")
            saver.clicked.connect(lambda _c=False, d=doc: self.ask_save(d))
            viewer = QPushButton(self.tr("预览"))
            viewer.setObjectName(f"preview_{doc.kind}")
            viewer.clicked.connect(lambda _c=False, n=line: self.preview_wanted.emit(n))
            for col, widget in enumerate((title, number, pages, viewer, opener, saver)):
                self.grid.addWidget(widget, line, col)
        self.grid.setColumnStretch(6, 1)

    def open_document(self, doc: RenderedDocument) -> Path:
        """Write the PDF to a private temporary folder and open it in the system viewer."""
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="mediation-desk-")
        path = Path(self._temp.name) / f"{doc.document_no}.pdf"
        write_atomically(path, doc.pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def ask_save(self, doc: RenderedDocument) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("保存文书"), f"{doc.document_no}.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if name:
            write_atomically(Path(name), doc.pdf)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._temp is not None:
            self._temp.cleanup()
        super().closeEvent(event)
