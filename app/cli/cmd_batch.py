"""`python -m app batch list|show|withdraw|assign|summary` (filled in below)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    sub.add_parser("batch", help="intake batches")
