"""The tables a template can place (`type = "table"`, `source = ...`): rows come from the
data, headers and labels from the template. Every cell is a wrapping paragraph, so long
names and addresses stay inside their column."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from app.documents.context import cn_date, esc
from app.documents.model import KIND_LABELS, KINDS, DocumentData, KindAmounts
from app.documents.styles import FRAME_WIDTH, SONG, styles
from app.documents.templates import TemplateError
from app.domain.numerals import format_amount, rmb_upper

Row = list[Any]


def _p(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(text, style)


def _fig(amount: Decimal) -> Any:
    return _p(format_amount(amount), styles().cell_right)


def _upper(amount: Decimal) -> Any:
    return _p(rmb_upper(amount), styles().cell)


def _label(text: str) -> Any:
    return _p(text, styles().cell_center)


def _kinds(*views: KindAmounts) -> list[str]:
    return [k for k in KINDS if any(v.of(k) != 0 for v in views)]


def figures_rows(data: DocumentData, total_label: str) -> list[Row]:
    """Per kind: claimed, lawful, cut by the law, waived, settled (lawful less waived)."""
    if not (data.claim and data.recalculation and data.settlement):
        return []
    claimed, lawful = data.claim.amounts, data.recalculation.lawful
    cut, waived = data.recalculation.reductions, data.settlement.waived
    rows: list[Row] = []
    for kind in _kinds(claimed, lawful, cut, waived):
        values = [claimed.of(kind), lawful.of(kind), cut.of(kind), waived.of(kind)]
        rows.append([_label(KIND_LABELS[kind]), *map(_fig, values),
                     _fig(lawful.of(kind) - waived.of(kind))])
    totals = [claimed.total, lawful.total, cut.total, waived.total, data.settlement.total]
    rows.append([_label(total_label), *map(_fig, totals)])
    return rows


def _amount_rows(amounts: KindAmounts | None, total_label: str) -> list[Row]:
    if amounts is None:
        return []
    rows: list[Row] = [
        [_label(KIND_LABELS[k]), _fig(amounts.of(k)), _upper(amounts.of(k))]
        for k in _kinds(amounts)
    ]
    rows.append([_label(total_label), _fig(amounts.total), _upper(amounts.total)])
    return rows


def claim_rows(data: DocumentData, total_label: str) -> list[Row]:
    return _amount_rows(data.claim.amounts if data.claim else None, total_label)


def lawful_rows(data: DocumentData, total_label: str) -> list[Row]:
    return _amount_rows(data.recalculation.lawful if data.recalculation else None, total_label)


def plan_rows(data: DocumentData, total_label: str) -> list[Row]:
    if data.settlement is None:
        return []
    st = styles()
    rows: list[Row] = [
        [_label(str(r.n)), _p(cn_date(r.due), st.cell_center), _fig(r.amount),
         _upper(r.amount), _p(esc(r.note), st.cell)]
        for r in data.settlement.rows
    ]
    total = sum((r.amount for r in data.settlement.rows), Decimal(0))
    rows.append([_label(total_label), _label(""), _fig(total), _upper(total), _label("")])
    return rows


def attendee_rows(data: DocumentData, total_label: str) -> list[Row]:
    if data.session is None:
        return []
    st = styles()
    return [
        [_p(esc(a.name), st.cell), _p(esc(a.capacity), st.cell_center),
         _p(f"{esc(a.id_type)} {esc(a.id_number)}".strip(), st.cell),
         _label("已核验" if a.id_checked else "未核验")]
        for a in data.session.attendees
    ]


SOURCES: dict[str, Callable[[DocumentData, str], list[Row]]] = {
    "figures": figures_rows,
    "claim": claim_rows,
    "lawful": lawful_rows,
    "plan": plan_rows,
    "attendees": attendee_rows,
}


def data_table(block: dict[str, Any], data: DocumentData) -> Any:
    """A reportlab Table for a template's table block; None when there are no rows."""
    from reportlab.platypus import Table

    source = str(block.get("source", ""))
    if source not in SOURCES:
        raise TemplateError(f"unknown table source {source!r}")
    rows = SOURCES[source](data, str(block.get("total_label", "合计")))
    if not rows:
        return None
    header = [_p(esc(str(c)), styles().cell_head) for c in block["columns"]]
    widths = [float(w) * FRAME_WIDTH for w in block["widths"]]
    if len(widths) != len(header) or any(len(r) != len(header) for r in rows):
        raise TemplateError(f"table {source!r}: columns, widths and rows differ in length")
    has_total = source not in ("attendees",)
    table = Table([header, *rows], colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(len(rows) + 1, bold_last=has_total))
    return table


def grid_style(count: int, *, bold_last: bool) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SONG),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if bold_last and count > 2:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.97, 0.97, 0.97)))
    return TableStyle(commands)
