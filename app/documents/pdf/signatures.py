"""Signature lines for every party and the mediator, and the organisation's seal."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from app.documents.pdf.model import DocumentData
from app.documents.pdf.styles import BODY_SIZE, FRAME_WIDTH, HEI, MM, SONG, styles
from app.documents.pdf.template import fill
from app.documents.pdf.values import Values
from app.domain.numerals import format_date_cn

SIGN_HEIGHT = 13 * MM
SIGN_WIDTH = 48 * MM
SEAL_SIZE = 38 * MM


def image_of(png: bytes, max_width: float, max_height: float) -> Any:
    """A platypus Image of `png` fitted into the box, transparency kept."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    scale = min(max_width / w, max_height / h)
    img = Image(io.BytesIO(png), width=w * scale, height=h * scale, mask="auto")
    return img


def _sign_cell(png: bytes | None) -> Any:
    """The signature image, or blank room of the same height to sign on paper."""
    from reportlab.platypus import Spacer

    return image_of(png, SIGN_WIDTH, SIGN_HEIGHT) if png else Spacer(SIGN_WIDTH, SIGN_HEIGHT)


def signature_table(data: DocumentData, values: Values, block: Mapping[str, Any]) -> Any:
    """One row per party (and the mediator): who, the line to sign on, the date."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    party_label = str(block.get("party", "{role}：{name}"))
    date_text = str(block.get("date", "　　年　　月　　日"))
    rows: list[list[Any]] = []
    for party in data.parties:
        how = "（盖章）" if party.kind == "organisation" else "（签名）"
        label = fill(party_label, values | {"role": party.role_label, "name": party.name}) + how
        sig = _sign_cell(party.signature_png)
        when = format_date_cn(party.signed_on) if party.signed_on else date_text
        rows.append([Paragraph(label, st["plain"]), sig, Paragraph(when, st["plain"])])
    if block.get("mediator", True):
        label = fill(str(block.get("mediator_label", "调解员：{mediator}（签名）")), values)
        png = data.mediator_signature_png
        sig = _sign_cell(png)
        signed = data.mediator_signed_on
        when = format_date_cn(signed) if signed else date_text
        rows.append([Paragraph(label, st["plain"]), sig, Paragraph(when, st["plain"])])
    date_width = 40 * MM
    widths = [FRAME_WIDTH - SIGN_WIDTH - date_width - 4 * MM, SIGN_WIDTH + 4 * MM, date_width]
    table = Table(rows, colWidths=widths)  # a long name makes its row taller
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("FONTNAME", (0, 0), (-1, -1), SONG),  # else Helvetica, unused, lands in the file
        ("LINEBELOW", (1, 0), (1, -1), 0.6, (0, 0, 0)),
        ("ALIGN", (1, 0), (1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
    ]))  # fmt: skip
    table.spaceBefore, table.spaceAfter = 8, 4
    return table


def seal_block(data: DocumentData, values: Values, block: Mapping[str, Any]) -> Any:
    """Right-aligned organisation name and date, the seal image stamped over them."""
    from reportlab.platypus import Flowable

    lines = [fill(str(t), values, markup=False) for t in block.get("lines", ["{org.name}"])]
    seal = data.organisation.seal_png

    class SealBlock(Flowable):  # type: ignore[misc]
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.width = avail_width
            return avail_width, SEAL_SIZE + 4 * MM

        def draw(self) -> None:
            from reportlab.lib.utils import ImageReader
            from reportlab.pdfbase.pdfmetrics import stringWidth

            c = self.canv
            right = self.width - 6 * MM
            widest = max(stringWidth(t, SONG, BODY_SIZE) for t in lines)
            y = SEAL_SIZE / 2 + (len(lines) - 1) * 11
            for i, text in enumerate(lines):
                c.setFont(HEI if i == 0 else SONG, BODY_SIZE)
                c.drawRightString(right, y - i * 22, text)
            if seal:
                x = right - widest / 2 - SEAL_SIZE / 2
                c.drawImage(ImageReader(io.BytesIO(seal)), x, 2 * MM, SEAL_SIZE, SEAL_SIZE,
                            mask="auto", preserveAspectRatio=True)  # fmt: skip

    return SealBlock()
