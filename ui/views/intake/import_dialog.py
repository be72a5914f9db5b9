"""导入案件…: a lender's spreadsheet becomes cases, with every bad row named first.

Choose the file (and, for a sheet without those columns, the creditor, lender type and
court); the dialog runs a dry run on the database thread and shows the matched columns
(a wrong or unmatched one is fixed by choosing its field from a list, and 重新检查 runs
again with that mapping, which is saved for the creditor when the batch is imported) and a
sortable table of every problem and duplicate. 导出问题行… writes the bad rows to an .xlsx
for the lender. 开始导入 writes in chunks that each commit whole, with a progress bar; 取消
stops after the chunk being written: what is in stays whole, a second import of the same
file adds the rest without duplicates, and 撤回本批次 takes back what went in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from ui import labels
from ui.ops import intake
from ui.ops.intake import Checked
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import Task, TaskRunner
from ui.views.intake.columns import ColumnTable
from ui.views.intake.problems import ProblemTableModel, sortable
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.intake.batches import BatchInfo
    from app.services.intake.report import IntakeReport
    from app.services.intake.service import IntakeOptions
    from ui.services import Core

FILES = "表格文件 (*.xlsx *.xls *.xlsm *.ods *.csv)"


class ImportDialog(QDialog):
    """Signals: imported(object): the import's `IntakeReport`, once cases went in."""

    imported = Signal(object)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._task: Task[Checked] | Task[IntakeReport] | None = None
        self.report: IntakeReport | None = None
        self.result_report: IntakeReport | None = None
        self.setWindowTitle(self.tr("导入案件"))
        self.resize(1180, 720)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_options())
        self.banner = message_label("formError")
        layout.addWidget(self.banner)
        layout.addWidget(self._build_tables(), 1)
        self.summary = QLabel(self.tr("请选择出借人发来的案件清单（.xlsx、.xls、.ods 或 .csv）。"))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addLayout(self._build_buttons())

    # -- building ----------------------------------------------------------------------------

    def _build_options(self) -> QFormLayout:
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("出借人的 Excel 或 CSV 文件"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self.browse)
        self.check_button = QPushButton(self.tr("检查文件"))
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.run_check)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(self.check_button)
        form.addRow(self.tr("文件"), row)
        extra = QHBoxLayout()
        self.creditor_edit = QLineEdit()
        self.creditor_edit.setPlaceholderText(self.tr("表中没有“债权人”列时填写"))
        self.lender_combo = QComboBox()
        self.lender_combo.addItem(self.tr("（按表中的“出借人类型”）"), "")
        for code, word in labels.lender_types().items():
            self.lender_combo.addItem(word, code)
        self.court_edit = QLineEdit()
        self.court_edit.setPlaceholderText(self.tr("委派法院全称（可不填）"))
        self.batch_edit = QLineEdit()
        self.batch_edit.setPlaceholderText(self.tr("默认：文件名和日期"))
        for label, widget in ((self.tr("债权人"), self.creditor_edit),
                              (self.tr("出借人类型"), self.lender_combo),
                              (self.tr("委派法院"), self.court_edit),
                              (self.tr("批次名称"), self.batch_edit)):  # fmt: skip
            extra.addWidget(QLabel(label))
            extra.addWidget(widget, 1)
        form.addRow(self.tr("整批"), extra)
        return form

    def _build_tables(self) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("列的对应（选错的列可改选）")))
        self.columns = ColumnTable()
        self.columns.changed.connect(self._mapping_changed)
        box.addWidget(self.columns, 1)
        self.recheck_button = QPushButton(self.tr("按新的对应重新检查"))
        self.recheck_button.setEnabled(False)
        self.recheck_button.clicked.connect(self.run_check)
        box.addWidget(self.recheck_button)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        self.problems_title = QLabel(self.tr("试导入发现的问题（点列名排序）"))
        self.problems_title.setObjectName("sectionTitle")
        box.addWidget(self.problems_title)
        self.problem_model = ProblemTableModel(self)
        self.problem_proxy = sortable(self.problem_model)
        self.problems = QTableView()
        self.problems.setObjectName("problemTable")
        self.problems.setModel(self.problem_proxy)
        self.problems.setSortingEnabled(True)
        self.problems.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setWordWrap(False)
        header = self.problems.horizontalHeader()
        for column, width in enumerate((90, 56, 110, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.problems, 1)
        self.reason = QLabel()
        self.reason.setObjectName("problemReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setMinimumHeight(44)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.reason)
        self.problems.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_reason(current.row())
        )
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([470, 710])
        return splitter

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setVisible(False)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        self.export_button = QPushButton(self.tr("导出问题行…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export_problems())
        self.skip_box = QCheckBox(self.tr("跳过有问题的行，先导入其余的"))
        self.skip_box.setEnabled(False)
        self.skip_box.toggled.connect(lambda _on: self._update_buttons())
        self.import_button = QPushButton(self.tr("开始导入"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.withdraw_button = QPushButton(self.tr("撤回本批次"))
        self.withdraw_button.setVisible(False)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        for widget in (self.export_button, self.skip_box, self.import_button,
                       self.cancel_button, self.withdraw_button, self.close_button):  # fmt: skip
            row.addWidget(widget)
        return row

    # -- checking ----------------------------------------------------------------------------

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("选择案件清单"), "", self.tr(FILES))
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        """Take this file and run the dry run on it (a new file starts without a mapping)."""
        self.path_edit.setText(str(path))
        self.columns.overrides = {}
        self.run_check()

    def options(self) -> IntakeOptions:
        from app.services.intake.service import IntakeOptions

        return IntakeOptions(
            creditor=self.creditor_edit.text().strip(),
            lender_type=str(self.lender_combo.currentData() or ""),
            court=self.court_edit.text().strip(),
            batch=self.batch_edit.text().strip(),
            mapping=dict(self.columns.overrides) or None,
            skip_bad=self.skip_box.isChecked(),
        )

    def run_check(self) -> None:
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip():
            self._refuse(self.tr("请先选择文件。"))
            return
        self._busy(self.tr("正在读取和检查每一行（不写入任何数据）…"))
        options, chosen = self.options(), dict(self.columns.overrides)
        self._task = (
            self._runner.run(intake.dry_run(self._service, path, options, chosen))
            .success(self._checked)
            .failure(refused(self._failed, always=self._stopped))
            .progress(self._progressed)
        )

    def _checked(self, checked: Checked) -> None:
        self._idle()
        self.report = checked.report
        self.columns.set_columns(checked.columns, checked.mapping)
        self.recheck_button.setEnabled(False)
        self.problem_model.set_report(checked.report)
        self._title_problems(checked.report)
        self._show_reason(0)
        if checked.report is None:
            self._refuse(tr(checked.refused))
            self.summary.setText(
                self.tr("文件不能导入：请按上面的提示改正，或在左边改选列的对应后重新检查。")
            )
        else:
            self.banner.setVisible(False)
            self.summary.setText(self._summary_text(checked.report))
        self._update_buttons()

    def _summary_text(self, r: IntakeReport) -> str:
        text = self.tr("工作表“%1”共 %2 行：有效 %3 行，有问题 %4 行，重复 %5 行；可导入 %6 件。")
        ready = r.valid - len(r.duplicates)
        for n, value in enumerate((r.sheet, r.rows, r.valid, len(r.bad_rows),
                                   len(r.duplicates), ready), start=1):  # fmt: skip
            text = text.replace(f"%{n}", str(value))
        notes = " ".join(tr(w) for w in r.warnings[:3])
        return f"{text} {notes}".strip()

    def _title_problems(self, report: IntakeReport | None) -> None:
        if report is None:
            text = self.tr("试导入发现的问题（点列名排序）")
        elif not report.problems and not report.duplicates:
            text = self.tr("试导入没有发现问题：全部 %1 行都可以导入。").replace(
                "%1", str(report.rows)
            )
        else:
            count = len(report.problems) + len(report.duplicates)
            text = self.tr("试导入发现 %1 个问题（点列名排序，选中一行看完整原因）")
            text = text.replace("%1", str(count))
        self.problems_title.setText(text)

    def _show_reason(self, row: int) -> None:
        """The whole reason of the chosen problem (the table cuts long ones short)."""
        proxy = self.problem_proxy
        if not 0 <= row < proxy.rowCount():
            self.reason.setText("")
            return
        where = self.tr("第 %1 行 %2：").replace("%1", str(proxy.index(row, 1).data()))
        where = where.replace("%2", str(proxy.index(row, 2).data()))
        self.reason.setText(where + str(proxy.index(row, 4).data()))

    def _mapping_changed(self) -> None:
        self.recheck_button.setEnabled(True)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("列的对应已改动：请点“按新的对应重新检查”。"))

    def _update_buttons(self) -> None:
        r = self.report
        ready = r.valid - len(r.duplicates) if r is not None else 0
        bad = bool(r and r.problems)
        self.export_button.setEnabled(bool(r and r.bad_rows))
        self.skip_box.setEnabled(bad)
        self.import_button.setEnabled(ready > 0 and (not bad or self.skip_box.isChecked()))
        if r is not None:
            self.import_button.setText(self.tr("导入 %1 件").replace("%1", str(ready)))

    # -- importing ---------------------------------------------------------------------------

    def start_import(self) -> None:
        path = Path(self.path_edit.text().strip())
        options = self.options()
        creditor = options.creditor or (
            self.report.creditors[0] if self.report and self.report.creditors else ""
        )
        self._busy(self.tr("正在导入：每 5000 件一组整组写入…"))
        self.cancel_button.setVisible(True)
        self.close_button.setEnabled(False)
        self._task = (
            self._runner.run(intake.import_file(self._service, path, options, creditor))
            .success(self._imported)
            .failure(refused(self._failed, always=self._stopped))
            .progress(self._progressed)
        )

    def cancel_import(self) -> None:
        """Stop after the chunk being written (what is in stays whole)."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("正在停止：写完当前这一组后停下…"))

    def _imported(self, report: IntakeReport) -> None:
        self._idle()
        self.result_report = report
        self.cancel_button.setVisible(False)
        self.close_button.setEnabled(True)
        self.import_button.setEnabled(False)
        self.skip_box.setEnabled(False)
        if report.cancelled:
            text = self.tr(
                "已取消：已导入 %1 件（每组都完整写入），其余未导入。"
                "再次导入同一文件会补齐其余案件而不会重复；也可以撤回本批次。"
            )
            self.withdraw_button.setVisible(report.batch_id is not None)
        else:
            text = self.tr("导入完成：%1 件案件已进入批次“%2”，状态为待受理。")
        self.summary.setText(text.replace("%1", str(report.imported)).replace("%2", report.batch))
        if report.imported:
            self.imported.emit(report)

    def withdraw(self) -> None:
        report = self.result_report
        if report is None or report.batch_id is None:
            return
        self.withdraw_button.setEnabled(False)
        work = intake.withdraw_batch(self._service, report.batch_id, "导入时取消")
        self._runner.run(work).success(self._withdrawn).failure(
            refused(self._failed, always=self._stopped)
        )

    def _withdrawn(self, _batch: BatchInfo) -> None:
        self.withdraw_button.setVisible(False)
        self.summary.setText(self.tr("本批次已撤回：导入的案件不再出现在案件列表中。"))
        if self.result_report is not None:
            self.imported.emit(self.result_report)

    # -- exporting ---------------------------------------------------------------------------

    def export_problems(self, out: Path | None = None) -> None:
        """导出问题行: the bad rows in an .xlsx to send back to the lender."""
        report, source = self.report, Path(self.path_edit.text().strip())
        if report is None:
            return
        if out is None:
            default = str(source.with_name(source.stem + "-问题行.xlsx"))
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("导出问题行"), default,
                                                    self.tr("Excel 文件 (*.xlsx)"))  # fmt: skip
            if not chosen:
                return
            out = Path(chosen)
        target = out

        def done(count: int) -> None:
            text = self.tr("已把 %1 行有问题的行（附原因）导出到 %2，可发回出借人改正。")
            self.summary.setText(text.replace("%1", str(count)).replace("%2", str(target)))

        self._runner.run(intake.export_problem_rows(source, report, target)).success(done).failure(
            refused(self._failed, always=self._stopped)
        )

    # -- state -------------------------------------------------------------------------------

    def _busy(self, text: str) -> None:
        self.banner.setVisible(False)
        self.summary.setText(text)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        for button in (self.check_button, self.import_button, self.recheck_button,
                       self.export_button):  # fmt: skip
            button.setEnabled(False)

    def _idle(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.check_button.setEnabled(True)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _refuse(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)

    def _stopped(self) -> None:
        """The work failed (a refusal or a bug): the dialog can be used again."""
        self._idle()
        self.cancel_button.setVisible(False)
        self.close_button.setEnabled(True)

    def _failed(self, refusal: Refusal) -> None:
        show_refusal(refusal, self.banner)
        self._update_buttons()
