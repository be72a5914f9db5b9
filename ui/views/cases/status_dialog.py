"""更改案件状态: only the moves the state machine allows now, each asking for what it needs
(the date it happened, the court's ruling number, a reason), stored by the services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.ops import cases
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import TaskRunner
from ui.widgets.date_field import DateField
from ui.widgets.field_row import FieldRow
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.cases.service import CaseSummary
    from app.services.cases.status import StatusOption
    from ui.services import Core


class StatusDialog(QDialog):
    """Moves one case to a status chosen among `options`.

    Signals:
        status_changed(object): the case's new `CaseSummary`.
    """

    status_changed = Signal(object)

    def __init__(
        self,
        service: Core,
        runner: TaskRunner,
        case_no: str,
        options: list[StatusOption],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self._case_no = service, runner, case_no
        self._options = {o.status: o for o in options}
        self.setWindowTitle(self.tr("更改案件状态 %1").replace("%1", case_no))
        layout = QVBoxLayout(self)
        self.banner = message_label("formError")
        layout.addWidget(self.banner)
        form = QFormLayout()
        self.target = QComboBox()
        self.target.setObjectName("status")
        for option in options:
            self.target.addItem(labels.status_label(option.status, option.label), option.status)
        self.day = DateField()
        self.day.setObjectName("date")
        self.ruling = QLineEdit()
        self.ruling.setObjectName("ruling_no")
        self.ruling.setPlaceholderText(self.tr("如：（2026）浙0108民特123号"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(60)
        self.rows = {"date": FieldRow(self.day), "ruling_no": FieldRow(self.ruling),
                     "reason": FieldRow(self.reason)}  # fmt: skip
        self.captions: dict[str, QLabel] = {}
        form.addRow(self.tr("改为"), self.target)
        for need, row in self.rows.items():
            caption = self.captions[need] = QLabel()
            form.addRow(caption, row)
        self._form = form
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("更改状态"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()
        self.setMinimumWidth(460)

    def _target_changed(self) -> None:
        option = self._options.get(str(self.target.currentData()))
        needs = dict(option.needs) if option else {}
        for need, row in self.rows.items():
            self._form.setRowVisible(row, need in needs or need == "reason")
            word = needs.get(need, self.tr("备注") if need == "reason" else "")
            self.captions[need].setText(f"{word} *" if need in needs else word)
            row.set_error("")

    def submit(self) -> None:
        status = str(self.target.currentData() or "")
        option = self._options.get(status)
        needs = dict(option.needs) if option else {}
        on = self.day.date().toString("yyyy-MM-dd") if "date" in needs else ""
        work = cases.set_status(
            self._service, self._case_no, status, on, self.ruling.text(),
            self.reason.toPlainText(),
        )  # fmt: skip
        self.ok_button.setEnabled(False)
        self._runner.run(work).success(self._changed).failure(
            refused(self._refused, always=lambda: self.ok_button.setEnabled(True))
        )

    def _changed(self, summary: CaseSummary) -> None:
        self.ok_button.setEnabled(True)
        self.status_changed.emit(summary)
        self.accept()

    def _refused(self, refusal: Refusal) -> None:
        show_refusal(refusal, self.banner, self.rows, field_of=str)
