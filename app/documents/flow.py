"""A template's blocks turned into reportlab flowables."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from app.documents.context import Ns, esc
from app.documents.model import DocumentData, Party
from app.documents.styles import FRAME_WIDTH, MM, styles
from app.documents.tables import data_table
from app.documents.templates import (
    TemplateError,
    fill,
    fill_parts,
    is_wanted,
    item_text,
    load_template,
)

Flowables = list[Any]
SIGNATURE_HEIGHT = 12 * MM
SEAL_SIZE = 38 * MM


class Builder:
    """Turns the blocks of one template into flowables for one document."""

    def __init__(self, data: DocumentData, ctx: dict[str, Any]) -> None:
        self.data = data
        self.ctx = ctx
        self.st = styles()

    def para(self, text: str, style: Any) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(text, style)

    def style(self, block: dict[str, Any], default: str) -> Any:
        return getattr(self.st, str(block.get("style", default)))

    def document(self, template: dict[str, Any]) -> Flowables:
        out: Flowables = [self.para(fill(template["title"], self.ctx), self.st.title)]
        return out + self.blocks(template["blocks"])

    def blocks(self, blocks: list[dict[str, Any]]) -> Flowables:
        out: Flowables = []
        for block in blocks:
            if not is_wanted(block, self.ctx):
                continue
            handler = HANDLERS.get(str(block.get("type")))
            if handler is None:
                raise TemplateError(f"unknown block type {block.get('type')!r}")
            made = handler(self, block)
            if block.get("keep_with_previous") and out and made:
                made = [keep_together([out.pop(), *made])]
            out.extend(made)
        return out

    def text_of(self, block: dict[str, Any], ctx: dict[str, Any] | None = None) -> str:
        ctx = self.ctx if ctx is None else ctx
        if "parts" in block:
            return fill_parts(block["parts"], ctx, block.get("sep", "，"), block.get("end", ""))
        return fill(str(block["text"]), ctx)


def keep_together(flowables: Flowables) -> Any:
    """One unit that moves to the next page whole: a signature block never stands alone.

    Nested units are flattened: a KeepTogether inside another always reports an endless
    height (reportlab forces its split that way), which would push the outer to a new page.
    """
    from reportlab.platypus import KeepTogether

    flat: Flowables = []
    for item in flowables:
        flat.extend(item._content if isinstance(item, KeepTogether) else [item])
    return KeepTogether(flat)


def _text(b: Builder, block: dict[str, Any], default: str) -> Flowables:
    return [b.para(b.text_of(block), b.style(block, default))]


def _items(b: Builder, block: dict[str, Any]) -> Flowables:
    style = b.style(block, "item")
    return [
        b.para(fill(item_text(item), b.ctx), style)
        for item in block["items"]
        if is_wanted(item, b.ctx)
    ]


def _list(b: Builder, block: dict[str, Any]) -> Flowables:
    from app.documents.context import cn_small, list_items

    rows = list_items(str(block["source"]), b.data)
    style = b.style(block, "item")
    if not rows:
        return [b.para(fill(block["empty"], b.ctx), style)] if "empty" in block else []
    out = [b.para(fill(block["intro"], b.ctx), b.st.lead)] if "intro" in block else []
    shift = int(block.get("start", 1)) - 1
    for row in rows:
        n = row["n"] + shift
        out.append(b.para(fill(block["item"], {**b.ctx, **row, "n": n, "n_cn": cn_small(n)}),
                          style))
    return out


def party_ctx(b: Builder, party: Party) -> dict[str, Any]:
    agent = party.agent
    agent_ns = Ns(
        name=esc(agent.name) if agent else "", id_type=esc(agent.id_type) if agent else "",
        id_number=esc(agent.id_number) if agent else "", phone=esc(agent.phone) if agent else "",
        authority=esc(agent.authority) if agent else "",
    )
    return {
        **b.ctx, "role": esc(party.role_label), "name": esc(party.name),
        "id_type": esc(party.id_type), "id_number": esc(party.id_number),
        "address": esc(party.address), "phone": esc(party.phone),
        "legal_representative": esc(party.legal_representative), "agent": agent_ns,
    }


def chosen_parties(b: Builder, block: dict[str, Any]) -> list[Party]:
    roles = block.get("roles")
    return [p for p in b.data.parties if roles is None or p.role in roles]


def _parties(b: Builder, block: dict[str, Any]) -> Flowables:
    out: Flowables = []
    style = b.style(block, "plain")
    for party in chosen_parties(b, block):
        ctx = party_ctx(b, party)
        key = "organisation" if party.kind == "organisation" else "person"
        out.append(b.para(fill_parts(block[key], ctx, end="。"), style))
        extra = ["representative"] if party.kind == "organisation" else []
        for name in [*extra, "agent"]:
            text = fill_parts(block.get(name, []), ctx, end="。")
            if text and (name != "agent" or party.agent):
                out.append(b.para(text, b.st.sub))
    return out


def _fields(b: Builder, block: dict[str, Any]) -> Flowables:
    from reportlab.platypus import Table

    from app.documents.tables import grid_style

    rows = [
        [b.para(esc(label), b.st.cell_center), b.para(fill(value, b.ctx), b.st.cell)]
        for label, value in block["rows"]
    ]
    widths = [float(w) * FRAME_WIDTH for w in block.get("widths", [0.18, 0.82])]
    table = Table(rows, colWidths=widths)
    table.setStyle(grid_style(len(rows), bold_last=False))
    table.setStyle([("BACKGROUND", (0, 0), (0, -1), "#ebebeb"), ("BACKGROUND", (1, 0), (1, 0),
                                                                  "#ffffff")])
    return [table]


def _table(b: Builder, block: dict[str, Any]) -> Flowables:
    table = data_table(block, b.data)
    return [] if table is None else [table]


def image(png: bytes, height: float, max_width: float) -> Any:
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    width, tall = ImageReader(io.BytesIO(png)).getSize()
    scale = min(height / tall, max_width / width)
    return Image(io.BytesIO(png), width=width * scale, height=tall * scale, mask="auto")


def _spacer(b: Builder, block: dict[str, Any]) -> Flowables:
    from reportlab.platypus import Spacer

    return [Spacer(1, float(block.get("mm", 4)) * MM)]


def _page_break(b: Builder, block: dict[str, Any]) -> Flowables:
    from reportlab.platypus import PageBreak

    return [PageBreak()]


def _include(b: Builder, block: dict[str, Any]) -> Flowables:
    template = load_template(str(block["template"]), int(block.get("version", 1)))
    out: Flowables = []
    if "title" in block:
        out.append(b.para(fill(block["title"], b.ctx), b.st.title))
    return out + b.blocks([k for k in template["blocks"] if not k.get("standalone")])


def _signatures(b: Builder, block: dict[str, Any]) -> Flowables:
    from app.documents.signatures import signature_table

    return signature_table(b, block)


def _issuer(b: Builder, block: dict[str, Any]) -> Flowables:
    from app.documents.signatures import issuer_block

    return issuer_block(b, block)


HANDLERS: dict[str, Callable[[Builder, dict[str, Any]], Flowables]] = {
    "number": lambda b, k: _text(b, k, "number"),
    "subtitle": lambda b, k: _text(b, k, "subtitle"),
    "heading": lambda b, k: _text(b, k, "heading"),
    "paragraph": lambda b, k: _text(b, k, "body"),
    "items": _items,
    "list": _list,
    "parties": _parties,
    "fields": _fields,
    "table": _table,
    "signatures": _signatures,
    "issuer": _issuer,
    "spacer": _spacer,
    "page_break": _page_break,
    "include": _include,
}
