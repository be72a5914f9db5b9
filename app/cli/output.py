"""Printing for the CLI: JSON with Decimals as strings, and tables that line up Chinese text."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any


def jsonable(value: Any) -> Any:
    """Plain JSON data: dataclasses as objects, Decimal as its exact string, dates ISO."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, float):
        raise TypeError("floats are not printed; use Decimal")
    return value


def print_json(value: Any) -> None:
    print(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    """At most `limit` columns, ending in "…" when cut."""
    if width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def pad(text: str, columns: int, right: bool = False) -> str:
    gap = " " * max(columns - width(text), 0)
    return gap + text if right else text + gap


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int] | None = None
) -> str:
    """A plain-text table; columns in `right` are right-aligned (amounts)."""
    right = right or set()
    sizes = [width(h) for h in headers]
    for row in rows:
        sizes = [max(s, width(c)) for s, c in zip(sizes, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = (pad(c, s, i in right) for i, (c, s) in enumerate(zip(cells, sizes, strict=True)))
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), line(["-" * s for s in sizes]), *map(line, rows)])


def local_time(moment: datetime | None) -> str:
    """China time (Asia/Shanghai), as the GUI and the documents show it."""
    from app.services.clock import CHINA_TZ

    return moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M") if moment else ""


def percent(rate: Decimal | None) -> str:
    """0.0612 → "6.12%"."""
    if rate is None:
        return ""
    return f"{(rate * 100).normalize():f}%"
