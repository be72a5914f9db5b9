"""The one date field every form uses: yyyy-MM-dd with a calendar pop-up.

Three things a plain QDateEdit gets wrong for a mediator typing dates from a contract:

- Selecting everything and typing a whole date (2023-04-10, 2023/4/10, 20230410) keeps the
  typed year: typing starts in the year section, and a separator right after a section
  filled itself is not taken as a move to the next one.
- An optional date left empty shows its "not set" text (never 1752-09-14 or 1900-01-01),
  and its calendar opens at a sensible month (`set_reference`, default today), not at
  January 1900.
- Leaving the field takes a half-typed section (2023-04-1) as typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

DATE_FORMAT = "yyyy-MM-dd"
EMPTY = QDate(1900, 1, 1)
"""What an empty optional field holds (shown as its "not set" text)."""
SEPARATORS = "-/.年月日 "


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateField(QDateEdit):
    """A date editor; `optional` ones can be empty and show `not_set` then."""

    def __init__(
        self,
        day: date | None = None,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        not_set: str = "",
    ) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumWidth(130)
        self._advanced = False
        self._reference = QDate.currentDate()
        self.setMinimumDate(EMPTY)
        if optional:
            self.setSpecialValueText(not_set or " ")
        self.setDate(qdate(day) if day is not None else EMPTY if optional else QDate.currentDate())
        self.calendarWidget().installEventFilter(self)

    # -- values ------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return bool(self.specialValueText()) and self.date() == self.minimumDate()

    def value(self) -> date | None:
        """The date shown, or None while an optional field is empty."""
        if self.is_empty():
            return None
        d = self.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, day: date | None) -> None:
        """Show `day`; None empties an optional field."""
        self.setDate(qdate(day) if day is not None else self.minimumDate())

    def set_reference(self, day: date) -> None:
        """The month the calendar opens at while the field is empty."""
        self._reference = qdate(day)

    # -- typing ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text in SEPARATORS and self._advanced:
            self._advanced = False  # the section filled itself: this separator is not a move
            event.accept()
            return
        if not text.isdigit():
            self._advanced = False
            super().keyPressEvent(event)
            return
        line = self.lineEdit()
        if line.hasSelectedText() and line.selectedText() == line.text():
            if self.is_empty():
                self.setDate(self._reference)
            self.setSelectedSection(QDateTimeEdit.Section.YearSection)
        before = self.currentSection()
        super().keyPressEvent(event)
        self._advanced = self.currentSection() != before

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.interpretText()
        self._advanced = False
        super().focusOutEvent(event)

    # -- the calendar ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = watched is self.calendarWidget() and event.type() == QEvent.Type.Show
        if shown and (self.is_empty() or self.date() == EMPTY):
            ref = self._reference
            self.calendarWidget().setCurrentPage(ref.year(), ref.month())
        return super().eventFilter(watched, event)
