"""The core's messages in English, without Qt: the core writes Chinese, and a finished
message is translated where it is shown (a refusal, a recalculation note, a CLI error).
Documents never pass through here: they stay Chinese.

The catalogue `resources/translations/core_en.json` maps each template the core writes
(`tools/extract_core_messages.py` collects them: "身份证号最后一位校验码应为{0}，请核对。")
to English with the same fields. The vocabularies Qt translates (the `labels`, `roles` and
`session_wizard` contexts of `mediation_desk_en.ts`) count as templates without fields.

`translate(text)` finds a template the whole text fits, trying each way of cutting the
values where a literal repeats and preferring the one whose values are themselves
translated (a label, another message); failing that, it reads the text from left to right,
translating each template that starts where it stands (a note made of pieces joined with
`+`) and passing the rest through, its Chinese punctuation made English. Text with Chinese
left in it comes back as it was, logged at DEBUG.
"""

from __future__ import annotations

import json
import logging
import os
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from app.paths import resource

log = logging.getLogger(__name__)

LANG_ENV = "MEDIATION_DESK_LANG"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
FIELD = re.compile(r"\{(\w*)(?:[!:][^{}]*)?\}")  # {0}, {name}, {seconds:.0f}
QT_CONTEXTS = ("labels", "roles", "session_wizard")
PUNCTUATION = {
    "，": ", ", "；": "; ", "：": ": ", "。": ". ", "、": ", ", "（": " (", "）": ")",
    "“": '"', "”": '"', "《": "", "》": "", "！": "! ", "？": "? ", "　": " ",
}
VALUE_END = re.compile(r"[0-9A-Za-z_.\-/%+:×]*[0-9A-Za-z_%]")  # a number, date or code

_language = "zh_CN"


def normal_language(value: str | None) -> str | None:
    """`en`, `en_US.UTF-8` → "en"; `zh`, `zh-CN` → "zh_CN"; anything else None."""
    text = (value or "").replace("-", "_").split(".")[0].lower()
    if text.startswith("en"):
        return "en"
    if text.startswith("zh"):
        return "zh_CN"
    return None


def set_language(language: str) -> None:
    """The language `tr` translates into (the GUI's, or the CLI's `--lang`)."""
    global _language
    _language = normal_language(language) or "zh_CN"


def language_from_environment() -> str:
    return normal_language(os.environ.get(LANG_ENV)) or "zh_CN"


def current_language() -> str:
    return _language


def tr(text: str) -> str:
    """`text` in the current language (Chinese is the source: returned as is)."""
    return translate(text, _language)


def translate(text: str, language: str = "en") -> str:
    """A finished Chinese message of the core in `language`; unknown text as it was."""
    if normal_language(language) != "en" or not CHINESE.search(text):
        return text
    english, complete = _english(text)
    if not complete:
        log.debug("no English for %r", text)
        return text
    return _capitalised(english)


def _capitalised(english: str) -> str:
    """A message starts with a capital, unless it starts with a code (`cap.annual_rate`)."""
    first = re.match(r"[a-z]+(?![\w.\[])", english)
    return english[0].upper() + english[1:] if first else english


@dataclass(frozen=True)
class Template:
    """A catalogue entry cut into literals and fields: ("应为", None), (None, "0")…"""

    source: str
    english: str
    pieces: tuple[tuple[str, str | None], ...]  # (literal, "") or ("", field name)
    weight: int  # the literal characters: the more, the more specific

    @property
    def head(self) -> str:
        literal, field = self.pieces[0]
        return literal if field is None else ""


def _pieces(source: str) -> tuple[tuple[str, str | None], ...]:
    out: list[tuple[str, str | None]] = []
    at = 0
    for found in FIELD.finditer(source):
        if found.start() > at:
            out.append((source[at:found.start()], None))
        out.append(("", found.group(1)))
        at = found.end()
    if at < len(source):
        out.append((source[at:], None))
    return tuple(out)


@dataclass(frozen=True)
class Catalogue:
    exact: dict[str, str]
    templates: tuple[Template, ...]  # with fields, the most specific first
    by_head: dict[str, tuple[Template, ...]]  # by a template's first character, for prefixes
    longest: int  # the longest text without fields


