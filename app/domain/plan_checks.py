"""Validation of instalment plans: every problem, each with its field path and a Chinese reason.

Each check accepts None for a value that could not be read at all (already reported by the
parser), and then skips the checks that need it, so one pass lists every problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from app.domain.errors import InputError, Problem
from app.domain.money import FEN, ZERO, floor_to, fmt_grouped
from app.domain.plan_model import DownPayment, Frequency, due_dates

MAX_INSTALLMENTS = 360
MAX_GRACE_DAYS = 365
MAX_AMOUNT = Decimal("1000000000000")  # one trillion yuan: beyond any real settlement
TOO_MUCH = "金额不能超过 999,999,999,999.99 元（more than 999,999,999,999.99）"
MAX_RATE_DECIMALS = 10
ROUND_UNITS: tuple[Decimal, ...] = tuple(Decimal(u) for u in ("0.01", "0.1", "1", "10", "100"))
DAY_BASES = (360, 365)


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


def money_reason(value: object, *, allow_zero: bool = False) -> str | None:
    """Why `value` is not a usable amount of yuan, or None when it is one."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return "不是有效金额"
    if abs(value) >= MAX_AMOUNT:
        return TOO_MUCH
    if value != value.quantize(FEN):
        return "金额最多两位小数（精确到分）"
    if value < 0 or (value == 0 and not allow_zero):
        return "金额须为正数" if not allow_zero else "金额不能为负数"
    return None


def _money(path: str, value: Decimal | None, out: list[Problem]) -> bool:
    """Append a problem for a bad amount; True when the amount is usable."""
    if value is None:
        return False
    reason = money_reason(value)
    if reason:
        out.append(Problem(path, reason))
    return reason is None


def check_equal(
    total: Decimal | None,
    first_due: date | None,
    count: int | None,
    frequency: Frequency | None,
    down: DownPayment | None,
    round_to: Decimal | None,
) -> list[Problem]:
    """Problems of an equal-instalment plan (a lump sum is one with count 1)."""
    out: list[Problem] = []
    total_ok = _money("total", total, out)
    count_ok = _check_count(count, out)
    if round_to is not None and round_to not in ROUND_UNITS:
        units = "、".join(str(u) for u in ROUND_UNITS)
        out.append(Problem("round_to", f"取整单位只能是 {units} 元之一"))
        round_to = None
    rest = _check_down(down, total if total_ok else None, first_due, out)
    if count_ok and first_due is not None and frequency is not None:
        _check_dates_in_range(first_due, count or 1, frequency, out)
    if rest is not None and count_ok and round_to is not None and count:
        _check_no_zero_row(rest, count, round_to, down is not None, out)
    return out


def _check_count(count: int | None, out: list[Problem]) -> bool:
    if count is None:
        return False
    if isinstance(count, bool) or not isinstance(count, int):
        out.append(Problem("count", "期数须为整数"))
        return False
    if not 1 <= count <= MAX_INSTALLMENTS:
        out.append(Problem("count", f"期数须在 1 到 {MAX_INSTALLMENTS} 之间"))
        return False
    return True


def _check_down(
    down: DownPayment | None, total: Decimal | None, first_due: date | None, out: list[Problem]
) -> Decimal | None:
    """Check the down payment; return what the regular instalments share (None if unknown)."""
    if down is None:
        return total
    amount_ok = _money("down_payment.amount", down.amount, out)
    if amount_ok and total is not None and down.amount >= total:
        out.append(
            Problem(
                "down_payment.amount",
                f"首付款须少于总额 {fmt_grouped(total)} 元（全额一次付清请选一次性付清）",
            )
        )
        amount_ok = False
    if down.due is not None and first_due is not None and down.due >= first_due:
        out.append(
            Problem(
                "down_payment.due",
                f"首付款日期须早于首期还款日 {first_due.isoformat()}；同一天付款请并入"
                "首付款金额，或改用自定义计划",
            )
        )
    if total is None or not amount_ok:
        return None
    return total - down.amount


