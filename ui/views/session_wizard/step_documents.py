"""Step 7, documents: render the documents the outcome needs, to read them through with
the parties before anyone signs (rendering runs on the database thread with progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from ui.ops import sessions
from ui.tasks import op
from ui.views.session_wizard import words
from ui.views.session_wizard.doc_list import DocumentList
from ui.views.session_wizard.fields import clear_layout
from ui.views.session_wizard.shared import Shared, StepPage
from ui.views.session_wizard.slow_action import SlowAction

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from app.services.documents.service import RenderedDocument
    from app.services.sessions.service import SessionState


def page_pictures(pdf: bytes) -> list[QImage]:
    """Small page images (QImage, safe off the GUI thread)."""
    from ui.views.documents.pdf_pages import page_images

    return page_images(pdf, dpi=PREVIEW_DPI)


PREVIEW_DPI = 40  # an A4 page is 331 × 468 px: a document's pages side by side


class DocumentsPage(StepPage):
    key = "documents"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        self.needed = QLabel()
        self.needed.setWordWrap(True)
        self.column.addWidget(self.needed)
        row = QHBoxLayout()
        self.render_button = QPushButton(self.tr("生成文书预览(&R)"))
        self.render_button.setObjectName("renderPreviews")
        self.render_button.clicked.connect(self.render_documents)
        self.action = SlowAction(
            self, self.render_button, self.tr("还不能生成："), "renderProgress"
        )
        self.progress, self.problems = self.action.progress, self.action.problems
        row.addWidget(self.render_button)
        row.addWidget(self.progress)
        row.addStretch(1)
        self.column.addLayout(row)
        self.column.addWidget(self.problems)
        self.list = DocumentList()
        self.list.preview_wanted.connect(self.preview)
        self.column.addWidget(self.list)
        self.pages = QScrollArea()
        self.pages.setObjectName("pagePreview")
        self.pages.setWidgetResizable(True)
        self.pages.setMinimumHeight(500)
        strip = QWidget()
        self.strip = QHBoxLayout(strip)
        self.strip.setContentsMargins(4, 4, 4, 4)
        self.pages.setWidget(strip)
        self.pages.setVisible(False)
        self.column.addWidget(self.pages)
        self.column.addStretch(1)
        self.shown_pages = 0

    def title(self) -> str:
        return self.tr("文书：预览调解结果所需的文书")

    def refresh(self, state: SessionState) -> None:
        from app.services.sessions.close import documents_for

        names = words.document_kinds()
        kinds = documents_for(state.outcome)
        if not kinds:
            self.needed.setText(self.tr("请先在“调解笔录”中选择调解结果，再生成文书。"))
        else:
            listed = "、".join(names[k] for k in kinds)
            self.needed.setText(self.tr("本次调解需要：%1。").replace("%1", listed))
        self.render_button.setEnabled(bool(kinds))

    def first_field(self) -> QWidget:
        return self.render_button

    def render_documents(self) -> None:
        state = self.shared.state
        if state is None or not state.outcome:
            return
        work = sessions.preview_documents(self.shared.service, self.shared.case_no, state.outcome)
        self.action.start(work, on_done=self._rendered)

    def _rendered(self, documents: list[RenderedDocument]) -> None:
        self.progress.setVisible(False)
        self.render_button.setEnabled(True)
        self.list.show_documents(documents)
        if documents:
            self.preview(0)

    def preview(self, index: int) -> None:
        """Show the pages of the index-th document (rendered on the database thread)."""
        pdf = self.list.documents[index].pdf
        self.shared.runner.run(op(lambda: page_pictures(pdf))).success(self._show_pages)

    def _show_pages(self, images: list[QImage]) -> None:
        clear_layout(self.strip)
        for image in images:
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setObjectName("pageImage")
            self.strip.addWidget(page)
        if not images:
            self.strip.addWidget(
                QLabel(self.tr("本机无法显示页面：请按“打开（可打印）”在阅读器中查看。"))
            )
        self.strip.addStretch(1)
        self.shown_pages = len(images)
        self.pages.setVisible(True)
