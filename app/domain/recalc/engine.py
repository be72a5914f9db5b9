"""`recalculate`: the contract and lawful views of one loan, walked event by event.

Event dates: each due date, payment, fee, cost, `accelerated_on`, each date where the cap
changes, and `as_of` — one list shared by both views. At each date, in order: 1 accrue
over the span since the previous date; 2 instalments due fall due; 3 fees and costs are
added; 4 acceleration; (lawful) the cap; 5 payments are allocated.

Clerk's choices where the spec is silent:
- An explicit schedule is taken as written by both views (scaled by art. 670 in the
  lawful view when less was lent); only generated schedules are rebuilt at r' = min(r,
  cap on the disbursement date). Its interest is limited by the cumulative cap alone.
- The lawful "contract rate" for acceleration interest is r' too (the schedule's rate).
- Due dates stay event dates after an acceleration (the spec lists "each due date");
  they charge nothing then.
- An interest tranche compounds at its own overdue rate (the instalment's, or the
  acceleration's); money given back by the cap joins the latest tranche.
- "No rate agreed at all" (the 6 % rule) means no `overdue_rate` and `annual_rate` absent
  or zero, as the default overdue rate reads it. The 6 % and the LPR from 2020-08-20 are
  the default overdue rate of both views (the contract view follows the rules that fill
  the contract's gap); 2020-08-20 is then an event date even under `cap.annual_rate`.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from app.domain.errors import InputError
from app.domain.lpr import LprTable
from app.domain.recalc.allocation import allocate, apply_cap
from app.domain.recalc.arith import ZERO_RATE, Rate, fen_decimal, lower, rate_of, to_fen
from app.domain.recalc.check_input import check_input
from app.domain.recalc.labels import KIND_LABELS, warnings_for
from app.domain.recalc.ledger import Day, Ledger, RateSwitch, ViewPlan
from app.domain.recalc.model import (
    NO_LAWFUL_COMPOUND,
    PRIVATE,
    TRANSITION,
    RecalcInput,
    no_rate_agreed,
)
from app.domain.recalc.regime import Regime, build_regime
from app.domain.recalc.result import Line, RecalcResult, ViewTotals
from app.domain.recalc.schedule import Schedule, explicit, generate, scale

ENGINE_VERSION = "1.1.0"
STALE_AFTER = timedelta(days=45)
SIX_PERCENT = rate_of(Decimal("0.06"))


def recalculate(inp: RecalcInput, lpr: LprTable) -> RecalcResult:
    """Both computed views of `inp` as of its date; InputError if the input breaks a rule."""
    problems = check_input(inp, lpr)
    if problems:
        raise InputError(problems)
    formed = inp.formation_date
    path = "contract_date" if formed == inp.contract_date else "disbursement_date"
    regime, _ = build_regime(
        inp.lender_type, formed, inp.filing_date, inp.as_of, inp.cap_rate, lpr, path
    )
    assert regime is not None
    contract, lawful = _plans(inp, regime, lpr)
    days = _days(inp, regime, contract.schedule.due, contract.switch)
    ledgers = [_walk(plan, days) for plan in (contract, lawful)]
    lines: list[Line] = list(ledgers[0].lines)
    deducted = to_fen(inp.principal) - to_fen(inp.disbursed)
    if deducted:
        lines.append(_deduction_line(inp, deducted))
    lines.extend(ledgers[1].lines)
    contract_totals, lawful_totals = _totals(ledgers[0]), _totals(ledgers[1])
    last = lpr.last_row_date
    stale = last if last is None or (inp.as_of - last) > STALE_AFTER else None
    return RecalcResult(
        engine_version=ENGINE_VERSION,
        as_of=inp.as_of,
        day_basis=inp.day_basis,
        regime=regime,
        claimed=inp.claimed,
        contract=contract_totals,
        lawful=lawful_totals,
        lines=tuple(lines),
        warnings=warnings_for(
            inp, contract_totals, lawful_totals, stale, last is None, ledgers[1].lines
        ),
    )


def _plans(inp: RecalcInput, regime: Regime, lpr: LprTable) -> tuple[ViewPlan, ViewPlan]:
    start, basis = inp.disbursement_date, inp.day_basis
    rate = rate_of(inp.annual_rate)
    lawful_rate = lower(rate, rate_of(regime.cap_on(start)))
    principal, lent = to_fen(inp.principal), to_fen(inp.disbursed)
    if inp.schedule is not None:
        written = explicit(
            [r.due for r in inp.schedule],
            [to_fen(r.principal) for r in inp.schedule],
            [to_fen(r.interest) for r in inp.schedule],
        )
        schedules = (written, scale(written, lent, principal))
    else:
        assert inp.repayment is not None
        schedules = (
            generate(inp.repayment, principal, rate, start, basis),
            generate(inp.repayment, lent, lawful_rate, start, basis),
        )
    per_due, accel, switch = _overdue_rates(inp, schedules[0].due, lpr)
    compound_ok = inp.compound and inp.lender_type not in NO_LAWFUL_COMPOUND
    order, agreed = inp.allocation_order, inp.allocation is not None
    contract = ViewPlan("contract", start, principal, schedules[0], _suffix(schedules[0]), rate,
                        per_due, accel, inp.compound, False, basis, KIND_LABELS, order, agreed,
                        switch)  # fmt: skip
    lawful = ViewPlan("lawful", start, lent, schedules[1], _suffix(schedules[1]), lawful_rate,
                      per_due, accel, compound_ok, True, basis, KIND_LABELS, order, agreed,
                      switch)  # fmt: skip
    return contract, lawful


def _suffix(schedule: Schedule) -> tuple[int, ...]:
    """The schedule's principal not yet due just before each instalment falls due."""
    out, running = [], 0
    for part in reversed(schedule.principal):
        running += part
        out.append(running)
    return tuple(reversed(out))


