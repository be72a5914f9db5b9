"""Which caps a court applies to the lawful view, and when each is in force.

| lender_type | cap |
| --- | --- |
| bank, consumer_finance, small_loan, financial_other, credit_card | 24 % a year |
| private, contract on or after 2020-08-20 | 4 × one-year LPR in force on `contract_date` |
| private, contract before 2020-08-20 | 24 % before 2020-08-20; 4 × LPR on `filing_date` after |

`cap.annual_rate` replaces every period with one rate. Periods are half-open like the
statement's spans: `start` is the first day in force, `end` the first day no longer in
force (None: unbounded). For a contract before 2020-08-20 whose `as_of` is before that day
too, the second period is listed only when the table has an LPR for `filing_date`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.errors import Problem
from app.domain.lpr import LprTable
from app.domain.recalc.model import PRIVATE

TRANSITION = date(2020, 8, 20)
FINANCIAL_CAP = Decimal("0.24")
FOUR = Decimal(4)

BASIS_FINANCIAL = (
    "最高人民法院《关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）第二条："
    "金融借款的利息、复利、罚息、违约金和其他费用总计超过年利率24%的部分不予支持"
)
BASIS_PRIVATE = (
    "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2020年第二次修正）第二十五条："
    "利率超过合同成立时一年期贷款市场报价利率四倍的部分不予支持"
    "（合同成立日 {day} 的一年期LPR {lpr}%）"
)
BASIS_BEFORE = (
    "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第三十一条：2020年8月20日之前的"
    "利息适用当时的司法解释，年利率24%为限"
)
BASIS_AFTER = (
    "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第三十一条：2020年8月20日起的"
    "利息以起诉时一年期贷款市场报价利率四倍为限（起诉日 {day} 的一年期LPR {lpr}%）"
)
BASIS_OVERRIDE = "上限年利率按输入的 cap.annual_rate（当地法院的做法），适用于全部期间"


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


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}"


def build_regime(
    lender_type: str,
    contract_date: date,
    filing_date: date,
    as_of: date,
    cap_rate: Decimal | None,
    lpr: LprTable,
) -> tuple[Regime | None, list[Problem]]:
    """The regime, or the problems (an LPR the table does not have) that prevent it."""
    lender_class = "private" if lender_type == PRIVATE else "financial"
    if cap_rate is not None:
        return Regime(lender_class, (CapPeriod(None, None, cap_rate, BASIS_OVERRIDE),)), []
    if lender_type != PRIVATE:
        return Regime(lender_class, (CapPeriod(None, None, FINANCIAL_CAP, BASIS_FINANCIAL),)), []
    if contract_date >= TRANSITION:
        rate = lpr.one_year_on(contract_date)
        if rate is None:
            return None, [_no_lpr("contract_date", contract_date)]
        basis = BASIS_PRIVATE.format(day=contract_date.isoformat(), lpr=_percent(rate))
        return Regime(lender_class, (CapPeriod(None, None, FOUR * rate, basis),)), []
    before = CapPeriod(None, TRANSITION, FINANCIAL_CAP, BASIS_BEFORE)
    rate = lpr.one_year_on(filing_date)
    if rate is None:
        if as_of >= TRANSITION:
            return None, [_no_lpr("filing_date", filing_date)]
        return Regime(lender_class, (before,)), []
    after_basis = BASIS_AFTER.format(day=filing_date.isoformat(), lpr=_percent(rate))
    after = CapPeriod(TRANSITION, None, FOUR * rate, after_basis)
    return Regime(lender_class, (before, after)), []


def _no_lpr(path: str, day: date) -> Problem:
    return Problem(
        path,
        f"no LPR on {day.isoformat()}（LPR 表中没有 {day.isoformat()} 的一年期 LPR："
        "最早为 2019-08-20；请更正日期，或填写 cap.annual_rate）",
    )
