"""Money in Chinese capital numerals (大写金额), dates and amounts as documents print them.

`rmb_upper` follows the People's Bank of China 《支付结算办法》 (银发〔1997〕393号),
附件一《正确填写票据和结算凭证的基本规定》, and the Ministry of Finance 《会计基础工作规范》
(1996) art. 52:

- 人民币 in front, digits 壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿元角分, 零 and 整 (never
  一二三…, 十, 两, 另 or 0). 拾 always has its digit: 10 is 壹拾元整, 110 is 壹佰壹拾元整.
- An amount ending at 元 ends 元整. An amount ending at 角 may end with or without 整;
  we write 角整 (the accounting rule asks for it, and it stops a 分 being added). An
  amount with 分 never ends with 整.
- Rule 5(1)(2): zeros between digits are read as one 零 (¥1,409.50 → 壹仟肆佰零玖元伍角;
  ¥6,007.14 → 陆仟零柒元壹角肆分).
- Rule 5(3): when the 万 digit or the 元 digit is 0 (alone or ending a run of zeros) and
  the 仟 or 角 digit after it is not, 零 may be written or left out. We take the first
  form the rule gives in each of its examples: no 零 after 万 (¥107,000.53 →
  壹拾万柒仟元零伍角叁分) but 零 after 元 (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分); the 亿
  digit is treated like the 万 digit (壹拾亿壹仟万元整). A whole group of four zeros
  (壹亿零柒仟元整 for 100,007,000) always gets its 零, as speech has it.
- Rule 5(4): 角 is 0 and 分 is not → 零 after 元 (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分).
- Under one yuan no 元 is written (人民币伍分, 人民币壹角贰分, 人民币伍角整); nothing is
  人民币零元整.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.money import round_fen

MAX_AMOUNT = Decimal("999999999999.99")
DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("仟", "佰", "拾", "")
_GROUPS = ("亿", "万", "")


def _fen(amount: Decimal) -> int:
    if isinstance(amount, (bool, float)) or not isinstance(amount, (Decimal, int)):
        raise TypeError(f"amount must be a Decimal, got {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"amount is not a number: {amount}")
    if value < 0:
        raise ValueError(f"amount is negative: {amount}")
    if value > MAX_AMOUNT:
        raise ValueError(f"amount above {MAX_AMOUNT}: {amount}")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"amount has more than two decimals: {amount}")
    return int(fen)


def _group_words(group: str) -> str:
    """Words of one group of four digits: inner zeros read as one 零, trailing ones not."""
    words: list[str] = []
    zero = False
    for digit, place in zip(group, _PLACES, strict=True):
        if digit == "0":
            zero = bool(words)
        else:
            words.append(("零" if zero else "") + DIGITS[int(digit)] + place)
            zero = False
    return "".join(words)


def _yuan_words(yuan: int) -> str:
    """壹拾万柒仟 for 107000; the empty string for 0."""
    digits = f"{yuan:012d}"
    words: list[str] = []
    skipped = False
    for i, unit in enumerate(_GROUPS):
        group = digits[4 * i : 4 * i + 4]
        if group == "0000":
            skipped = bool(words)  # a skipped group reads as 零 before what follows
            continue
        if words and (skipped or group[0] == "0"):
            words.append("零")
        words.append(_group_words(group) + unit)
        skipped = False
    return "".join(words)


def rmb_upper(amount: Decimal) -> str:
    """`Decimal("12345.67")` → `"人民币壹万贰仟叁佰肆拾伍元陆角柒分"`.

    Raises:
        ValueError: negative, more than two decimals, above 999,999,999,999.99, not finite.
        TypeError: a float (never a sum of money) or anything but a Decimal or int.
    """
    total = _fen(amount)
    yuan, cents = divmod(total, 100)
    jiao, fen = divmod(cents, 10)
    if total == 0:
        return "人民币零元整"
    head = _yuan_words(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return f"人民币{head}整"
    tail = ""
    if jiao:
        tail = ("零" if head and yuan % 10 == 0 else "") + DIGITS[jiao] + "角"
    if fen:
        tail += ("零" if head and not jiao else "") + DIGITS[fen] + "分"
    else:
        tail += "整"
    return f"人民币{head}{tail}"


def format_date_cn(d: date) -> str:
    """`date(2026, 12, 15)` → `"2026年12月15日"` (no leading zeros, as documents print it)."""
    return f"{d.year}年{d.month}月{d.day}日"


def format_amount(amount: Decimal) -> str:
    """`Decimal("12345.67")` → `"12,345.67"`: grouped, two decimals (half up to the fen)."""
    if isinstance(amount, (bool, float)) or not isinstance(amount, (Decimal, int)):
        raise TypeError(f"amount must be a Decimal, got {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"amount is not a number: {amount}")
    return f"{round_fen(value):,.2f}"
