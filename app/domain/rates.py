"""Interest rates as Chinese loan contracts write them, read into an exact annual fraction.

`parse_rate("月息1分5") == Decimal("0.18")`: the engine works with annual fractions.
Monthly rates are × 12; daily rates × the day basis (360 by default, the People's Bank
rule; 365 when a case says so). Only multiplication happens, so results are exact.

Forms accepted (spaces, full-width characters and Chinese digits such as 一两二…壹贰…
十 are all fine; a prefix 年/月/日 + 利率/利息/息/利/化/率, or 每年/每月/每日/每天, or a
suffix /年 /月 /日 /天 gives the period):

- Percentages and fractions: "年利率18%", "年化 24%", "月利率1.5%", "日利率0.05%",
  "百分之十八", "月利率0.015". With no period a percentage or a fraction is annual
  ("18%", "0.18"). A bare number of 1 or more ("18", "月息2") is refused: 18 % or 18 分?
- Per mille and per ten thousand: "日万5", "日息万5", "日万分之五" = 0.05 % a day;
  "日利率0.5‰", "日千分之0.5" likewise. With no period they are refused (日万5 is the
  idiom, but a bare "万5" or "千分之五" does not say per what).
- 分 and 厘 (民间借贷 idiom). The unit depends on the period, as 《现代汉语词典》
  defines them ("分：利率，年利一分按十分之一计算，月利一分按百分之一计算"; 厘: 年利一厘按
  百分之一, 月利一厘按千分之一) and as courts read contracts (秀洲法院 held 借条“年息一分”
  to be 10 % a year, not 1 %):
  - 月息1分 = 1 %/month; 月息1分5 = 月息1分5厘 = 月息1分半 = 1.5 %; 月息2分 = 2 %;
    月息8厘 = 0.8 %/month;
  - 年息1分 = 10 %/year; 年息1分5 = 15 %; 年息8厘 = 8 %/year;
  - with no period, 分 is read as a month ("2分利", "1分5厘": the universal usage in
    private lending), but 厘 alone ("8厘") is refused: 0.8 % a month and 8 % a year are
    both common readings;
  - 日息 with 分/厘 (or 毫) is refused: sources disagree whether 日息1厘 is 0.01 % or
    0.1 % a day. Write 日利率0.05% or 日万5 instead.

Errors raise `InputError([Problem(path, reason)])` with a Chinese reason that says how to
write the rate; `path` defaults to "rate".
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from app.domain.errors import InputError, Problem

MAX_ANNUAL = Decimal(10)  # 1000 % a year: anything above is a slip of the pen
DAY_BASES = (360, 365)
_PREFIXES = [
    (prefix, period)
    for word, period in (("年", "year"), ("月", "month"), ("日", "day"), ("天", "day"))
    for prefix in (
        f"{word}化利率",
        f"{word}化率",
        f"{word}利率",
        f"{word}利息",
        f"{word}化",
        f"{word}息",
        f"{word}利",
        f"{word}率",
        f"每{word}",
        f"按{word}",
        word,
    )
]
_SUFFIXES = {"/年": "year", "/月": "month", "/日": "day", "/天": "day"}
_CN_DIGITS = str.maketrans("〇零一壹二贰两三叁四肆五伍六陆七柒八捌九玖", "001122233445566778899")
_CN_TENS = re.compile(r"(\d?)[十拾](\d?)")
_NUM = r"\d+(?:\.\d+)?"
_PERCENT = re.compile(rf"^(?:({_NUM})%|百分之({_NUM}))$")
_PER_UNIT = re.compile(rf"^(?:(万|千)分之({_NUM})|(万|千)({_NUM})|({_NUM})‰)$")
_FEN_LI = re.compile(rf"^(?:({_NUM})分(半)?)?(?:(\d+(?:\.\d+)?)(厘)?)?$")
_UNIT = {"万": Decimal("0.0001"), "千": Decimal("0.001")}
_WORDS = {"year": "年利率", "month": "月利率", "day": "日利率"}
_LI = {"year": Decimal("0.01"), "month": Decimal("0.001")}  # one 厘 per period
_EXAMPLES = "年利率18%、月利率1.5%、月息1分5、日利率0.05%、日万5 或 0.18"


class _Refused(Exception):
    """A reason (to follow the quoted text) why the text is not a rate."""


def _clean(text: str) -> str:
    cleaned = unicodedata.normalize("NFKC", text)
    cleaned = re.sub(r"[\s,，。:：]", "", cleaned).translate(_CN_DIGITS)
    cleaned = _CN_TENS.sub(lambda m: str(int(m[1] or 1) * 10 + int(m[2] or 0)), cleaned)
    return re.sub(r"(?<=\d)点(?=\d)", ".", cleaned)


def _split_period(cleaned: str) -> tuple[str, str | None]:
    """("1分5", "month") from "月息1分5"; the period is None when nothing names it."""
    for suffix, period in _SUFFIXES.items():
        if cleaned.endswith(suffix):
            return cleaned[: -len(suffix)], period
    for prefix, period in _PREFIXES:
        if cleaned.startswith(prefix):
            return cleaned[len(prefix) :].removeprefix("为"), period
    for prefix in ("利率", "利息"):
        if cleaned.startswith(prefix):
            return cleaned[len(prefix) :], None
    return cleaned, None


def _fen_li(body: str, period: str | None) -> Decimal:
    """The rate per period of a 分/厘 form such as "1分5", "1分5厘", "1分半", "8厘"."""
    if period == "day":
        raise _Refused("不明确：日息几分几厘各地说法不一，请写成 日利率0.05% 或 日万5 这样的形式。")
    found = _FEN_LI.match(body)
    if not found or not (found[1] or found[3]) or (found[2] and found[3]):
        raise _Refused("的分厘写法无法识别：请写成 月息1分5（即1分5厘）或 月息8厘 这样的形式。")
    fen, half, li, li_unit = found[1], found[2], found[3], found[4]
    if fen and li and not re.fullmatch(r"\d", li):
        raise _Refused("的分厘写法无法识别：分后面只能跟一位厘数，如 1分5 或 1分5厘。")
    if period is None and not fen:
        raise _Refused("不明确：请注明月息还是年息（月息8厘即月利率0.8%，年息8厘即年利率8%）。")
    if not fen and not li_unit:
        raise _Refused(f"无法识别：请写成 {_EXAMPLES} 这样的形式。")
    li_count = Decimal(fen or 0) * 10 + (5 if half else 0) + Decimal(li or 0)
    return li_count * _LI[period or "month"]


def _plain(body: str, period: str | None) -> tuple[Decimal, str]:
    """A fraction below 1 ("0.18"); a larger bare number could be a percentage or not."""
    number = Decimal(body)
    if number < 1:
        return number, period or "year"
    if period is None:
        raise _Refused(f"不明确：请写成“{body}%”（百分数）或小数（如 0.18），并注明年、月或日。")
    raise _Refused(f"不明确：请写成百分数，如“{_WORDS[period]}{body}%”。")


def _per_period(body: str, period: str | None) -> tuple[Decimal, str]:
    """The rate per period, and the period (a bare percentage or fraction is annual)."""
    if not body:
        raise _Refused(f"没有写数字：请写成 {_EXAMPLES} 这样的形式。")
    if body.startswith("-"):
        raise _Refused("不能为负数。")
    percent = _PERCENT.match(body)
    if percent:
        return Decimal(percent[1] or percent[2]) / 100, period or "year"
    per_unit = _PER_UNIT.match(body)
    if per_unit:
        if period is None:
            raise _Refused("没有注明按日、按月还是按年：请写成“日万5”“日利率0.5‰”这样的形式。")
        number = per_unit[2] or per_unit[4] or per_unit[5]
        return Decimal(number) * _UNIT[per_unit[1] or per_unit[3] or "千"], period
    if re.fullmatch(_NUM, body):
        return _plain(body, period)
    if "分" in body or "厘" in body or "毫" in body:
        return _fen_li(body.removesuffix("利息").rstrip("利息"), period), period or "month"
    raise _Refused(f"无法识别：请写成 {_EXAMPLES} 这样的形式。")


def _tidy(value: Decimal) -> Decimal:
    """0.180 → 0.18, 1E+1 → 10: plain digits, no trailing zeros."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def parse_rate(text: str, day_basis: int = 360, *, path: str = "rate") -> Decimal:
    """The annual fraction written by `text` ("年利率18%" → 0.18); see the module docstring.

    Raises:
        InputError: one `Problem(path, …)` saying how to write the rate.
        ValueError: `day_basis` other than 360 or 365 (a programming error).
    """
    if day_basis not in DAY_BASES:
        raise ValueError(f"day_basis must be 360 or 365, got {day_basis}")
    shown = " ".join(text.split())
    if not shown:
        raise InputError([Problem(path, f"请填写利率，如 {_EXAMPLES}。")])
    try:
        rate, period = _per_period(*_split_period(_clean(text)))
    except _Refused as refused:
        raise InputError([Problem(path, f"利率“{shown}”{refused}")]) from None
    factor = {"year": 1, "month": 12, "day": day_basis}[period]
    annual = rate * factor
    if annual > MAX_ANNUAL:
        reason = f"利率“{shown}”折合年利率 {_percent(annual)}%，超过 1000%，请检查写法。"
        raise InputError([Problem(path, reason)])
    return _tidy(annual)


def _percent(fraction: Decimal) -> str:
    return format(_tidy(fraction * 100), "f")


def _approx_percent(label: str, fraction: Decimal) -> str:
    """ "月利率 1.5%", or "日利率约 0.0667%" when four decimals of a percent are not exact."""
    percent = fraction * 100
    rounded = percent.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    text = format(_tidy(rounded), "f") + "%"
    return f"{label} {text}" if rounded == percent else f"{label}约 {text}"


def describe_rate(annual: Decimal, day_basis: int = 360) -> str:
    """`Decimal("0.18")` → `"年利率 18%（月利率 1.5%，日利率 0.05%）"`.

    A figure that four decimals of a percent cannot hold exactly is rounded half up and
    marked 约: 0.24 → "年利率 24%（月利率 2%，日利率约 0.0667%）".
    """
    if day_basis not in DAY_BASES:
        raise ValueError(f"day_basis must be 360 or 365, got {day_basis}")
    if not annual.is_finite() or annual < 0:
        raise ValueError(f"not an annual rate: {annual}")
    return (
        f"{_approx_percent('年利率', annual)}（{_approx_percent('月利率', annual / 12)}，"
        f"{_approx_percent('日利率', annual / day_basis)}）"
    )
