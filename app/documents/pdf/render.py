"""`render_pdf(kind, data)`: a template's blocks, filled from the data, as an A4 PDF."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from app.documents.pdf.content import qr_payload
from app.documents.pdf.court_values import COURT_SOURCES, court_values
from app.documents.pdf.model import DocumentData
from app.documents.pdf.needs import missing_fields
from app.documents.pdf.pages import canvas_class
from app.documents.pdf.signatures import seal_block, signature_table
from app.documents.pdf.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MM,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SONG,
    styles,
)
from app.documents.pdf.template import Template, block_kept, block_text, fill, load_template
from app.documents.pdf.values import SOURCES, Values, document_values

ALL_SOURCES = SOURCES | COURT_SOURCES


class IncompleteDocument(ValueError):
    """The data lacks what the kind needs; `missing` lists it in Chinese."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__("；".join(missing))


def render_pdf(kind: str, data: DocumentData) -> bytes:
    """The PDF of `kind` for `data`: deterministic bytes. Raises IncompleteDocument."""
    from reportlab.platypus import SimpleDocTemplate

    missing = missing_fields(kind, data)
    if missing:
        raise IncompleteDocument(missing)
    template = load_template(kind)
    story = build_story(template, data)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1,
        leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=template.title, author="", creator="Mediation Desk", subject=data.number,
    )  # fmt: skip
    maker = canvas_class(data.number, qr_payload(data), data.created, template.title)
    doc.build(story, canvasmaker=maker)
    return out.getvalue()


def build_story(template: Template, data: DocumentData) -> list[Any]:
    """The flowables of the whole document, title first."""
    from reportlab.platypus import KeepTogether, Paragraph

    st = styles()
    values = document_values(data) | court_values(data)
    story: list[Any] = []
    if template.letterhead:
        story.append(Paragraph(fill("{org.name}", values), st["org"]))
    story += [
        Paragraph(template.title, st["title"]),
        Paragraph(fill("（{doc.number}）", values), st["number"]),
    ]
    groups: list[tuple[list[Any], bool]] = []  # a block's flowables, and those kept with it
    for block in template.blocks:
        if not block_kept(block, values):
            continue
        flowables = _flowables(block, values, data)
        if block.get("keep_with_previous") and groups:
            groups[-1] = (groups[-1][0] + flowables, True)
        else:
            groups.append((flowables, False))
    for group, kept in groups:  # one KeepTogether per group: nested ones misjudge heights
        story.extend([KeepTogether(group)] if kept else group)
    return story


def _flowables(block: Mapping[str, Any], values: Values, data: DocumentData) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    kind = block["type"]
    st = styles()
    if kind == "para":
        text = block_text(block, values)
        return [Paragraph(text, st[block.get("style", "body")])] if text else []
    if kind == "rows":
        style = st[block.get("style", "body")]
        out = []
        for row in ALL_SOURCES[block["source"]](data):
            merged = values | row
            if block_kept(block.get("row", {}), merged):
                out.append(Paragraph(block_text(block, merged), style))
        return out
    if kind == "table":
        return [_table(block, values, data)]
    if kind == "signatures":
        return [signature_table(data, values, block)]
    if kind == "seal":
        return [seal_block(data, values, block)]
    if kind == "spacer":
        return [Spacer(1, float(block.get("height", 4)) * MM)]
    raise ValueError(f"unknown block type: {kind}")


def _table(block: Mapping[str, Any], values: Values, data: DocumentData) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    columns = block["columns"]
    widths = [float(c[2]) * MM if len(c) > 2 else None for c in columns]
    fixed = sum(w for w in widths if w)
    free = [i for i, w in enumerate(widths) if not w]
    for i in free:
        widths[i] = (FRAME_WIDTH - fixed) / len(free)
    numeric = set(block.get("numeric", []))

    def cell(text: str, i: int) -> Any:
        return Paragraph(text, st["cell_num" if i in numeric else "cell"])

    rows: list[list[Any]] = [[Paragraph(c[0], st["cell_head"]) for c in columns]]
    for row in ALL_SOURCES[block["source"]](data):
        merged = values | row
        rows.append([cell(fill(c[1], merged), i) for i, c in enumerate(columns)])
    if "total" in block:
        rows.append([cell(fill(t, values), i) for i, t in enumerate(block["total"])])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), SONG),  # else Helvetica, unused, lands in the file
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))  # fmt: skip
    table.spaceBefore, table.spaceAfter = 4, 8
    return table
