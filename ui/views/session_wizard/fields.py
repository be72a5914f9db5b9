"""Small builders for the wizard's forms: labelled, autosaved fields in a grid.

    form = FieldGrid(saver, columns=2)
    form.line("place", self.tr("调解地点"), width=320)
    form.date("held_on", self.tr("调解日期"))

Each editor gets the field path as its objectName (tests and the crash driver find it so)
and a red line under it for the service's reason when a value is refused.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.views.session_wizard.autosave import AutoSaver, set_date
from ui.widgets.date_field import DateField
from ui.widgets.message_label import message_label

DATE_FORMAT = "yyyy-MM-dd"
NO_DATE = QDate(1900, 1, 1)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget of `layout` (rows rebuilt from a new state)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def chain(widgets: list[QWidget]) -> None:
    """Tab moves through `widgets` in this order (rows rebuilt later than the buttons under
    them would otherwise come after those buttons)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def error_label() -> QLabel:
    return message_label("fieldError")


def date_edit(optional: bool = False, not_set: str = "") -> QDateEdit:
    """A date picker (calendar pop-up, yyyy-MM-dd); optional ones start at "not set"."""
    return DateField(optional=optional, not_set=not_set)


def qdate(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def combo(options: dict[str, str], *, blank: str = "") -> QComboBox:
    """A combo box whose items carry the codes of `options` (and a first blank one)."""
    box = QComboBox()
    if blank:
        box.addItem(blank, "")
    for code, text in options.items():
        box.addItem(text, code)
    return box


def choose(box: QComboBox, code: str) -> None:
    index = box.findData(code)
    box.setCurrentIndex(index if index >= 0 else 0)


class Cell(QWidget):
    """An editor with its error line under it."""

    def __init__(self, editor: QWidget, error: QLabel) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(error)


class FieldGrid(QWidget):
    """Label / editor pairs, `columns` pairs a row, each editor autosaved at its path."""

    def __init__(self, saver: AutoSaver, columns: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saver = saver
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self._count = 0
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def add(self, path: str, label: str, editor: QWidget, span: int = 1) -> QWidget:
        error = error_label()
        self.saver.bind(editor, path, error)
        row, col = divmod(self._count, self.columns)
        caption = QLabel(label)
        caption.setObjectName("rowLabel")
        caption.setBuddy(editor)
        self.grid.addWidget(caption, row, col * 2)
        self.grid.addWidget(Cell(editor, error), row, col * 2 + 1, 1, span * 2 - 1)
        self._count += span
        self.editors[path] = editor
        self.labels[path] = caption
        return editor

    def line(self, path: str, label: str, *, placeholder: str = "", span: int = 1) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.add(path, label, edit, span)
        return edit

    def date(
        self, path: str, label: str, *, optional: bool = False, not_set: str = ""
    ) -> QDateEdit:
        edit = date_edit(optional, not_set)
        self.add(path, label, edit)
        return edit

    def choice(self, path: str, label: str, options: dict[str, str], blank: str = "") -> QComboBox:
        box = combo(options, blank=blank)
        self.add(path, label, box)
        return box

    def check(self, path: str, label: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        self.add(path, label, box)
        return box

    def text(self, path: str, label: str, *, lines: int = 3, span: int = 1) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setFixedHeight(lines * edit.fontMetrics().lineSpacing() + 14)
        self.add(path, label, edit, span)
        return edit

    def stretch(self, *columns: int) -> None:
        """Let the editor columns (all, or the given ones, from 0) take the spare width."""
        for col in columns or range(self.columns):
            self.grid.setColumnStretch(col * 2 + 1, 1)


def fill(editor: QWidget, value: str | bool | date | None) -> None:
    """Show a stored value in an editor (call inside `saver.loading()`)."""
    if isinstance(editor, QLineEdit):
        editor.setText("" if value is None else str(value))
    elif isinstance(editor, QPlainTextEdit):
        if editor.toPlainText() != (value or ""):
            editor.setPlainText(str(value or ""))
    elif isinstance(editor, QComboBox):
        choose(editor, str(value or ""))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QDateEdit):
        set_date(editor, value.isoformat() if isinstance(value, date) else str(value or ""))
