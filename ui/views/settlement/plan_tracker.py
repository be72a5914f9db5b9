"""The plan tracker of a signed case: each instalment with its state in colour, the payments
recorded under the plan, 记录还款, and a banner once the plan has defaulted with the amount
now claimable.

Opening a case runs `check_default` as of today on the database thread: when the
acceleration threshold has passed, the case moves to 已违约 (audited) and the banner says so.
Picking another day only shows the plan as of that day (`plan_status`); it changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import china_today
from app.services.settlement.plan_tracking import PAYABLE
from ui import formatting, labels
from ui.models.plan_status_rows import PlanStatusModel, StatusColumn
from ui.ops import settlement
from ui.ops.settlement import Followed
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import TaskRunner
from ui.views.settlement.plan import date_edit, day_of, set_day
from ui.views.settlement.plan_payment_dialog import PlanPaymentDialog
from ui.widgets.hint_stack import install_hint_stack
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.settlement.plan_tracking import PlanPaymentInfo, PlanStatusInfo
    from ui.services import Core

__all__ = ["Followed", "PlanTracker"]

STYLE = """
QFrame#trackerBar { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 6px; }
QLabel#trackerFigure { font-size: 11pt; color: #111827; }
QLabel#trackerFigure[tone="strong"] { font-weight: bold; color: #1849a9; }
QLabel#nextDue { color: #344054; }
QLabel#defaultBanner { background: #fef3f2; color: #b42318; border: 1px solid #fecdca;
    border-radius: 4px; padding: 6px 10px; font-weight: bold; }
QLabel#doneBanner { background: #ecfdf3; color: #05603a; border: 1px solid #abefc6;
    border-radius: 4px; padding: 6px 10px; font-weight: bold; }
