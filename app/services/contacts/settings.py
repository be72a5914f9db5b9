"""The centre's settings for contacting people and keeping their data (in `app_setting`).

    rules = conduct_settings(ctx)                 # allowed hours, attempts a day per person
    set_conduct_settings(ctx, by, "08:00", "21:00", 3)
    retention_years(ctx); set_retention_years(ctx, by, 5)

Hours are China Standard Time (UTC+8; mainland China has one time zone, Asia/Shanghai).
Changing them is a supervisor's act (the `organisation` permission), audited.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from app.domain.contacts import ConductSettings
from app.domain.errors import InputError, Problem
from app.domain.privacy_notice import (
    DEFAULT_RETENTION_YEARS,
    MAX_RETENTION_YEARS,
    MIN_RETENTION_YEARS,
)
from app.store.accounts import AppSetting

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.organisation.accounts import SignedIn
    from app.store.unit_of_work import UnitOfWork

HOURS_START, HOURS_END = "contacts.hours_start", "contacts.hours_end"
MAX_PER_DAY = "contacts.max_per_day"
RETENTION = "privacy.retention_years"
DEFAULTS = ConductSettings()
MAX_ATTEMPTS_LIMIT = 10


def conduct_settings(ctx: AppContext) -> ConductSettings:
    with ctx.read() as uow:
        return conduct_in(uow)


def conduct_in(uow: UnitOfWork) -> ConductSettings:
    """The settings as stored (defaults for what is missing or unreadable)."""
    values = _values(uow, (HOURS_START, HOURS_END, MAX_PER_DAY))
    try:
        start = _time(values.get(HOURS_START)) or DEFAULTS.start
        end = _time(values.get(HOURS_END)) or DEFAULTS.end
        limit = int(values.get(MAX_PER_DAY) or DEFAULTS.max_per_day)
    except ValueError:
        return DEFAULTS
    return ConductSettings(start, end, limit)


def set_conduct_settings(
    ctx: AppContext, by: SignedIn, start: str, end: str, max_per_day: int | str
) -> ConductSettings:
    """Change the allowed hours ("HH:MM", China time) and the attempts a day per person."""
    from app.services.organisation.accounts import require

    require(by, "organisation")
    problems: list[Problem] = []
    begin, finish = (
        _checked_time(start, "hours_start", problems),
        _checked_time(end, "hours_end", problems),
    )
    if begin and finish and begin >= finish:
        problems.append(Problem("hours_end", "结束时间须晚于开始时间（如 08:00 至 21:00）。"))
    limit = _checked_limit(max_per_day, problems)
    if problems:
        raise InputError(problems)
    assert begin is not None and finish is not None and limit is not None
    chosen = ConductSettings(begin, finish, limit)
    with ctx.store.write(by.username, ctx.now()) as uow:
        _store(uow, HOURS_START, f"{begin:%H:%M}")
        _store(uow, HOURS_END, f"{finish:%H:%M}")
        _store(uow, MAX_PER_DAY, str(limit))
        detail = {"hours": chosen.hours_text(), "max_per_day": limit}
        uow.record("settings.contact_rules", detail=detail)
    return chosen


def retention_years(ctx: AppContext) -> int:
    with ctx.read() as uow:
        return retention_in(uow)


def retention_in(uow: UnitOfWork) -> int:
    value = _values(uow, (RETENTION,)).get(RETENTION)
    try:
        return int(value) if value else DEFAULT_RETENTION_YEARS
    except ValueError:
        return DEFAULT_RETENTION_YEARS


def set_retention_years(ctx: AppContext, by: SignedIn, years: int | str) -> int:
    """How many years after closing a case its personal data is kept (the centre's rule)."""
    from app.services.organisation.accounts import require

    require(by, "organisation")
    try:
        chosen = int(str(years).strip())
    except ValueError:
        chosen = 0
    if not MIN_RETENTION_YEARS <= chosen <= MAX_RETENTION_YEARS:
        reason = f"保存期限为 {MIN_RETENTION_YEARS}–{MAX_RETENTION_YEARS} 年的整数（结案后起算）。"
        raise InputError([Problem("retention_years", reason)])
    with ctx.store.write(by.username, ctx.now()) as uow:
        _store(uow, RETENTION, str(chosen))
        uow.record("settings.retention", detail={"years": chosen})
    return chosen


def _values(uow: UnitOfWork, names: tuple[str, ...]) -> dict[str, str]:
    from sqlalchemy import select

    rows = uow.session.scalars(select(AppSetting).where(AppSetting.name.in_(names)))
    return {row.name: row.value for row in rows}


def _store(uow: UnitOfWork, name: str, value: str) -> None:
    row = uow.session.get(AppSetting, name)
    if row is None:
        uow.session.add(AppSetting(name=name, value=value))
    else:
        row.value = value


def _time(text: str | None) -> time | None:
    if not text:
        return None
    hours, minutes = text.strip().split(":")
    return time(int(hours), int(minutes))


def _checked_time(text: str, field: str, problems: list[Problem]) -> time | None:
    try:
        found = _time(text)
    except ValueError:
        found = None
    if found is None:
        problems.append(Problem(field, f"时间“{text}”无法识别：请写成 时:分，如 08:00。"))
    return found


def _checked_limit(value: int | str, problems: list[Problem]) -> int | None:
    try:
        limit = int(str(value).strip())
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_ATTEMPTS_LIMIT:
        reason = (
            f"每人每天联系次数为 1–{MAX_ATTEMPTS_LIMIT} 的整数（默认 {DEFAULTS.max_per_day}）。"
        )
        problems.append(Problem("max_per_day", reason))
        return None
    return limit
