"""The case list's filters: status, mediator, batch, lender type and days overdue."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.domain.case_status import CaseStatus
from ui import labels

if TYPE_CHECKING:
    from app.services.cases.listing import CaseFilter, FilterChoices

OVERDUE = (  # (label, at least, at most) days overdue
    ("逾期：全部", None, None),
    ("逾期 90 天以内", None, 90),
    ("逾期 91–180 天", 91, 180),
    ("逾期 181–360 天", 181, 360),
    ("逾期 1–3 年", 361, 1095),
    ("逾期 3 年以上", 1096, None),
)


class CaseFilterBar(QWidget):
    """Signals: changed(): a filter was chosen (`apply` gives the new `CaseFilter`)."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("筛选")))
        self.status = self._combo("filterStatus", self.tr("状态：全部"))
        for status in CaseStatus:
            self.status.addItem(labels.status_label(status.value, status.value), status.value)
        self.mediator = self._combo("filterMediator", self.tr("调解员：全部"))
        self.batch = self._combo("filterBatch", self.tr("批次：全部"))
        self.lender = self._combo("filterLender", self.tr("出借人类型：全部"))
        for code, word in labels.lender_types().items():
            self.lender.addItem(word, code)
        self.overdue = QComboBox()
        self.overdue.setObjectName("filterOverdue")
        for text, low, high in OVERDUE:
            self.overdue.addItem(self.tr(text), (low, high))
        self.overdue.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for box in (self.status, self.mediator, self.batch, self.lender, self.overdue):
            row.addWidget(box)
        row.addStretch(1)

    def _combo(self, name: str, everything: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(everything, None)
        box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return box

    def set_choices(self, choices: FilterChoices) -> None:
        """The mediators and batches there are now (the choice made is kept when it still is)."""
        from app.services.cases.listing import NO_MEDIATOR

        self._fill(self.mediator, [(self.tr("（未分配）"), NO_MEDIATOR),
                                   *[(m, m) for m in choices.mediators]])  # fmt: skip
        self._fill(self.batch, [(name, batch_id) for batch_id, name in choices.batches])

    def _fill(self, box: QComboBox, items: list[tuple[str, Any]]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for text, data in items:
            box.addItem(text, data)
        box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
        box.blockSignals(False)

    def apply(self, flt: CaseFilter) -> CaseFilter:
        low, high = self.overdue.currentData() or (None, None)
        return replace(
            flt,
            status=self.status.currentData() or "",
            mediator=self.mediator.currentData() or "",
            batch_id=self.batch.currentData(),
            lender_type=self.lender.currentData() or "",
            overdue_min=low,
            overdue_max=high,
        )
