"""The rules an input must meet before anything is computed; every problem is listed.

They run on a `Draft` (the input with None where a field is absent or unreadable), so a
problem in one field never hides one in another. Refused (spec): both or neither of
`repayment` and `schedule`; a bullet without a maturity after the disbursement date;
another method without `term_months` ≥ 1; `disbursed` above `principal`; amounts with more
than two decimals or not positive (payments, fees, costs, principal); `day_basis` other
than 360 or 365; an unknown fee or cost kind; a disbursement, payment, fee, cost or
acceleration after `as_of`; an explicit schedule whose principal parts do not add up to
`principal`; an LPR the regime needs on a day before the table's first row.

Clerk's choices where the spec is silent (refused too): `disbursed` not positive; a
negative rate, or one above 10 (1000 % a year: surely a percentage typed as a fraction);
`term_months` above 1200; a payment, fee, cost or acceleration before the disbursement
date; an explicit schedule that is empty, has a due date on or before the disbursement
date or out of order, or negative parts; a negative claimed part. "100.000" is accepted
(it is a whole number of fen); "100.001" is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.domain.errors import Problem
from app.domain.lpr import LprTable
from app.domain.recalc.model import (
    BULLET,
    CLAIM_PARTS,
    COST_KINDS,
    DAY_BASES,
    FEE_KINDS,
    LENDER_TYPES,
    METHODS,
    PRIVATE,
    Repayment,
)
from app.domain.recalc.regime import build_regime
from app.domain.recalc.schedule import due_dates

FEN = Decimal("0.01")
MAX_RATE = Decimal(10)
MAX_TERM = 1200
NOT_POSITIVE = "not a positive amount（金额须大于 0）"
DECIMALS = "more than two decimals（金额最多两位小数，精确到分）"


@dataclass
class DraftItem:
    """A payment, fee or cost, or a schedule row (`kind` unused; `interest` for rows)."""

    date: date | None
    amount: Decimal | None
    kind: str | None = None
    interest: Decimal | None = None


@dataclass
class Draft:
    """The input as read, before its rules are checked; None = absent or unreadable."""

    lender_type: str | None = None
    contract_date: date | None = None
    disbursement_date: date | None = None
    disbursement_given: bool = False
    principal: Decimal | None = None
    disbursed: Decimal | None = None
    annual_rate: Decimal | None = None
    overdue_rate: Decimal | None = None
    compound: bool = False
    repayment: Repayment | None = None
    schedule: list[DraftItem] | None = None
    accelerated_on: date | None = None
    fees: list[DraftItem] = field(default_factory=list)
    costs: list[DraftItem] = field(default_factory=list)
    payments: list[DraftItem] = field(default_factory=list)
    claimed: dict[str, Decimal | None] | None = None
    as_of: date | None = None
    filing_date: date | None = None
    day_basis: int | None = 360
    cap_rate: Decimal | None = None
    both_given: bool = False
    neither_given: bool = False


def check_draft(d: Draft, lpr: LprTable) -> list[Problem]:
    """Every problem of the draft, with its field path."""
    out: list[Problem] = []
    _terms(d, out)
    _repayment(d, out)
    _schedule(d, out)
    for name, kinds in (("fees", FEE_KINDS), ("costs", COST_KINDS), ("payments", ())):
        for index, item in enumerate(getattr(d, name)):
            _event(d, item, f"{name}[{index}]", kinds, out)
    _claimed(d, out)
    _lpr(d, lpr, out)
    return out


def money(value: Decimal | None, path: str, out: list[Problem], zero_ok: bool = False) -> None:
    if value is None:
        return
    if value != value.quantize(FEN):
        out.append(Problem(path, DECIMALS))
    elif value < 0 or (value == 0 and not zero_ok):
        out.append(Problem(path, "negative amount（金额不能为负）" if zero_ok else NOT_POSITIVE))


def _rate(value: Decimal | None, path: str, out: list[Problem]) -> None:
    if value is None:
        return
    if value < 0:
        out.append(Problem(path, "negative rate（利率不能为负）"))
    elif value > MAX_RATE:
        out.append(Problem(path, "rate above 1000 %（年利率写成小数，如 18% 写 0.18）"))


def _terms(d: Draft, out: list[Problem]) -> None:
    if d.lender_type is not None and d.lender_type not in LENDER_TYPES:
        choices = "、".join(LENDER_TYPES)
        out.append(Problem("lender_type", f"unknown lender_type（可选：{choices}）"))
    money(d.principal, "principal", out)
    money(d.disbursed, "disbursed", out)
    if d.principal is not None and d.disbursed is not None and d.disbursed > d.principal:
        out.append(Problem("disbursed", "above principal（实际出借金额不能大于合同本金）"))
    for name in ("annual_rate", "overdue_rate"):
        _rate(getattr(d, name), name, out)
    _rate(d.cap_rate, "cap.annual_rate", out)
    if d.day_basis is not None and d.day_basis not in DAY_BASES:
        out.append(Problem("day_basis", "not 360 or 365（计息天数基准只能是 360 或 365）"))
    disbursed_on, as_of = d.disbursement_date, d.as_of
    if disbursed_on is not None and as_of is not None and disbursed_on > as_of:
        path = "disbursement_date" if d.disbursement_given else "contract_date"
        out.append(Problem(path, f"after as_of（放款日晚于计算日 {as_of.isoformat()}）"))


def _repayment(d: Draft, out: list[Problem]) -> None:
    if d.both_given:
        out.append(Problem("schedule", "both repayment and schedule（二者只能填一个）"))
    if d.neither_given:
        out.append(Problem("repayment", "missing repayment or schedule（须填写其中一个）"))
    r = d.repayment
    if r is None or not r.method:
        return
    if r.method not in METHODS:
        out.append(Problem("repayment.method", f"unknown method（可选：{'、'.join(METHODS)}）"))
    elif r.method == BULLET:
        start = d.disbursement_date
        if r.maturity is None or (start is not None and r.maturity <= start):
            out.append(Problem("repayment.maturity", MISSING_MATURITY))
    elif r.term_months is None or r.term_months < 1:
        out.append(Problem("repayment.term_months", "missing or below 1（期数须为 ≥ 1 的整数）"))
    elif r.term_months > MAX_TERM:
        out.append(Problem("repayment.term_months", "above 1200（期数过多，请检查）"))


MISSING_MATURITY = "no maturity after the disbursement date（一次性还本须填写晚于放款日的到期日）"


def _schedule(d: Draft, out: list[Problem]) -> None:
    rows = d.schedule
    if rows is None:
        return
    if not rows:
        out.append(Problem("schedule", "empty（还款计划至少一期）"))
        return
    previous = d.disbursement_date
    for index, row in enumerate(rows):
        path = f"schedule[{index}]"
        money(row.amount, f"{path}.principal", out, zero_ok=True)
        money(row.interest, f"{path}.interest", out, zero_ok=True)
        if row.date is None or previous is None:
            previous = row.date or previous
            continue
        if index == 0 and row.date <= previous:
            out.append(Problem(f"{path}.due", "not after the disbursement date（须晚于放款日）"))
        elif row.date < previous:
            out.append(Problem(f"{path}.due", "before the previous row（各期到期日须按先后排列）"))
        previous = row.date
    parts = [row.amount for row in rows]
    if d.principal is not None and all(p is not None for p in parts):
        total = sum(p for p in parts if p is not None)
        if total != d.principal:
            out.append(
                Problem(
                    "schedule",
                    f"principal parts add up to {total}, not principal {d.principal}"
                    "（各期本金之和须等于合同本金）",
                )
            )


def _event(
    d: Draft, item: DraftItem, path: str, kinds: tuple[str, ...], out: list[Problem]
) -> None:
    money(item.amount, f"{path}.amount", out)
    if kinds and item.kind is not None and item.kind not in kinds:
        out.append(Problem(f"{path}.kind", f"unknown kind（可选：{'、'.join(kinds)}）"))
    _dated(d, item.date, f"{path}.date", out)


def _dated(d: Draft, day: date | None, path: str, out: list[Problem]) -> None:
    if day is None:
        return
    if d.as_of is not None and day > d.as_of:
        out.append(Problem(path, f"after as_of（晚于计算日 {d.as_of.isoformat()}）"))
    elif d.disbursement_date is not None and day < d.disbursement_date:
        out.append(Problem(path, "before the disbursement date（早于放款日）"))


def _claimed(d: Draft, out: list[Problem]) -> None:
    _dated(d, d.accelerated_on, "accelerated_on", out)
    for part in CLAIM_PARTS if d.claimed is not None else ():
        money((d.claimed or {}).get(part), f"claimed.{part}", out, zero_ok=True)


def _lpr(d: Draft, lpr: LprTable, out: list[Problem]) -> None:
    """LPRs the regime or the default overdue rate needs (once their inputs are sound)."""
    if d.lender_type not in LENDER_TYPES or d.contract_date is None or d.as_of is None:
        return
    assert d.lender_type is not None
    filing = d.filing_date or d.as_of
    if out:  # the overdue days need a sound schedule; the regime only these dates
        _, problems = build_regime(d.lender_type, d.contract_date, filing, d.as_of, None, lpr)
        out.extend(problems if d.cap_rate is None else [])
        return
    _, problems = build_regime(d.lender_type, d.contract_date, filing, d.as_of, d.cap_rate, lpr)
    out.extend(problems)
    if d.lender_type != PRIVATE or d.overdue_rate is not None or (d.annual_rate or 0) > 0:
        return
    for day in _overdue_days(d):
        if lpr.one_year_on(day) is None:
            out.append(
                Problem("overdue_rate", f"no LPR on {day.isoformat()}（该日早于 LPR 表首行 "
                        "2019-08-20，无法按 LPR 计逾期利息；请填写 overdue_rate）")
            )
            return


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
