"""Allocation of a payment (Civil Code art. 561) and the lawful cap on charges.

Allocation order: costs → interest due → penalty → compound → fees → overdue principal
(earliest due first) → principal not yet due (earliest instalment first), unless the
input gives the order the contract agreed (`principal` is still overdue principal first,
then principal not yet due). What is left is `overpaid`: money the creditor must return;
it is final (never set off against what arises later, never subtracted from the total).
Each payment line's note names the order used.

The cap (lawful view only), after each day's steps 1–4: the lawful charges are
L = min(C, B), C the charges created at the limited rates, B the budget. When the cut
C − B must grow, the growth comes out of outstanding fees → compound → penalty →
interest; when it must shrink, the difference is given back interest → penalty →
compound → fees, each kind up to what was cut of it. Each change is a `cap` line.
"""

from __future__ import annotations

import functools
from datetime import date

from app.domain.recalc.arith import Rate, fen_text
from app.domain.recalc.ledger import Ledger, ViewPlan, pool_add, pool_take
from app.domain.recalc.order import order_words

LABELS = {
    "costs": "实现债权费用",
    "interest": "利息",
    "penalty": "罚息",
    "compound": "复利",
    "fees": "费用",
    "overdue": "逾期本金",
    "not_due": "未到期本金（提前还款）",
}
CUT_ORDER = ("fees", "compound", "penalty", "interest")
GIVE_ORDER = ("interest", "penalty", "compound", "fees")


def allocate(ledger: Ledger, day: date, amount: int) -> None:
    """Step 5: one payment, in the view's order (art. 561, or the order agreed)."""
    ledger.paid += amount
    left, parts = amount, []
    for part in flat_parts(ledger.plan.allocation):
        if not left:
            break
        if part == "interest":
            if not ledger.interest_total:
                continue
            take = pool_take(ledger.interest, left)
            ledger.interest_total -= take
        elif part == "overdue":
            if not ledger.overdue_total:
                continue
            take = pool_take(ledger.overdue, left)
            ledger.overdue_total -= take
        elif part == "not_due":
            if not ledger.not_due:
                continue
            take = _prepay(ledger, left)
        else:  # costs, penalty, compound, fees
            owed = getattr(ledger, part)
            if not owed:
                continue
            take = min(owed, left)
            setattr(ledger, part, owed - take)
        left -= take
        parts.append((part, take))
    ledger.allocated += amount - left
    if left:
        ledger.overpaid += left
    ledger.line(day, "payment", amount, payment_note(ledger.plan, parts, left))


@functools.cache
def flat_parts(order: tuple[str, ...]) -> tuple[str, ...]:
    """The parts paid in turn: `principal` is overdue principal, then principal not yet due."""
    out: list[str] = []
    for kind in order:
        out += ["overdue", "not_due"] if kind == "principal" else [kind]
    return tuple(out)


@functools.cache
def order_text(order: tuple[str, ...], agreed: bool) -> str:
    """Which order a view allocates payments in, for the statement."""
    chain = order_words(order)
    if agreed:
        return f"冲抵顺序按合同约定（{chain}）"
    return f"冲抵顺序按民法典第五百六十一条（{chain}）"


def payment_note(plan: ViewPlan, parts: list[tuple[str, int]], left: int) -> str:
    """"还款冲抵：利息 603.33、罚息 100.00；冲抵顺序按…" — the amounts first, then the order."""
    text = "、".join([LABELS[k] + " " + fen_text(v) for k, v in parts]) or "无欠款"
    if left:
        text += "；多付 " + fen_text(left) + "（债权人应返还）"
    return f"还款冲抵：{text}；{order_text(plan.allocation, plan.agreed_order)}"


def _prepay(ledger: Ledger, left: int) -> int:
    """Principal not yet due: the earliest instalments' parts are reduced first."""
    remaining, taken, k = ledger.remaining, 0, ledger.next_k
    while taken < left and k < len(remaining):
        take = min(remaining[k], left - taken)
        remaining[k] -= take
        taken += take
        k += 1
    ledger.not_due -= taken
    return taken


def outstanding(ledger: Ledger, kind: str) -> int:
    return ledger.interest_total if kind == "interest" else int(getattr(ledger, kind))


def apply_cap(ledger: Ledger, day: date, cap: Rate) -> None:
    """After steps 1–4: bring the cut to max(C − B, 0), growing or giving back by kind."""
    change = max(ledger.charged - ledger.budget, 0) - ledger.cut_total
    if not change:
        return
    head = f"累计费用 {fen_text(ledger.charged)}，上限额度 {fen_text(ledger.budget)}："
    for kind in CUT_ORDER if change > 0 else GIVE_ORDER:
        if change > 0:
            amount = -min(outstanding(ledger, kind), change)
            note = f"{head}超出上限，核减{LABELS[kind]}"
        else:
            amount = min(ledger.cut[kind], -change)
            note = f"{head}额度增加，返还此前核减的{LABELS[kind]}"
        if amount:
            _shift(ledger, kind, amount)
            change += amount
            ledger.line(day, "cap", amount, note, None, ledger.budget, cap)
        if not change:
            return


def _shift(ledger: Ledger, kind: str, amount: int) -> None:
    """Cut (amount < 0) or give back (amount > 0) a charge of one kind."""
    ledger.cut[kind] -= amount
    ledger.cut_total -= amount
    if kind != "interest":
        setattr(ledger, kind, getattr(ledger, kind) + amount)
        return
    ledger.interest_total += amount
    if amount < 0:
        pool_take(ledger.interest, -amount, from_end=True)
    else:
        pool = ledger.interest
        pool_add(pool, pool[-1].rate if pool else ledger.accel_rate, amount)
