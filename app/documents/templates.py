"""Document templates: the wording, in `resources/templates/<kind>.v<version>.toml`.

A template is a title and a list of blocks (`[[blocks]]`, each with a `type`): number,
subtitle, heading, paragraph, items, list, parties, fields, table, signatures, issuer,
spacer, page_break, include. Text holds placeholders such as `{debtor.name}` or
`{settlement.total}` (see `app.documents.context`); a block or item with `when = "path"`
is kept only when that value is true (`when = "not path"` for the opposite). A `parts`
list is joined with its separator and each part with an empty placeholder is left out,
so optional details (a phone, an agent) never leave a dangling label.
"""

from __future__ import annotations

import string
import tomllib
from functools import cache
from typing import Any

from app.paths import resource

TEMPLATE_DIR = ("templates",)
_FORMATTER = string.Formatter()


class TemplateError(Exception):
    """A template refers to a value that does not exist or is malformed (a bug, not input)."""


@cache
def load_template(kind: str, version: int = 1) -> dict[str, Any]:
    """The parsed template of `kind`, version `version` (cached per process)."""
    path = resource(*TEMPLATE_DIR, f"{kind}.v{version}.toml")
    try:
        with path.open("rb") as handle:
            template = tomllib.load(handle)
    except FileNotFoundError:
        raise TemplateError(f"no template {path.name}") from None
    if template.get("kind") != kind or template.get("version") != version:
        raise TemplateError(f"{path.name}: kind/version do not match its name")
    return template


def fill(text: str, ctx: dict[str, Any]) -> str:
    """`text` with its placeholders replaced from `ctx`."""
    try:
        return text.format_map(ctx)
    except (AttributeError, KeyError, IndexError, ValueError) as error:
        raise TemplateError(f"template text {text[:30]!r}…: {error!r}") from error


def _field_value(field: str, ctx: dict[str, Any]) -> Any:
    value, _ = _FORMATTER.get_field(field, (), ctx)
    return value


def has_values(text: str, ctx: dict[str, Any]) -> bool:
    """True when every placeholder in `text` has a non-empty value."""
    fields = [f for _, f, _, _ in _FORMATTER.parse(text) if f]
    try:
        return all(str(_field_value(f, ctx)) for f in fields)
    except (AttributeError, KeyError, IndexError) as error:
        raise TemplateError(f"template text {text[:30]!r}…: {error!r}") from error


def fill_parts(parts: list[str], ctx: dict[str, Any], sep: str = "，", end: str = "") -> str:
    """The parts whose values are all there, filled and joined: no phone, no "联系电话："."""
    kept = [fill(p, ctx) for p in parts if has_values(p, ctx)]
    return sep.join(kept) + (end if kept else "")


def is_wanted(block: dict[str, Any] | str, ctx: dict[str, Any]) -> bool:
    """The block's `when` condition (true when it has none)."""
    if isinstance(block, str) or "when" not in block:
        return True
    condition = str(block["when"]).strip()
    negate = condition.startswith("not ")
    path = condition[4:].strip() if negate else condition
    try:
        value = bool(_field_value(path, ctx))
    except (AttributeError, KeyError, IndexError) as error:
        raise TemplateError(f"when = {condition!r}: {error!r}") from error
    return not value if negate else value


def item_text(item: dict[str, Any] | str) -> str:
    return item if isinstance(item, str) else str(item["text"])
