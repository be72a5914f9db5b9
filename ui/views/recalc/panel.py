"""The recalculation panel of a case: claimed, contract and lawful side by side, why each
amount was reduced, the statement lines, "if paid on …" and saving a snapshot.

All work goes through the task runner (`ui.ops.recalc`, on the database thread, never on
the GUI thread). The panel shows the engine's output object as it is; it computes no figure itself.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import china_today
from ui import formatting
from ui.models.recalc_lines import build_model
from ui.ops import recalc
from ui.ops.recalc import Shown
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner
from ui.views.recalc import words as words
from ui.views.recalc.parts import ReasonsCard, StatementView, ViewsTable
from ui.widgets.date_field import DateField
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.services.recalc.service import SnapshotInfo
    from ui.services import Core

STYLE = """
QFrame#lawfulBar { background: #ecfdf3; border: 1px solid #abefc6; border-radius: 6px; }
QLabel#barText { color: #05603a; font-size: 12pt; font-weight: bold; }
QLabel#lawfulTotal { color: #05603a; font-size: 22pt; font-weight: bold; }
QLabel#lawfulCompare { color: #344054; }
QLabel#recalcWarnings { background: #fffaeb; color: #93370d; border: 1px solid #fedf89;
    border-radius: 4px; padding: 5px 10px; }
