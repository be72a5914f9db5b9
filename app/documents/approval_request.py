"""The request to a creditor to approve a settlement outside its mandate (one A4 page).

Plain data in, PDF bytes out: the organisation, the case, what the mandate allows against
what the settlement proposes (each breach), the plan, why, and a reply block the creditor
signs and seals (同意 / 不同意, who, date). The settlement's fingerprint is printed so the
reply is tied to exactly these terms.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from app.documents.pdf.styles import (
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
from app.domain.money import fmt_grouped
from app.domain.numerals import format_date_cn


@dataclass(frozen=True)
class Breach:
    label: str
    limit_text: str
    proposed: str
    over: str


@dataclass(frozen=True)
class ApprovalRequest:
    number: str
    organisation: str
    organisation_phone: str
    creditor: str
    case_no: str
    debtor: str
    batch: str
    lawful_total: Decimal
    settled_total: Decimal
    plan: str
    breaches: tuple[Breach, ...]
    reason: str
    mediator: str
    fingerprint: str
    made: datetime


def render_approval_request(data: ApprovalRequest) -> bytes:
    """The request as a PDF (deterministic for the same data)."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title="超出授权调解方案批准申请",
        author="",
        creator="Mediation Desk",
        subject=data.number,
    )

    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, st[style])

    story: list[Any] = [
        p(escape(data.organisation), "org"),
        p("超出授权调解方案批准申请", "title"),
        p(f"（{escape(data.number)}）", "number"),
        p(f"{escape(data.creditor)}：", "plain"),
        p(_opening(data)),
        _table(data),
        Spacer(1, 3 * MM),
        p(f"还款安排：{escape(data.plan)}"),
    ]
    if data.reason:
        story.append(p(f"调解员说明：{escape(data.reason)}"))
    story += [
        p(
            "请贵方审核上述方案，并在下方签署意见、加盖印章后，将原件或扫描件交回本组织。"
            "贵方批准前，本组织不会安排各方签署该调解协议。"
        ),
        p(f"联系人：{escape(data.mediator)}　联系电话：{escape(data.organisation_phone)}", "plain"),
        p(f"{escape(data.organisation)}<br/>{format_date_cn(data.made.date())}", "right"),
        Spacer(1, 4 * MM),
        _reply(),
        Spacer(1, 2 * MM),
        p(f"方案指纹（SHA-256）：{data.fingerprint}", "small"),
    ]
    doc.build(story, onFirstPage=_footer(data.number), onLaterPages=_footer(data.number))
    return out.getvalue()


def _opening(data: ApprovalRequest) -> str:
    batch = f"（{escape(data.batch)}）" if data.batch else ""
    return (
        f"贵方委托本组织调解的案件 {escape(data.case_no)}{batch}，债务人{escape(data.debtor)}，"
        f"经重新计算依法应还 {fmt_grouped(data.lawful_total)} 元。经调解，双方初步商定的和解"
        f"金额为 {fmt_grouped(data.settled_total)} 元，有以下 {len(data.breaches)} 项超出贵方授权："
    )


def _table(data: ApprovalRequest) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    head = ["授权项目", "贵方授权", "本方案", "超出"]
    rows = [[Paragraph(h, st["cell_head"]) for h in head]]
    for b in data.breaches:
        rows.append(
            [Paragraph(escape(t), st["cell"]) for t in (b.label, b.limit_text, b.proposed, b.over)]
        )
    table = Table(rows, colWidths=[36 * MM, 56 * MM, 34 * MM, 34 * MM], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), SONG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
            ]
        )
    )
    return table


def _reply() -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = styles()
    text = (
        "债权人意见：　□ 同意按上述方案调解　　□ 不同意<br/><br/>"
        "其他意见：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿<br/><br/>"
        "经办人（签字）：＿＿＿＿＿＿　职务：＿＿＿＿＿＿<br/><br/>"
        "债权人（盖章）　　　　　　　　　日期：　　年　　月　　日"
    )
    table = Table([[Paragraph(text, st["plain"])]], colWidths=[160 * MM], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _footer(number: str) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(SONG, 9)
        page = canvas.getPageNumber()
        canvas.drawCentredString(PAGE_WIDTH / 2, 15 * MM, f"{number}　第 {page} 页")
        canvas.restoreState()

    return draw
