"""Reading an interest rate as a mediator types it, into an annual decimal fraction.

A stop-gap for the intake form until the recalculation domain's rate parser lands (it
will cover the same forms with its own tests); then this module should delegate to it.

Accepted: `0.18` (a fraction below 1), `18%`, `年化24%`, `年利率 18%`, `月利率1.5%`,
`月息1分5` (1.5 % a month), `月息8厘` (0.8 % a month), `日利率0.05%`, `日万5`
(5/10 000 a day). Monthly rates × 12, daily rates × 360 (the People's Bank day basis).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_ANNUAL = Decimal("10")
_PERIOD_FACTOR = {"year": Decimal(1), "month": Decimal(12), "day": Decimal(360)}
_PREFIXES = (
    ("年化利率", "year"),
    ("年利率", "year"),
    ("年化", "year"),
    ("年息", "year"),
    ("年", "year"),
    ("月利率", "month"),
    ("月息", "month"),
    ("月", "month"),
    ("日利率", "day"),
    ("日息", "day"),
    ("日", "day"),
)
_FEN_LI = re.compile(r"^(?:(\d+)分)?(\d+)?(厘)?$")


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _tidy(value: Decimal) -> Decimal:
    """0.180 → 0.18, 0E-8 → 0 (no exponent notation in the stored text)."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def _period_rate(body: str, period: str) -> Decimal | str:
    """The rate per period of `body` (after any 年/月/日 prefix)."""
    if body.endswith("%"):
        number = _number(body[:-1])
        return "不是百分数，请写成 18% 这样的形式。" if number is None else number / 100
    if period == "day" and body.startswith("万"):
        number = _number(body[1:])
        return "写法无法识别，如“日万5”。" if number is None else number / 10000
    if period == "month" and ("分" in body or "厘" in body):
        found = _FEN_LI.match(body)
        if not found or not (found[1] or found[2]):
            return "写法无法识别，如“月息1分5”或“月息8厘”。"
        if found[3] and not found[1]:  # 8厘 = 0.8 %
            return Decimal(found[2]) / 1000
        return (Decimal(found[1] or 0) + Decimal(found[2] or 0) / 10) / 100
    number = _number(body)
    if number is None:
        return "无法识别：请写成 18%、0.18、月息1分5 或 日万5 这样的形式。"
    if period == "year" and number >= 1:
        return f"“{body}”不明确：请写成“{body}%”（百分数）或小数（如 0.18）。"
    return number


def parse_annual_rate(text: str) -> Decimal | str:
    """The annual fraction, or a reason (to follow the field's name) why it is not one."""
    cleaned = re.sub(r"[\s，,]", "", text).replace("％", "%")
    period = "year"
    for prefix, which in _PREFIXES:
        if cleaned.startswith(prefix):
            cleaned, period = cleaned[len(prefix) :], which
            break
    if not cleaned:
        return "没有写数字，如 18%。"
    rate = _period_rate(cleaned, period)
    if isinstance(rate, str):
        return rate
    annual = rate * _PERIOD_FACTOR[period]
    if annual < 0:
        return "不能为负数。"
    if annual > MAX_ANNUAL:
        return f"折合年利率 {annual * 100:.2f}% 超过 1000%，请检查写法。"
    return _tidy(annual)