QLabel#readingsNote { color: #475467; font-size: 9pt; padding: 0px 14px; }
QLabel#savedNote { color: #4b5563; font-size: 9pt; }
QPushButton#saveRecalc { padding: 5px 14px; font-weight: bold; }
QLabel#reasons { color: #1f2937; }
QLabel#basis { color: #4b5563; font-size: 9pt; }
QLabel#statementTitle { font-weight: bold; color: #1f3a68; }
"""


__all__ = ["RecalcPanel", "Shown"]


def earliest_reason(inp: dict[str, Any], earliest: date) -> str:
    """What is dated `earliest`: 还款 / 费用 / 宣布提前到期 / 放款 (for the note at the date)."""
    day = earliest.isoformat()
    if any(p["date"] == day for p in inp.get("payments", ())):
        return QCoreApplication.translate("RecalcPanel", "最后一笔还款")
    if any(c["date"] == day for k in ("fees", "costs") for c in inp.get(k, ())):
        return QCoreApplication.translate("RecalcPanel", "最后一笔费用")
    if inp.get("accelerated_on") == day:
        return QCoreApplication.translate("RecalcPanel", "宣布提前到期")
    return QCoreApplication.translate("RecalcPanel", "放款")


class _FitLayout(QVBoxLayout):
    """A column that fills its scroll area whenever its minimum fits, without scrolling.

    Word-wrapped banners give a layout height-for-width, and a scroll area then sizes the
    page to its preferred height instead of the viewport's, always showing a scroll bar.
    """

    def hasHeightForWidth(self) -> bool:
        return False


class RecalcPanel(QWidget):
    """Recalculates the chosen case (`show_case_no`) and saves snapshots of it.

    Signals:
        case_loaded(str): a result for this case number is on screen.
        recalc_failed(str): the case could not be computed; the message is on screen.
        snapshot_saved(object): a `SnapshotInfo` was stored.
    """

    case_loaded = Signal(str)
    recalc_failed = Signal(str)
    snapshot_saved = Signal(object)

    def __init__(
        self,
        service: Core,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = china_today,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._today = today
        self._case_no = ""
        self._shown: Shown | None = None
        self._generation = 0
        self.setStyleSheet(STYLE)
        self._stack = QStackedWidget()
        hint = QLabel(self.tr("在上方列表中选择一个案件，即可在这里重新计算应还金额。"))
        hint.setObjectName("hint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(hint)
        scroll = QScrollArea()  # the panel never forces the case list above to shrink
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._build_page())
        self._stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    # -- building --------------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        page = QWidget()
        layout = _FitLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._build_bar())
        self.readings = QLabel()  # under the figure: choices of the rules, not the statute
        self.readings.setObjectName("readingsNote")
        self.readings.setWordWrap(True)
        self.readings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readings.setVisible(False)
        layout.addWidget(self.readings)
        self.warnings = QLabel()
        self.warnings.setObjectName("recalcWarnings")
        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        for banner in (self.warnings, self.error):
            banner.setWordWrap(True)
            banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            banner.setVisible(False)
            layout.addWidget(banner)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        top = QWidget()
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.table = ViewsTable()
        self.reasons = ReasonsCard()
        row.addWidget(self.table, 11)
        row.addWidget(self.reasons, 10)
        self.statement = StatementView()
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.statement)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        return page

    def _build_bar(self) -> QFrame:
        """The answer in one line: 若于 [date] 还款，依法应还 N 元, then the save button."""
        bar = QFrame()
        bar.setObjectName("lawfulBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(14, 4, 14, 4)
        row.setSpacing(8)
        row.addWidget(self._bar_label(self.tr("若于")))
        self.date_edit = DateField()
        self.date_edit.setObjectName("asOf")
        self.date_edit.setToolTip(self.tr("选择还款日期：按截至该日的利息、罚息和费用计算应还金额"))
        self.date_edit.dateChanged.connect(self._date_changed)
        self.date_note = message_label("fieldError")
        at = QVBoxLayout()
        at.setSpacing(1)
        at.addWidget(self.date_edit)
        at.addWidget(self.date_note)
        row.addLayout(at)
        row.addWidget(self._bar_label(self.tr("还款，依法应还")))
        self.total = QLabel("—")
        self.total.setObjectName("lawfulTotal")
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.total)
        row.addWidget(self._bar_label(self.tr("元")))
        row.addSpacing(18)
        self.compare = QLabel()
        self.compare.setObjectName("lawfulCompare")
        row.addWidget(self.compare, 1)
        row.addLayout(self._build_save())
        return bar

    def _bar_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("barText")
        return label

    def _build_save(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        self.save_button = QPushButton(self.tr("保存计算结果"))
        self.save_button.setObjectName("saveRecalc")
        self.save_button.setToolTip(
            self.tr("把本次计算的输入、结果和校验码存入案卷，之后不可更改，文书可以引用")
        )
        self.save_button.clicked.connect(self.save_snapshot)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("savedNote")
        self.saved_note.setAlignment(Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.saved_note)
        return column

    # -- loading ---------------------------------------------------------------------------

    def show_case_no(self, case_no: str) -> None:
        """Compute the case as of its remembered date, else its claim's as-of date (the main
        window calls this when a case is shown)."""
        self._case_no = case_no
        self._shown = None
        self._stack.setCurrentIndex(1)
        self._run(None)

    def set_as_of(self, day: date) -> None:
        """Recompute as of `day` (what the date picker does)."""
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def _date_changed(self, qdate: QDate) -> None:
        if self._case_no:
            self._run(date(qdate.year(), qdate.month(), qdate.day()), remember=True)

    def _run(self, as_of: date | None, *, remember: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        self.save_button.setEnabled(False)
        work = recalc.compute(self._service, self._case_no, as_of, remember)
        self._runner.run(work).success(lambda shown: self._arrived(generation, shown)).failure(
            refused(lambda refusal: self._failed(generation, refusal))
        )

    def _arrived(self, generation: int, shown: Shown) -> None:
        if generation != self._generation:
            return  # a newer date or case was asked for meanwhile
        self._shown = shown
        self.error.setVisible(False)
        self._set_date(shown)
        out = shown.output
        from app.services.recalc.service import readings

        warnings, chosen = readings(out)
        self._set_warnings(warnings)
        self._set_readings(chosen)
        self.table.show_views(out)
        self._show_totals(out, shown)
        self.reasons.show_result(shown.input, out)
        self.statement.set_model(build_model(out, self.statement))
        self._show_saved(shown.saved)
        self.save_button.setEnabled(True)
        self.case_loaded.emit(shown.case_no)

    def _show_totals(self, out: dict[str, Any], shown: Shown) -> None:
        views = out["views"]
        self.total.setText(words.yuan(views["lawful"]["total"]))
        lines = []
        if "claimed" in views:
            claimed = words.yuan(views["claimed"]["total"])
            line = self.tr("债权人主张 %1 元").replace("%1", claimed)
            if shown.claim_as_of is not None:
                line += self.tr("（截至 %1）").replace("%1", shown.claim_as_of.isoformat())
            lines.append(line)
        contract = self.tr("按合同计算 %1 元，依法核减 %2 元").replace(
            "%1", words.yuan(views["contract"]["total"])
        )
        lines.append(contract.replace("%2", words.yuan(out["reduction"]["total"])))
        self.compare.setText("\n".join(lines))

    def _set_date(self, shown: Shown) -> None:
        self.date_edit.blockSignals(True)
        earliest = shown.earliest  # an earlier date may be chosen: the note says why not
        self.date_edit.setDate(QDate(shown.as_of.year, shown.as_of.month, shown.as_of.day))
        self.date_edit.blockSignals(False)
        if shown.asked is None:
            self.date_note.setVisible(False)
            return
        text = self.tr("计算日不能早于%1的日期 %2（所选 %3）：已按 %2 计算。")
        text = text.replace("%1", earliest_reason(shown.input, earliest))
        text = text.replace("%2", earliest.isoformat()).replace("%3", shown.asked.isoformat())
        self.date_note.setText(text)
        self.date_note.setVisible(True)

    def _set_warnings(self, warnings: list[str]) -> None:
        lines = [f"⚠ {text}" for text in warnings]
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))

    def _set_readings(self, chosen: list[str]) -> None:
        """The readings of the rules the figure depends on, as a note under it."""
        self.readings.setText("\n".join(f"ⓘ {text}" for text in chosen))
        self.readings.setVisible(bool(chosen))

    def _failed(self, generation: int, refusal: Refusal) -> None:
        if generation != self._generation:
            return
        self._shown = None
        self.table.clear_views()
        self.total.setText("—")
        self.compare.setText("")
        self.reasons.clear_result()
        self.statement.set_model(None)
        self.warnings.setVisible(False)
        self.readings.setVisible(False)
        self.error.setText(self.error_text(refusal))
        self.error.setVisible(True)
        self.recalc_failed.emit(self.error.text())

    def error_text(self, refusal: Refusal) -> str:
        if refusal.problems:
            head = self.tr("无法计算，请先补正以下内容：")
            return "\n".join([head, *(f"• {problem}" for problem in refusal.problems)])
        return refusal.message

    # -- saving ----------------------------------------------------------------------------

    def save_snapshot(self) -> None:
        """Store the result on screen as an immutable snapshot (on the database thread)."""
        shown = self._shown
        if shown is None:
            return
        self.save_button.setEnabled(False)
        self.saved_note.setText(self.tr("正在保存…"))
        work = recalc.save_snapshot(self._service, shown.case_no, shown.as_of)
        self._runner.run(work).success(self._saved).failure(
            refused(lambda refusal: self._failed(self._generation, refusal))
        )

    def _saved(self, info: SnapshotInfo) -> None:
        self.save_button.setEnabled(self._shown is not None)
        if info.case_no == self._case_no:
            self._show_saved(info)
        self.snapshot_saved.emit(info)

    def _show_saved(self, info: SnapshotInfo | None) -> None:
        if info is None:
            self.saved_note.setText(self.tr("尚未保存计算结果"))
            return
        text = self.tr("已保存 %1（计算日 %2）")
        when = formatting.local_time(info.created_at)
        text = text.replace("%1", when).replace("%2", info.as_of.isoformat())
        shown = self._shown
        if shown is not None and shown.as_of != info.as_of:
            other = self.tr("\n⚠ 已保存的是 %1 的结果：%2 元，与上方日期不同")
            lawful = words.yuan(info.output["views"]["lawful"]["total"])
            text += other.replace("%1", info.as_of.isoformat()).replace("%2", lawful)
        self.saved_note.setText(text)
        tip = self.tr("第 %1 号计算结果，SHA-256 校验码：%2")
        self.saved_note.setToolTip(tip.replace("%1", str(info.id)).replace("%2", info.sha256))

    # -- for tests and copy ----------------------------------------------------------------

    def result(self) -> dict[str, Any] | None:
        """The engine's output object on screen, if any."""
        return None if self._shown is None else self._shown.output

    def as_of(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def lawful_total_text(self) -> str:
        return self.total.text()
