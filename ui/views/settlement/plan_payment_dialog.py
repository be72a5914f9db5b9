"""记录还款: a payment under a signed plan, checked and stored by the service; each problem
shows under its field and the dialog stays open with what was typed."""

from __future__ import annotations

from datetime import date
from typing import Any

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

from app.domain.errors import DomainError, InputError
from ui.tasks import TaskRunner, report_unexpected
from ui.views.settlement.plan import date_edit, day_of
from ui.widgets.field_row import FieldRow


def record(service: Any, case_no: str, day: date, amount: str, note: str) -> Any:
    from app.services.settlement.service import record_plan_payment

    return record_plan_payment(service.context(), case_no, day, amount, note)


class PlanPaymentDialog(QDialog):
    """Records one payment of the debtor under the plan.

    Signals:
        payment_recorded(object): the stored `PlanPaymentInfo`.
    """

    payment_recorded = Signal(object)

    def __init__(
        self, service: Any, runner: TaskRunner, case_no: str, today: date,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._service, self._runner, self._case_no = service, runner, case_no
        self.setWindowTitle(self.tr("记录还款 — %1").replace("%1", case_no))
        layout = QVBoxLayout(self)
        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
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
        service, case_no = self._service, self._case_no
        day, amount, note = day_of(self.day), self.amount.text(), self.note.text()
        self._runner.submit(
            lambda: record(service, case_no, day, amount, note),
            on_finished=self._recorded,
            on_failed=self._failed,
        )

    def _recorded(self, info: Any) -> None:
        self.ok_button.setEnabled(True)
        self.payment_recorded.emit(info)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, InputError):
            for problem in error.problems:
                row = self.rows.get(problem.path)
                if row is not None:
                    row.set_error(problem.reason)
                else:
                    self._general(str(problem))
        elif isinstance(error, DomainError):
            self._general(str(error))
        else:
            report_unexpected(error)

    def _general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(True)
