"""A settlement proposal: the settled total from the lawful view of a recalculation.

Levers (each reported with its effect in yuan, in this order):

- waive a charge (`waive_penalty`, `waive_compound`, `waive_fees`, `waive_interest`): a
  percentage of that kind, 0 (off) to 100 (wholly); the amount is rounded to the fen;
- discount on principal: an amount (`principal_discount`) or a percentage
  (`principal_discount_percent`), never both;
- a fixed agreed sum (`agreed_sum`): the settled total itself. The cut it makes beyond the
  other levers is attributed to kinds in the order fees → compound → penalty → interest →
  principal → costs (what a creditor gives up first), so the waived amount of every kind
  is known for the agreement and for revival on default.

Choices: a lever that would take the total above the lawful total or below zero is refused,
never clamped, so what the mediator typed is never silently changed: a principal discount
above the principal, an agreed sum above the lawful total, or above what the other levers
leave (cancel some of them, or lower the sum). A settled total below the creditor's floor is
allowed and flagged (`below_floor`), for the mediator to raise with the creditor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import Any

from app.domain import json_fields as jf
from app.domain.errors import Problem
from app.domain.money import ZERO, fmt_grouped, round_fen
from app.domain.plan_checks import money_reason, raise_if

KINDS = ("principal", "interest", "penalty", "compound", "fees", "costs")
KIND_LABELS: dict[str, str] = {
    "principal": "本金",
    "interest": "利息",
    "penalty": "罚息",
    "compound": "复利",
    "fees": "费用",
    "costs": "实现债权费用",
}
WAIVABLE = ("penalty", "compound", "fees", "interest")
AGREED_SUM_ORDER = ("fees", "compound", "penalty", "interest", "principal", "costs")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class KindAmounts:
    """One amount per kind of the recalculation's views, with their total."""

    principal: Decimal
    interest: Decimal
    penalty: Decimal
    compound: Decimal
    fees: Decimal
    costs: Decimal

    @property
    def total(self) -> Decimal:
        return sum((self.of(k) for k in KINDS), ZERO)

    def of(self, kind: str) -> Decimal:
        value: Decimal = getattr(self, kind)
        return value

    @classmethod
    def zero(cls) -> KindAmounts:
        return KindAmounts(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO)


@dataclass(frozen=True)
class LawfulFigures(KindAmounts):
    """The outstanding amounts of the recalculation's `lawful` view."""

    @classmethod
    def from_view(cls, view: Mapping[str, str]) -> LawfulFigures:
        """Read the spec's output `views.lawful` object (amount strings); checks its total."""
        out: list[Problem] = []
        values = {k: jf.money_field(view, k, "lawful", out) for k in KINDS}
        for kind, value in values.items():
            if value is not None and value < 0:
                out.append(Problem(f"lawful.{kind}", "不能为负数"))
        given = jf.money_field(view, "total", "lawful", out, required=False)
        raise_if(out)
        figures = cls(**{k: v or ZERO for k, v in values.items()})
        if given is not None and given != figures.total:
            total = fmt_grouped(figures.total)
            raise_if([Problem("lawful.total", f"与各项合计 {total} 元不符")])
        return figures


@dataclass(frozen=True)
class Levers:
    """What the creditor gives up. Percentages are 0–100 (0 = lever off)."""

    waive_penalty: Decimal = ZERO
    waive_compound: Decimal = ZERO
    waive_fees: Decimal = ZERO
    waive_interest: Decimal = ZERO
    principal_discount: Decimal = ZERO
    principal_discount_percent: Decimal = ZERO
    agreed_sum: Decimal | None = None


@dataclass(frozen=True)
class LeverEffect:
    lever: str
    label_zh: str
    amount: Decimal


@dataclass(frozen=True)
class SettlementProposal:
    lawful: LawfulFigures
    levers: Levers
    effects: tuple[LeverEffect, ...]
    waived: KindAmounts
    settled: KindAmounts
    creditor_floor: Decimal | None

    @property
    def settled_total(self) -> Decimal:
        return self.settled.total

    @property
    def waived_total(self) -> Decimal:
        return self.waived.total

    @property
    def below_floor(self) -> bool:
        return self.creditor_floor is not None and self.settled_total < self.creditor_floor

    @property
    def floor_shortfall(self) -> Decimal:
        """How far the settled total is below the creditor's floor (zero when not below)."""
        if self.creditor_floor is None:
            return ZERO
        return max(self.creditor_floor - self.settled_total, ZERO)


def propose(
    lawful: LawfulFigures, levers: Levers, *, creditor_floor: Decimal | None = None
) -> SettlementProposal:
    """Apply the levers to the lawful figures; InputError lists every refused lever."""
    raise_if(check_levers(lawful, levers, creditor_floor))
    effects: list[LeverEffect] = []
    waived = {k: ZERO for k in KINDS}
    for kind in WAIVABLE:
        percent = getattr(levers, f"waive_{kind}")
        if percent:
            amount = round_fen(lawful.of(kind) * percent / HUNDRED)
            waived[kind] = amount
            label = f"减免{KIND_LABELS[kind]}（{_pct(percent)}）"
            effects.append(LeverEffect(f"waive_{kind}", label, amount))
    discount = _principal_discount(lawful, levers)
    if discount is not None:
        waived["principal"] = discount.amount
        effects.append(discount)
    if levers.agreed_sum is not None:
        effects.append(_agreed_sum(lawful, levers.agreed_sum, waived))
    cut = KindAmounts(**waived)
    settled = KindAmounts(**{k: lawful.of(k) - cut.of(k) for k in KINDS})
    return SettlementProposal(lawful, levers, tuple(effects), cut, settled, creditor_floor)


