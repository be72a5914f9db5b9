"""Calendar arithmetic the rules share."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta, timezone

CHINA_TZ = timezone(timedelta(hours=8), "CST")
"""China Standard Time: mainland China has one time zone (the services' dates are in it)."""

_WRITTEN_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def add_months(start: date, months: int) -> date:
    """`start` moved by whole calendar months (back when negative), on the same day or,
    when the month is shorter, on its last day (31 January + 1 month = 28/29 February)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def parse_date(text: str) -> date | None:
    """`2021-03-15`, `2021/3/15` or `2021年3月15日`; None when it is not a date."""
    found = _WRITTEN_DATE.match(text.strip())
    if not found:
        return None
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None
