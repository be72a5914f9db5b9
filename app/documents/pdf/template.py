"""Document templates: the wording, in `resources/templates/docs/<kind>.v<N>.toml`.

A template is a title and a list of blocks, each `[[block]]` with a `type`:

- `para`: `text`, or `parts` (a part whose placeholders are all empty is left out; the
  rest are joined with "，" and end with "。"); `style` one of body, plain, heading,
  center, right, small.
- `rows`: the same for every row of a `source` (parties, creditors, debtors, statements,
  attendees, plan, amounts), with the row's own placeholders.
- `table`: `source`, `columns = [[head, cell, width_mm], ...]`, optional `total` (cells).
- `signatures`, `seal`: the signature lines and the organisation's seal.
- `spacer`: `height` in millimetres.

`keep_with_previous = true` keeps a block on the same page as the one before it
(signature lines, the seal). `when = "flag"` keeps a block only when that value is
non-empty, `unless` the opposite.
Placeholders are `{name.part}`; an unknown one is a bug in the template (KeyError).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from app.paths import resource

TEMPLATE_VERSION = 1
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")


@dataclass(frozen=True)
class Template:
    kind: str
    version: int
    title: str
    blocks: tuple[dict[str, Any], ...]
    letterhead: bool = True
    """The organisation's name above the title (`letterhead = false`: a party's own paper)."""


@cache
def load_template(kind: str, version: int = TEMPLATE_VERSION) -> Template:
    """The template of `kind` (parsed once per process)."""
    path = resource("templates", "docs", f"{kind}.v{version}.toml")
    with path.open("rb") as f:
        raw = tomllib.load(f)
    letterhead = bool(raw.get("letterhead", True))
    return Template(kind, int(raw["version"]), str(raw["title"]), tuple(raw["block"]), letterhead)


def fill(text: str, values: Mapping[str, str], *, markup: bool = True) -> str:
    """Replace each `{key}` by its value (XML-escaped when `markup`, for Paragraph)."""

    def one(m: re.Match[str]) -> str:
        value = values[m.group(1)]
        return escape(value) if markup else value

    return _PLACEHOLDER.sub(one, text)


def placeholders(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def fill_parts(parts: list[str], values: Mapping[str, str]) -> str:
    """Join the parts with a value ("，"), ending with "。"; empty parts are left out."""
    kept = [
        fill(p, values) for p in parts
        if not placeholders(p) or any(values[k].strip() for k in placeholders(p))
    ]  # fmt: skip
    return "，".join(kept) + "。" if kept else ""


def block_kept(block: Mapping[str, Any], values: Mapping[str, str]) -> bool:
    """The block's `when`/`unless` conditions hold."""
    when, unless = block.get("when"), block.get("unless")
    if when and not values[when].strip():
        return False
    return not (unless and values[unless].strip())


def block_text(block: Mapping[str, Any], values: Mapping[str, str]) -> str:
    """A para's text, filled: `text` or `parts`."""
    if values.get("is_org") and "parts_org" in block:
        return fill_parts(list(block["parts_org"]), values)
    if "parts" in block:
        return fill_parts(list(block["parts"]), values)
    return fill(str(block.get("text", "")), values)
