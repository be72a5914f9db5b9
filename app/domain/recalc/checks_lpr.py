"""The LPRs an input needs: the regime's (on the formation or filing date) and, for a
private loan with no rate agreed, the default overdue rate's (art. 28, or 6 % before
2020-08-20 and then the LPR on the later of the overdue day and 2020-08-20)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.domain.errors import Problem
from app.domain.lpr import LprTable
from app.domain.recalc.model import (
    LENDER_TYPES,
    PRIVATE,
    TRANSITION,
    formation_date,
    no_rate_agreed,
)
from app.domain.recalc.regime import build_regime
from app.domain.recalc.schedule import due_dates

if TYPE_CHECKING:
    from app.domain.recalc.checks import Draft


def check_lpr(d: Draft, lpr: LprTable, out: list[Problem]) -> None:
    """LPRs the regime or the default overdue rate needs (once their inputs are sound)."""
    if d.lender_type not in LENDER_TYPES or d.contract_date is None or d.as_of is None:
        return
    assert d.lender_type is not None
    if d.disbursement_date is None:
        return  # unreadable or out of range: already reported
    person = bool(d.lender_person)
    formed = formation_date(d.lender_type, person, d.contract_date, d.disbursement_date)
    formed_path = "contract_date" if formed == d.contract_date else "disbursement_date"
    filing = d.filing_date or d.as_of
    if out:  # the overdue days need a sound schedule; the regime only these dates
        _, problems = build_regime(d.lender_type, formed, filing, d.as_of, None, lpr, formed_path)
        out.extend(problems if d.cap_rate is None else [])
        return
    _, problems = build_regime(
        d.lender_type, formed, filing, d.as_of, d.cap_rate, lpr, formed_path
    )
    out.extend(problems)
    if d.lender_type != PRIVATE or not no_rate_agreed(d.annual_rate, d.overdue_rate):
        return
    for day in lpr_days(_overdue_days(d), formed, d.as_of):
        if lpr.one_year_on(day) is None:
            out.append(
                Problem("overdue_rate", f"no LPR on {day.isoformat()}（该日早于 LPR 表首行，"
                        "无法按 LPR 计逾期利息；请填写 overdue_rate）")
            )
            return


def lpr_days(overdue_days: list[date], formed: date, as_of: date) -> list[date]:
    """The days whose LPR the default overdue rate of a private loan uses.

    Formed before 2020-08-20: the spans before that day run at 6 %, so an LPR is needed
    only when `as_of` is later, and then on the later of each overdue day and 2020-08-20.
    """
    if formed >= TRANSITION:
        return overdue_days
    if as_of <= TRANSITION:
        return []
    return sorted({max(day, TRANSITION) for day in overdue_days})


def _overdue_days(d: Draft) -> list[date]:
    """The days amounts fall overdue by the as_of date (each due date, the acceleration)."""
    assert d.as_of is not None and d.disbursement_date is not None
    end = min(d.as_of, d.accelerated_on or d.as_of)
    if d.schedule is not None:
        dues = [row.date for row in d.schedule if row.date is not None]
    elif d.repayment is not None:
        dues = list(due_dates(d.disbursement_date, d.repayment))
    else:
        dues = []
    days = [day for day in dues if day <= end]
    if d.accelerated_on is not None:
        days.append(d.accelerated_on)
    return sorted(days)
