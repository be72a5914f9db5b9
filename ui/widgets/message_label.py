"""The label a refusal is shown in (`ui.refusal.show_refusal`): word-wrapped, red by its
object name in the theme (formError above a form, fieldError under a field, errorBanner
over a page), and hidden until there is something to say."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def message_label(name: str = "formError") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label
