"""Charts drawn with QPainter: horizontal bars of counts or amounts, nothing to install.

Qt Charts lives in PySide6-Addons (not in the PySide6-Essentials the app ships), and a
plotting library would add tens of megabytes to an installer capped at 130 MB; a bar chart
is a few rectangles and labels, which QPainter draws crisply at any size and in the app's
own font (Chinese included).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = (
    "#2F6DB5",
    "#E07B39",
    "#3A9D5D",
    "#C9453E",
    "#8062B0",
    "#9A7B4F",
    "#D264A8",
    "#7F7F7F",
    "#B5B83A",
    "#2BB0C2",
)
ROW_HEIGHT = 22
LABEL_WIDTH = 120


class BarChart(QWidget):
    """A titled horizontal bar chart; `set_items([(label, value), …])` redraws it."""

    def __init__(self, title: str, *, money: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.money = money
        self.items: list[tuple[str, Decimal]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(260)

    def set_items(self, items: list[tuple[str, Decimal | int]]) -> None:
        self.items = [(k, Decimal(v)) for k, v in items]
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 34 + ROW_HEIGHT * max(len(self.items), 1))

    def value_text(self, value: Decimal) -> str:
        return f"{value / 10000:,.1f} 万" if self.money else f"{value:,.0f}"

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(0, 0, self.width(), 24), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        top = max((v for _k, v in self.items), default=Decimal(0)) or Decimal(1)
        room = max(self.width() - LABEL_WIDTH - 80, 10)
        for i, (name, value) in enumerate(self.items):
            y = 28 + i * ROW_HEIGHT
            label_box = QRectF(0, y, LABEL_WIDTH - 8, ROW_HEIGHT - 4)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            elided = painter.fontMetrics().elidedText(
                name, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8
            )
            painter.drawText(label_box, align, elided)
            length = float(room) * float(value / top)
            bar = QRectF(LABEL_WIDTH, y + 3, max(length, 1.0), ROW_HEIGHT - 10)
            painter.fillRect(bar, QColor(PALETTE[i % len(PALETTE)] if self.money else PALETTE[0]))
            text_box = QRectF(LABEL_WIDTH + length + 6, y, 80, ROW_HEIGHT - 4)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, self.value_text(value))
        painter.end()
