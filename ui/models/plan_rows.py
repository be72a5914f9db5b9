"""The rows of an instalment plan as a table: computed (read-only) or typed (custom plans).

A computed plan shows the domain's rows exactly. A custom plan keeps what the mediator typed
as text (due date "YYYY-MM-DD", amount) so nothing typed is ever changed or lost; the page
hands those texts to the service, which says what is wrong with which row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.plan import Plan
from ui import formatting

Index = QModelIndex | QPersistentModelIndex
PROBLEM_BACKGROUND = QColor("#fef3f2")
DOWN_PAYMENT_BACKGROUND = QColor("#f4f8ff")


class PlanColumn(IntEnum):
    N = 0
    DUE = 1
    AMOUNT = 2
    PRINCIPAL = 3
    INTEREST = 4


@dataclass(frozen=True)
class PlanRow:
    """One row as shown: texts, and whether it is the down payment."""

    due: str
    amount: str
    principal: str = ""
    interest: str = ""
    down_payment: bool = False


def headers() -> list[str]:
    return [
        QCoreApplication.translate("PlanRows", "期数"),
        QCoreApplication.translate("PlanRows", "还款日"),
        QCoreApplication.translate("PlanRows", "应还金额（元）"),
        QCoreApplication.translate("PlanRows", "其中本金"),
        QCoreApplication.translate("PlanRows", "其中利息"),
    ]


def rows_of(plan: Plan) -> list[PlanRow]:
    return [
        PlanRow(
            row.due.isoformat(),
            formatting.money(row.amount),
            formatting.money(row.principal),
            formatting.money(row.interest),
            row.down_payment,
        )
        for row in plan.installments
    ]


class PlanRowsModel(QAbstractTableModel):
    """Plan rows; in custom mode the due date and amount cells are editable.

    Signals:
        rows_edited(): the mediator changed, added or removed a custom row.
    """

    rows_edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []
        self._editable = False
        self._problems: dict[int, str] = {}

    # -- reading -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section] if 0 <= section < len(PlanColumn) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], PlanColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != PlanColumn.DUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() in self._problems:
                return QBrush(PROBLEM_BACKGROUND)
            return QBrush(DOWN_PAYMENT_BACKGROUND) if row.down_payment else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._problems.get(index.row())
        return None

    def _text(self, n: int, row: PlanRow, column: PlanColumn) -> str:
        if column == PlanColumn.N:
            label = QCoreApplication.translate("PlanRows", "首付")
            return f"{n + 1}（{label}）" if row.down_payment else str(n + 1)
        return {
            PlanColumn.DUE: row.due,
            PlanColumn.AMOUNT: row.amount,
            PlanColumn.PRINCIPAL: row.principal,
            PlanColumn.INTEREST: row.interest,
        }[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.column() in (PlanColumn.DUE, PlanColumn.AMOUNT):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (index.isValid() and self._editable and role == Qt.ItemDataRole.EditRole):
            return False
        column, text = index.column(), str(value).strip()
        row = self._rows[index.row()]
        if column == PlanColumn.DUE:
            self._rows[index.row()] = replace(row, due=text)
        elif column == PlanColumn.AMOUNT:
            self._rows[index.row()] = replace(row, amount=text, principal=text)
        else:
            return False
        self._problems.pop(index.row(), None)
        self.dataChanged.emit(index, self.index(index.row(), PlanColumn.INTEREST))
        self.rows_edited.emit()
        return True

    # -- changing --------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self._editable

    def show_plan(self, plan: Plan | None) -> None:
        """Show a computed plan (read-only); None clears the table."""
        self._replace(rows_of(plan) if plan is not None else [], editable=False)

    def set_custom(self, rows: list[tuple[str, str]]) -> None:
        """Start editing these (due, amount) texts as a custom plan."""
        self._replace([PlanRow(due, amount, amount) for due, amount in rows], editable=True)

    def show_interest(self, plan: Plan | None) -> None:
        """Fill the principal/interest texts of custom rows from the computed plan."""
        if plan is None or len(plan.installments) != len(self._rows):
            return
        for i, row in enumerate(plan.installments):
            self._rows[i] = replace(
                self._rows[i],
                principal=formatting.money(row.principal),
                interest=formatting.money(row.interest),
            )
        if self._rows:
            last = self.index(len(self._rows) - 1, PlanColumn.INTEREST)
            self.dataChanged.emit(self.index(0, PlanColumn.PRINCIPAL), last)

    def custom_rows(self) -> list[tuple[str, str]]:
        return [(row.due, row.amount) for row in self._rows]

    def add_row(self, due: str, amount: str) -> int:
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(PlanRow(due, amount, amount))
        self.endInsertRows()
        self.rows_edited.emit()
        return at

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._problems = {}
        self.rows_edited.emit()

    def set_problems(self, problems: dict[int, str]) -> None:
        """Mark rows (by index) with a problem: red background, the reason as tooltip."""
        self._problems = dict(problems)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(PlanColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _replace(self, rows: list[PlanRow], *, editable: bool) -> None:
        self.beginResetModel()
        self._rows = rows
        self._editable = editable
        self._problems = {}
        self.endResetModel()
