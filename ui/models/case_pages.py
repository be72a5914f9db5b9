"""The case list at 100,000 cases: a table model that holds a count and the pages it has
shown, never every case.

The view asks for a row; a row of a page not loaded yet shows "…" and its page (100 rows)
is fetched on the database thread; when it comes, those rows are updated. A new filter,
search text or sort asks for the count and the first page again (an answer to an older
request is dropped). Pages are kept up to `KEEP` at a time. Personal numbers are masked
as in the small list (`ui.models.case_table`).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from shiboken6 import isValid

from ui import labels
from ui.models.case_table import (
    CASE_ROLE,
    AnyIndex,
    Column,
    _alignment,
    _display,
    _headers,
    _status_colour,
)
from ui.ops import cases
from ui.refusal import Refusal, refused

if TYPE_CHECKING:
    from app.services.cases.listing import CaseFilter, CasePage
    from app.services.cases.service import CaseSummary
    from ui.services import Core
    from ui.tasks import Op, TaskRunner

PAGE = 100
KEEP = 60
SORT_KEYS = {
    Column.CASE_NO: "case_no", Column.DEBTOR: "debtor", Column.ID_NUMBER: "id_number",
    Column.PHONE: "phone", Column.CREDITOR: "creditor", Column.LENDER_TYPE: "lender_type",
    Column.PRINCIPAL: "principal", Column.CLAIMED: "claimed", Column.STATUS: "status",
    Column.MEDIATOR: "mediator", Column.UPDATED: "updated",
}  # fmt: skip


class PagedCaseModel(QAbstractTableModel):
    """Signals: loaded(int): the count (and first page) for the current filter arrived;
    failed(object): a page could not be read (the `Refusal` to show; a bug goes to the
    crash dialog)."""

    loaded = Signal(int)
    failed = Signal(object)

    def __init__(self, service: Core, runner: TaskRunner, parent: QObject | None = None) -> None:
        from app.services.cases.listing import CaseFilter

        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._headers = _headers()
        self._lenders = labels.lender_types()
        self.filter: CaseFilter = CaseFilter()
        self.sort_key, self.descending = "updated", True
        self.total = 0
        self._pages: OrderedDict[int, list[CaseSummary]] = OrderedDict()
        self._asked: set[int] = set()
        self._generation = 0
        self.started = False
        """False until the first `reload` (the store is opened only after sign-in)."""

    # -- asking ------------------------------------------------------------------------------

    def reload(self, flt: CaseFilter | None = None) -> None:
        """Count and first page again (for `flt`, or the current filter)."""
        if flt is not None:
            self.filter = flt
        self.started = True
        self._generation += 1
        generation = self._generation
        self._runner.run(self._page(0)).success(lambda page: self._first(generation, page)).failure(
            refused(self._refused)
        )

    def set_query(self, text: str) -> None:
        if text != self.filter.query:
            self.reload(replace(self.filter, query=text))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = SORT_KEYS.get(Column(column), "updated")
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.started:
            self.reload()

    def _first(self, generation: int, page: CasePage) -> None:
        if not isValid(self) or generation != self._generation:
            return  # the window closed, or the user typed on meanwhile
        self.beginResetModel()
        self.total = page.total
        self._pages = OrderedDict({0: page.rows})
        self._asked = set()
        self.endResetModel()
        self.loaded.emit(page.total)

    def _ask(self, number: int) -> None:
        if number in self._asked:
            return
        self._asked.add(number)
        generation = self._generation
        self._runner.run(self._page(number * PAGE)).success(
            lambda page: self._arrived(generation, number, page)
        ).failure(refused(self._refused))

    def _page(self, offset: int) -> Op[CasePage]:
        return cases.case_page(
            self._service, self.filter, offset, PAGE, self.sort_key, self.descending
        )

    def _refused(self, refusal: Refusal) -> None:
        self.failed.emit(refusal)

    def _arrived(self, generation: int, number: int, page: CasePage) -> None:
        if not isValid(self):
            return  # the window closed meanwhile
        self._asked.discard(number)
        if generation != self._generation:
            return
        self._pages[number] = page.rows
        while len(self._pages) > KEEP:
            self._pages.popitem(last=False)
        first = number * PAGE
        last = min(first + PAGE, self.rowCount()) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))

    # -- reading -----------------------------------------------------------------------------

    def case_at(self, row: int) -> CaseSummary | None:
        """The case of a row, when its page is here (else None, and the page is asked for)."""
        number, at = divmod(row, PAGE)
        page = self._pages.get(number)
        if page is None:
            self._ask(number)
            return None
        self._pages.move_to_end(number)
        return page[at] if at < len(page) else None

    def row_of(self, case_no: str) -> int:
        """The row of a case among the pages loaded, or -1."""
        for number, page in self._pages.items():
            for at, case in enumerate(page):
                if case.case_no == case_no:
                    return number * PAGE + at
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, CASE_ROLE,
                        Qt.ItemDataRole.ToolTipRole):  # fmt: skip
            return None
        case = self.case_at(index.row())
        if case is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(case, column, self._lenders)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _status_colour(case.status) if column is Column.STATUS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.CREDITOR, Column.LENDER_TYPE):
                return _display(case, column, self._lenders)
            return None
        return case

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


class PagedCaseProxy(QIdentityProxyModel):
    """Stands where the small list's sort/filter proxy stands: searching and sorting go to
    the database (`set_query`, `sort`), rows map one to one."""

    def set_query(self, text: str) -> None:
        source = self.sourceModel()
        if isinstance(source, PagedCaseModel):
            source.set_query(text)

    def query(self) -> str:
        source = self.sourceModel()
        return source.filter.query if isinstance(source, PagedCaseModel) else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, PagedCaseModel):
            source.sort(column, order)
