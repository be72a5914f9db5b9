"""Signature lines (one per party or attendee, the mediator, the recorder) and the issuing
organisation's name, date and seal. Signature and seal images are drawn when given."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from app.documents.context import esc
from app.documents.styles import BODY_LEADING, BODY_SIZE, FRAME_WIDTH, MM, SONG
from app.documents.templates import fill, is_wanted

if TYPE_CHECKING:
    from app.documents.flow import Builder, Flowables

ROW_HEIGHT = 9 * MM
SEAL_SIZE = 36 * MM
SIGNATURE_HEIGHT = 11 * MM
WIDTHS = (0.52, 0.28, 0.20)


def _who(b: Builder, block: dict[str, Any]) -> list[tuple[str, bytes | None]]:
    """(label, signature image) of each signer of the block."""
    from app.documents.flow import chosen_parties, party_ctx

    label = str(block.get("label", "{role}：{name}"))
    if block.get("who") == "none":
        return []
    if block.get("who") == "attendees":
        attendees = b.data.session.attendees if b.data.session else ()
        return [(f"{esc(a.capacity)}：{esc(a.name)}", None) for a in attendees]
    return [
        (fill(label, party_ctx(b, p)), p.signature_png) for p in chosen_parties(b, block)
    ]


def _extra(b: Builder, block: dict[str, Any]) -> list[tuple[str, str, bytes | None]]:
    """(label, hint, signature image) of the mediator, the recorder..."""
    out: list[tuple[str, str, bytes | None]] = []
    for item in block.get("extra", []):
        if not is_wanted(item, b.ctx):
            continue
        png = b.data.mediator_signature_png if item.get("signer") == "mediator" else None
        out.append((fill(str(item["text"]), b.ctx), fill(str(item.get("hint", "")), b.ctx), png))
    return out


def signature_table(b: Builder, block: dict[str, Any]) -> Flowables:
    """A table: who signs | the line to sign on (or the signature image) | the date."""
    from reportlab.platypus import Spacer, Table

    from app.documents.flow import image

    hint = fill(str(block.get("hint", "")), b.ctx)
    date = fill(str(block.get("date", "　　年　　月　　日")), b.ctx)
    signers = [(label, hint, png) for label, png in _who(b, block)] + _extra(b, block)
    rows = []
    for label, note, png in signers:
        text = label + (f"<font size=7.5>{note}</font>" if note else "")
        # the signing cell sets the least height; a long name makes its row taller
        mark = (image(png, SIGNATURE_HEIGHT, WIDTHS[1] * FRAME_WIDTH - 8) if png
                else Spacer(1, ROW_HEIGHT - 6))
        rows.append([b.para(text, b.st.cell), mark, b.para(date, b.st.cell_right)])
    if not rows:
        return []
    table = Table(rows, colWidths=[w * FRAME_WIDTH for w in WIDTHS])
    table.setStyle([
        ("FONTNAME", (0, 0), (-1, -1), SONG),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.5, "#000000"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("ALIGN", (1, 0), (1, -1), "CENTER"),
    ])
    intro = [b.para(fill(block["intro"], b.ctx), b.st.lead)] if "intro" in block else []
    return [Spacer(1, 3 * MM), *intro, table]


def issuer_block(b: Builder, block: dict[str, Any]) -> Flowables:
    """The organisation's name and the date, right-aligned, under its seal when there is one."""
    lines = [fill(str(line), b.ctx) for line in block["lines"]]
    seal = b.data.organisation.seal_png if block.get("seal", True) else None
    if seal is None and "seal_hint" in block:
        lines[0] = lines[0] + fill(str(block["seal_hint"]), b.ctx)
    return [IssuerStamp(lines, seal, float(block.get("space_mm", 3)) * MM)]


class IssuerStamp(Flowable):  # type: ignore[misc]
    """Text lines flush right, the seal image centred over them (as a seal is stamped)."""

    def __init__(self, lines: list[str], seal: bytes | None, space: float) -> None:
        super().__init__()
        self.lines, self.seal, self.space = lines, seal, space

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        text_h = len(self.lines) * BODY_LEADING
        self.height = self.space + max(text_h, SEAL_SIZE * 0.6 if self.seal else 0)
        return self.width, self.height

    def draw(self) -> None:
        _draw_issuer(self.canv, self.width, self.height, self.lines, self.seal)


def _draw_issuer(canv: Any, width: float, height: float, lines: list[str],
                 seal: bytes | None) -> None:
    from xml.sax.saxutils import unescape

    from reportlab.lib.utils import ImageReader

    canv.setFont(SONG, BODY_SIZE)
    plain = [unescape(line) for line in lines]
    widest = max(canv.stringWidth(t, SONG, BODY_SIZE) for t in plain)
    right = width - 4 * MM
    centre_x = right - widest / 2
    top = height - BODY_LEADING
    for row, text in enumerate(plain):
        canv.drawCentredString(centre_x, top - row * BODY_LEADING, text)
    if seal:
        y_mid = top - (len(plain) - 1) * BODY_LEADING / 2 + BODY_SIZE / 3
        canv.drawImage(ImageReader(io.BytesIO(seal)), centre_x - SEAL_SIZE / 2,
                       y_mid - SEAL_SIZE / 2, SEAL_SIZE, SEAL_SIZE, mask="auto",
                       preserveAspectRatio=True, anchor="c")
