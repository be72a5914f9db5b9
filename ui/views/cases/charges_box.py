"""The lender's dated charges in the new-case form: one row per fee or cost (date, amount,
kind), added and removed by the mediator; the services check them (`charges[i].*`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.widgets.date_field import DateField
from ui.widgets.message_label import message_label


def kind_combo() -> QComboBox:
    """Fees first, then the costs of realising the claim, each with its code as data."""
    box = QComboBox()
    for code, text in labels.charge_kinds().items():
        box.addItem(text, code)
    return box


class ChargesBox(QGroupBox):
    """费用与实现债权费用: rows of (date, amount, kind)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("费用与实现债权费用（逾期费、违约金、催收费、律师费等）"), parent)
        self.setObjectName("chargesBox")
        column = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(3)
        for col, text in enumerate((self.tr("日期"), self.tr("金额（元）"), self.tr("类别"))):
            head = QLabel(text)
            head.setObjectName("gridHead")
            self.grid.addWidget(head, 0, col)
        column.addLayout(self.grid)
        self.rows: list[tuple[DateField, QLineEdit, QComboBox, QPushButton]] = []
        line = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加一笔费用"))
        self.add_button.setObjectName("addCharge")
        self.add_button.clicked.connect(lambda: self.add_row())
        line.addWidget(self.add_button)
        line.addStretch(1)
        column.addLayout(line)
        self.error = message_label("fieldError")
        column.addWidget(self.error)

    def add_row(self, day: date | None = None, amount: str = "", kind: str = "late_fee") -> int:
        """A new row (filled when given); its index."""
        n = len(self.rows)
        when = DateField(day)
        when.setObjectName(f"charges[{n}].date")
        money = QLineEdit(amount)
        money.setObjectName(f"charges[{n}].amount")
        money.setPlaceholderText(self.tr("如 300.00"))
        what = kind_combo()
        what.setObjectName(f"charges[{n}].kind")
        what.setCurrentIndex(max(0, what.findData(kind)))
        remove = QPushButton(self.tr("删除"))
        remove.clicked.connect(lambda _c=False, row=(when, money, what, remove): self._remove(row))
        for col, widget in enumerate((when, money, what, remove)):
            self.grid.addWidget(widget, n + 1, col)
        self.rows.append((when, money, what, remove))
        return n

    def _remove(self, row: tuple[DateField, QLineEdit, QComboBox, QPushButton]) -> None:
        if row in self.rows:
            self.rows.remove(row)
            for widget in row:
                widget.deleteLater()

    def values(self) -> tuple[tuple[str, str, str], ...]:
        """(date, amount, kind) of each row, as typed."""
        return tuple(
            (w.date().toString("yyyy-MM-dd"), m.text().strip(), str(k.currentData()))
            for w, m, k, _r in self.rows
        )

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
