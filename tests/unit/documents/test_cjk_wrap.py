"""A closing mark never opens a line of a PDF paragraph: "）。" at a line's end stays
together (the character before them goes down with them), at every width."""

from __future__ import annotations

from app.documents.pdf.styles import CANNOT_START_ZH, styles

TEXT = (
    "一、判令被告薛美玲向原告偿还借款本金150,000.00元（人民币壹拾伍万元整）。"
    "以上请求中的金额系截至2026年6月30日依照法律、司法解释的规定核算，合计"
    "299,100.00元（人民币贰拾玖万玖仟壹佰元整），核算明细见《债权金额计算说明》。"
)


MARKED = TEXT.replace("150,000.00元", "<u>150,000.00元</u>")  # several runs: cjkFragSplit


def lines_at(width: float, text: str = TEXT) -> list[str]:
    from reportlab.platypus import Paragraph

    para = Paragraph(text, styles()["body"])
    para.wrap(width, 10_000)
    if para.blPara.kind == 0:
        return ["".join(words) for _extra, words in para.blPara.lines]
    return ["".join(w.text for w in line.words) for line in para.blPara.lines]


def test_no_line_starts_with_a_closing_mark() -> None:
    from reportlab.platypus import paragraph

    styles()
    ALL_CANNOT_START = paragraph.ALL_CANNOT_START
    marks = set(CANNOT_START_ZH) | set("。、）")
    assert marks <= set(ALL_CANNOT_START)
    for text in (TEXT, MARKED):
        for width in range(240, 480, 3):
            lines = lines_at(width, text)
            assert "".join(lines) == TEXT, width
            starts = [line[0] for line in lines[1:] if line]
            assert not marks & set(starts), (width, lines)


def test_a_line_pulled_short_is_still_justified_to_the_width() -> None:
    from reportlab.platypus import Paragraph

    width = 270.0  # where "》" and "。" ended two lines before
    para = Paragraph(TEXT, styles()["body"])
    para.wrap(width, 10_000)
    lines = para.blPara.lines
    assert para.blPara.kind == 0 and len(lines) > 3
    font, size = para.frags[0].fontName, para.frags[0].fontSize
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for extra, (text,) in lines[1:-1]:  # the first is indented, the last is not justified
        assert abs(stringWidth(text, font, size) + extra - width) < 0.01, text
