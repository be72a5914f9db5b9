"""The visible stamp of the organisation's digital signature: the seal image and a caption.

pyhanko's own text stamp garbles Chinese without the `opentype` extra, so the stamp's
appearance is drawn by reportlab (the bundled Song face, embedded as a subset) into a
one-page PDF, and pyhanko imports that page as the signature field's appearance.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from app.domain.dates import CHINA_TZ
from app.domain.errors import DomainError
from app.paths import resource

FONT_NAME = "MediationDeskSealSong"
FONT_FILE = ("fonts", "uming.ttc")

STAMP_WIDTH = 170.0  # points; the seal is a 4 cm square at most
STAMP_HEIGHT = 150.0
CAPTION_SIZE = 8.0
SEAL_SIZE = STAMP_HEIGHT - 2 * CAPTION_SIZE - 14


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(resource(*FONT_FILE)), subfontIndex=0))
    return FONT_NAME


def _seal_image(seal_png: bytes) -> Any:
    from PIL import Image, UnidentifiedImageError
    from reportlab.lib.utils import ImageReader

    try:
        with Image.open(io.BytesIO(seal_png)) as probe:
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise DomainError("印章图片无法读取：请选择一个 PNG 格式的印章图片。") from error
    return ImageReader(io.BytesIO(seal_png))


def caption_lines(org_name: str, signing_time: datetime) -> list[str]:
    when = signing_time.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
    return [f"{org_name} 数字签名", f"签署时间：{when}（北京时间）"]


def stamp_pdf(seal_png: bytes, org_name: str, signing_time: datetime) -> bytes:
    """A one-page PDF, STAMP_WIDTH x STAMP_HEIGHT points: the seal above a two-line caption."""
    from reportlab.pdfgen import canvas

    image = _seal_image(seal_png)
    font = _register_font()
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(STAMP_WIDTH, STAMP_HEIGHT), invariant=True)
    width, height = image.getSize()
    scale = min(SEAL_SIZE / width, SEAL_SIZE / height)
    seal_w, seal_h = width * scale, height * scale
    page.drawImage(
        image,
        (STAMP_WIDTH - seal_w) / 2,
        STAMP_HEIGHT - seal_h - 2,
        seal_w,
        seal_h,
        mask="auto",
    )
    lines = caption_lines(org_name, signing_time)
    widest = max(page.stringWidth(line, font, CAPTION_SIZE) for line in lines)
    page.setFont(font, min(CAPTION_SIZE, CAPTION_SIZE * (STAMP_WIDTH - 4) / widest))
    for row, line in enumerate(lines):
        page.drawCentredString(STAMP_WIDTH / 2, 4 + (1 - row) * (CAPTION_SIZE + 3), line)
    page.showPage()
    page.save()
    return out.getvalue()


def stamp_style(stamp: bytes) -> Any:
    """A pyhanko stamp style whose appearance is the first page of the PDF `stamp`."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    class InMemoryPage(PdfContent):
        """Like pyhanko's ImportedPdfPage, but from bytes instead of a file name."""

        def render(self) -> bytes:
            writer = self._ensure_writer
            xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(stamp)), page_ix=0)
            self.resources.xobject["/SealStamp"] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return b"/SealStamp Do"

    return StaticStampStyle(
        border_width=0,
        background=InMemoryPage(),
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(),
        ),
    )
