"""The dry run's table: every problem and duplicate (row, column, value, reason), sortable.
The importer's reasons are Chinese; each is put in the UI's language (`app.i18n`) when first
shown, as the export for the lender keeps them Chinese."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.i18n import tr

if TYPE_CHECKING:
    from app.services.intake.report import IntakeReport

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
REASON = 4


class ProblemTableModel(QAbstractTableModel):
    """Rows (sheet, row, column, value, reason) of a report; duplicates are rows too."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, str, str, str]] = []
        self._shown: dict[str, str] = {}  # a reason in the UI's language, by its Chinese
        self._headers = (
            self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("内容"), self.tr("原因及改法")
        )

    def set_report(self, report: IntakeReport | None) -> None:
        self.beginResetModel()
        self._rows, self._shown = [], {}
        if report is not None:
            for p in report.problems:
                self._rows.append((p.sheet or report.sheet, p.row, p.column, p.value, p.reason))
            for d in report.duplicates:
                where = (
                    self.tr("第 %1 行").replace("%1", d.of.removeprefix("row "))
                    if d.of.startswith("row ")
                    else self.tr("案件 %1").replace("%1", d.of)
                )
                reason = self.tr("重复：与%1的债权人和合同编号相同，不会再导入。")
                reason = reason.replace("%1", where)
                self._rows.append((report.sheet, d.row, self.tr("合同编号"), d.contract_no, reason))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if index.column() == REASON:
            value = self._reason(str(value))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(value)
        if role == SORT_ROLE:
            return value
        return None

    def _reason(self, text: str) -> str:
        shown = self._shown.get(text)
        if shown is None:
            shown = self._shown[text] = tr(text)
        return shown

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def sortable(model: ProblemTableModel) -> QSortFilterProxyModel:
    """A proxy that sorts rows as numbers and the rest as text."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
