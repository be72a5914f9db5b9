"""Allocation of a payment (Civil Code art. 561) and the lawful cap on charges.

Allocation order: costs → interest due → penalty → compound → fees → overdue principal
(earliest due first) → principal not yet due (earliest instalment first). What is left
is `overpaid`: money the creditor must return; it is final (never set off against what
arises later, never subtracted from the total).

The cap (lawful view only), after each day's steps 1–4: the lawful charges are
L = min(C, B), C the charges created at the limited rates, B the budget. When the cut
C − B must grow, the growth comes out of outstanding fees → compound → penalty →
interest; when it must shrink, the difference is given back interest → penalty →
compound → fees, each kind up to what was cut of it. Each change is a `cap` line.
"""

from __future__ import annotations

from datetime import date

from app.domain.recalc.arith import Rate, fen_text
from app.domain.recalc.ledger import Ledger, pool_add, pool_take

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
    """Step 5: one payment, in the order of art. 561."""
    ledger.paid += amount
    left, parts = amount, []
    if ledger.costs:
        take = min(ledger.costs, left)
        ledger.costs -= take
        left -= take
        parts.append(("costs", take))
    if left and ledger.interest_total:
        take = pool_take(ledger.interest, left)
        ledger.interest_total -= take
        left -= take
        parts.append(("interest", take))
    if left and ledger.penalty:
        take = min(ledger.penalty, left)
        ledger.penalty -= take
        left -= take
        parts.append(("penalty", take))
    if left and ledger.compound:
        take = min(ledger.compound, left)
        ledger.compound -= take
        left -= take
        parts.append(("compound", take))
    if left and ledger.fees:
        take = min(ledger.fees, left)
        ledger.fees -= take
        left -= take
        parts.append(("fees", take))
    if left and ledger.overdue_total:
        take = pool_take(ledger.overdue, left)
        ledger.overdue_total -= take
        left -= take
        parts.append(("overdue", take))
    if left and ledger.not_due:
        take = _prepay(ledger, left)
        left -= take
        parts.append(("not_due", take))
    ledger.allocated += amount - left
    if left:
        ledger.overpaid += left
    if ledger.plan.lines:
        ledger.line(day, "payment", amount, _payment_note(parts, left))


def _payment_note(parts: list[tuple[str, int]], left: int) -> str:
    text = "、".join([LABELS[k] + " " + fen_text(v) for k, v in parts]) or "无欠款"
    if left:
        return "还款冲抵：" + text + "；多付 " + fen_text(left) + "（债权人应返还）"
    return "还款冲抵：" + text


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
        pool_add(pool, pool[-1].rate if pool else ledger.plan.overdue_accel, amount)