def _qt_labels() -> dict[str, str]:
    """The vocabularies' English from Qt's translation source (read as XML, no Qt)."""
    path = resource("translations") / "mediation_desk_en.ts"
    if not path.exists():
        return {}
    found: dict[str, str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        if context.findtext("name") not in QT_CONTEXTS:
            continue
        for message in context.iter("message"):
            source, english = message.findtext("source"), message.findtext("translation")
            if source and english:
                found.setdefault(source, english)
    return found


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    path = resource("translations") / "core_en.json"
    with path.open(encoding="utf-8") as handle:
        entries: dict[str, str] = {**_qt_labels(), **json.load(handle)}
    exact = {k: v for k, v in entries.items() if not FIELD.search(k)}
    templates = sorted(
        (Template(k, v, p := _pieces(k), sum(len(lit) for lit, f in p if f is None))
         for k, v in entries.items() if FIELD.search(k)),
        key=lambda t: -t.weight,
    )
    heads: dict[str, list[Template]] = {}
    for t in templates:
        if t.head:
            heads.setdefault(t.head[0], []).append(t)
    for key in exact:
        heads.setdefault(key[0], [])
    longest = max((len(k) for k in exact), default=0)
    return Catalogue(exact, tuple(templates), {k: tuple(v) for k, v in heads.items()}, longest)


@lru_cache(maxsize=4096)
def _english(text: str) -> tuple[str, bool]:
    """(English, True) when every Chinese character of `text` was translated."""
    if not CHINESE.search(text):
        return text, True
    found = catalogue().exact.get(text)
    if found is not None:
        return found, True
    whole = _whole(text)
    if whole is not None and whole[1]:
        return whole
    read = _read(text)
    return read if read[1] or whole is None else whole


def _fill(template: Template, values: dict[str, str]) -> tuple[str, bool]:
    translated = {name: _english(value) for name, value in values.items()}
    english = FIELD.sub(lambda m: translated.get(m.group(1), (m.group(0), True))[0],
                        template.english)
    return english, all(ok for _, ok in translated.values())


def _whole(text: str) -> tuple[str, bool] | None:
    """The best template the whole of `text` fits, filled in; None when none fits."""
    partial: tuple[str, bool] | None = None
    for template in catalogue().templates:
        if not all(lit in text for lit, field in template.pieces if field is None):
            continue
        for values, _end in _splits(text, template.pieces, 0, {}):
            filled = _fill(template, values)
            if filled[1]:
                return filled
            partial = partial or filled
    return partial


def _splits(
    text: str, pieces: tuple[tuple[str, str | None], ...], at: int, bound: dict[str, str],
    *, prefix: bool = False,
) -> Iterator[tuple[dict[str, str], int]]:
    """Each way `pieces` cut `text[at:]` into values, with where the match ends: at the end
    of `text`, or anywhere when `prefix` (a last field is then a number, date or code)."""
    if not pieces:
        if prefix or at == len(text):
            yield bound, at
        return
    literal, field = pieces[0]
    rest = pieces[1:]
    if field is None:
        if text.startswith(literal, at):
            yield from _splits(text, rest, at + len(literal), bound, prefix=prefix)
        return
    if field in bound:
        if text.startswith(bound[field], at):
            yield from _splits(text, rest, at + len(bound[field]), bound, prefix=prefix)
        return
    if not rest:
        value = VALUE_END.match(text, at) if prefix else None
        if value:
            yield {**bound, field: value.group()}, value.end()
        elif not prefix and at < len(text):
            yield {**bound, field: text[at:]}, len(text)
        return
    follow = rest[0][0] if rest[0][1] is None else ""
    ends = _occurrences(text, follow, at + 1) if follow else iter(range(at + 1, len(text)))
    for end in ends:
        yield from _splits(text, rest, end, {**bound, field: text[at:end]}, prefix=prefix)


def _occurrences(text: str, literal: str, start: int) -> Iterator[int]:
    found = text.find(literal, start)
    while found >= 0:
        yield found
        found = text.find(literal, found + 1)


def _read(text: str) -> tuple[str, bool]:
    """`text` from left to right: the longest template or label starting at each place,
    else the character itself (Chinese punctuation made English)."""
    book = catalogue()
    opening = tuple(  # templates that open with a field and whose literals all are in text
        t for t in book.templates
        if not t.head and all(lit in text for lit, field in t.pieces if field is None)
    )
    out: list[str] = []
    complete = True
    at = 0
    while at < len(text):
        best = _longest_at(text, at, book, opening)
        if best is not None:
            if out and out[-1][-1:] in ".;:!?)" and best[0][:1].isalnum():
                out.append(" ")  # "…again." + "Also, …": two sentences joined with `+`
            out.append(best[0])
            at = best[1]
            continue
        char = text[at]
        complete = complete and not CHINESE.match(char)
        out.append(PUNCTUATION.get(char, char))
        at += 1
    joined = re.sub(r" {2,}", " ", "".join(out)).strip()
    return joined.replace(" )", ")").replace("( ", "("), complete


def _longest_at(
    text: str, at: int, book: Catalogue, opening: tuple[Template, ...]
) -> tuple[str, int] | None:
    """The label or template (filled in, every value translated) at `text[at:]` that
    matches the most of its own words (then the longest): "实现债权费用" in
    "实现债权费用→利息", not "{0}利息" with "实现债权费用→" for its value."""
    best: tuple[int, int, str] | None = None  # (own words, end, English)
    for size in range(min(len(text) - at, book.longest), 0, -1):
        piece = text[at:at + size]
        if piece in book.exact:
            best = (size, at + size, book.exact[piece])
            break
    for template in book.by_head.get(text[at], ()) + opening:
        if best is not None and template.weight < best[0]:
            continue
        for values, end in _splits(text, template.pieces, at, {}, prefix=True):
            first = template.pieces[0][1]
            if first is not None and not CHINESE.search(values[first]):
                continue  # a template opening with a field opens with a message, not "→"
            english, ok = _fill(template, values)
            if ok and (best is None or (template.weight, end) > best[:2]):
                best = (template.weight, end, english)
                break
    return None if best is None else (best[2], best[1])
