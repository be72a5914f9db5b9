"""The signature pad keeps strokes as data and gives a transparent 300 dpi image."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ui.views.documents.signature_pad import SignaturePad


def draw_line(qtbot: QtBot, pad: SignaturePad, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=start)
    steps = 8
    for i in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * i // steps
        y = start.y() + (end.y() - start.y()) * i // steps
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=end)


def opaque_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).alpha() > 0
    )


def make_pad(qtbot: QtBot) -> SignaturePad:
    pad = SignaturePad()
    pad.resize(400, 160)
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_mouse_strokes_make_a_non_empty_transparent_image(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    with qtbot.waitSignal(pad.strokes_changed):
        draw_line(qtbot, pad, QPoint(30, 40), QPoint(300, 110))
    assert len(pad.strokes()) == 1
    assert len(pad.strokes()[0]) >= 2
    image = pad.to_image(width_mm=60, dpi=300)
    assert image.width() == round(60 / 25.4 * 300)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # the corner stays transparent
    assert opaque_pixels(image) > 50
    png = pad.to_png()
    assert png.startswith(b"\x89PNG")


def test_undo_and_clear(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    draw_line(qtbot, pad, QPoint(20, 20), QPoint(200, 50))
    draw_line(qtbot, pad, QPoint(20, 90), QPoint(200, 120))
    assert len(pad.strokes()) == 2
    pad.undo()
    assert len(pad.strokes()) == 1
    pad.clear()
    assert pad.is_empty()
    assert opaque_pixels(pad.to_image()) == 0


def test_strokes_data_is_json_ready(qtbot: QtBot) -> None:
    import json

    pad = make_pad(qtbot)
    draw_line(qtbot, pad, QPoint(10, 10), QPoint(100, 100))
    data = json.loads(json.dumps(pad.strokes_data()))
    assert data["width"] == 400
    assert len(data["strokes"][0]) >= 2
    assert all(len(point) == 3 for point in data["strokes"][0])
