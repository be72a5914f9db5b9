"""Page geometry, the bundled fonts (registered once per process) and paragraph styles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from app.paths import resource

MM = 72 / 25.4  # points per millimetre
PAGE_WIDTH = 210 * MM  # A4
PAGE_HEIGHT = 297 * MM
MARGIN_LEFT = 28 * MM  # the binding edge
MARGIN_RIGHT = 20 * MM
MARGIN_TOP = 22 * MM
MARGIN_BOTTOM = 30 * MM  # room for the footer and, on the last page, the QR code
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

SONG = "MediationDeskSong"  # AR PL UMing CN: body text (a Ming/Song face, as court papers use)
HEI = "MediationDeskHei"  # WenQuanYi Micro Hei: titles and headings
FONT_FILES = {SONG: ("fonts", "uming.ttc"), HEI: ("fonts", "wqy-microhei.ttc")}

BODY_SIZE = 11.5
BODY_LEADING = 19
CELL_SIZE = 9.5
CELL_LEADING = 13.5


# Full-width punctuation that must not start a line. reportlab's CJK line breaking knows
# 、。） but not ，；：！？ or closing quotes and book-title marks, so a lone "；" could open
# a line; listed here, such a mark hangs in the right margin instead (行末悬挂).
CANNOT_START_ZH = "，；：！？”’》〉」』】〕…"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the two bundled faces (index 0 of each collection) once; embedded as subsets.

    `<b>` in a Song paragraph prints in the Hei face (Chinese documents emphasise that way).
    """
    from reportlab.lib import textsplit
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import paragraph

    for name, parts in FONT_FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource(*parts)), subfontIndex=0))
    for bold, italic, face in ((0, 0, SONG), (1, 0, HEI), (0, 1, SONG), (1, 1, HEI)):
        addMapping(SONG, bold, italic, face)
    for module in (textsplit, paragraph):  # one-fragment and many-fragment line breaking
        missing = "".join(c for c in CANNOT_START_ZH if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing
    return SONG, HEI


@dataclass(frozen=True)
class Styles:
    title: Any
    subtitle: Any
    number: Any
    heading: Any
    body: Any
    plain: Any
    lead: Any
    item: Any
    sub: Any
    right: Any
    cell: Any
    cell_right: Any
    cell_center: Any
    cell_head: Any
    small: Any


def _style(name: str, **kw: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    base: dict[str, Any] = {
        "fontName": SONG,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "wordWrap": "CJK",
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@cache
def styles() -> Styles:
    """The paragraph styles of every document (CJK wrapping everywhere)."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT

    register_fonts()
    indent = 2 * BODY_SIZE
    return Styles(
        title=_style("title", fontName=HEI, fontSize=20, leading=28, alignment=TA_CENTER,
                     spaceAfter=4),
        subtitle=_style("subtitle", fontSize=10.5, leading=16, alignment=TA_CENTER),
        number=_style("number", fontSize=10.5, leading=16, alignment=TA_RIGHT, spaceAfter=6),
        heading=_style("heading", fontName=HEI, fontSize=12, leading=20, spaceBefore=6,
                       spaceAfter=2, keepWithNext=1),
        body=_style("body", firstLineIndent=indent, alignment=TA_JUSTIFY, spaceAfter=2),
        plain=_style("plain", alignment=TA_JUSTIFY, spaceAfter=2),
        lead=_style("lead", firstLineIndent=indent, alignment=TA_JUSTIFY, spaceAfter=2,
                    keepWithNext=1),
        item=_style("item", leftIndent=indent, firstLineIndent=-BODY_SIZE * 1.5,
                    alignment=TA_JUSTIFY, spaceAfter=2),
        sub=_style("sub", leftIndent=indent, alignment=TA_JUSTIFY, spaceAfter=2),
        right=_style("right", alignment=TA_RIGHT),
        cell=_style("cell", fontSize=CELL_SIZE, leading=CELL_LEADING),
        cell_right=_style("cell_right", fontSize=CELL_SIZE, leading=CELL_LEADING,
                          alignment=TA_RIGHT),
        cell_center=_style("cell_center", fontSize=CELL_SIZE, leading=CELL_LEADING,
                           alignment=TA_CENTER),
        cell_head=_style("cell_head", fontName=HEI, fontSize=CELL_SIZE, leading=CELL_LEADING,
                         alignment=TA_CENTER),
        small=_style("small", fontSize=8, leading=10),
    )
