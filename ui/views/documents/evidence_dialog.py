"""添加证据…: a file of the lender's evidence for the case, with its kind and source; kept
encrypted with its SHA-256 (`app.services.litigation.evidence`). A refusal is shown under
its field and nothing typed is lost."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import Problem
from ui import labels
from ui.ops import evidence
from ui.refusal import Refusal, refused, show_refusal
from ui.widgets.field_row import FieldRow
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.litigation.evidence import EvidenceInfo
    from ui.services import Core
    from ui.tasks import TaskRunner

DEFAULT_SOURCE = "债权人提供"


class AddEvidenceDialog(QDialog):
    """Signal: added(object: EvidenceInfo)."""

    added = Signal(object)

    def __init__(
        self, service: Core, runner: TaskRunner, case_no: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self.case_no = service, runner, case_no
        self.setWindowTitle(self.tr("添加证据 — %1").replace("%1", case_no))
        self.message = message_label("errorBanner")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("evidenceFile")
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(lambda: self.choose_file())
        picker = QWidget()
        row = QHBoxLayout(picker)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.kind_box = QComboBox()
        for code, label in labels.evidence_kinds().items():
            self.kind_box.addItem(label, code)
        self.source_edit = QLineEdit(DEFAULT_SOURCE)  # goes into the Chinese papers as typed
        self.rows = {
            "file": FieldRow(picker),
            "kind": FieldRow(self.kind_box),
            "source": FieldRow(self.source_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("文件"), self.rows["file"])
        form.addRow(self.tr("证据种类"), self.rows["kind"])
        form.addRow(self.tr("来源"), self.rows["source"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("添加"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择证据文件"))
        if name:
            self.path_edit.setText(name)

    def submit(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            problem = Problem("file", self.tr("请选择证据文件。"))
            show_refusal(Refusal(problem.reason, (problem,)), self.message, self.rows)
            return
        work = evidence.add_evidence(
            self._service,
            self.case_no,
            Path(text),
            str(self.kind_box.currentData()),
            self.source_edit.text().strip(),
        )
        self.ok_button.setEnabled(False)
        self._runner.run(work).success(self._added).failure(
            refused(self._refused, always=lambda: self.ok_button.setEnabled(True))
        )

    def _added(self, info: EvidenceInfo) -> None:
        self.added.emit(info)
        self.accept()

    def _refused(self, refusal: Refusal) -> None:
        show_refusal(refusal, self.message, self.rows)
