"""How values look on screen: masked identifiers, grouped money, percentages, local times.

Pure functions over plain values, so the table model, the detail pane and tests agree.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.domain.money import fmt_grouped


def mask_middle(text: str, keep_start: int, keep_end: int) -> str:
    """`text` with everything but its first and last characters replaced by `*`."""
    if not text:
        return ""
    if len(text) <= keep_start + keep_end:
        keep_start, keep_end = 0, min(keep_end, max(len(text) - 2, 0))
    hidden = len(text) - keep_start - keep_end
    return text[:keep_start] + "*" * hidden + (text[len(text) - keep_end :] if keep_end else "")


def mask_id_number(number: str) -> str:
    """`420102199003071234` → `4201**********1234`."""
    return mask_middle(number.strip(), 4, 4)


def mask_phone(phone: str) -> str:
    """`13812345678` → `138****5678`."""
    return mask_middle(phone.strip(), 3, 4)


def money(amount: Decimal | None) -> str:
    """Yuan with thousands separators and two decimals; empty for no amount."""
    return "" if amount is None else fmt_grouped(amount)


def percent(rate: Decimal | None) -> str:
    """An annual fraction as a percentage: `0.18` → `18%`, `0.0435` → `4.35%`."""
    if rate is None:
        return ""
    value = (rate * 100).quantize(Decimal("0.0001")).normalize()
    text = f"{value:f}"
    return f"{text}%"


def iso_date(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def local_time(moment: datetime | None) -> str:
    """A UTC timestamp in the computer's local time, to the minute."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
