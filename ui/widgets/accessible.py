"""Names a screen reader reads for the inputs: the words of the label that stands for each.

Qt finds a label for an input only among the input's siblings; ours often sit one level
down, in a row that also holds the input's error line (`FieldRow`, the wizard's `Cell`), or
in a small holder with a unit after them, and many grids put a plain label left of the
field. `name_inputs(root)` names every nameless input as a sighted user reads the form:
the label whose buddy is the input (or the row holding it), else the label left of it in
its grid row, else its grid column's heading, else the label before it in its row or
column of widgets.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INPUTS = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit,
    QAbstractItemView,
)  # fmt: skip


def label_words(text: str) -> str:
    """A label's text as a name: no mnemonic ("(&N)" or "&"), no trailing colon or star."""
    plain = re.sub(r"[(（]&\w[)）]", "", text)
    plain = plain.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return plain.strip().rstrip("*").strip().rstrip("：:").strip()


def name_after(editor: QWidget, label: str) -> None:
    """Name `editor` by `label` unless it has a name of its own."""
    if not editor.accessibleName():
        editor.setAccessibleName(label_words(label))


def input_of(widget: QWidget) -> QWidget | None:
    """The input a buddy stands for: itself, or the first input inside it (a row)."""
    if isinstance(widget, INPUTS):
        return widget
    proxy = widget.focusProxy()
    if isinstance(proxy, INPUTS):
        return proxy
    inside: list[QWidget] = widget.findChildren(QWidget)
    return next((w for w in inside if isinstance(w, INPUTS)), None)


def _nameless(widget: QWidget | None) -> QWidget | None:
    target = input_of(widget) if widget is not None else None
    return target if target is not None and not target.accessibleName() else None


def _words(widget: QWidget | None) -> str:
    return label_words(widget.text()) if isinstance(widget, QLabel) else ""


def _by_buddies(root: QWidget) -> None:
    for label in root.findChildren(QLabel):
        target = _nameless(label.buddy())
        if target is not None and _words(label):
            target.setAccessibleName(_words(label))


def _by_grid(grid: QGridLayout) -> None:
    cells: dict[tuple[int, int], QWidget] = {}
    for index in range(grid.count()):
        item = grid.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None:
            position: Any = grid.getItemPosition(index)
            cells[(int(position[0]), int(position[1]))] = widget
    for (row, column), widget in cells.items():
        target = _nameless(widget)
        words = _words(cells.get((row, column - 1))) or _words(cells.get((0, column)))
        if target is not None and words:
            target.setAccessibleName(words)


def _by_box(box: QBoxLayout) -> None:
    before = ""
    for index in range(box.count()):
        item = box.itemAt(index)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            before = _words(widget)
            continue
        target = _nameless(widget)
        if target is not None and before:
            target.setAccessibleName(before)


def name_inputs(root: QWidget) -> None:
    """Give the nameless inputs under `root` the words of their labels."""
    _by_buddies(root)
    layouts: list[QLayout] = root.findChildren(QLayout)
    own = root.layout()
    if own is not None:
        layouts.append(own)
    for layout in layouts:
        if isinstance(layout, QGridLayout):
            _by_grid(layout)
    for layout in layouts:
        if isinstance(layout, QBoxLayout):
            _by_box(layout)