def _principal_discount(lawful: LawfulFigures, levers: Levers) -> LeverEffect | None:
    if levers.principal_discount:
        amount = levers.principal_discount
        return LeverEffect("principal_discount", f"本金减让 {fmt_grouped(amount)} 元", amount)
    if levers.principal_discount_percent:
        percent = levers.principal_discount_percent
        amount = round_fen(lawful.principal * percent / HUNDRED)
        return LeverEffect("principal_discount", f"本金减让（{_pct(percent)}）", amount)
    return None


def _agreed_sum(lawful: LawfulFigures, agreed: Decimal, waived: dict[str, Decimal]) -> LeverEffect:
    """Cut what the other levers left down to `agreed`, kind by kind; update `waived`."""
    left = sum((lawful.of(k) - waived[k] for k in KINDS), ZERO)
    cut = left - agreed
    remaining = cut
    for kind in AGREED_SUM_ORDER:
        take = min(remaining, lawful.of(kind) - waived[kind])
        waived[kind] += take
        remaining -= take
    return LeverEffect("agreed_sum", f"约定和解金额 {fmt_grouped(agreed)} 元", cut)


def _pct(percent: Decimal) -> str:
    return f"{percent.normalize():f}%"


def check_levers(
    lawful: LawfulFigures, levers: Levers, creditor_floor: Decimal | None
) -> list[Problem]:
    """Every problem of a set of levers against the lawful figures."""
    out: list[Problem] = []
    for kind in KINDS:
        reason = money_reason(lawful.of(kind), allow_zero=True)
        if reason:
            out.append(Problem(f"lawful.{kind}", reason))
    for name in (*(f"waive_{k}" for k in WAIVABLE), "principal_discount_percent"):
        reason = percent_reason(getattr(levers, name))
        if reason:
            out.append(Problem(name, reason))
    _check_principal_discount(lawful, levers, out)
    if levers.agreed_sum is not None:
        _check_agreed_sum(lawful, levers, out)
    if creditor_floor is not None:
        reason = money_reason(creditor_floor)
        if reason:
            out.append(Problem("creditor_floor", reason))
    return out


def percent_reason(value: object) -> str | None:
    if not isinstance(value, Decimal) or not value.is_finite():
        return "不是有效的百分比"
    if not ZERO <= value <= HUNDRED:
        return "比例须在 0 到 100 之间（100 为全部减免，0 为不减免）"
    if value != value.quantize(Decimal("0.01")):
        return "比例最多两位小数"
    return None


def _check_principal_discount(lawful: LawfulFigures, levers: Levers, out: list[Problem]) -> None:
    amount = levers.principal_discount
    if amount and levers.principal_discount_percent:
        out.append(Problem("principal_discount_percent", "本金减让请只填金额或比例中的一项"))
    if not amount:
        return
    reason = money_reason(amount)
    if reason is None and amount > lawful.principal:
        reason = f"不能超过本金 {fmt_grouped(lawful.principal)} 元"
    if reason:
        out.append(Problem("principal_discount", reason))


def _check_agreed_sum(lawful: LawfulFigures, levers: Levers, out: list[Problem]) -> None:
    agreed = levers.agreed_sum
    reason = money_reason(agreed)
    if reason is None and agreed is not None and agreed > lawful.total:
        reason = f"不能高于依法计算的应还总额 {fmt_grouped(lawful.total)} 元"
    if reason is None and agreed is not None and not out:
        others = propose(lawful, replace(levers, agreed_sum=None))
        if agreed > others.settled_total:
            reason = (
                f"高于其他减免项之后的金额 {fmt_grouped(others.settled_total)} 元；"
                "请取消部分减免项，或调低约定金额"
            )
    if reason:
        out.append(Problem("agreed_sum", reason))


def levers_from_dict(data: Mapping[str, Any]) -> Levers:
    """Levers from their JSON form (the field names of `Levers`; numbers as strings)."""
    out: list[Problem] = []
    names = [field.name for field in fields(Levers)]
    jf.unknown_keys(data, names, "", out)
    values: dict[str, Any] = {}
    for name in names:
        if name in ("principal_discount", "agreed_sum"):
            value = jf.money_field(data, name, "", out, required=False)
        else:
            value = jf.decimal_field(data, name, "", out, required=False, in_percent=True)
        if value is not None:
            values[name] = value
    raise_if(out)
    return Levers(**values)


def levers_to_dict(levers: Levers) -> dict[str, str]:
    """The JSON form of the levers that are on."""
    out: dict[str, str] = {}
    for field in fields(Levers):
        value = getattr(levers, field.name)
        if value is not None and value != 0:
            out[field.name] = str(value)
    return out
