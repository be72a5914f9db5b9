"""统计: the caseload, settlement rate and amounts with charts, the plans' worklist, and
the exports a lender loads (xlsx, one row per case) or reads (PDF summary)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.ops import reports
from ui.refusal import Refusal, refused, show_refusal
from ui.views.reports.charts import BarChart
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.performance.worklist import Worklist
    from app.services.reports.service import Report, ReportFilter
    from ui.ops.reports import Overview
    from ui.services import Core
    from ui.tasks import TaskRunner

ALL_BATCHES = "全部批次"
WORK_HEADERS = (
    "类别",
    "案号",
    "状态",
    "债务人",
    "期次",
    "应还日期",
    "金额（元）",
    "逾期天数",
    "调解员",
    "还款提醒",
)


class ReportsWindow(QWidget):
    """A window of its own: 统计 and 履行跟踪 tabs over the case store."""

    def __init__(
        self, service: Core, runner: TaskRunner, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._service, self._runner, self.today = service, runner, today
        self.report: Report | None = None
        self.worklist: Worklist | None = None
        self.setWindowTitle(self.tr("统计"))
        self.resize(1180, 820)
        tabs = QTabWidget()
        tabs.addTab(self._build_stats(), self.tr("统计"))
        tabs.addTab(self._build_work(), self.tr("履行跟踪"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter())
        self.message = message_label("errorBanner")
        layout.addWidget(self.message)
        layout.addWidget(tabs, 1)

    # -- building ----------------------------------------------------------------------------

    def _build_filter(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.batch_box = QComboBox()
        self.batch_box.addItem(self.tr(ALL_BATCHES), "")
        self.batch_box.setMinimumWidth(260)
        self.dates_box = QCheckBox(self.tr("受理日期"))
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.start_edit.setDate(QDate(self.today.year, 1, 1))
        self.end_edit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.dates_box.toggled.connect(self.start_edit.setEnabled)
        self.dates_box.toggled.connect(self.end_edit.setEnabled)
        self.refresh_button = QPushButton(self.tr("统计"))
        self.refresh_button.clicked.connect(self.refresh)
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        for w in (
            QLabel(self.tr("批次")),
            self.batch_box,
            self.dates_box,
            self.start_edit,
            QLabel("—"),
            self.end_edit,
            self.refresh_button,
        ):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.xlsx_button)
        row.addWidget(self.pdf_button)
        return row

    def _build_stats(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.figures = QLabel()
        self.figures.setObjectName("reportFigures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.figures, 0, 0, 1, 2)
        self.amounts_chart = BarChart(self.tr("金额"), money=True)
        self.status_chart = BarChart(self.tr("按状态"))
        self.mediator_chart = BarChart(self.tr("按调解员"))
        self.ageing_chart = BarChart(self.tr("未结案件账龄"))
        self.creditor_chart = BarChart(self.tr("按债权人"))
        self.batch_chart = BarChart(self.tr("按批次"))
        charts = (
            self.amounts_chart,
            self.status_chart,
            self.mediator_chart,
            self.ageing_chart,
            self.creditor_chart,
            self.batch_chart,
        )
        for i, chart in enumerate(charts):
            grid.addWidget(chart, 1 + i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(4, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _build_work(self) -> QWidget:
        self.work_table = QTableWidget(0, len(WORK_HEADERS))
        self.work_table.setObjectName("worklist")
        self.work_table.setHorizontalHeaderLabels([self.tr(h) for h in WORK_HEADERS])
        self.work_table.verticalHeader().setVisible(False)
        self.work_table.horizontalHeader().setStretchLastSection(True)
        self.work_summary = QLabel()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(self.work_summary)
        layout.addWidget(self.work_table, 1)
        return box

    # -- loading -----------------------------------------------------------------------------

    def chosen_filter(self) -> ReportFilter:
        from app.services.reports.service import ReportFilter

        if not self.dates_box.isChecked():
            return ReportFilter(str(self.batch_box.currentData() or ""))
        start, end = self.start_edit.date(), self.end_edit.date()
        return ReportFilter(
            str(self.batch_box.currentData() or ""),
            date(start.year(), start.month(), start.day()),
            date(end.year(), end.month(), end.day()),
        )

    def refresh(self) -> None:
        """Compute the report and the worklist on the database thread, then show them."""
        self.refresh_button.setEnabled(False)
        work = reports.overview(self._service, self.chosen_filter(), self.today)
        self._runner.run(work).success(self._arrived).failure(
            refused(self._failed, always=lambda: self.refresh_button.setEnabled(True))
        )

    def _arrived(self, result: Overview) -> None:
        self.refresh_button.setEnabled(True)
        self.message.setVisible(False)
        self._fill_batches(result.batches)
        self.show_report(result.report)
        self.show_worklist(result.worklist)

    def _failed(self, refusal: Refusal) -> None:
        show_refusal(refusal, self.message)

    def _fill_batches(self, batches: list[str]) -> None:
        current = self.batch_box.currentData()
        known = {self.batch_box.itemData(i) for i in range(self.batch_box.count())}
        for name in batches:
            if name not in known:
                self.batch_box.addItem(name, name)
        index = self.batch_box.findData(current)
        self.batch_box.setCurrentIndex(max(index, 0))

    def show_report(self, report: Report) -> None:
        from app.services.reports.service import summary_lines

        self.report = report
        rows = "".join(
            f"<tr><td>{k}</td><td align='right'>&nbsp;&nbsp;{v}</td></tr>"
            for k, v in summary_lines(report)
        )
        self.figures.setText(f"<table cellspacing='3'>{rows}</table>")
        t = report.totals
        self.amounts_chart.set_items(
            [
                (self.tr("主张"), t.claimed),
                (self.tr("依法核算"), t.lawful),
                (self.tr("调解"), t.agreed),
                (self.tr("已回收"), t.recovered),
            ]
        )
        for chart, counts in (
            (self.status_chart, report.by_status),
            (self.mediator_chart, report.by_mediator),
            (self.ageing_chart, report.ageing),
            (self.creditor_chart, report.by_creditor),
            (self.batch_chart, report.by_batch),
        ):
            chart.set_items(list(counts.items()))

    def show_worklist(self, work: Worklist) -> None:
        self.worklist = work
        counts = work.counts
        self.work_summary.setText(
            self.tr("%1：今日到期 %2，本周到期 %3，已逾期 %4，已违约 %5")
            .replace("%1", work.on.isoformat())
            .replace("%2", str(counts["today"]))
            .replace("%3", str(counts["week"]))
            .replace("%4", str(counts["overdue"]))
            .replace("%5", str(counts["defaulted"]))
        )
        self.work_table.setRowCount(len(work.items))
        for r, item in enumerate(work.items):
            cells = (
                item.group_label,
                item.case_no,
                item.status_label,
                item.debtor,
                f"第{item.n}期" if item.n else "",
                item.due.isoformat() if item.due else "",
                f"{item.amount:,.2f}",
                str(item.days_late),
                item.mediator,
                item.reminder,
            )
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c in (6, 7):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.work_table.setItem(r, c, cell)
        self.work_table.resizeColumnsToContents()

    # -- exports -----------------------------------------------------------------------------

    def export(self, kind: str, path: Path | None = None) -> None:
        """Write the shown report as xlsx or PDF (asks where unless `path` is given)."""
        report = self.report
        if report is None:
            return
        if path is None:
            pattern = "Excel (*.xlsx)" if kind == "xlsx" else "PDF (*.pdf)"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出统计"), f"统计.{kind}", pattern
            )
            if not name:
                return
            path = Path(name)
        work = reports.export(self._service, report, kind, path)
        self._runner.run(work).failure(refused(self._failed))


def money(value: Decimal) -> str:
    return f"{value:,.2f}"
