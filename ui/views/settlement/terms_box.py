"""The default terms the agreement will state, the plan's optional grace days and interest,
and the written clauses (how the debtor pays, other terms).

Both default terms are required choices that start empty: the acceleration days read
"请填写" until a number is chosen, and neither revival answer is ticked. Nothing is assumed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.performance import MAX_ACCELERATION_DAYS, DefaultTerms
from app.domain.plan import PlanInterest
from ui import formatting
from ui.views.settlement.plan import date_edit, day_of, set_day
from ui.widgets.field_row import FieldRow

UNSET = -1


class TermsBox(QGroupBox):
    """违约条款与利息.

    Signals:
        terms_changed(): a default term, the grace days or the plan interest was edited.
    """

    terms_changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("违约条款与利息"), parent)
        self.setObjectName("termsBox")
        self.field_rows: dict[str, FieldRow] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self._acceleration(grid, 0)
        self._revival(grid, 1)
        self._grace(grid, 2)
        self._interest(grid, 3, today)

    # -- building --------------------------------------------------------------------------

    def _acceleration(self, grid: QGridLayout, row: int) -> None:
        self.acceleration = QSpinBox()
        self.acceleration.setObjectName("acceleration_days")
        self.acceleration.setRange(UNSET, MAX_ACCELERATION_DAYS)
        self.acceleration.setSpecialValueText(self.tr("请填写"))
        self.acceleration.setValue(UNSET)
        self.acceleration.setSuffix(self.tr(" 天"))
        self.acceleration.setMinimumWidth(90)
        self.acceleration.valueChanged.connect(lambda _v: self._edited("terms.acceleration_days"))
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(self.tr("任一期逾期超过")))
        line.addWidget(self.acceleration)
        line.addWidget(QLabel(self.tr("仍未还清的，剩余款项全部到期")), 1)
        self._add(grid, row, self.tr("加速到期 *"), "terms.acceleration_days", holder)

    def _revival(self, grid: QGridLayout, row: int) -> None:
        self.revival = QButtonGroup(self)
        self.revives = QRadioButton(self.tr("减免部分恢复：可主张原依法应还金额减去已还款"))
        self.revives.setObjectName("revives")
        self.no_revival = QRadioButton(self.tr("减免不恢复：只主张剩余未还的和解款"))
        self.no_revival.setObjectName("no_revival")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for i, button in enumerate((self.revives, self.no_revival)):
            self.revival.addButton(button, i)
            column.addWidget(button)
        self.revival.idToggled.connect(self._revival_toggled)
        self._add(grid, row, self.tr("违约后减免 *"), "terms.waiver_revives_on_default", holder)

    def _grace(self, grid: QGridLayout, row: int) -> None:
        self.grace = QSpinBox()
        self.grace.setObjectName("grace_days")
        self.grace.setRange(0, 365)
        self.grace.setSuffix(self.tr(" 天"))
        self.grace.setSpecialValueText(self.tr("无宽限期"))
        self.grace.valueChanged.connect(lambda _v: self._edited("plan.grace_days"))
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.grace)
        line.addWidget(QLabel(self.tr("到期日后这些天内还款不算逾期")), 1)
        self._add(grid, row, self.tr("宽限期"), "plan.grace_days", holder)

    def _interest(self, grid: QGridLayout, row: int, today: date) -> None:
        self.has_interest = QCheckBox(self.tr("分期计息"))
        self.has_interest.setObjectName("has_interest")
        self.has_interest.toggled.connect(self._interest_toggled)
        self.rate = QLineEdit()
        self.rate.setObjectName("annual_rate")
        self.rate.setAccessibleName(self.tr("分期计息年利率"))
        self.rate.setPlaceholderText(self.tr("年利率，如 6%"))
        self.rate.setMaximumWidth(130)
        self.rate.textEdited.connect(lambda _t: self._edited("plan.interest.annual_rate"))
        self.start = date_edit("interest_start", today)
        self.start.dateChanged.connect(lambda _d: self._edited("plan.interest.start"))
        self.cap_note = QLabel()
        self.cap_note.setObjectName("quiet")
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self._field("plan.interest.annual_rate", self.rate))
        line.addWidget(QLabel(self.tr("起息日")))
        line.addWidget(self._field("plan.interest.start", self.start))
        line.addWidget(self.cap_note, 1)
        grid.addWidget(self.has_interest, row, 0)
        grid.addWidget(holder, row, 1)
        self._interest_toggled(False)

    def _field(self, path: str, editor: QWidget) -> FieldRow:
        field = self.field_rows[path] = FieldRow(editor)
        return field

    def _add(self, grid: QGridLayout, row: int, label: str, path: str, editor: QWidget) -> None:
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(self._field(path, editor), row, 1)

    def _edited(self, path: str) -> None:
        self.field_rows[path].set_error("")
        self.terms_changed.emit()

    def _revival_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._edited("terms.waiver_revives_on_default")

    def _interest_toggled(self, on: bool) -> None:
        for widget in (self.rate, self.start):
            widget.setEnabled(on)
        if not on:
            for path in ("plan.interest.annual_rate", "plan.interest.start"):
                self.field_rows[path].set_error("")
        self.terms_changed.emit()

    # -- values ----------------------------------------------------------------------------

    def terms_data(self) -> dict[str, Any]:
        """The default terms' JSON form; an unanswered term is None (the service says so)."""
        days = self.acceleration.value()
        checked = self.revival.checkedButton()
        return {
            "acceleration_days": None if days == UNSET else days,
            "waiver_revives_on_default": None if checked is None else checked is self.revives,
        }

    def plan_extras(self) -> dict[str, Any]:
        """Grace days and interest, in the plan's input form."""
        data: dict[str, Any] = {"grace_days": self.grace.value()}
        if self.has_interest.isChecked():
            data["interest"] = {
                "annual_rate": self.rate.text().strip() or None,
                "start": day_of(self.start).isoformat(),
            }
        return data

    def set_cap(self, cap: Decimal | None) -> None:
        text = self.tr("上限为年利率 %1（与重新计算相同）").replace("%1", formatting.percent(cap))
        self.cap_note.setText(text if cap is not None else "")

    def set_terms(
        self,
        terms: DefaultTerms | None,
        grace_days: int,
        interest: PlanInterest | None,
        today: date,
    ) -> None:
        """Fill from a stored settlement, or clear to the unanswered state (None)."""
        widgets: list[Any] = [self.acceleration, self.revival, self.grace, self.has_interest,
                              self.rate, self.start, self.revives, self.no_revival]  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.acceleration.setValue(UNSET if terms is None else terms.acceleration_days)
        self.revival.setExclusive(False)  # the only way to untick both answers
        self.revives.setChecked(terms is not None and terms.waiver_revives_on_default)
        self.no_revival.setChecked(terms is not None and not terms.waiver_revives_on_default)
        self.revival.setExclusive(True)
        self.grace.setValue(grace_days)
        self.has_interest.setChecked(interest is not None)
        self.rate.setText("" if interest is None else formatting.percent(interest.annual_rate))
        set_day(self.start, interest.start if interest is not None else today)
        for widget in widgets:
            widget.blockSignals(False)
        self._interest_toggled(interest is not None)
        for field in self.field_rows.values():
            field.set_error("")


