"""What a screen reader would find nameless: every button, field, list and table under a
window whose accessible name (Qt's, as a screen reader asks for it: its own, its text, or
its buddy label's) is empty. Qt's own parts (calendar pop-ups, header views, corner and
clear buttons, combo and spin-box internals) are left to Qt."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from ui.widgets.accessible import INPUTS


def _inside_qt_part(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QCalendarWidget, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


def nameless(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INPUTS) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_") or _inside_qt_part(widget):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found
