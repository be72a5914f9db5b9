"""Draw the app icon: a white agreement sheet with a red round seal on a blue tile.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.make_icon

Writes `resources/icons/mediation-desk-<size>.png` for every size Windows and Qt ask for
(each drawn at its own size, so small ones stay sharp: fewer text lines at 16 px), the
multi-resolution `mediation-desk.ico` (PyInstaller's and Inno Setup's icon) from those
PNGs with Pillow, and `mediation-desk.svg` (the same drawing, vector, for any scale).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPaintDevice, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
NAME = "mediation-desk"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

TILE = QColor("#1f3a68")
TILE_TOP = QColor("#2f6fda")
SHEET = QColor("#ffffff")
LINE = QColor("#9aa8bd")
SEAL = QColor("#d92d20")


def draw(painter: QPainter, side: float) -> None:
    """The icon on a `side` × `side` square (units: pixels of that size)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    u = side / 16.0  # one unit of the 16-px grid
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TILE_TOP if side <= 20 else TILE)
    painter.drawRoundedRect(QRectF(0, 0, side, side), 3 * u, 3 * u)
    sheet = QRectF(3.5 * u, 2 * u, 8.5 * u, 11.5 * u)
    painter.setBrush(SHEET)
    painter.drawRoundedRect(sheet, 0.8 * u, 0.8 * u)
    lines = 2 if side < 32 else 4
    pen = QPen(LINE, max(1.0, 0.7 * u))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    gap = 6.0 / lines
    for i in range(lines):
        y = (4.2 + i * gap) * u
        right = sheet.right() - (1.3 if i < lines - 1 else 3.2) * u
        painter.drawLine(QPointF(sheet.left() + 1.3 * u, y), QPointF(right, y))
    painter.setPen(QPen(SHEET, max(1.0, 0.6 * u)))
    painter.setBrush(SEAL)
    painter.drawEllipse(QPointF(11.2 * u, 11.6 * u), 3.3 * u, 3.3 * u)
    if side >= 32:  # the seal's star, where there are pixels enough to see it
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SHEET)
        painter.drawPolygon(_star(QPointF(11.2 * u, 11.6 * u), 1.5 * u))


def _star(centre: QPointF, radius: float) -> list[QPointF]:
    import math

    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.42
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return points


def png(side: int) -> bytes:
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    _paint(image, side)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _paint(device: QPaintDevice, side: int) -> None:
    painter = QPainter(device)
    try:
        draw(painter, side)
    finally:
        painter.end()


def svg(path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(256, 256))
    generator.setViewBox(QRectF(0, 0, 256, 256))
    generator.setTitle("Mediation Desk")
    _paint(generator, 256)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    images = {}
    for side in SIZES:
        data = png(side)
        (OUT / f"{NAME}-{side}.png").write_bytes(data)
        images[side] = Image.open(io.BytesIO(data)).convert("RGBA")
    largest = images[max(ICO_SIZES)]
    largest.save(
        OUT / f"{NAME}.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    svg(OUT / f"{NAME}.svg")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
