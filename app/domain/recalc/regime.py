"""Which caps a court applies to the lawful view, when each is in force, and why.

| lender_type | cap |
| --- | --- |
| bank, consumer_finance, small_loan, financial_other, credit_card | 24 % a year |
| private, formed on or after 2020-08-20 | 4 × one-year LPR in force on the formation date |
| private, formed before 2020-08-20 | 24 % before 2020-08-20; 4 × LPR on `filing_date` after |

The formation date is the contract date, or for a private loan whose lender is a natural
person the disbursement date (`model.formation_date`). `cap.annual_rate` replaces every
period with one rate. Periods are half-open like the statement's spans: `start` is the
first day in force, `end` the first day no longer in force (None: unbounded). For a loan
formed before 2020-08-20 whose `as_of` is before that day too, the second period is listed
only when the table has an LPR for `filing_date`.

Each `basis` cites the current texts in Chinese (`basis.py`) and says which rules apply
only on a party's request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.errors import Problem
from app.domain.lpr import LprTable
from app.domain.recalc import basis as words
from app.domain.recalc.model import PRIVATE, TRANSITION

FINANCIAL_CAP = Decimal("0.24")
FOUR = Decimal(4)


@dataclass(frozen=True)
class CapPeriod:
    """A cap in force from `start` (inclusive) to `end` (exclusive); None is unbounded."""

    start: date | None
    end: date | None
    annual_rate: Decimal
    basis: str


@dataclass(frozen=True)
class Regime:
    lender_class: str
    caps: tuple[CapPeriod, ...]

    def cap_on(self, day: date) -> Decimal:
        """The cap in force on `day` (the last period when none matches)."""
        for period in self.caps:
            if (period.start is None or period.start <= day) and (
                period.end is None or day < period.end
            ):
                return period.annual_rate
        return self.caps[-1].annual_rate

    def change_dates(self) -> tuple[date, ...]:
        return tuple(p.start for p in self.caps if p.start is not None)


def build_regime(
    lender_type: str,
    formed: date,
    filing_date: date,
    as_of: date,
    cap_rate: Decimal | None,
    lpr: LprTable,
    formed_path: str = "contract_date",
) -> tuple[Regime | None, list[Problem]]:
    """The regime, or the problems (an LPR the table does not have) that prevent it.

    `formed` is the formation date; `formed_path` the input field it comes from
    (`disbursement_date` for a natural-person lender's private loan)."""
    lender_class = "private" if lender_type == PRIVATE else "financial"
    if cap_rate is not None:
        return Regime(lender_class, (CapPeriod(None, None, cap_rate, words.OVERRIDE),)), []
    if lender_type != PRIVATE:
        basis = words.financial(lender_type)
        return Regime(lender_class, (CapPeriod(None, None, FINANCIAL_CAP, basis),)), []
    by_handover = formed_path == "disbursement_date"
    if formed >= TRANSITION:
        rate = lpr.one_year_on(formed)
        if rate is None:
            return None, [_no_lpr(formed_path, formed)]
        basis = words.private(formed, rate, FOUR * rate, by_handover)
        return Regime(lender_class, (CapPeriod(None, None, FOUR * rate, basis),)), []
    before = CapPeriod(None, TRANSITION, FINANCIAL_CAP, words.before(formed, by_handover))
    rate = lpr.one_year_on(filing_date)
    if rate is None:
        if as_of >= TRANSITION:
            return None, [_no_lpr("filing_date", filing_date)]
        return Regime(lender_class, (before,)), []
    after = CapPeriod(TRANSITION, None, FOUR * rate, words.after(filing_date, rate, FOUR * rate))
    return Regime(lender_class, (before, after)), []


def _no_lpr(path: str, day: date) -> Problem:
    return Problem(
        path,
        f"no LPR on {day.isoformat()}（LPR 表中没有 {day.isoformat()} 的一年期 LPR："
        "最早为 2019-08-20；请更正日期，或填写 cap.annual_rate）",
    )