def _overdue_rates(
    inp: RecalcInput, dues: tuple[date, ...], lpr: LprTable
) -> tuple[tuple[Rate, ...], Rate, RateSwitch | None]:
    """The overdue rate (before any cap) of each instalment and of accelerated principal,
    and the switch of the 6 % rule when it applies.

    `overdue_rate` when agreed; else the contract rate when above zero; else, for a
    private loan, the one-year LPR on the day the amount fell overdue (art. 28 of the
    private-lending provisions) — for a loan formed before 2020-08-20, 6 % until that day
    and then the LPR on the later of the overdue day and 2020-08-20; else zero.
    """
    agreed = inp.overdue_rate
    if agreed is None and inp.annual_rate > 0:
        agreed = inp.annual_rate
    if agreed is not None or inp.lender_type != PRIVATE:
        one = rate_of(agreed) if agreed is not None else ZERO_RATE
        return (one,) * len(dues), one, None

    def lpr_rate(day: date | None) -> Rate:
        found = lpr.one_year_on(day) if day is not None else None
        return rate_of(found) if found is not None else ZERO_RATE

    six = no_rate_agreed(inp.annual_rate, inp.overdue_rate) and inp.formation_date < TRANSITION
    if not six or inp.disbursement_date >= TRANSITION:
        return tuple(lpr_rate(d) for d in dues), lpr_rate(inp.accelerated_on), None

    def before_or_lpr(day: date | None) -> Rate:
        return SIX_PERCENT if day is not None and day < TRANSITION else lpr_rate(day)

    accel = inp.accelerated_on
    early = [d for d in (*dues, accel) if d is not None and d < TRANSITION < inp.as_of]
    after = lpr_rate(max(accel or TRANSITION, TRANSITION))
    switch = RateSwitch(TRANSITION, lpr_rate(TRANSITION), after) if early else None
    return tuple(before_or_lpr(d) for d in dues), before_or_lpr(accel), switch


