"""The page furniture: footer "第 X 页 共 Y 页" with the document number on every page, the
verification QR code on the last page, and a canvas whose output is byte-stable.

The canvas keeps each page until `save`, when the page count is known (the usual
"numbered canvas"); reportlab's invariant mode fixes the file id and the creation date is
the document's own (`DocumentMeta.created`), never the clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.pdfgen import canvas

from app.documents.styles import MARGIN_LEFT, MARGIN_RIGHT, MM, PAGE_WIDTH, SONG

QR_SIZE = 22 * MM
QR_BOTTOM = 5 * MM
FOOTER_Y = 12 * MM
FOOTER_SIZE = 9


def pdf_date(moment: datetime) -> str:
    """`D:20261215093000+08'00'` from an aware datetime."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{mins:02d}'"


def draw_qr(canv: Any, payload: str, x: float, y: float, size: float) -> None:
    """The QR code of `payload` as vector squares (no image, so the bytes stay stable)."""
    import segno

    code = segno.make(payload, error="m", micro=False)
    matrix = code.matrix
    quiet = 2
    count = len(matrix) + 2 * quiet
    module = size / count
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    path = canv.beginPath()
    for row, line in enumerate(matrix):
        top = y + size - (row + quiet + 1) * module
        col = 0
        while col < len(line):
            if not line[col]:
                col += 1
                continue
            start = col
            while col < len(line) and line[col]:
                col += 1
            path.rect(x + (start + quiet) * module, top, (col - start) * module, module)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


def make_canvas_class(number: str, qr: str, created: datetime, caption: str) -> type[Any]:
    """A Canvas class for one document: its footer text, QR payload and creation date."""
    fixed_date = pdf_date(created)

    class DocumentCanvas(canvas.Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = SONG  # no unused, unembedded Helvetica in the file
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: fixed_date)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for index, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                draw_footer(self, index, total, number)
                if index == total:
                    draw_verification(self, qr, caption)
                canvas.Canvas.showPage(self)
            canvas.Canvas.save(self)

    return DocumentCanvas


def draw_footer(canv: Any, page: int, total: int, number: str) -> None:
    canv.saveState()
    canv.setFont(SONG, FOOTER_SIZE)
    canv.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y, f"第 {page} 页 共 {total} 页")
    canv.drawString(MARGIN_LEFT, FOOTER_Y, f"文书编号：{number}")
    canv.restoreState()


def draw_verification(canv: Any, payload: str, caption: str) -> None:
    """The QR code in the bottom right corner of the last page, with a caption beside it."""
    x = PAGE_WIDTH - MARGIN_RIGHT - QR_SIZE
    draw_qr(canv, payload, x, QR_BOTTOM, QR_SIZE)
    canv.saveState()
    canv.setFont(SONG, 7)
    width = canv.stringWidth(caption, SONG, 7)
    canv.drawString(x - width - 1 * MM, QR_BOTTOM + 2.5 * MM, caption)
    canv.restoreState()
