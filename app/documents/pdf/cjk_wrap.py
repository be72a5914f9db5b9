"""Chinese line breaking that keeps closing marks together: no line opens with "。" or "）".

reportlab's CJK wrap (`textsplit.wordSplit` for a paragraph of one font run,
`paragraph.cjkFragSplit` for several) hangs ONE closing mark in the right margin when it
overflows; a second one ("）。", "”。") then opens the next line alone. These wrappers run
reportlab's own splitter and, where a line would open with a mark that cannot start one,
run it again with that line's width shortened by a hair, so the character before the marks
goes down with them (the usual 推入 rule of Chinese typesetting); the shortened line is still
justified to the full width. `install()` puts them in place of reportlab's (once, from
`styles.register_fonts`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

HAIR = 0.5  # points: less than any glyph is wide
MAX_ROUNDS = 40


def _widths(max_widths: Any) -> list[float]:
    return [float(w) for w in max_widths] if isinstance(max_widths, list | tuple) else [
        float(max_widths)]  # fmt: skip


def _width_of(widths: list[float], k: int) -> float:
    return widths[k] if k < len(widths) else widths[-1]


def _shortened(widths: list[float], k: int, width: float) -> list[float]:
    out = widths + [widths[-1]] * max(0, k + 1 - len(widths))
    out[k] = width
    return out


def _first_opening_mark(texts: list[str], cannot_start: str, breaks: list[bool]) -> int | None:
    """The index of the line before the first line that opens with a closing mark."""
    for k in range(len(texts) - 1):
        following = texts[k + 1]
        if following and following[0] in cannot_start and not breaks[k] and len(texts[k]) > 1:
            return k
    return None


def word_split(original: Callable[..., Any]) -> Callable[..., Any]:
    """`textsplit.wordSplit` keeping closing marks together (lines: [extraSpace, text])."""

    def split(word: str, max_widths: Any, font_name: str, font_size: float, *rest: Any) -> Any:
        from reportlab.lib import textsplit
        from reportlab.pdfbase.pdfmetrics import stringWidth

        given = _widths(max_widths)
        widths = list(given)
        lines = original(word, widths, font_name, font_size, *rest)
        for _ in range(MAX_ROUNDS):
            texts = [str(line[1]) for line in lines]
            k = _first_opening_mark(texts, textsplit.ALL_CANNOT_START, [False] * len(texts))
            if k is None:
                break
            width = stringWidth(texts[k][:-1], font_name, font_size) - HAIR
            widths = _shortened(widths, k, width)
            lines = original(word, widths, font_name, font_size, *rest)
        for k, line in enumerate(lines):
            line[0] += _width_of(given, k) - _width_of(widths, k)
        return lines

    return split


def frag_split(original: Callable[..., Any]) -> Callable[..., Any]:
    """`paragraph.cjkFragSplit` keeping closing marks together (lines: FragLine)."""

    def split(frags: Any, max_widths: Any, calc_bounds: Any, *rest: Any) -> Any:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import paragraph

        given = _widths(max_widths)
        widths = list(given)
        result = original(frags, widths, calc_bounds, *rest)
        for _ in range(MAX_ROUNDS):
            lines = result.lines
            texts = ["".join(str(w.text) for w in line.words) for line in lines]
            breaks = [bool(getattr(line, "lineBreak", False)) for line in lines]
            k = _first_opening_mark(texts, paragraph.ALL_CANNOT_START, breaks)
            if k is None:
                break
            last = lines[k].words[-1]
            used = float(lines[k].currentWidth)
            width = used - stringWidth(texts[k][-1], last.fontName, last.fontSize) - HAIR
            widths = _shortened(widths, k, width)
            result = original(frags, widths, calc_bounds, *rest)
        for k, line in enumerate(result.lines):
            gained = _width_of(given, k) - _width_of(widths, k)
            if gained:
                line.extraSpace += gained
                line.maxWidth = _width_of(given, k)
        return result

    return split


def install() -> None:
    """Replace reportlab's CJK splitters (where paragraphs look them up) with the above."""
    from reportlab.platypus import paragraph

    if getattr(paragraph.wordSplit, "keeps_marks", False):
        return
    for name, wrap in (("wordSplit", word_split), ("cjkFragSplit", frag_split)):
        replacement = wrap(getattr(paragraph, name))
        replacement.keeps_marks = True  # type: ignore[attr-defined]
        setattr(paragraph, name, replacement)
