"""A case panel's two faces: a centred hint until a case is shown, then the page itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget


def install_hint_stack(
    owner: QWidget, hint_text: str, page: QWidget
) -> tuple[QStackedWidget, QLabel]:
    """Fill `owner` with a stack: index 0 a word-wrapped hint, index 1 `page`."""
    stack = QStackedWidget()
    hint = QLabel(hint_text)
    hint.setObjectName("hint")
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setWordWrap(True)
    stack.addWidget(hint)
    stack.addWidget(page)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(stack)
    return stack, hint
