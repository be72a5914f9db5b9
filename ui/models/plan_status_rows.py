"""The instalments of a signed plan with their state on a day, as a table with state colours.

Built from the domain's `InstallmentStatus` rows (plain frozen data); only words and colours
are added here.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.performance import InstallmentState, InstallmentStatus
from ui import formatting

Index = QModelIndex | QPersistentModelIndex
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's `InstallmentState` value ("missed")

BACKGROUNDS = {
    InstallmentState.PAID: QColor("#dcf5e7"),
    InstallmentState.PARTLY_PAID: QColor("#e0eafc"),
    InstallmentState.LATE: QColor("#fef0c7"),
    InstallmentState.MISSED: QColor("#fde4e1"),
}
FOREGROUNDS = {
    InstallmentState.PAID: QColor("#067647"),
    InstallmentState.PARTLY_PAID: QColor("#1f3a68"),
    InstallmentState.LATE: QColor("#93370d"),
    InstallmentState.MISSED: QColor("#b42318"),
}


class StatusColumn(IntEnum):
    N = 0
    DUE = 1
    AMOUNT = 2
    PAID = 3
    OUTSTANDING = 4
    STATE = 5
    DAYS_LATE = 6
    SETTLED_ON = 7


def headers() -> list[str]:
    return [
        QCoreApplication.translate("PlanStatusRows", "期数"),
        QCoreApplication.translate("PlanStatusRows", "到期日"),
        QCoreApplication.translate("PlanStatusRows", "应还（元）"),
        QCoreApplication.translate("PlanStatusRows", "已还（元）"),
        QCoreApplication.translate("PlanStatusRows", "未还（元）"),
        QCoreApplication.translate("PlanStatusRows", "状态"),
        QCoreApplication.translate("PlanStatusRows", "逾期天数"),
        QCoreApplication.translate("PlanStatusRows", "还清日"),
    ]


def state_label(state: InstallmentState) -> str:
    return {
        InstallmentState.PAID: QCoreApplication.translate("PlanStatusRows", "已还清"),
        InstallmentState.PARTLY_PAID: QCoreApplication.translate("PlanStatusRows", "部分已还"),
        InstallmentState.PENDING: QCoreApplication.translate("PlanStatusRows", "待还"),
        InstallmentState.LATE: QCoreApplication.translate("PlanStatusRows", "逾期"),
        InstallmentState.MISSED: QCoreApplication.translate("PlanStatusRows", "逾期超过约定天数"),
    }[state]


def cells(row: InstallmentStatus) -> list[str]:
    return [
        str(row.n),
        row.due.isoformat(),
        formatting.money(row.amount),
        formatting.money(row.paid),
        formatting.money(row.outstanding),
        state_label(row.state),
        str(row.days_late) if row.days_late else "",
        formatting.iso_date(row.settled_on),
    ]


class PlanStatusModel(QAbstractTableModel):
    """Read-only rows of instalment states."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[InstallmentStatus] = []

    def set_rows(self, rows: tuple[InstallmentStatus, ...] | list[InstallmentStatus]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(StatusColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section] if 0 <= section < len(StatusColumn) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], StatusColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cells(row)[column]
        if role == STATE_ROLE:
            return row.state.value
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (
            StatusColumn.DUE, StatusColumn.STATE, StatusColumn.SETTLED_ON,
        ):  # fmt: skip
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.state in BACKGROUNDS:
            return QBrush(BACKGROUNDS[row.state])
        if role == Qt.ItemDataRole.ForegroundRole and column == StatusColumn.STATE:
            color = FOREGROUNDS.get(row.state)
            return QBrush(color) if color is not None else None
        return None