class ClausesBox(QGroupBox):
    """履行方式与其他约定: how the debtor pays, and other clauses (one per line).

    Signals:
        clauses_changed(): either text was edited.
    """

    clauses_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("履行方式与其他约定"), parent)
        self.setObjectName("clausesBox")
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.payment_method = QLineEdit()
        self.payment_method.setObjectName("payment_method")
        self.payment_method.setPlaceholderText(
            self.tr("如：转入债权人账户（开户行、户名、账号），或现金交付调解员")
        )
        self.payment_method.textEdited.connect(lambda _t: self._edited("payment_method"))
        self.extra_terms = QPlainTextEdit()
        self.extra_terms.setObjectName("extra_terms")
        self.extra_terms.setPlaceholderText(self.tr("每行一条，如：本协议一式三份，各方各执一份"))
        self.extra_terms.setTabChangesFocus(True)
        self.extra_terms.setFixedHeight(46)
        self.extra_terms.textChanged.connect(lambda: self._edited("extra_terms"))
        self.field_rows = {
            "payment_method": FieldRow(self.payment_method),
            "extra_terms": FieldRow(self.extra_terms),
        }
        grid.addWidget(QLabel(self.tr("履行方式")), 0, 0)
        grid.addWidget(self.field_rows["payment_method"], 0, 1)
        grid.addWidget(QLabel(self.tr("其他约定")), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.field_rows["extra_terms"], 1, 1)

    def _edited(self, path: str) -> None:
        self.field_rows[path].set_error("")
        self.clauses_changed.emit()

    def method_text(self) -> str:
        return self.payment_method.text().strip()

    def clauses(self) -> list[str]:
        """The other clauses, one per non-empty line."""
        return [
            line.strip() for line in self.extra_terms.toPlainText().splitlines() if line.strip()
        ]

    def set_clauses(self, payment_method: str, extra_terms: tuple[str, ...]) -> None:
        for widget in (self.payment_method, self.extra_terms):
            widget.blockSignals(True)
        self.payment_method.setText(payment_method)
        self.payment_method.setCursorPosition(0)  # the start of a long account line
        self.extra_terms.setPlainText("\n".join(extra_terms))
        for widget in (self.payment_method, self.extra_terms):
            widget.blockSignals(False)
        for field in self.field_rows.values():
            field.set_error("")