QLabel#termsSummary { color: #344054; }
QLabel#columnTitle { font-weight: bold; color: #1f3a68; }
QPushButton#recordPayment { padding: 5px 14px; font-weight: bold; }
"""


class PlanTracker(QWidget):
    """履行情况 of the chosen case (`show_case_no` / `load`).

    Signals:
        case_loaded(str): the case is on screen (its plan, or why there is none).
        payment_recorded(object): a `PlanPaymentInfo` was stored.
        case_defaulted(str): opening the case moved it to 已违约.
    """

    case_loaded = Signal(str)
    payment_recorded = Signal(object)
    case_defaulted = Signal(str)

    def __init__(
        self,
        service: Core,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = china_today,
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self._today = service, runner, today
        self._case_no = ""
        self._shown: Followed | None = None
        self._generation = 0
        self.dialog: PlanPaymentDialog | None = None
        self.setStyleSheet(STYLE)
        self._stack, self.hint = install_hint_stack(
            self,
            self.tr("在上方列表中选择一个已签署协议的案件，即可在这里跟踪还款。"),
            self._build_page(),
        )

    # -- building --------------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(6)
        column.addWidget(self._build_bar())
        self.default_banner = self._banner("defaultBanner")
        self.done_banner = self._banner("doneBanner")
        self.error = self._banner("errorBanner")
        for banner in (self.default_banner, self.done_banner, self.error):
            column.addWidget(banner)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_installments())
        splitter.addWidget(self._build_side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        column.addWidget(splitter, 1)
        return page

    def _banner(self, name: str) -> QLabel:
        label = message_label(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("trackerBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(14)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        row.addWidget(self.status_chip)
        self.figures: dict[str, QLabel] = {}
        for key in ("total", "paid", "remaining"):
            label = self.figures[key] = QLabel()
            label.setObjectName("trackerFigure")
            row.addWidget(label)
        self.next_due = QLabel()
        self.next_due.setObjectName("nextDue")
        row.addWidget(self.next_due, 1)
        row.addWidget(QLabel(self.tr("查看日期")))
        self.as_of = date_edit("trackerAsOf", self._today())
        self.as_of.dateChanged.connect(lambda _d: self._run(check=False))
        row.addWidget(self.as_of)
        self.record_button = QPushButton(self.tr("记录还款"))
        self.record_button.setObjectName("recordPayment")
        self.record_button.clicked.connect(self.open_payment_dialog)
        row.addWidget(self.record_button)
        return bar

    def _build_installments(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("各期还款情况"))
        title.setObjectName("columnTitle")
        column.addWidget(title)
        self.model = PlanStatusModel(self)
        table = self.table = QTableView()
        table.setObjectName("installmentTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(StatusColumn.N, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StatusColumn.STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        column.addWidget(table, 1)
        return holder

    def _build_side(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("协议项下的还款记录"))
        title.setObjectName("columnTitle")
        column.addWidget(title)
        payments = self.payments = QTableWidget(0, 3)
        payments.setObjectName("paymentTable")
        payments.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("金额（元）"), self.tr("备注")]
        )
        payments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        payments.verticalHeader().setVisible(False)
        payments.verticalHeader().setDefaultSectionSize(24)
        payments.setShowGrid(False)
        payments.horizontalHeader().setStretchLastSection(True)
        payments.setColumnWidth(0, 96)
        payments.setColumnWidth(1, 100)
        column.addWidget(payments, 1)
        terms_title = QLabel(self.tr("违约条款"))
        terms_title.setObjectName("columnTitle")
        column.addWidget(terms_title)
        self.terms_summary = QLabel()
        self.terms_summary.setObjectName("termsSummary")
        self.terms_summary.setWordWrap(True)
        column.addWidget(self.terms_summary)
        return holder

    # -- loading ---------------------------------------------------------------------------

    def show_case_no(self, case_no: str) -> None:
        self.load(case_no)

    def load(self, case_no: str) -> None:
        """Show the case's plan as of today, moving it to 已违约 if the plan defaulted."""
        self._case_no = case_no
        self.as_of.blockSignals(True)
        set_day(self.as_of, self._today())
        self.as_of.blockSignals(False)
        self._run(check=True)

    def _run(self, *, check: bool) -> None:
        if not self._case_no:
            return
        self._generation += 1
        generation = self._generation
        work = settlement.follow(self._service, self._case_no, day_of(self.as_of), check)
        self._runner.run(work).success(lambda shown: self._arrived(generation, shown)).failure(
            refused(lambda refusal: self._failed(generation, refusal))
        )

    def _arrived(self, generation: int, shown: Followed) -> None:
        if generation != self._generation:
            return
        self._shown = shown
        self.error.setVisible(False)
        if shown.status is None:
            self._show_nothing(shown)
        else:
            self._stack.setCurrentIndex(1)
            self._show(shown)
        self.case_loaded.emit(shown.case_no)
        if shown.moved:
            self.case_defaulted.emit(shown.case_no)

    def _show_nothing(self, shown: Followed) -> None:
        if shown.reason == "no_settlement":
            text = self.tr("案件 %1 没有保存的调解方案，无法跟踪履行情况。")
        else:
            text = self.tr(
                "案件 %1 尚未签署调解协议（当前状态：%2）。签署后可在这里记录和跟踪还款。"
            )
        status = labels.status_label(shown.case_status)
        self.hint.setText(text.replace("%1", shown.case_no).replace("%2", status))
        self._stack.setCurrentIndex(0)

    def _show(self, shown: Followed) -> None:
        status = shown.status
        assert status is not None
        self.status_chip.setText(labels.status_label(shown.case_status))
        tone = "alert" if shown.case_status == "defaulted" else ""
        tone = "done" if shown.case_status == "fulfilled" else tone
        self.status_chip.setProperty("tone", tone)
        self.status_chip.style().unpolish(self.status_chip)
        self.status_chip.style().polish(self.status_chip)
        money = formatting.money
        total = status.settlement.plan.amount_total
        self.figures["total"].setText(self.tr("和解金额 %1 元").replace("%1", money(total)))
        self.figures["paid"].setText(self.tr("已还 %1 元").replace("%1", money(status.paid_total)))
        remaining = self.tr("未还 %1 元").replace("%1", money(status.remaining))
        self.figures["remaining"].setText(remaining)
        self._show_next(status)
        self._show_banners(shown)
        self.model.set_rows(status.installments)
        self._show_payments(status.payments)
        self._show_terms(status)
        self.record_button.setEnabled(shown.case_status in PAYABLE)

    def _show_next(self, status: PlanStatusInfo) -> None:
        row = status.next_due
        if row is None or status.defaulted:  # after a default everything is due at once
            self.next_due.setText("")
            return
        text = self.tr("下一期：第 %1 期，%2 应还 %3 元")
        text = text.replace("%1", str(row.n)).replace("%2", row.due.isoformat())
        self.next_due.setText(text.replace("%3", formatting.money(row.outstanding)))

    def _show_banners(self, shown: Followed) -> None:
        status = shown.status
        assert status is not None
        perf = status.performance
        if status.defaulted and perf.defaulted_on is not None:
            text = self.tr(
                "已于 %1 违约：第 %2 期逾期超过 %3 天仍未还清，剩余款项全部到期。现可主张 %4 元"
            )
            text = text.replace("%1", perf.defaulted_on.isoformat())
            text = text.replace("%2", str(perf.default_installment))
            text = text.replace("%3", str(status.settlement.terms.acceleration_days))
            text = text.replace("%4", formatting.money(status.claimable))
            if status.revived:
                revived = self.tr("（其中恢复的减免 %1 元）")
                text += revived.replace("%1", formatting.money(status.revived))
            text += self.tr("。")
            if shown.moved:
                text += self.tr("案件状态已改为“已违约”。")
            self.default_banner.setText(text)
        self.default_banner.setVisible(status.defaulted)
        self.done_banner.setText(self.tr("协议款项已全部还清。"))
        self.done_banner.setVisible(status.fulfilled)

    def _show_payments(self, payments: tuple[PlanPaymentInfo, ...]) -> None:
        self.payments.setRowCount(len(payments))
        for row, payment in enumerate(payments):
            texts = [payment.date.isoformat(), formatting.money(payment.amount), payment.note]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.payments.setItem(row, column, item)

    def _show_terms(self, status: PlanStatusInfo) -> None:
        info = status.settlement
        terms, money = info.terms, formatting.money
        lines = [
            self.tr("加速到期：任一期逾期超过 %1 天仍未还清的，剩余款项全部到期。").replace(
                "%1", str(terms.acceleration_days)
            )
        ]
        if terms.waiver_revives_on_default:
            text = self.tr("违约后减免恢复：可主张原依法应还 %1 元减去已还款。")
            lines.append(text.replace("%1", money(info.lawful_total)))
        else:
            lines.append(self.tr("违约后减免不恢复：只主张剩余未还的和解款。"))
        if info.grace_days:
            lines.append(self.tr("每期宽限 %1 天。").replace("%1", str(info.grace_days)))
        self.terms_summary.setText("\n".join(lines))

    def _failed(self, generation: int, refusal: Refusal) -> None:
        if generation != self._generation:
            return
        show_refusal(refusal, self.error)

    # -- recording -------------------------------------------------------------------------

    def open_payment_dialog(self) -> PlanPaymentDialog | None:
        """Open 记录还款 (non-modal); the tracker reloads when a payment is stored."""
        if not self._case_no:
            return None
        dialog = PlanPaymentDialog(self._service, self._runner, self._case_no, self._today(), self)
        dialog.payment_recorded.connect(self._recorded)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _recorded(self, info: PlanPaymentInfo) -> None:
        self.payment_recorded.emit(info)
        self._run(check=True)

    # -- for tests -------------------------------------------------------------------------

    def shown(self) -> Followed | None:
        return self._shown
