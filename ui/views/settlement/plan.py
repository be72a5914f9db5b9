"""The instalment plan of a settlement: the method (一次性付清 / 等额分期 / 自定义分期), its
parameters, and the plan table, editable row by row for a custom plan with the amount still
to allocate shown as the mediator types.

The widget collects the plan's input form (`app.domain.plan_input`, without `total`) and
shows the plan the page computed from it; it computes no amount itself except the
remainder of a custom plan (settled total − the rows typed so far).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import Problem
from app.domain.money import ZERO, fmt, parse_money
from app.domain.plan import Plan, PlanMethod, add_months, describe
from ui import formatting
from ui.models.plan_rows import PlanColumn, PlanRowsModel
from ui.widgets.date_field import DateField
from ui.widgets.field_row import FieldRow
from ui.widgets.message_label import message_label

DATE_FORMAT = "yyyy-MM-dd"
FREQUENCIES = ("monthly", "biweekly", "weekly")
ROUND_UNITS = ("1", "0.01")


def date_edit(name: str, day: date) -> QDateEdit:
    edit = DateField(day)
    edit.setObjectName(name)
    return edit


def set_day(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def day_of(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class DateDelegate(QStyledItemDelegate):
    """Edits a "YYYY-MM-DD" cell with a date picker."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = DateField(parent=parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(DATE_FORMAT)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        found = QDate.fromString(str(index.data(Qt.ItemDataRole.EditRole)), DATE_FORMAT)
        editor.setDate(found if found.isValid() else QDate.currentDate())

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date().toString(DATE_FORMAT), Qt.ItemDataRole.EditRole)


