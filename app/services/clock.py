"""Time for the services: "now" comes from `AppContext.clock`; dates are China Standard Time.

Mainland China has one time zone, so the intake year of a case number and "today" for
input checks use UTC+8 whatever the machine's own setting (a laptop left on UTC must not
number a case taken in at 07:00 on 1 January in the old year).
"""

from __future__ import annotations

from datetime import date, datetime

from app.domain.dates import CHINA_TZ as CHINA_TZ


def china_time(moment: datetime) -> datetime:
    return moment.astimezone(CHINA_TZ)


def china_date(moment: datetime) -> date:
    return moment.astimezone(CHINA_TZ).date()


def china_today(now: datetime | None = None) -> date:
    """Today in China: of `now`, or of the machine's clock (the GUI's date pickers start
    here; services use `AppContext.today()`, which reads the context's clock)."""
    return china_date(now if now is not None else datetime.now(CHINA_TZ))
