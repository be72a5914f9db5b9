"""A field's problem on one line under it, with its room kept whether or not there is one.

A message that comes or goes never moves the fields below it (issue 13: an error line that
appeared and vanished as one typed moved the next field under the mouse, and an ID number
went into the credit-code field). The line is one text line high, always; hiding it keeps
its room. A message longer than the field is cut with … and shown whole as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class OneLine(QLabel):
    """One line of text of a fixed height, cut with … to its width (the whole text is the
    tooltip then); hidden, it keeps its room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a long message never widens
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._fit_height()

    def setText(self, text: str) -> None:
        self._full = text
        self._show()

    def text(self) -> str:
        """The whole message (what shows may be cut to the field's width)."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()
            self._show()

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() + 2)

    def _show(self) -> None:
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        shown = self._full
        if width > 0 and metrics.horizontalAdvance(shown) > width:
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class ErrorLine(OneLine):
    """A field's problem: a red `OneLine` (objectName `fieldError`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
