"""Properties of plans, performance and settlements over many generated inputs."""

from __future__ import annotations

from dataclasses import astuple
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import InputError
from app.domain.money import floor_to
from app.domain.performance import DefaultTerms, Payment, track
from app.domain.plan import (
    DownPayment,
    Frequency,
    Plan,
    PlanInterest,
    custom_plan,
    equal_installments,
)
from app.domain.plan_checks import ROUND_UNITS
from app.domain.plan_input import plan_from_dict, plan_to_input
from app.domain.settlement import KINDS, LawfulFigures, Levers, propose

D = Decimal
MANY = settings(max_examples=500, deadline=None)
fen = st.integers(min_value=1, max_value=10**9).map(lambda n: D(n) / 100)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31))  # rows stay in 2099
percent = st.one_of(st.just(D(0)), st.just(D(100)), st.integers(0, 10000).map(lambda n: D(n) / 100))


@st.composite
def equal_cases(draw: st.DrawFn) -> tuple[date, Plan]:
    """(first_due as asked, the plan built from it)."""
    total = draw(fen)
    first_due = draw(days)
    count = draw(st.integers(1, 120))
    frequency = draw(st.sampled_from(list(Frequency)))
    unit = draw(st.sampled_from(ROUND_UNITS))
    down = None
    if total > D("0.01") and draw(st.booleans()):
        amount = D(draw(st.integers(1, int(total * 100) - 1))) / 100
        down = DownPayment(amount, first_due - timedelta(days=draw(st.integers(1, 60))))
    rest = total - (down.amount if down else 0)
    interest = None
    if draw(st.booleans()):
        first_row = down.due if down else first_due
        rate = D(draw(st.integers(0, 5000))) / 10000
        start = first_row - timedelta(days=draw(st.integers(0, 400)))
        interest = PlanInterest(rate, D("0.24"), start, draw(st.sampled_from([360, 365])))
    try:
        plan = equal_installments(
            total,
            first_due,
            count,
            frequency,
            down_payment=down,
            round_to=unit,
            grace_days=draw(st.integers(0, 10)),
            interest=interest,
        )
    except InputError as error:
        assert [p.path for p in error.problems] == ["count"]
        assert count > 1 and floor_to(rest / count, unit) == 0
        return draw(st.nothing())
    assert len(plan.installments) == count + (1 if down else 0)
    regular = plan.installments[1:] if down else plan.installments
    each = regular[0].principal
    assert all(r.principal == each for r in regular[:-1])
    assert count == 1 or (each % unit == 0 and 0 <= regular[-1].principal - each < unit * count)
    return first_due, plan


def equal_plans() -> st.SearchStrategy[Plan]:
    return equal_cases().map(lambda case: case[1])


@st.composite
def custom_plans(draw: st.DrawFn) -> Plan:
    amounts = draw(st.lists(fen, min_size=1, max_size=40))
    start = draw(days)
    gaps = draw(st.lists(st.integers(1, 400), min_size=len(amounts), max_size=len(amounts)))
    dues = [start + timedelta(days=sum(gaps[:i])) for i in range(len(amounts))]
    return custom_plan(sum(amounts, D(0)), list(zip(dues, amounts, strict=True)))


plans = st.one_of(equal_plans(), custom_plans())


@MANY
@given(plans)
def test_a_plan_sums_exactly_to_its_total_with_positive_rows_on_increasing_dates(
    plan: Plan,
) -> None:
    rows = plan.installments
    assert sum(r.principal for r in rows) == plan.total
    assert sum(r.amount for r in rows) == plan.amount_total
    assert all(r.interest >= 0 for r in rows)
    assert all(r.principal > 0 and r.principal == r.principal.quantize(D("0.01")) for r in rows)
    assert all(a.due < b.due for a, b in pairwise(rows))
    assert [r.n for r in rows] == list(range(1, len(rows) + 1))


@MANY
@given(equal_cases())
def test_monthly_dates_keep_the_first_due_day_or_the_month_end(case: tuple[date, Plan]) -> None:
    first, plan = case
    regular = plan.installments[1:] if plan.down_payment else plan.installments
    assert regular[0].due == first
    if plan.frequency is not Frequency.MONTHLY:
        step = regular[1].due - regular[0].due if len(regular) > 1 else None
        assert all(b.due - a.due == step for a, b in pairwise(regular))
        return
    for k, row in enumerate(regular):
        months = (row.due.year - first.year) * 12 + row.due.month - first.month
        assert months == k
        next_month_start = (row.due.replace(day=1) + timedelta(days=32)).replace(day=1)
        month_end = (next_month_start - timedelta(days=1)).day
        assert row.due.day == min(first.day, month_end)


@MANY
@given(plans)
def test_the_json_input_form_rebuilds_the_same_plan(plan: Plan) -> None:
    assert plan_from_dict(plan_to_input(plan)) == plan


@MANY
@given(
    plans,
    st.lists(st.tuples(st.integers(0, 4000), fen), max_size=15),
    st.integers(0, 4000),
    st.integers(0, 60),
)
def test_performance_conserves_every_payment_and_fills_earliest_first(
    plan: Plan, raw: list[tuple[int, Decimal]], offset: int, acceleration: int
) -> None:
    start = plan.installments[0].due - timedelta(days=30)
    as_of = start + timedelta(days=offset)
    payments = [Payment(start + timedelta(days=d), a) for d, a in raw if d <= offset]
    result = track(plan, DefaultTerms(acceleration, False), payments, as_of, original_debt=None)
    paid = [r.paid for r in result.installments]
    assert sum(paid) + result.overpaid == sum((p.amount for p in payments), D(0))
    assert all(0 <= r.paid <= r.amount for r in result.installments)
    assert result.remaining == plan.amount_total - sum(paid)
    for before, after in pairwise(result.installments):
        assert after.paid == 0 or before.outstanding == 0
    assert result.overpaid == 0 or result.remaining == 0
    assert 0 <= result.claimable <= result.remaining


@MANY
@given(
    st.tuples(*[st.integers(0, 10**8).map(lambda n: D(n) / 100) for _ in KINDS]),
    percent,
    percent,
    percent,
    percent,
    percent,
    st.one_of(st.none(), st.integers(1, 10**10).map(lambda n: D(n) / 100)),
)
def test_a_settlement_never_exceeds_the_lawful_total_and_never_goes_negative(
    amounts: tuple[Decimal, ...],
    penalty: Decimal,
    compound: Decimal,
    fees: Decimal,
    interest: Decimal,
    principal: Decimal,
    agreed: Decimal | None,
) -> None:
    lawful = LawfulFigures(*amounts)
    levers = Levers(penalty, compound, fees, interest, D(0), principal, agreed)
    try:
        proposal = propose(lawful, levers)
    except InputError as error:
        assert [p.path for p in error.problems] == ["agreed_sum"]
        return
    assert 0 <= proposal.settled_total <= lawful.total
    assert proposal.waived_total == sum(e.amount for e in proposal.effects)
    for kind in KINDS:
        assert 0 <= proposal.settled.of(kind) <= lawful.of(kind)
    assert tuple(
        map(sum, zip(astuple(proposal.waived), astuple(proposal.settled), strict=True))
    ) == (astuple(lawful))
    if agreed is not None:
        assert proposal.settled_total == agreed
