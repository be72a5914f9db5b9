"""An editor with its problem shown under it: the form row every dialog uses."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets.error_line import ErrorLine
from ui.widgets.message_label import message_label


class FieldRow(QWidget):
    """An editor with a red message under it while the field has a problem; the message's
    line is kept when there is none, so rows never move as problems come and go."""

    def __init__(
        self, editor: QWidget, parent: QWidget | None = None, *, keep_room: bool = True
    ) -> None:
        """`keep_room=False` for a dense grid where a rare problem may take a line of its
        own (the message then wraps and the row grows while it shows)."""
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(editor)
        self.error = ErrorLine() if keep_room else message_label("fieldError")
        self.error.setVisible(False)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
