"""核验文书: is a PDF exactly what the organisation signed, who signed it and when, and is it
the document the case store has on record?

The PDF is read and verified on the task runner (`verify_document`); the verdict shows big
and coloured (完好 / 已被改动 / 未签名), then each signature, the case store's record and
the raw JSON report in a section that opens on demand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.ops import documents
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner
from ui.views.documents.verify_parts import VERDICT_STYLE, ReportView, verdict_of
from ui.views.settings.cert import monospace

if TYPE_CHECKING:
    from app.documents.verify import VerifyReport

class VerifyDialog(QDialog):
    """Verifies one PDF at a time; drop a file on it or choose one.

    Signals:
        report_shown(object): the `VerifyReport` now shown.
        verify_failed(str): the file could not be checked; the message shown.
    """

    report_shown = Signal(object)
    verify_failed = Signal(str)

    def __init__(
        self, runner: TaskRunner, data_dir: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._data_dir = data_dir
        self.path: Path | None = None
        self.report: VerifyReport | None = None
        self.setWindowTitle(self.tr("核验文书"))
        self.setAcceptDrops(True)
        self._build()
        self.resize(760, 680)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("请选择要核验的 PDF 文书，或把文件拖到这里。"))
        self.file_label.setObjectName("verifyFile")
        self.file_label.setWordWrap(True)
        row.addWidget(self.file_label, 1)
        self.choose_button = QPushButton(self.tr("选择 PDF…"))
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setWordWrap(True)
        self.verdict.setVisible(False)
        layout.addWidget(self.verdict)
        self.summary = QLabel()
        self.summary.setObjectName("verdictSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.summary)
        self.view = ReportView()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        scroll.setObjectName("reportScroll")
        layout.addWidget(scroll, 1)
        layout.addLayout(self._raw_section())
        layout.addWidget(self.raw)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("复制报告"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _raw_section(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.raw_toggle = QToolButton()
        self.raw_toggle.setObjectName("rawToggle")
        self.raw_toggle.setText(self.tr("原始报告（JSON）"))
        self.raw_toggle.setCheckable(True)
        self.raw_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.raw_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.raw_toggle.setAutoRaise(True)
        self.raw_toggle.setEnabled(False)
        self.raw_toggle.toggled.connect(self._toggle_raw)
        row.addWidget(self.raw_toggle)
        row.addStretch(1)
        self.raw = QPlainTextEdit()
        self.raw.setObjectName("rawReport")
        self.raw.setReadOnly(True)
        self.raw.setFont(monospace())
        self.raw.setVisible(False)
        self.raw.setMinimumHeight(180)
        return row

    def _toggle_raw(self, shown: bool) -> None:
        self.raw.setVisible(shown)
        self.raw_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # -- verifying -----------------------------------------------------------------------------

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择要核验的文书"), "", self.tr("PDF 文件 (*.pdf);;所有文件 (*)")
        )
        if path:
            self.verify_file(Path(path))

    def verify_file(self, path: Path) -> None:
        """Verify `path` in the background; the result shows when it arrives."""
        self.path = path
        self.file_label.setText(self.tr("文件：%1").replace("%1", str(path)))
        self._show_verdict("busy", self.tr("正在核验…"))
        self.summary.setText("")
        self.view.clear()
        self.choose_button.setEnabled(False)
        self._runner.run(documents.verify_file(path, self._data_dir)).success(
            self._verified
        ).failure(refused(self._failed, always=lambda: self.choose_button.setEnabled(True)))

    def _verified(self, report: VerifyReport) -> None:
        self.choose_button.setEnabled(True)
        self.report = report
        kind = verdict_of(report)
        words = {
            "intact": self.tr("完好"),
            "changed": self.tr("已被改动"),
            "unsigned": self.tr("未签名"),
            "foreign": self.tr("不是本组织签署"),
        }
        self._show_verdict(kind, words[kind])
        self.summary.setText(self._summary(kind, report))
        self.view.show_report(report, store_possible=self._data_dir is not None)
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
        self.raw.setPlainText(text)
        self.raw_toggle.setEnabled(True)
        self.copy_button.setEnabled(True)
        self.report_shown.emit(report)

    def _summary(self, kind: str, report: VerifyReport) -> str:
        if kind == "intact" and report.signed_by_organisation is None:
            return self.tr(
                "文件自签名以来没有任何改动，数字签名有效；但本机没有组织证书可以比对，"
                "没有核对签署人身份：请把证书指纹与签署的调解组织公布的指纹核对。"
            )
        if kind == "intact":
            return self.tr("文件自签名以来没有任何改动，由本组织的证书签署，数字签名有效。")
        if kind == "foreign":
            return self.tr(
                "文件签名后没有改动，但签名不是用本组织的证书做的（只是名称可能相同）："
                "不能把它当作本组织签署的原件。"
            )
        if kind == "unsigned":
            return self.tr("这个文件没有数字签名，无法证明它未被改动。")
        return self.tr("文件在签名之后被改动过，或签名已损坏：不能把它当作原件使用。")

    def _failed(self, refusal: Refusal) -> None:
        self._show_verdict("error", self.tr("无法核验"))
        self.summary.setText(refusal.message)
        self.verify_failed.emit(refusal.message)

    def _show_verdict(self, kind: str, text: str) -> None:
        self.verdict.setText(text)
        self.verdict.setProperty("verdict", kind)
        self.verdict.setStyleSheet(VERDICT_STYLE[kind])
        self.verdict.setVisible(True)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.raw.toPlainText())

    # -- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.verify_file(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()


def open_verify(parent: QWidget, runner: TaskRunner, data_dir: Path | None) -> VerifyDialog:
    """Show the Verify dialog (deleted on close) and let the user choose a PDF."""
    dialog = VerifyDialog(runner, data_dir, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
