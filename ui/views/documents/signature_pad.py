"""A pad on which a party signs with a mouse, a pen tablet or a finger.

The strokes are kept as data (points with pressure, in pad coordinates) so a signature can be
redrawn at any resolution; `to_png()` gives a transparent 300 dpi image for the documents.

Signals:
    strokes_changed: the strokes were added to, undone or cleared.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor(20, 30, 90)
BASE_WIDTH_MM = 0.6
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    pressure: float = 0.5


Stroke = tuple[Point, ...]


def stroke_width_px(pressure: float, px_per_mm: float) -> float:
    """Pen width from pressure: a light touch draws thin, a firm one up to twice the base."""
    return max(0.5, BASE_WIDTH_MM * px_per_mm * (0.5 + min(max(pressure, 0.0), 1.0)))


class SignaturePad(QWidget):
    strokes_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._current: list[Point] = []
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setMinimumSize(360, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("签名板"))

    # -- data ---------------------------------------------------------------------------
    def strokes(self) -> list[Stroke]:
        return list(self._strokes)

    def is_empty(self) -> bool:
        return not self._strokes

    def strokes_data(self) -> dict[str, object]:
        """The strokes as JSON-ready data, with the pad's size to scale them later."""
        return {
            "width": self.width(),
            "height": self.height(),
            "strokes": [[[p.x, p.y, p.pressure] for p in s] for s in self._strokes],
        }

    def clear(self) -> None:
        self._strokes.clear()
        self._current.clear()
        self.update()
        self.strokes_changed.emit()

    def undo(self) -> None:
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.strokes_changed.emit()

    # -- input --------------------------------------------------------------------------
    def _begin(self, pos: QPointF, pressure: float) -> None:
        self._current = [Point(pos.x(), pos.y(), pressure)]

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current:
            self._current.append(Point(pos.x(), pos.y(), pressure))
            self.update()

    def _end(self) -> None:
        if self._current:
            self._strokes.append(tuple(self._current))
            self._current = []
            self.update()
            self.strokes_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 0.5)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), 0.5)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), 0.5)
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: object) -> bool:
        if isinstance(event, QTouchEvent) and event.points():
            point = event.points()[0]
            pressure = point.pressure() or 0.5
            if event.type() == QTouchEvent.Type.TouchBegin:
                self._begin(point.position(), pressure)
            elif event.type() == QTouchEvent.Type.TouchUpdate:
                self._extend(point.position(), pressure)
            else:
                self._end()
            event.accept()
            return True
        return super().event(event)  # type: ignore[arg-type]

    # -- drawing ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        baseline = self.height() * 0.75
        painter.setPen(QPen(QColor(200, 200, 210), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(16, baseline), QPointF(self.width() - 16, baseline))
        px_per_mm = self.logicalDpiX() / MM_PER_INCH
        for stroke in [*self._strokes, tuple(self._current)]:
            draw_stroke(painter, stroke, 1.0, px_per_mm)
        painter.end()

    def to_image(self, width_mm: float = 60.0, dpi: int = 300) -> QImage:
        """A transparent image of the signature, `width_mm` wide at `dpi`."""
        scale_px = width_mm / MM_PER_INCH * dpi / max(1, self.width())
        image = QImage(
            round(self.width() * scale_px), round(self.height() * scale_px),
            QImage.Format.Format_ARGB32,
        )
        image.fill(Qt.GlobalColor.transparent)
        dots_per_metre = round(dpi / MM_PER_INCH * 1000)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self._strokes:
            draw_stroke(painter, stroke, scale_px, dpi / MM_PER_INCH)
        painter.end()
        return image

    def to_png(self, width_mm: float = 60.0, dpi: int = 300) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image(width_mm, dpi).save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())


def draw_stroke(painter: QPainter, stroke: Stroke, scale: float, px_per_mm: float) -> None:
    """Draw one stroke segment by segment, each as wide as its pressure says."""
    if not stroke:
        return
    if len(stroke) == 1:
        p = stroke[0]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        r = stroke_width_px(p.pressure, px_per_mm) / 2
        painter.drawEllipse(QRectF(p.x * scale - r, p.y * scale - r, 2 * r, 2 * r))
        return
    for a, b in itertools.pairwise(stroke):
        pen = QPen(INK, stroke_width_px((a.pressure + b.pressure) / 2, px_per_mm))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(a.x * scale, a.y * scale), QPointF(b.x * scale, b.y * scale))
