"""The report's PDF summary: figures, charts drawn with reportlab's graphics, the notes."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.reports.service import Report

PALETTE = (
    "#2F6DB5",
    "#E07B39",
    "#3A9D5D",
    "#C9453E",
    "#8062B0",
    "#9A7B4F",
    "#D264A8",
    "#7F7F7F",
    "#B5B83A",
    "#2BB0C2",
)
NOTES = (
    "调解成功率 = 达成协议的案件 ÷（达成协议 + 调解未成功）；仍在调解中的案件不计入。",
    "依法核算金额为各案最近一次重新计算的依法金额；已回收金额为调解协议项下截至统计日的还款。",
    "账龄为未结案件（未履行完毕、未终结、未转诉讼）自受理之日起的天数。",
)


def bar_chart(title: str, counts: dict[str, int], width: float, height: float) -> Any:
    """A horizontal bar chart of counts (reportlab graphics), labels in the CJK font."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from app.documents.pdf.styles import HEI, SONG

    items = list(counts.items())[:14] or [("—", 0)]
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, title, fontName=HEI, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = 110, 10
    chart.width, chart.height = width - 130, height - 32
    chart.data = [[n for _k, n in reversed(items)]]
    chart.categoryAxis.categoryNames = [_clip(k) for k, _n in reversed(items)]
    chart.categoryAxis.labels.fontName = SONG
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = SONG
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, (max(n for _k, n in items) + 4) // 5)
    chart.bars[0].fillColor = colors.HexColor(PALETTE[0])
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = SONG
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _clip(text: str, most: int = 12) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def amounts_chart(report: Report, width: float, height: float) -> Any:
    """Claimed, lawful, agreed and recovered side by side (yuan)."""
    t = report.totals
    counts = {"主张": t.claimed, "依法核算": t.lawful, "调解": t.agreed, "已回收": t.recovered}
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from app.documents.pdf.styles import HEI, SONG

    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, "金额（万元）", fontName=HEI, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 20, width - 60, height - 45
    chart.data = [[float(v / 10000) for v in counts.values()]]  # drawing coordinates only
    chart.categoryAxis.categoryNames = list(counts)
    chart.categoryAxis.labels.fontName = SONG
    chart.valueAxis.labels.fontName = SONG
    chart.valueAxis.valueMin = 0
    for i in range(len(counts)):
        chart.bars[(0, i)].fillColor = colors.HexColor(PALETTE[i])
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%.1f"
    chart.barLabels.fontName = SONG
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def report_pdf(report: Report, org_name: str) -> bytes:
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

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
    from app.services.reports.service import summary_lines

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
        title="调解工作统计报告",
        creator="Mediation Desk",
    )
    figures = Table(
        [
            [Paragraph(k, st["cell"]), Paragraph(v, st["cell_num"])]
            for k, v in summary_lines(report)
        ],
        colWidths=[FRAME_WIDTH * 0.55, FRAME_WIDTH * 0.45],
    )
    figures.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.4, (0.6, 0.6, 0.6)), ("FONTNAME", (0, 0), (-1, -1), SONG)]
        )
    )
    half = FRAME_WIDTH / 2 - 2 * MM
    charts = Table(
        [
            [
                amounts_chart(report, half, 60 * MM),
                bar_chart("按状态", report.by_status, half, 60 * MM),
            ],
            [
                bar_chart("按调解员", report.by_mediator, half, 45 * MM),
                bar_chart("未结案件账龄", report.ageing, half, 45 * MM),
            ],
            [
                bar_chart("按债权人", report.by_creditor, half, 60 * MM),
                bar_chart("按批次", report.by_batch, half, 60 * MM),
            ],
        ],
        colWidths=[FRAME_WIDTH / 2] * 2,
    )
    story: list[Any] = [
        Paragraph(org_name or "调解组织", st["org"]),
        Paragraph("调解工作统计报告", st["title"]),
        Spacer(1, 3 * MM),
        figures,
        Spacer(1, 5 * MM),
        charts,
        Spacer(1, 4 * MM),
        *[Paragraph(n, st["small"]) for n in NOTES],
    ]
    doc.build(story)
    return out.getvalue()
