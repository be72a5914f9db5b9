"""One view walked through the timeline: its state, accrual, instalments and acceleration.

The state is in integer fen and lives only inside one `recalculate` call. Overdue
principal and interest due are kept as tranches `[rate, amount]` in the order they fell
due (adjacent tranches of the same overdue rate are merged: they are interchangeable);
payments take the earliest first. The rate of a tranche is its overdue rate before any
cap; the lawful view limits it to the cap of each span.

A `RateSwitch` is the 6 % rule of a private loan formed before 2020-08-20 with no rate
agreed: every amount overdue before that day runs at 6 % until it, and from it at the LPR
of 2020-08-20 (the later of its overdue day and 2020-08-20).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.domain.recalc.arith import Rate, accrue, fen_text, lower, rhu
from app.domain.recalc.result import Line
from app.domain.recalc.schedule import Schedule

CHARGE_KINDS = ("interest", "penalty", "compound", "fees")
PENALTY_NOTE = "罚息：逾期本金 × 逾期利率 × 天数 / {basis}"
COMPOUND_NOTE = "复利：欠付利息 × 逾期利率 × 天数 / {basis}"


class Day(NamedTuple):
    """Everything dated one day, with the caps of the span ending here and of the day."""

    date: date
    due: tuple[int, ...]
    fees: tuple[tuple[int, str], ...]
    costs: tuple[tuple[int, str], ...]
    accelerate: bool
    payments: tuple[int, ...]
    span_cap: Rate
    cap: Rate


@dataclass(frozen=True)
class RateSwitch:
    """On `day` every tranche overdue so far takes `rate`, and accelerated principal
    (if any) `accel` from then on."""

    day: date
    rate: Rate
    accel: Rate


@dataclass(frozen=True)
class ViewPlan:
    """What one view works with: its principal basis, schedule, rates and the order in
    which payments are allocated (`model.ALLOCATION_KINDS` or the contract's)."""

    view: str
    start: date
    lent: int
    schedule: Schedule
    suffix: tuple[int, ...]
    rate: Rate
    overdue_due: tuple[Rate, ...]
    overdue_accel: Rate
    compound: bool
    capped: bool
    basis: int
    fee_labels: dict[str, str]
    allocation: tuple[str, ...]
    agreed_order: bool = False
    switch: RateSwitch | None = None


class Tranche:
    """An amount that fell due together, with its overdue rate (before any cap)."""

    __slots__ = ("amount", "rate")

    def __init__(self, rate: Rate, amount: int) -> None:
        self.rate = rate
        self.amount = amount


def pool_add(pool: list[Tranche], rate: Rate, amount: int) -> None:
    if pool and pool[-1].rate == rate:
        pool[-1].amount += amount
    else:
        pool.append(Tranche(rate, amount))


def pool_take(pool: list[Tranche], amount: int, from_end: bool = False) -> int:
    """Take up to `amount` from the earliest tranches (or the latest); returns what was taken."""
    taken = 0
    while pool and taken < amount:
        index = -1 if from_end else 0
        tranche = pool[index]
        take = min(tranche.amount, amount - taken)
        taken += take
        if take == tranche.amount:
            pool.pop(index)
        else:
            tranche.amount -= take
    return taken


def groups(pool: list[Tranche], cap: Rate | None) -> Iterable[tuple[Rate, int]]:
    """(effective rate, base) per distinct rate, the rate limited to `cap` when given."""
    if len(pool) == 1:
        only = pool[0]
        return (((only.rate if cap is None else lower(only.rate, cap)), only.amount),)
    merged: dict[Rate, int] = {}
    for tranche in pool:
        effective = tranche.rate if cap is None else lower(tranche.rate, cap)
        merged[effective] = merged.get(effective, 0) + tranche.amount
    return merged.items()


class Ledger:
    """The running state of one view; `step` applies one day's events in the spec's order."""

    __slots__ = (
        "accel_rate", "accelerated", "allocated", "budget", "charged", "compound",
        "compound_note", "costs",
        "costs_added", "cut", "cut_total", "fees", "interest", "interest_total", "last_due",
        "lines", "next_k", "not_due", "overdue", "overdue_total", "overpaid", "paid", "penalty",
        "penalty_note", "plan", "remaining",
    )  # fmt: skip

    def __init__(self, plan: ViewPlan) -> None:
        self.plan = plan
        self.lines: list[Line] = []
        self.remaining = list(plan.schedule.principal)
        self.next_k = 0
        self.not_due = plan.lent
        self.overdue: list[Tranche] = []
        self.overdue_total = 0
        self.interest: list[Tranche] = []
        self.interest_total = 0
        self.penalty = self.compound = self.fees = self.costs = 0
        self.paid = self.overpaid = self.allocated = 0
        self.charged = self.costs_added = self.budget = 0
        self.cut = dict.fromkeys(CHARGE_KINDS, 0)
        self.cut_total = 0
        self.penalty_note = PENALTY_NOTE.format(basis=plan.basis)
        self.compound_note = COMPOUND_NOTE.format(basis=plan.basis)
        self.last_due = plan.start
        self.accelerated = False
        self.accel_rate = plan.overdue_accel

    def line(
        self,
        day: date,
        kind: str,
        amount: int,
        note: str,
        span: tuple[date, date, int] | None = None,
        base: int | None = None,
        rate: Rate | None = None,
    ) -> None:
        start, end, days = span if span else (None, None, None)
        value = None if rate is None else rate.value
        record = (self.plan.view, day, kind, start, end, days, base, value, amount, note)
        self.lines.append(tuple.__new__(Line, record))

    def accrue(self, start: date, end: date, days: int, cap: Rate | None) -> None:
        """Step 1: penalty, compound and (lawful) the cap budget over [start, end)."""
        plan = self.plan
        if self.overdue_total:
            amount = self._charge(self.overdue, cap, start, end, days, self.penalty_note)
            self.penalty += amount
            self.charged += amount
        if plan.compound and self.interest_total:
            amount = self._charge(self.interest, cap, start, end, days, self.compound_note)
            self.compound += amount
            self.charged += amount
        if cap is not None:
            principal = self.not_due + self.overdue_total
            if principal:
                den = 2 * cap.den * plan.basis
                self.budget += (2 * principal * cap.num * days + cap.den * plan.basis) // den

    def _charge(
        self, pool: list[Tranche], cap: Rate | None, start: date, end: date, days: int, note: str
    ) -> int:
        """One accrual line per distinct (capped) rate over the pool; the total created."""
        plan, total = self.plan, 0
        if len(pool) == 1:
            rate, base = pool[0].rate, pool[0].amount
            if cap is not None and rate.num * cap.den > cap.num * rate.den:
                rate = cap
            pairs: Iterable[tuple[Rate, int]] = ((rate, base),)
        else:
            pairs = groups(pool, cap)
        for rate, base in pairs:
            den = rate.den * plan.basis
            amount = (2 * base * rate.num * days + den) // (2 * den)
            if amount:
                total += amount
                record = (plan.view, end, "accrual", start, end, days, base, rate.value, amount,
                          note)  # fmt: skip
                self.lines.append(tuple.__new__(Line, record))
        return total

    def fall_due(self, day: date, k: int) -> None:
        """Step 2: instalment k's principal becomes overdue, its interest due.

        After a prepayment its scheduled interest is scaled by (principal not yet due
        now) ÷ (the schedule's principal not yet due at this point), rounded.
        """
        plan = self.plan
        part, scheduled = self.remaining[k], plan.suffix[k]
        interest = plan.schedule.interest[k]
        scaled = scheduled and self.not_due != scheduled
        if scaled:
            interest = rhu(interest * self.not_due, scheduled)
        base = self.not_due
        self.not_due -= part
        self.remaining[k] = 0
        self.next_k = k + 1
        rate = plan.overdue_due[k]
        if part:
            pool_add(self.overdue, rate, part)
            self.overdue_total += part
        if interest:
            pool_add(self.interest, rate, interest)
            self.interest_total += interest
            self.charged += interest
        span = (self.last_due, day, (day - self.last_due).days)
        self.last_due = day
        if part:
            self.line(day, "due", part, f"第 {k + 1} 期本金到期（转为逾期本金）")
        note = f"第 {k + 1} 期利息到期"
        if scaled:
            note += f"（提前还款后按未到期本金 {fen_text(base)} / {fen_text(scheduled)} 调整）"
        self.line(day, "due", interest, note, span, base, plan.rate)

    def add_fee(self, day: date, amount: int, kind: str) -> None:
        self.fees += amount
        self.charged += amount
        self.line(day, "fee", amount, self.plan.fee_labels.get(kind, kind))

    def add_cost(self, day: date, amount: int, kind: str) -> None:
        self.costs += amount
        self.costs_added += amount
        self.line(day, "cost", amount, self.plan.fee_labels.get(kind, kind))

    def accelerate(self, day: date) -> None:
        """Step 4: all principal not yet due becomes overdue, with interest since the last due."""
        plan = self.plan
        base, days = self.not_due, (day - self.last_due).days
        interest = accrue(base, plan.rate, days, plan.basis)
        for k in range(self.next_k, len(self.remaining)):
            self.remaining[k] = 0
        self.next_k = len(self.remaining)
        self.not_due = 0
        self.accelerated = True
        if base:
            pool_add(self.overdue, self.accel_rate, base)
            self.overdue_total += base
        if interest:
            pool_add(self.interest, self.accel_rate, interest)
            self.interest_total += interest
            self.charged += interest
        note = f"提前到期：未到期本金 {fen_text(base)} 全部转为逾期，加计自上一到期日起的利息"
        self.line(day, "acceleration", interest, note, (self.last_due, day, days), base, plan.rate)

    def switch_rates(self, switch: RateSwitch) -> None:
        """The 6 % rule's day: everything overdue so far runs at the switch's LPR."""
        for pool in (self.overdue, self.interest):
            total = sum(t.amount for t in pool)
            pool[:] = [Tranche(switch.rate, total)] if total else []
        self.accel_rate = switch.accel
