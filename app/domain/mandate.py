"""The creditor's mandate: how far the centre may go in a settlement, and the room left.

A mandate sets, each optional:

- `floor`: the minimum settled total;
- a maximum waiver per kind (interest, penalty, compound, fees), as a percentage of that
  kind's lawful amount or as an amount (both: the smaller);
- `max_instalments` (not counting a down payment) and `max_term_months` (from the day of
  the settlement to the last due date, a started month counting whole);
- `min_down_payment` (a lump sum counts as paid in full at once).

Mandates are set per creditor, per batch and per case; a case takes each limit from the
most specific that sets it (`merge`). `assess` gives one `RoomLine` per limit: the limit,
what the settlement uses, and the room left (negative: over the mandate). Pure functions:
the settlement page shows the room live with them, and signing is refused with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.errors import InputError, Problem
from app.domain.money import ZERO, fmt_grouped, parse_money, round_fen
from app.domain.plan_model import Plan, PlanMethod
from app.domain.settlement import KIND_LABELS, KindAmounts

WAIVER_KINDS = ("interest", "penalty", "compound", "fees")
HUNDRED = Decimal(100)
MAX_COUNT = 120
FIELD_LABELS: dict[str, str] = {
    "floor": "最低回收总额",
    **{f"waive_{k}": f"{KIND_LABELS[k]}减免上限" for k in WAIVER_KINDS},
    "max_instalments": "最多分期期数",
    "max_term_months": "最长还款期限",
    "min_down_payment": "最低首付款",
}


@dataclass(frozen=True)
class WaiverCap:
    """At most `percent` (0–100) of the kind, and/or at most `amount` yuan."""

    percent: Decimal | None = None
    amount: Decimal | None = None

    def limit(self, lawful: Decimal) -> Decimal:
        caps = [c for c in (self.amount,) if c is not None]
        if self.percent is not None:
            caps.append(round_fen(lawful * self.percent / HUNDRED))
        return min(caps) if caps else lawful

    def text(self) -> str:
        parts = []
        if self.percent is not None:
            parts.append(f"{self.percent.normalize():f}%")
        if self.amount is not None:
            parts.append(f"{fmt_grouped(self.amount)} 元")
        return "且不超过".join(parts)


@dataclass(frozen=True)
class Mandate:
    floor: Decimal | None = None
    waivers: Mapping[str, WaiverCap] = field(default_factory=dict)
    max_instalments: int | None = None
    max_term_months: int | None = None
    min_down_payment: Decimal | None = None

    @property
    def empty(self) -> bool:
        return self == Mandate()


@dataclass(frozen=True)
class RoomLine:
    """One limit: what it allows, what the settlement uses, and the room left (in `unit`:
    yuan, instalments or months; negative when the settlement is over it)."""

    rule: str
    label: str
    limit: Decimal
    used: Decimal
    left: Decimal
    unit: str
    limit_text: str

    @property
    def ok(self) -> bool:
        return self.left >= 0

    def breach_text(self) -> str:
        over = -self.left
        amount = f"{fmt_grouped(over)} 元" if self.unit == "元" else f"{over:f} {self.unit}"
        return f"{self.label}：授权 {self.limit_text}，本方案超出 {amount}"


@dataclass(frozen=True)
class Assessment:
    lines: tuple[RoomLine, ...]

    @property
    def breaches(self) -> tuple[RoomLine, ...]:
        return tuple(line for line in self.lines if not line.ok)

    @property
    def within(self) -> bool:
        return not self.breaches


def merge(*layers: Mandate | None) -> Mandate:
    """Each limit from the first layer that sets it (most specific first)."""
    found = [m for m in layers if m is not None]

    def first(name: str) -> Any:
        return next((getattr(m, name) for m in found if getattr(m, name) is not None), None)

    waivers = {}
    for kind in WAIVER_KINDS:
        cap = next((m.waivers[kind] for m in found if kind in m.waivers), None)
        if cap is not None:
            waivers[kind] = cap
    return Mandate(
        first("floor"),
        waivers,
        first("max_instalments"),
        first("max_term_months"),
        first("min_down_payment"),
    )


def assess(
    mandate: Mandate,
    lawful: KindAmounts,
    waived: KindAmounts,
    settled_total: Decimal,
    plan: Plan | None,
    start: date,
) -> Assessment:
    """The room left under each limit the mandate sets (see the module)."""
    lines: list[RoomLine] = []
    if mandate.floor is not None:
        floor = mandate.floor
        lines.append(_money("floor", floor, settled_total, settled_total - floor, "不低于"))
    for kind in WAIVER_KINDS:
        cap = mandate.waivers.get(kind)
        if cap is not None:
            limit, used = cap.limit(lawful.of(kind)), waived.of(kind)
            text = f"至多 {cap.text()}（{fmt_grouped(limit)} 元）"
            lines.append(
                RoomLine(
                    f"waive_{kind}",
                    FIELD_LABELS[f"waive_{kind}"],
                    limit,
                    used,
                    limit - used,
                    "元",
                    text,
                )
            )
    if plan is not None:
        lines += _plan_lines(mandate, plan, start)
    return Assessment(tuple(lines))


def _money(rule: str, limit: Decimal, used: Decimal, left: Decimal, word: str) -> RoomLine:
    text = f"{word} {fmt_grouped(limit)} 元"
    return RoomLine(rule, FIELD_LABELS[rule], limit, used, left, "元", text)


def _plan_lines(mandate: Mandate, plan: Plan, start: date) -> list[RoomLine]:
    lines = []
    regular = [i for i in plan.installments if not i.down_payment]
    if mandate.max_instalments is not None:
        limit, used = Decimal(mandate.max_instalments), Decimal(len(regular))
        lines.append(
            RoomLine(
                "max_instalments",
                FIELD_LABELS["max_instalments"],
                limit,
                used,
                limit - used,
                "期",
                f"至多 {mandate.max_instalments} 期",
            )
        )
    if mandate.max_term_months is not None and plan.installments:
        limit, used = (
            Decimal(mandate.max_term_months),
            Decimal(months_between(start, plan.installments[-1].due)),
        )
        lines.append(
            RoomLine(
                "max_term_months",
                FIELD_LABELS["max_term_months"],
                limit,
                used,
                limit - used,
                "个月",
                f"至多 {mandate.max_term_months} 个月",
            )
        )
    if mandate.min_down_payment is not None:
        down = plan.down_payment
        paid = plan.total if plan.method is PlanMethod.LUMP_SUM else (down.amount if down else ZERO)
        minimum = mandate.min_down_payment
        lines.append(_money("min_down_payment", minimum, paid, paid - minimum, "不低于"))
    return lines


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end`, a started month counting whole (0 when not later)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day > start.day:
        months += 1
    return max(months, 0)


# -- input and storage forms ---------------------------------------------------------------------


def mandate_from_input(data: Mapping[str, Any]) -> Mandate:
    """A mandate from its input form (strings as typed; "" or None: not set). Waivers as
    `waive_interest: "50%"` or `"1000.00"` (both: `"50% 1000"`). InputError per field."""
    problems: list[Problem] = []
    known = {
        "floor",
        "max_instalments",
        "max_term_months",
        "min_down_payment",
        *(f"waive_{k}" for k in WAIVER_KINDS),
    }
    for key in data:
        if key not in known:
            problems.append(Problem(key, f"未知的授权项目：可填 {'、'.join(sorted(known))}。"))
    floor = _amount(data, "floor", problems)
    down = _amount(data, "min_down_payment", problems)
    count = _count(data, "max_instalments", problems)
    term = _count(data, "max_term_months", problems)
    waivers = {}
    for kind in WAIVER_KINDS:
        cap = _cap(data.get(f"waive_{kind}"), f"waive_{kind}", problems)
        if cap is not None:
            waivers[kind] = cap
    if problems:
        raise InputError(problems)
    return Mandate(floor, waivers, count, term, down)


def waivers_to_json(waivers: Mapping[str, WaiverCap]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for kind, cap in waivers.items():
        item = {}
        if cap.percent is not None:
            item["percent"] = str(cap.percent)
        if cap.amount is not None:
            item["amount"] = str(cap.amount)
        out[kind] = item
    return out


def waivers_from_json(data: Mapping[str, Any]) -> dict[str, WaiverCap]:
    out = {}
    for kind, item in data.items():
        percent, amount = item.get("percent"), item.get("amount")
        out[kind] = WaiverCap(
            Decimal(percent) if percent is not None else None,
            Decimal(amount) if amount is not None else None,
        )
    return out


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    return "" if value is None else str(value).strip()


def _amount(data: Mapping[str, Any], name: str, out: list[Problem]) -> Decimal | None:
    text = _text(data, name).removesuffix("元").strip()
    if not text:
        return None
    amount = parse_money(text)
    if amount is None or amount < 0:
        out.append(Problem(name, f"“{text}”不是有效的金额：请写成 20000.00（元）。"))
    return amount


def _count(data: Mapping[str, Any], name: str, out: list[Problem]) -> int | None:
    text = _text(data, name).removesuffix("期").removesuffix("个月").strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_COUNT:
        out.append(Problem(name, f"请填写 1–{MAX_COUNT} 的整数。"))
        return None
    return int(text)


def _cap(value: Any, name: str, out: list[Problem]) -> WaiverCap | None:
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    percent = amount = None
    for part in text.replace("，", " ").replace(",", " ").split():
        if part.endswith("%"):
            percent = _percent(part[:-1])
            if percent is None:
                out.append(Problem(name, f"“{part}”不是 0–100 的百分比。"))
        else:
            amount = parse_money(part.removesuffix("元"))
            if amount is None or amount < 0:
                out.append(Problem(name, f"“{part}”不是有效的金额（或写成百分比，如 50%）。"))
    return WaiverCap(percent, amount)


def _percent(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    return value if value.is_finite() and ZERO <= value <= HUNDRED else None
