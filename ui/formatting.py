"""How values look on screen: grouped money, percentages, local times.

Pure functions over plain values, so the table model, the detail pane and tests agree.
Identifiers are masked by `app.domain.identifiers.mask_id` / `mask_phone`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.domain.money import fmt_grouped


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
    """A UTC timestamp in China time (Asia/Shanghai, as every document and date of the app),
    whatever the computer's zone, to the minute."""
    if moment is None:
        return ""
    from app.services.clock import CHINA_TZ

    return moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
