"""批次…: the batches intake built; the summary for the lender (claimed against lawful
totals, computed in the background with a progress bar), assigning a batch's cases to
mediators (evenly or by region) and withdrawing a batch nobody has worked on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from ui import formatting
from ui.ops import intake
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from app.services.intake.batches import BatchInfo
    from app.services.intake.summary import BatchSummary
    from ui.services import Core


class BatchesDialog(QDialog):
    """Signals: changed(): cases were assigned or a batch withdrawn (the list refreshes)."""

    changed = Signal()

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._batches: list[BatchInfo] = []
        self._task: Task[BatchSummary] | None = None
        self.summary: BatchSummary | None = None
        self.setWindowTitle(self.tr("批次"))
        self.resize(1000, 520)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("batchTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("名称"),
                self.tr("债权人"),
                self.tr("收到日期"),
                self.tr("已导入"),
                self.tr("在案"),
                self.tr("已分配"),
                self.tr("状态"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("batchSummary")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        self.summary_button = QPushButton(self.tr("计算汇总"))
        self.summary_button.clicked.connect(self.compute_summary)
        self.mediators = QLineEdit()
        self.mediators.setPlaceholderText(self.tr("调解员姓名，用逗号分开"))
        self.by_region = QCheckBox(self.tr("按地区"))
        self.assign_button = QPushButton(self.tr("分配案件"))
        self.assign_button.clicked.connect(self.assign)
        self.withdraw_button = QPushButton(self.tr("撤回批次…"))
        self.withdraw_button.clicked.connect(self.withdraw)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        for widget in (
            self.summary_button,
            self.mediators,
            self.by_region,
            self.assign_button,
            self.withdraw_button,
            close,
        ):
            row.addWidget(widget)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self._runner.run(intake.list_batches(self._service)).success(self._listed).failure(
            refused(self._failed, always=self._stopped)
        )

    def _listed(self, batches: list[BatchInfo]) -> None:
        self._batches = batches
        self.table.setRowCount(len(batches))
        for r, b in enumerate(batches):
            cells = (
                b.id,
                b.name,
                b.creditor,
                b.received_on,
                b.imported,
                b.cases,
                b.assigned,
                tr(b.status_label),
            )
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        if batches and not self.table.selectedItems():
            self.table.selectRow(0)

    def chosen(self) -> BatchInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._batches[rows[0].row()] if rows else None

    def compute_summary(self) -> None:
        batch = self.chosen()
        if batch is None:
            return
        self.progress.setRange(0, max(batch.cases, 1))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.summary_button.setEnabled(False)
        self.message.setText(self.tr("正在逐件计算（依法可支持的金额按主张截止日计算）…"))
        self._task = (
            self._runner.run(intake.batch_summary(self._service, batch.id))
            .success(self._summed)
            .failure(refused(self._failed, always=self._stopped))
            .progress(self._progressed)
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _summed(self, summary: BatchSummary) -> None:
        self.summary = summary
        self.progress.setVisible(False)
        self.summary_button.setEnabled(True)
        text = self.tr(
            "批次“%1”：%2 / %3 件已计算。主张总额 %4 元，依法可支持 %5 元，"
            "主张超出依法可支持 %6 元（按合同计算 %7 元）。"
        )
        values = (
            summary.name,
            summary.computed,
            summary.cases,
            formatting.money(summary.claimed),
            formatting.money(summary.lawful),
            formatting.money(summary.reduction),
            formatting.money(summary.contract),
        )
        for n, value in enumerate(values, start=1):
            text = text.replace(f"%{n}", str(value))
        if summary.failed:
            text += self.tr("另有 %1 件无法计算（如 %2）。").replace("%1", str(len(summary.failed)))
            text = text.replace("%2", summary.failed[0][0])
        self.message.setText(text)

    def assign(self) -> None:
        batch = self.chosen()
        names = [
            n.strip() for n in self.mediators.text().replace("，", ",").split(",") if n.strip()
        ]
        if batch is None or not names:
            self.message.setText(self.tr("请选择批次，并填写调解员姓名（用逗号分开）。"))
            return

        def done(counts: dict[str, int]) -> None:
            share = self.tr("%1 %2 件")
            shares = self.tr("、").join(
                share.replace("%1", who).replace("%2", str(n)) for who, n in counts.items()
            )
            self.message.setText(self.tr("已分配：%1。").replace("%1", shares))
            self.reload()
            self.changed.emit()

        work = intake.assign_batch(self._service, batch.id, names, self.by_region.isChecked())
        self._runner.run(work).success(done).failure(refused(self._failed, always=self._stopped))

    def withdraw(self) -> None:
        batch = self.chosen()
        if batch is None:
            return
        asked = QMessageBox.question(
            self,
            self.tr("撤回批次"),
            self.tr("撤回批次“%1”？其 %2 件案件将不再出现在案件列表中（案号保留）。")
            .replace("%1", batch.name)
            .replace("%2", str(batch.cases)),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return

        def done(_info: BatchInfo) -> None:
            self.message.setText(self.tr("批次已撤回。"))
            self.reload()
            self.changed.emit()

        self._runner.run(intake.withdraw_batch(self._service, batch.id, "出借人撤回")).success(
            done
        ).failure(refused(self._failed, always=self._stopped))

    def _stopped(self) -> None:
        """The work failed (a refusal or a bug): the buttons work again."""
        self._task = None
        self.progress.setVisible(False)
        self.summary_button.setEnabled(True)

    def _failed(self, refusal: Refusal) -> None:
        show_refusal(refusal, self.message)
