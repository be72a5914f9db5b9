"""Canonical JSON: the bytes a hash covers (audit events, recalculation snapshots, a
document's content record) — keys sorted, no whitespace, UTF-8 with non-ASCII kept, no NaN."""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """The same value always gives the same bytes."""
    text = json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    return text.encode("utf-8")