def _check_dates_in_range(
    first_due: date, count: int, frequency: Frequency, out: list[Problem]
) -> None:
    try:
        due_dates(first_due, count, frequency)
    except (ValueError, OverflowError):
        out.append(Problem("first_due", "按此期数推算的还款日期超出可用范围"))


def _check_no_zero_row(
    rest: Decimal, count: int, round_to: Decimal, has_down: bool, out: list[Problem]
) -> None:
    if count == 1 or floor_to(rest / count, round_to) > ZERO:
        return
    what = "余款" if has_down else "总额"
    fix = "请减少期数" if round_to == FEN else "请减少期数，或把取整单位 round_to 改为 0.01"
    out.append(
        Problem(
            "count",
            f"{what} {fmt_grouped(rest)} 元分 {count} 期，按 {round_to} 元向下取整后"
            f"每期为 0 元；{fix}",
        )
    )


def check_custom(
    total: Decimal | None, rows: Sequence[tuple[date | None, Decimal | None]]
) -> list[Problem]:
    """Problems of custom rows: positive amounts, strictly later dates, exact sum."""
    out: list[Problem] = []
    total_ok = _money("total", total, out)
    if not rows:
        out.append(Problem("installments", "至少需要一期"))
        return out
    if len(rows) > MAX_INSTALLMENTS:
        out.append(Problem("installments", f"最多 {MAX_INSTALLMENTS} 期"))
    all_ok, previous = True, None
    for i, (due, amount) in enumerate(rows):
        all_ok = _money(f"installments[{i}].amount", amount, out) and all_ok
        if due is not None and previous is not None and due <= previous:
            out.append(
                Problem(
                    f"installments[{i}].due",
                    f"须晚于上一期的还款日 {previous.isoformat()}（还款日须逐期递增）",
                )
            )
        previous = due if due is not None else previous
    if all_ok and total_ok and total is not None:
        summed = sum((amount for _, amount in rows if amount is not None), ZERO)
        if summed != total:
            out.append(
                Problem(
                    "installments",
                    f"各期合计 {fmt_grouped(summed)} 元，与总额 {fmt_grouped(total)} 元"
                    f"不符（差 {fmt_grouped(total - summed)} 元）",
                )
            )
    return out


def check_grace(grace_days: int | None) -> list[Problem]:
    if grace_days is None:
        return []
    if isinstance(grace_days, bool) or not isinstance(grace_days, int):
        return [Problem("grace_days", "宽限天数须为整数")]
    if not 0 <= grace_days <= MAX_GRACE_DAYS:
        return [Problem("grace_days", f"宽限天数须在 0 到 {MAX_GRACE_DAYS} 之间")]
    return []


def rate_reason(value: object, *, allow_zero: bool) -> str | None:
    """Why `value` is not an annual rate as a fraction (0.06 = 6 %), or None."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return "不是有效利率"
    if value >= 1:
        return "利率须写成小数形式（如 0.06 表示年利率 6%），且小于 1"
    if -value.as_tuple().exponent > MAX_RATE_DECIMALS:  # type: ignore[operator]
        return "利率最多写到小数点后 10 位（more than 10 decimals）"
    if value < 0 or (value == 0 and not allow_zero):
        return "利率须为正数" if not allow_zero else "利率不能为负数"
    return None


def check_interest(
    annual_rate: Decimal | None,
    cap_rate: Decimal | None,
    start: date | None,
    day_basis: int | None,
    first_row_due: date | None,
) -> list[Problem]:
    """Problems of the plan's interest terms (None: not readable, already reported)."""
    out: list[Problem] = []
    for name, value, zero_ok in (("annual_rate", annual_rate, True), ("cap_rate", cap_rate, False)):
        reason = None if value is None else rate_reason(value, allow_zero=zero_ok)
        if reason:
            out.append(Problem(f"interest.{name}", reason))
    if day_basis is not None and (isinstance(day_basis, bool) or day_basis not in DAY_BASES):
        out.append(Problem("interest.day_basis", "计息天数基准只能是 360 或 365"))
    if start is not None and first_row_due is not None and start > first_row_due:
        out.append(
            Problem("interest.start", f"起息日不能晚于第一期还款日 {first_row_due.isoformat()}")
        )
    return out
