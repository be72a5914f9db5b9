"""Page geometry, the bundled fonts (registered once per process) and paragraph styles."""

from __future__ import annotations

from functools import cache
from typing import IO, Any

from app.paths import resource

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM  # A4
MARGIN_LEFT, MARGIN_RIGHT = 28 * MM, 22 * MM  # the binding edge on the left
MARGIN_TOP, MARGIN_BOTTOM = 25 * MM, 31 * MM
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
QR_SIZE = 24 * MM


def a4_document(out: IO[bytes], *, title: str, subject: str = "") -> Any:
    """A reportlab document on the house A4 page: margins, metadata, deterministic bytes."""
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(
        out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1,
        leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=title, author="", creator="Mediation Desk", subject=subject,
    )  # fmt: skip

SONG = "MDPdfSong"  # AR PL UMing CN: body text, a Song/Ming face as court papers use
HEI = "MDPdfHei"  # WenQuanYi Micro Hei: title and headings
FONT_FILES = {SONG: "uming.ttc", HEI: "wqy-microhei.ttc"}
BODY_SIZE, BODY_LEADING = 12, 21
# Full-width marks that must not open a line; reportlab's CJK wrap knows 、。） but not
# these, so they are added to its (module-level) list and hang at the line end instead.
CANNOT_START_ZH = "，；：！？”’》〉」』】〕…"
CELL_SIZE, CELL_LEADING = 10, 14


@cache
def register_fonts() -> None:
    """Register both faces (index 0 of each collection, embedded as subsets), once."""
    from reportlab.lib import textsplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import paragraph

    for name, file in FONT_FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file)), subfontIndex=0))
    for module in (textsplit, paragraph):
        missing = "".join(c for c in CANNOT_START_ZH if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing
    from app.documents.pdf.cjk_wrap import install

    install()  # two closing marks in a row ("）。") never leave one alone on a line


@cache
def styles() -> dict[str, Any]:
    """Paragraph styles by template name: body, plain, heading, title, center, right, ..."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle(
        "plain", fontName=SONG, fontSize=BODY_SIZE, leading=BODY_LEADING,
        wordWrap="CJK", alignment=TA_JUSTIFY, spaceAfter=2,
    )  # fmt: skip
    made = {
        "plain": base,
        "body": ParagraphStyle("body", base, firstLineIndent=2 * BODY_SIZE),
        "heading": ParagraphStyle(
            "heading",
            base,
            fontName=HEI,
            fontSize=12.5,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "title": ParagraphStyle(
            "title",
            base,
            fontName=HEI,
            fontSize=20,
            leading=28,
            alignment=TA_CENTER,
            spaceAfter=4,
        ),
        "org": ParagraphStyle("org", base, fontName=HEI, fontSize=14, alignment=TA_CENTER),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", base, alignment=TA_RIGHT),
        "number": ParagraphStyle("number", base, fontSize=10.5, alignment=TA_RIGHT, spaceAfter=10),
        "small": ParagraphStyle("small", base, fontSize=10, leading=15),
        "cell": ParagraphStyle(
            "cell", base, fontSize=CELL_SIZE, leading=CELL_LEADING, alignment=TA_LEFT, spaceAfter=0
        ),
        "cell_head": ParagraphStyle(
            "cell_head",
            base,
            fontName=HEI,
            fontSize=CELL_SIZE,
            leading=CELL_LEADING,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        "cell_num": ParagraphStyle(
            "cell_num",
            base,
            fontSize=CELL_SIZE,
            leading=CELL_LEADING,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
    }
    return made