class PlanBox(QGroupBox):
    """还款计划.

    Signals:
        plan_changed(): the method, a parameter or a custom row was edited.
    """

    plan_changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("还款计划"), parent)
        self.setObjectName("planBox")
        self.field_rows: dict[str, FieldRow] = {}
        self._total: Decimal | None = None
        self._last_plan: Plan | None = None
        self._stash: list[tuple[str, str]] = []
        self.model = PlanRowsModel(self)
        self.model.rows_edited.connect(self._rows_edited)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(self._method_row())
        layout.addWidget(self._parameters(today))
        layout.addLayout(self._custom_tools())
        layout.addWidget(self._table(), 1)
        self.problems = message_label("fieldError")
        layout.addWidget(self.problems)
        self.description = QLabel()
        self.description.setObjectName("planDescription")
        self.description.setWordWrap(True)
        layout.addWidget(self.description)
        self._method_changed()

    # -- building --------------------------------------------------------------------------

    def _method_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("还款方式")))
        self.methods = QButtonGroup(self)
        texts = {
            PlanMethod.LUMP_SUM: self.tr("一次性付清"),
            PlanMethod.EQUAL: self.tr("等额分期"),
            PlanMethod.CUSTOM: self.tr("自定义分期"),
        }
        self.method_buttons: dict[PlanMethod, QRadioButton] = {}
        for i, (method, text) in enumerate(texts.items()):
            button = self.method_buttons[method] = QRadioButton(text)
            button.setObjectName(f"method_{method.value}")
            self.methods.addButton(button, i)
            row.addWidget(button)
        self.method_buttons[PlanMethod.LUMP_SUM].setChecked(True)
        self.methods.idToggled.connect(self._method_toggled)
        row.addStretch(1)
        return row

    def _parameters(self, today: date) -> QWidget:
        holder = self.parameters = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.first_due = date_edit("first_due", add_months(today, 1))
        self.first_due_label = QLabel()
        self.frequency = QComboBox()
        self.frequency.setObjectName("frequency")
        for code, text in zip(FREQUENCIES, self._frequency_texts(), strict=True):
            self.frequency.addItem(text, code)
        self.count = QSpinBox()
        self.count.setObjectName("count")
        self.count.setRange(1, 360)
        self.count.setValue(12)
        self.round_to = QComboBox()
        self.round_to.setObjectName("round_to")
        self.round_to.addItem(self.tr("每期取整到元"), "1")
        self.round_to.addItem(self.tr("精确到分"), "0.01")
        self.round_to.setToolTip(self.tr("每期金额向下取整，尾差计入最后一期"))
        self.frequency_label, self.count_label = QLabel(self.tr("频率")), QLabel(self.tr("期数"))
        self.round_label = QLabel(self.tr("取整"))
        self._place(grid, 0, 0, self.first_due_label, "first_due", self.first_due)
        self._place(grid, 0, 2, self.frequency_label, "frequency", self.frequency)
        self._place(grid, 1, 0, self.count_label, "count", self.count)
        self._place(grid, 1, 2, self.round_label, "round_to", self.round_to)
        self.has_down = QCheckBox(self.tr("首付款"))
        self.has_down.setObjectName("has_down")
        self.has_down.toggled.connect(self._down_toggled)
        self.down_amount = QLineEdit()
        self.down_amount.setObjectName("down_amount")
        self.down_amount.setPlaceholderText(self.tr("金额"))
        self.down_due = date_edit("down_due", today)
        self._place(grid, 2, 0, self.has_down, "down_payment.amount", self.down_amount)
        self._place(grid, 2, 2, QLabel(self.tr("付款日")), "down_payment.due", self.down_due)
        grid.setColumnStretch(4, 1)
        self._down_toggled(False)
        return holder

    def _frequency_texts(self) -> list[str]:
        return [self.tr("每月一期"), self.tr("每两周一期"), self.tr("每周一期")]

    def _place(
        self, grid: QGridLayout, row: int, column: int, label: QWidget | None, path: str,
        editor: QWidget,
    ) -> None:  # fmt: skip
        field = self.field_rows[f"plan.{path}"] = FieldRow(editor)
        if label is not None:
            grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(
            field, row, column + 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        )
        edited = {
            QDateEdit: "dateChanged", QSpinBox: "valueChanged",
            QComboBox: "currentIndexChanged", QLineEdit: "textEdited",
        }  # fmt: skip
        name = next(signal for kind, signal in edited.items() if isinstance(editor, kind))
        getattr(editor, name).connect(lambda *_a, f=field: self._edited(f))

    def _custom_tools(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加一期"))
        self.add_button.setObjectName("addRow")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("删除所选期"))
        self.remove_button.setObjectName("removeRow")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remainder = QLabel()
        self.remainder.setObjectName("remainder")
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addSpacing(12)
        row.addWidget(self.remainder, 1)
        self.tools = [self.add_button, self.remove_button, self.remainder]
        return row

    def _table(self) -> QTableView:
        table = self.table = QTableView()
        table.setObjectName("planTable")
        table.setModel(self.model)
        table.setItemDelegateForColumn(PlanColumn.DUE, DateDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        table.setMinimumHeight(100)
        return table

    # -- reacting --------------------------------------------------------------------------

    def _edited(self, field: FieldRow) -> None:
        field.set_error("")
        self.plan_changed.emit()

    def _down_toggled(self, on: bool) -> None:
        self.down_amount.setEnabled(on)
        self.down_due.setEnabled(on)
        if not on:
            for path in ("plan.down_payment.amount", "plan.down_payment.due"):
                self.field_rows[path].set_error("")
        self.plan_changed.emit()

    def _method_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._method_changed(edited=True)

    def _method_changed(self, *, edited: bool = False) -> None:
        method = self.method()
        custom, equal = method is PlanMethod.CUSTOM, method is PlanMethod.EQUAL
        if custom and not self.model.editable and edited:
            self.model.set_custom(self._stash or self._prefill())
        elif not custom and self.model.editable:
            self._stash = self.model.custom_rows()  # kept for a way back: nothing typed is lost
            self.model.show_plan(None)
            self.problems.setVisible(False)
        self.parameters.setVisible(not custom)
        for widget in (self.frequency_label, self.count_label, self.round_label):
            widget.setVisible(equal)
        for path in ("plan.frequency", "plan.count", "plan.round_to"):
            self.field_rows[path].setVisible(equal)
        label = self.tr("首期还款日") if equal else self.tr("还款日")
        self.first_due_label.setText(label)
        for tool in self.tools:
            tool.setVisible(custom)
        if edited:
            self.plan_changed.emit()

    def _prefill(self) -> list[tuple[str, str]]:
        """A custom plan starts as the plan on screen (or the whole total on the due date)."""
        plan = self._last_plan
        if plan is not None:
            return [(r.due.isoformat(), fmt(r.principal)) for r in plan.installments]
        total = "" if self._total is None else fmt(self._total)
        return [(day_of(self.first_due).isoformat(), total)]

    def _rows_edited(self) -> None:
        self.problems.setVisible(False)
        self._show_remainder()
        self.plan_changed.emit()

    def add_row(self) -> None:
        """A new last row a month after the last one, for what is still unallocated."""
        rows = self.model.custom_rows()
        found = QDate.fromString(rows[-1][0], DATE_FORMAT) if rows else QDate()
        start = date(found.year(), found.month(), found.day()) if found.isValid() else None
        due = add_months(start, 1) if start else day_of(self.first_due)
        left = self._unallocated()
        amount = fmt(left) if left is not None and left > 0 else ""
        at = self.model.add_row(due.isoformat(), amount)
        self.table.selectRow(at)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.model.remove_row(row)

    # -- values ----------------------------------------------------------------------------

    def method(self) -> PlanMethod:
        for method, button in self.method_buttons.items():
            if button.isChecked():
                return method
        return PlanMethod.LUMP_SUM

    def spec(self) -> dict[str, Any]:
        """The plan's input form without `total` (grace days and interest come from the
        terms box)."""
        method = self.method()
        if method is PlanMethod.CUSTOM:
            rows = self.model.custom_rows()
            return {"installments": [{"due": due, "amount": amount} for due, amount in rows]}
        data: dict[str, Any] = {"first_due": day_of(self.first_due).isoformat()}
        if method is PlanMethod.LUMP_SUM:
            data["frequency"] = "lump_sum"
        else:
            data["frequency"] = self.frequency.currentData()
            data["count"] = self.count.value()
            data["round_to"] = self.round_to.currentData()
        if self.has_down.isChecked():
            amount = self.down_amount.text().strip() or None
            data["down_payment"] = {"amount": amount, "due": day_of(self.down_due).isoformat()}
        return data

    def set_spec(self, data: dict[str, Any], today: date) -> None:
        """Fill the fields from a stored plan input (signals blocked)."""
        widgets: list[Any] = [
            self.methods, self.first_due, self.frequency, self.count, self.round_to,
            self.has_down, self.down_amount, self.down_due, *self.method_buttons.values(),
        ]  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self._stash = []
            self._fill(data, today)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._down_toggled(self.has_down.isChecked())
        self._method_changed()
        for field in self.field_rows.values():
            field.set_error("")

    def _fill(self, data: dict[str, Any], today: date) -> None:
        if "installments" in data:
            self.method_buttons[PlanMethod.CUSTOM].setChecked(True)
            self.model.set_custom([(r["due"], r["amount"]) for r in data["installments"]])
            return
        self.model.show_plan(None)
        lump = data.get("frequency", "lump_sum") == "lump_sum"
        self.method_buttons[PlanMethod.LUMP_SUM if lump else PlanMethod.EQUAL].setChecked(True)
        first = data.get("first_due")
        set_day(self.first_due, date.fromisoformat(first) if first else add_months(today, 1))
        if not lump:
            self.frequency.setCurrentIndex(max(FREQUENCIES.index(data["frequency"]), 0))
            self.count.setValue(int(data.get("count", 12)))
            unit = str(data.get("round_to", "1"))
            self.round_to.setCurrentIndex(1 if Decimal(unit) == Decimal("0.01") else 0)
        down = data.get("down_payment")
        self.has_down.setChecked(down is not None)
        self.down_amount.setText(formatting.money(Decimal(down["amount"])) if down else "")
        set_day(self.down_due, date.fromisoformat(down["due"]) if down else today)

    def show_plan(self, plan: Plan | None, total: Decimal | None) -> None:
        """The plan computed from the fields (None when they have a problem)."""
        self._total, self._last_plan = total, plan
        split = plan is not None and plan.interest is not None
        for column in (PlanColumn.PRINCIPAL, PlanColumn.INTEREST):
            self.table.setColumnHidden(column, not split)
        if self.model.editable:
            self.model.show_interest(plan)
        else:
            self.model.show_plan(plan)
        self.description.setText(describe(plan) if plan is not None else "")
        self._show_remainder()

    def show_problems(self, problems: list[Problem]) -> None:
        """Problems of the custom rows and the plan as a whole, under the table."""
        rows: dict[int, str] = {}
        lines = []
        for problem in problems:
            index = _row_index(problem.path)
            if index is not None:
                rows[index] = rows.get(index, "") + problem.reason
                lines.append(self.tr("第 %1 期：").replace("%1", str(index + 1)) + problem.reason)
            else:
                lines.append(problem.reason)
        self.model.set_problems(rows)
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))

    def _unallocated(self) -> Decimal | None:
        if self._total is None:
            return None
        typed = [parse_money(amount) for _due, amount in self.model.custom_rows()]
        return self._total - sum((a for a in typed if a is not None), ZERO)

    def _show_remainder(self) -> None:
        left = self._unallocated() if self.model.editable else None
        if left is None:
            self.remainder.setText("")
            return
        amount = formatting.money(abs(left))
        if left == 0:
            text, tone = self.tr("已全部分配"), "done"
        elif left > 0:
            text, tone = self.tr("尚余 %1 元未分配").replace("%1", amount), "warn"
        else:
            text, tone = self.tr("超出和解金额 %1 元").replace("%1", amount), "alert"
        self.remainder.setText(text)
        self.remainder.setProperty("tone", tone)
        self.remainder.style().unpolish(self.remainder)
        self.remainder.style().polish(self.remainder)

    def remainder_text(self) -> str:
        return self.remainder.text()


def _row_index(path: str) -> int | None:
    """2 for "plan.installments[2].amount"; None for other paths."""
    head = "plan.installments["
    if not path.startswith(head):
        return None
    number = path[len(head) :].split("]")[0]
    return int(number) if number.isdigit() else None
