"""记录还款: a payment under a signed plan, checked and stored by the service; each problem
shows under its field and the dialog stays open with what was typed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.ops import settlement
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import TaskRunner
from ui.views.settlement.plan import date_edit, day_of
from ui.widgets.field_row import FieldRow
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.settlement.plan_tracking import PlanPaymentInfo
    from ui.services import Core


class PlanPaymentDialog(QDialog):
    """Records one payment of the debtor under the plan.

    Signals:
        payment_recorded(object): the stored `PlanPaymentInfo`.
    """

    payment_recorded = Signal(object)

    def __init__(
        self, service: Core, runner: TaskRunner, case_no: str, today: date,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._service, self._runner, self._case_no = service, runner, case_no
        self.setWindowTitle(self.tr("记录还款 — %1").replace("%1", case_no))
        layout = QVBoxLayout(self)
        self.general_error = message_label()
        layout.addWidget(self.general_error)
        form = QFormLayout()
        self.day = date_edit("payment_date", today)
        self.amount = QLineEdit()
        self.amount.setObjectName("payment_amount")
        self.amount.setPlaceholderText(self.tr("如 2000 或 2,000.00"))
        self.note = QLineEdit()
        self.note.setObjectName("payment_note")
        self.note.setPlaceholderText(self.tr("如：微信转账、银行转账，凭证号"))
        self.rows = {"date": FieldRow(self.day), "amount": FieldRow(self.amount),
                     "note": FieldRow(self.note)}  # fmt: skip
        form.addRow(self.tr("还款日期 *"), self.rows["date"])
        form.addRow(self.tr("金额（元）*"), self.rows["amount"])
        form.addRow(self.tr("备注"), self.rows["note"])
        layout.addLayout(form)
        note = QLabel(self.tr("只记录调解协议签署后、按协议支付的款项。"))
        note.setObjectName("formNote")
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("记录"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        for row in self.rows.values():
            row.set_error("")
        self.general_error.setVisible(False)
        self.ok_button.setEnabled(False)
        work = settlement.record_payment(
            self._service, self._case_no, day_of(self.day), self.amount.text(), self.note.text()
        )
        self._runner.run(work).success(self._recorded).failure(
            refused(self._failed, always=lambda: self.ok_button.setEnabled(True))
        )

    def _recorded(self, info: PlanPaymentInfo) -> None:
        self.ok_button.setEnabled(True)
        self.payment_recorded.emit(info)
        self.accept()

    def _failed(self, refusal: Refusal) -> None:
        show_refusal(refusal, self.general_error, self.rows, field_of=str)
