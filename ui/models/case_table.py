"""The case list: a table model over `list[CaseSummary]` and a proxy that sorts and filters.

The model shows identifiers masked (4201**********1234, 138****5678); the filter searches
the full values, so a mediator can paste a whole ID number or phone number and find the case.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain.identifiers import mask_id, mask_phone
from ui import formatting, labels

if TYPE_CHECKING:
    from app.services.cases.service import CaseSummary

AnyIndex = QModelIndex | QPersistentModelIndex

CASE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's CaseSummary
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the value the column sorts by


class Column(IntEnum):
    CASE_NO = 0
    DEBTOR = 1
    ID_NUMBER = 2
    PHONE = 3
    CREDITOR = 4
    LENDER_TYPE = 5
    PRINCIPAL = 6
    CLAIMED = 7
    STATUS = 8
    MEDIATOR = 9
    UPDATED = 10


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("CaseTableModel", "案号"),
        QCoreApplication.translate("CaseTableModel", "债务人"),
        QCoreApplication.translate("CaseTableModel", "身份证号"),
        QCoreApplication.translate("CaseTableModel", "手机号"),
        QCoreApplication.translate("CaseTableModel", "债权人"),
        QCoreApplication.translate("CaseTableModel", "出借人类型"),
        QCoreApplication.translate("CaseTableModel", "借款本金"),
        QCoreApplication.translate("CaseTableModel", "主张总额"),
        QCoreApplication.translate("CaseTableModel", "状态"),
        QCoreApplication.translate("CaseTableModel", "调解员"),
        QCoreApplication.translate("CaseTableModel", "更新时间"),
    )


def _display(case: CaseSummary, column: Column, lenders: dict[str, str]) -> str:
    match column:
        case Column.CASE_NO:
            return case.case_no
        case Column.DEBTOR:
            return case.debtor_name
        case Column.ID_NUMBER:
            return mask_id(case.debtor_id_number)
        case Column.PHONE:
            return mask_phone(case.debtor_phone)
        case Column.CREDITOR:
            return case.creditor_name
        case Column.LENDER_TYPE:
            return labels.lookup(lenders, case.lender_type)
        case Column.PRINCIPAL:
            return formatting.money(case.principal)
        case Column.CLAIMED:
            return formatting.money(case.claimed_total)
        case Column.STATUS:
            return labels.status_label(case.status, case.status_label)
        case Column.MEDIATOR:
            return case.mediator_name
        case Column.UPDATED:
            return formatting.local_time(case.updated_at)


def sort_key(case: CaseSummary, column: Column, lenders: dict[str, str]) -> Any:
    """What a column sorts by: amounts as numbers, times as times, the rest as shown."""
    if column is Column.PRINCIPAL:
        return case.principal
    if column is Column.CLAIMED:
        return case.claimed_total
    if column is Column.UPDATED:
        return case.updated_at
    if column is Column.ID_NUMBER:
        return case.debtor_id_number
    if column is Column.PHONE:
        return case.debtor_phone
    return _display(case, column, lenders)


class CaseTableModel(QAbstractTableModel):
    """Rows of `CaseSummary`, read-only. `CASE_ROLE` gives the summary of a row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cases: list[CaseSummary] = []
        self._headers = _headers()
        self._lenders = labels.lender_types()

    def set_cases(self, cases: Sequence[CaseSummary]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self.endResetModel()

    def cases(self) -> list[CaseSummary]:
        return list(self._cases)

    def case_at(self, row: int) -> CaseSummary:
        return self._cases[row]

    def row_of(self, case_no: str) -> int:
        """The row of a case number, or -1."""
        return next((i for i, c in enumerate(self._cases) if c.case_no == case_no), -1)

    def sort_key(self, index: AnyIndex) -> Any:
        """The value the cell at `index` sorts by (a Decimal for amounts)."""
        return sort_key(self._cases[index.row()], Column(index.column()), self._lenders)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case, column = self._cases[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(case, column, self._lenders)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS:
            return _status_colour(case.status)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.CREDITOR, Column.LENDER_TYPE):
            return _display(case, column, self._lenders)
        if role == CASE_ROLE:
            return case
        if role == SORT_ROLE:
            return sort_key(case, column, self._lenders)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(Column(section))
        return None


def _alignment(column: Column) -> int:
    centre = Qt.AlignmentFlag.AlignVCenter
    if column in (Column.PRINCIPAL, Column.CLAIMED):
        return int(Qt.AlignmentFlag.AlignRight | centre)
    return int(Qt.AlignmentFlag.AlignLeft | centre)


def _status_colour(status: str) -> QColor | None:
    """Red for statuses that need attention, green for settled ones."""
    tone = labels.status_tone(status)
    if tone == "alert":
        return QColor("#b42318")
    if tone == "done":
        return QColor("#067647")
    return None


def _normal(text: str) -> str:
    """Case-folded, without the spaces and dashes people type inside numbers."""
    return text.casefold().replace(" ", "").replace("-", "").replace("\u3000", "")


def matches(case: CaseSummary, query: str) -> bool:
    """True when every word of `query` is in a name, the case number, ID number or phone."""
    haystack = [
        _normal(case.debtor_name),
        _normal(case.creditor_name),
        _normal(case.case_no),
        _normal(case.debtor_id_number),
        _normal(case.debtor_phone),
    ]
    words = [_normal(word) for word in query.split()]
    return all(any(word in field for field in haystack) for word in words if word)


class CaseFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's true value (amounts numerically) and filters on full values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._query = ""

    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        if text == self._query:
            return
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._query = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt before 6.9
            self._query = text
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._query.strip():
            return True
        model = self.sourceModel()
        case = model.data(model.index(source_row, 0, source_parent), CASE_ROLE)
        return case is not None and matches(case, self._query)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CaseTableModel):
            return bool(super().lessThan(left, right))
        return bool(model.sort_key(left) < model.sort_key(right))
