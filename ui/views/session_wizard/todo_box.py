"""What the step on screen still needs, in a box whose height never changes.

The list grows and shrinks as the mediator types (a field filled, a check digit wrong);
a box that grew with it moved every field below under the mouse (issue 13). This one is
always `LINES` lines high: the items follow one another on those lines, as many as fit,
then how many more there are; the whole list is the box's tooltip (and the finish step
lists everything a session still needs).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.i18n import tr

LINES = 2
GAP = "　　"  # between two items on a line


class TodoBox(QFrame):
    """还需要： and the step's missing items, or 本步已完成。 (objectName `missing`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missing")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.setSpacing(6)
        self.head = QLabel(self.tr("还需要："))
        self.head.setObjectName("todoHead")
        self.body = QLabel()
        self.body.setObjectName("todoItems")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        policy = self.body.sizePolicy()
        policy.setHorizontalPolicy(policy.Policy.Ignored)
        self.body.setSizePolicy(policy)
        row.addWidget(self.head, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.body, 1)
        self._items: list[str] = []
        self._text = ""
        height = LINES * self.body.fontMetrics().lineSpacing() + 8 + 2 * self.frameWidth()
        self.setFixedHeight(height + 2)

    def show_missing(self, missing: list[str]) -> None:
        """The items still missing ([] when the step is complete)."""
        self._items = [f"• {tr(item)}" for item in missing]  # the core's words, translated
        done = not missing
        self._text = (
            self.tr("本步已完成。") if done else "\n".join([self.tr("还需要："), *self._items])
        )
        self.head.setVisible(not done)
        self.setToolTip("" if done else self._text)
        self.setProperty("tone", "done" if done else "")
        for widget in (self, self.head, self.body):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._lay_out()

    def text(self) -> str:
        """The whole list as text (还需要： and one item a line), or 本步已完成。"""
        return self._text

    def shown(self) -> str:
        """What the box shows now (the items that fit, and how many more there are)."""
        return str(self.body.text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        if not self._items:
            self.body.setText(self._text)
            return
        width = max(self.body.width(), 1)
        room = LINES * self.body.fontMetrics().lineSpacing()
        more = self.tr("…… 另有 %1 项（指向此处可看全部）")
        for count in range(len(self._items), 0, -1):
            left = len(self._items) - count
            text = GAP.join(self._items[:count] + ([more.replace("%1", str(left))] if left else []))
            if self._height_of(text, width) <= room:
                self.body.setText(text)
                return
        metrics = self.body.fontMetrics()
        first = metrics.elidedText(self._items[0], Qt.TextElideMode.ElideRight, width)
        rest = len(self._items) - 1
        self.body.setText(first + ("\n" + more.replace("%1", str(rest)) if rest else ""))

    def _height_of(self, text: str, width: int) -> int:
        flags = int(Qt.TextFlag.TextWordWrap.value)
        room = QRect(0, 0, width, 10_000)
        return self.body.fontMetrics().boundingRect(room, flags, text).height()
