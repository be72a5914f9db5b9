"""Reading rates as Chinese contracts write them: each form, each idiom, each refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import InputError
from app.domain.rates import describe_rate, parse_rate

D = Decimal


@pytest.mark.parametrize(
    ("text", "annual"),
    [
        # annual percentages, and the default for a bare percentage
        ("年利率18%", "0.18"),
        ("年化 24%", "0.24"),
        ("年化利率24%", "0.24"),
        ("年息18%", "0.18"),
        ("年利率：18%", "0.18"),
        ("年利率为18%", "0.18"),
        ("年化率 18%", "0.18"),
        ("年利率3.85%", "0.0385"),
        ("18%", "0.18"),
        ("18 ％", "0.18"),
        ("１８％", "0.18"),
        ("18%/年", "0.18"),
        ("利率18%", "0.18"),
        ("百分之十八", "0.18"),
        ("年利率百分之二十四", "0.24"),
        ("年利率百分之十八点二五", "0.1825"),
        ("0%", "0"),
        # fractions
        ("0.18", "0.18"),
        ("0", "0"),
        ("年利率0.18", "0.18"),
        ("月利率0.015", "0.18"),
        # monthly percentages × 12
        ("月利率1.5%", "0.18"),
        ("月息1.5%", "0.18"),
        ("月利率 2%", "0.24"),
        ("每月1.5%", "0.18"),
        ("1.5%/月", "0.18"),
        # 分 and 厘 by the month: 1 分 = 1 %, 1 厘 = 0.1 %
        ("月息1分", "0.12"),
        ("月息1分5", "0.18"),
        ("月息1分5厘", "0.18"),
        ("月息一分五", "0.18"),
        ("月息壹分伍厘", "0.18"),
        ("月息一分半", "0.18"),
        ("月息1.5分", "0.18"),
        ("月息2分", "0.24"),
        ("月息两分", "0.24"),
        ("月息2分利", "0.24"),
        ("月息8厘", "0.096"),
        ("月息十厘", "0.12"),
        ("月利3分", "0.36"),
        # … and with no period (private lending: "2分利" is a month)
        ("1分5厘", "0.18"),
        ("1分5", "0.18"),
        ("2分", "0.24"),
        ("两分利", "0.24"),
        ("利息2分", "0.24"),
        # 分 and 厘 by the year: 1 分 = 10 %, 1 厘 = 1 %
        ("年息1分", "0.1"),
        ("年息一分", "0.1"),
        ("年息1分5", "0.15"),
        ("年利1分2厘", "0.12"),
        ("年息8厘", "0.08"),
        ("年利8厘", "0.08"),
        # daily, × 360
        ("日利率0.05%", "0.18"),
        ("日息0.05%", "0.18"),
        ("日息万5", "0.18"),
        ("日万5", "0.18"),
        ("日万五", "0.18"),
        ("日万分之五", "0.18"),
        ("日万分之6.5", "0.234"),
        ("日利率0.5‰", "0.18"),
        ("日千分之1", "0.36"),
        ("每日0.05%", "0.18"),
        ("日息1%", "3.6"),
    ],
)
def test_forms(text: str, annual: str) -> None:
    assert parse_rate(text) == D(annual)
    assert str(parse_rate(text)) == annual  # exact, plain digits, no trailing zeros


@pytest.mark.parametrize(
    ("text", "annual"),
    [("日万5", "0.1825"), ("日利率0.05%", "0.1825"), ("月息1分5", "0.18"), ("18%", "0.18")],
)
def test_day_basis_365_changes_only_daily_rates(text: str, annual: str) -> None:
    assert parse_rate(text, 365) == D(annual)


def test_day_basis_must_be_360_or_365() -> None:
    with pytest.raises(ValueError):
        parse_rate("18%", 366)


def reason(text: str, path: str = "rate") -> str:
    with pytest.raises(InputError) as caught:
        parse_rate(text, path=path)
    (problem,) = caught.value.problems
    assert problem.path == path
    return problem.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "请填写利率"),
        ("   ", "请填写利率"),
        ("18", "“18”不明确：请写成“18%”（百分数）或小数"),
        ("1.5", "不明确"),
        ("月息2", "不明确：请写成百分数，如“月利率2%”"),
        ("年息10", "如“年利率10%”"),
        ("8厘", "请注明月息还是年息"),
        ("日息5厘", "日息几分几厘各地说法不一"),
        ("日息1分", "日息几分几厘各地说法不一"),
        ("日息5毫", "日息几分几厘各地说法不一"),
        ("万5", "没有注明按日、按月还是按年"),
        ("千分之五", "没有注明按日、按月还是按年"),
        ("0.5‰", "没有注明按日、按月还是按年"),
        ("1分15", "分后面只能跟一位厘数"),
        ("1分半5", "分厘写法无法识别"),
        ("月息5毫", "分厘写法无法识别"),
        ("年利率-5%", "不能为负数"),
        ("abc", "无法识别"),
        ("LPR的4倍", "无法识别"),
        ("18%%", "无法识别"),
        ("年利率18%，逾期24%", "无法识别"),
        ("日息3%", "折合年利率 1080%，超过 1000%"),
        ("1001%", "超过 1000%"),
    ],
)
def test_refused_with_a_reason_that_says_how(text: str, words: str) -> None:
    assert words in reason(text)


def test_the_reason_quotes_the_text_and_names_the_field() -> None:
    assert (
        reason(" 年息 10 ", path="overdue_rate")
        == "利率“年息 10”不明确：请写成百分数，如“年利率10%”。"
    )


def test_1000_percent_is_the_last_accepted() -> None:
    assert parse_rate("1000%") == D(10)
    assert str(parse_rate("1000%")) == "10"


@pytest.mark.parametrize(
    ("annual", "text"),
    [
        ("0.18", "年利率 18%（月利率 1.5%，日利率 0.05%）"),
        ("0.36", "年利率 36%（月利率 3%，日利率 0.1%）"),
        ("0.24", "年利率 24%（月利率 2%，日利率约 0.0667%）"),
        ("0.0385", "年利率 3.85%（月利率约 0.3208%，日利率约 0.0107%）"),
        ("0", "年利率 0%（月利率 0%，日利率 0%）"),
        ("0.1825", "年利率 18.25%（月利率约 1.5208%，日利率约 0.0507%）"),
    ],
)
def test_describe_rate(annual: str, text: str) -> None:
    assert describe_rate(D(annual)) == text


def test_describe_rate_on_365_days() -> None:
    assert describe_rate(D("0.1825"), 365) == "年利率 18.25%（月利率约 1.5208%，日利率 0.05%）"


@pytest.mark.parametrize("bad", [D("-0.01"), D("NaN")])
def test_describe_rate_refuses_what_is_not_a_rate(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        describe_rate(bad)


hundredths = st.integers(0, 100000).map(lambda n: D(n) / 100)  # 0.00 … 1000.00 (percent)


@settings(max_examples=300, deadline=None)
@given(hundredths)
def test_a_percentage_reads_back_exactly(percent: Decimal) -> None:
    written = format(percent.normalize(), "f")
    assert parse_rate(f"年利率{written}%") == percent / 100
    if percent <= 1000 / 12:
        assert parse_rate(f"月利率{written}%") == percent * 12 / 100
    if percent <= D(1000) / 360:
        assert parse_rate(f"日利率{written}%") == percent * 360 / 100


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 9), st.integers(0, 9))
def test_fen_li_by_month_and_by_year(fen: int, li: int) -> None:
    """n 分 m 厘 a month is (n + m/10) % a month; a year, (10 n + m) % a year."""
    monthly = (D(fen) + D(li) / 10) / 100
    assert parse_rate(f"月息{fen}分{li}厘") == monthly * 12
    assert parse_rate(f"月息{fen}分{li}") == monthly * 12
    assert parse_rate(f"年息{fen}分{li}厘") == (D(fen) * 10 + D(li)) / 100


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10000).map(lambda n: D(n) / 10000))
def test_describe_then_parse_gives_the_rate_back(annual: Decimal) -> None:
    """The annual figure describe_rate prints is exact for four-decimal fractions."""
    shown = describe_rate(annual).split("（")[0].removeprefix("年利率 ")
    assert parse_rate(shown) == annual