def _days(
    inp: RecalcInput, regime: Regime, dues: tuple[date, ...], switch: RateSwitch | None
) -> list[Day]:
    """The event dates in order, each with everything that happens on it."""
    start, as_of = inp.disbursement_date, inp.as_of
    events: dict[date, tuple[list[int], list[tuple[int, str]], list[tuple[int, str]], list[int]]]
    events = {}

    def at(day: date) -> tuple[list[int], list[tuple[int, str]], list[tuple[int, str]], list[int]]:
        found = events.get(day)
        if found is None:
            found = events[day] = ([], [], [], [])
        return found

    for k, day in enumerate(dues):
        if day <= as_of:
            at(day)[0].append(k)
    for fee in inp.fees:
        at(fee.date)[1].append((to_fen(fee.amount), fee.kind))
    for cost in inp.costs:
        at(cost.date)[2].append((to_fen(cost.amount), cost.kind))
    for payment in inp.payments:
        at(payment.date)[3].append(to_fen(payment.amount))
    changes = list(regime.change_dates()) + ([switch.day] if switch else [])
    for day in [d for d in changes if start < d <= as_of] + [as_of]:
        at(day)
    if inp.accelerated_on is not None:
        at(inp.accelerated_on)
    return _ordered(events, inp.accelerated_on, regime, start)


def _ordered(
    events: dict[date, tuple[list[int], list[tuple[int, str]], list[tuple[int, str]], list[int]]],
    accelerated_on: date | None,
    regime: Regime,
    start: date,
) -> list[Day]:
    rates = [rate_of(p.annual_rate) for p in regime.caps]
    single = rates[0] if len(rates) == 1 else None
    caps = {p.annual_rate: rate for p, rate in zip(regime.caps, rates, strict=True)}
    out, previous = [], start
    for day in sorted(events):
        due, fees, costs, payments = events[day]
        span_cap = single or caps[regime.cap_on(previous)]
        cap = single or caps[regime.cap_on(day)]
        out.append(Day(day, tuple(due), tuple(fees), tuple(costs), day == accelerated_on,
                       tuple(payments), span_cap, cap))  # fmt: skip
        previous = day
    return out


def _walk(plan: ViewPlan, days: list[Day]) -> Ledger:
    """Steps 1–5 (and the cap) at each event date, in order."""
    ledger = Ledger(plan)
    capped, compound, switch = plan.capped, plan.compound, plan.switch
    previous = plan.start
    for day in days:
        today = day.date
        span = (today - previous).days
        if span and (capped or ledger.overdue_total or (compound and ledger.interest_total)):
            ledger.accrue(previous, today, span, day.span_cap if capped else None)
        if switch is not None and today == switch.day:
            ledger.switch_rates(switch)
        for k in day.due:
            if k >= ledger.next_k:
                ledger.fall_due(today, k)
        for amount, kind in day.fees:
            ledger.add_fee(today, amount, kind)
        for amount, kind in day.costs:
            ledger.add_cost(today, amount, kind)
        if day.accelerate:
            ledger.accelerate(today)
        if capped and max(ledger.charged - ledger.budget, 0) != ledger.cut_total:
            apply_cap(ledger, today, day.cap)
        for amount in day.payments:
            allocate(ledger, today, amount)
        previous = today
    return ledger


def _totals(ledger: Ledger) -> ViewTotals:
    d = fen_decimal
    return ViewTotals(
        principal_overdue=d(ledger.overdue_total),
        principal_not_due=d(ledger.not_due),
        interest=d(ledger.interest_total),
        penalty=d(ledger.penalty),
        compound=d(ledger.compound),
        fees=d(ledger.fees),
        costs=d(ledger.costs),
        paid=d(ledger.paid),
        overpaid=d(ledger.overpaid),
        lent=d(ledger.plan.lent),
        charges=d(ledger.charged - sum(ledger.cut.values())),
        costs_added=d(ledger.costs_added),
        allocated=d(ledger.allocated),
        budget=d(ledger.budget) if ledger.plan.capped else None,
    )


def _deduction_line(inp: RecalcInput, deducted: int) -> Line:
    note = (
        f"合同本金 {inp.principal}，实际出借 {inp.disbursed}：预先扣除的利息 "
        f"{fen_decimal(deducted)} 不计入本金（民法典第六百七十条），法定视图按实际出借金额计算"
    )
    return Line("lawful", inp.disbursement_date, "warning", None, None, None,
                to_fen(inp.principal), None, deducted, note)  # fmt: skip

