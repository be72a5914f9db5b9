"""待债权人批准: settlements outside the creditor's mandate waiting for the creditor's answer.

The list (`app.services.mandate.exceptions.pending_exceptions`), the request PDF of one, an
.xlsx row each for a batch's approvals, and 记录批复: who at the creditor decided, when,
how (letter, scan, phone), the scan attached. Everything runs on the task runner.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import china_date, china_today
from app.services.mandate.exceptions import APPROVAL_MEANS
from ui import formatting
from ui.ops import settlement
from ui.ops.settlement import Decision
from ui.refusal import Refusal, refused
from ui.tasks import Op, TaskRunner
from ui.views.settlement.plan import date_edit, day_of

if TYPE_CHECKING:
    from app.services.mandate.exceptions import ExceptionInfo
    from ui.services import Core


class ApprovalsDialog(QDialog):
    """Signals: loaded(int: rows), decided(object: ExceptionInfo)."""

    loaded = Signal(int)
    decided = Signal(object)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.items: list[ExceptionInfo] = []
        self.setWindowTitle(self.tr("待债权人批准"))
        self.resize(1000, 460)
        layout = QVBoxLayout(self)
        headers = [self.tr("编号"), self.tr("案号"), self.tr("债权人"), self.tr("和解金额"),
                   self.tr("超出授权事项"), self.tr("申请日")]  # fmt: skip
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("approvalsTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("生成申请书…"))
        self.pdf_button.clicked.connect(self.pdf_with_dialog)
        self.xlsx_button = QPushButton(self.tr("导出全部待批准（xlsx）…"))
        self.xlsx_button.clicked.connect(self.xlsx_with_dialog)
        self.decide_button = QPushButton(self.tr("记录批复…"))
        self.decide_button.setObjectName("recordDecision")
        self.decide_button.clicked.connect(self.decide_with_dialog)
        for button in (self.pdf_button, self.xlsx_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.decide_button)
        layout.addLayout(row)

    def refresh(self) -> None:
        self._runner.run(settlement.pending_approvals(self._service)).success(
            self._arrived
        ).failure(refused(self._failed))

    def _arrived(self, items: list[ExceptionInfo]) -> None:
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for r, e in enumerate(self.items):
            cells = [str(e.id), e.case_no, e.creditor, formatting.money(e.settled_total),
                     "；".join(b["text"] for b in e.breaches),
                     f"{china_date(e.requested_at):%Y-%m-%d}"]  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        if self.items:
            self.table.selectRow(0)
        text = self.tr("共 %1 项待债权人批准。").replace("%1", str(len(self.items)))
        self.message.setText(text if self.items else self.tr("没有待债权人批准的申请。"))
        for button in (self.pdf_button, self.xlsx_button, self.decide_button):
            button.setEnabled(bool(self.items))
        self.loaded.emit(len(self.items))

    def selected(self) -> ExceptionInfo | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # -- what goes to the creditor ------------------------------------------------------------

    def pdf_with_dialog(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name = f"{chosen.case_no}-批准申请.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存申请书"), name, "PDF (*.pdf)")
        if path:
            self._write(settlement.approval_request_pdf(self._service, chosen.id, Path(path)))

    def xlsx_with_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出待批准"), "待批准.xlsx", "Excel (*.xlsx)"
        )
        if path:
            self._write(settlement.approvals_xlsx(self._service, Path(path)))

    def _write(self, work: Op[Path]) -> None:
        done = self.tr("已保存。")
        self._runner.run(work).success(lambda _path: self.message.setText(done)).failure(
            refused(self._failed)
        )

    # -- the creditor's answer ----------------------------------------------------------------

    def decide_with_dialog(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        form = DecisionDialog(chosen, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.decide(chosen.id, form.values())

    def decide(self, exception_id: int, decision: Decision) -> None:
        def done(info: ExceptionInfo) -> None:
            self.decided.emit(info)
            self.refresh()

        work = settlement.record_decision(self._service, exception_id, decision)
        self._runner.run(work).success(done).failure(refused(self._failed))

    def _failed(self, refusal: Refusal) -> None:
        self.message.setText("\n".join(refusal.reasons))


class DecisionDialog(QDialog):
    """记录批复: approved or not, who, when, how, the scan."""

    def __init__(self, chosen: ExceptionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录债权人批复"))
        form = QFormLayout(self)
        form.addRow(QLabel(f"{chosen.case_no}  {chosen.creditor}"))
        self.approve = QRadioButton(self.tr("同意"))
        self.refuse = QRadioButton(self.tr("不同意"))
        self.approve.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.approve)
        group.addButton(self.refuse)
        answer = QWidget()
        box = QHBoxLayout(answer)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.approve)
        box.addWidget(self.refuse)
        form.addRow(self.tr("债权人意见"), answer)
        self.approver = QLineEdit()
        self.approver.setPlaceholderText(self.tr("姓名和职务"))
        form.addRow(self.tr("经办人"), self.approver)
        self.how = QComboBox()
        for code, label in APPROVAL_MEANS.items():
            self.how.addItem(label, code)
        form.addRow(self.tr("方式"), self.how)
        self.day = date_edit("decidedOn", china_today())
        form.addRow(self.tr("日期"), self.day)
        self.scan = QLineEdit()
        self.scan.setReadOnly(True)
        pick = QPushButton(self.tr("选择扫描件…"))
        pick.clicked.connect(self._pick)
        scan_row = QWidget()
        line = QHBoxLayout(scan_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.scan, 1)
        line.addWidget(pick)
        form.addRow(self.tr("扫描件"), scan_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择扫描件"), "", self.tr("扫描件 (*.jpg *.jpeg *.png *.pdf)")
        )
        if path:
            self.scan.setText(path)

    def values(self) -> Decision:
        decided: date = day_of(self.day)
        return Decision(self.approve.isChecked(), self.approver.text(),
                        str(self.how.currentData()), decided, self.scan.text())  # fmt: skip
