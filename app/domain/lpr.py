"""The Loan Prime Rate (贷款市场报价利率, LPR) history as an immutable table.

Rates inside the table are annual decimal fractions (3.85 % is `Decimal("0.0385")`), the
engine's unit; the CSV form (`effective_date,one_year,five_year`) writes them in percent,
as the National Interbank Funding Center publishes them. The rate in force on a day is the
latest row on or before it; a day before the first row has none.
"""

from __future__ import annotations

import bisect
import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from app.domain.errors import InputError, Problem

HEADER = ("effective_date", "one_year", "five_year")
FIRST_PUBLICATION = date(2019, 8, 20)
LAST_DAY = date(2099, 12, 31)  # a row dated later is a typo (and would break date sums)
MIN_PERCENT = Decimal("0.5")
MAX_PERCENT = Decimal("20")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class LprRow:
    """One publication: the rates (fractions) in force from `effective_date` on."""

    effective_date: date
    one_year: Decimal
    five_year: Decimal


@dataclass(frozen=True)
class LprTable:
    """Rows in strictly increasing date order (checked by `validate_rows`)."""

    rows: tuple[LprRow, ...]
    _dates: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_dates", tuple(r.effective_date for r in self.rows))

    @property
    def first_row_date(self) -> date | None:
        return self._dates[0] if self._dates else None

    @property
    def last_row_date(self) -> date | None:
        return self._dates[-1] if self._dates else None

    def row_on(self, day: date) -> LprRow | None:
        """The row in force on `day`, or None before the first row."""
        index = bisect.bisect_right(self._dates, day) - 1
        return self.rows[index] if index >= 0 else None

    def one_year_on(self, day: date) -> Decimal | None:
        """The one-year LPR (fraction) in force on `day`, or None before the first row."""
        row = self.row_on(day)
        return row.one_year if row else None

    def five_year_on(self, day: date) -> Decimal | None:
        row = self.row_on(day)
        return row.five_year if row else None


def validate_rows(rows: tuple[LprRow, ...]) -> list[Problem]:
    """Problems of a table: empty, dates not increasing or after 2099-12-31, rates outside
    0.5 %–20 %."""
    if not rows:
        return [Problem("lpr", "表中没有数据行（LPR table has no rows）")]
    out: list[Problem] = []
    low, high = MIN_PERCENT / HUNDRED, MAX_PERCENT / HUNDRED
    for index, row in enumerate(rows):
        where = f"lpr[{index + 1}]"
        if index and row.effective_date <= rows[index - 1].effective_date:
            out.append(Problem(f"{where}.effective_date", "日期须逐行递增（dates not increasing）"))
        if row.effective_date > LAST_DAY:
            late = "日期晚于 2099-12-31（after 2099-12-31）"
            out.append(Problem(f"{where}.effective_date", late))
        for name in ("one_year", "five_year"):
            rate: Decimal = getattr(row, name)
            if not low <= rate <= high:
                out.append(Problem(f"{where}.{name}", f"利率 {rate * HUNDRED}% 不在 0.5%–20% 之间"))
    return out


def _parse_percent(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().rstrip("%"))
    except InvalidOperation:
        return None
    return value / HUNDRED if value.is_finite() else None


def _parse_row(cells: list[str], where: str, out: list[Problem]) -> LprRow | None:
    if len(cells) != 3:
        out.append(Problem(where, "每行须有 3 列：effective_date,one_year,five_year"))
        return None
    try:
        day = date.fromisoformat(cells[0].strip())
    except ValueError:
        out.append(Problem(f"{where}.effective_date", "日期格式应为 YYYY-MM-DD"))
        day = None
    rates = [_parse_percent(c) for c in cells[1:]]
    for name, rate in zip(HEADER[1:], rates, strict=True):
        if rate is None:
            out.append(Problem(f"{where}.{name}", "不是百分数（如 3.85）"))
    if day is None or rates[0] is None or rates[1] is None:
        return None
    return LprRow(day, rates[0], rates[1])


def parse_lpr_csv(text: str) -> LprTable:
    """A validated table from CSV text (header, then percent rates); InputError otherwise."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    lines = [cells for cells in reader if any(c.strip() for c in cells)]
    if not lines or tuple(c.strip() for c in lines[0]) != HEADER:
        raise InputError([Problem("lpr", "首行须为 effective_date,one_year,five_year")])
    out: list[Problem] = []
    rows = [_parse_row(cells, f"lpr[{n}]", out) for n, cells in enumerate(lines[1:], start=1)]
    if out:
        raise InputError(out)
    table = tuple(r for r in rows if r is not None)
    out.extend(validate_rows(table))
    if out:
        raise InputError(out)
    return LprTable(table)


def table_to_csv(table: LprTable) -> str:
    """The CSV form (percent, two decimals) of a table."""
    lines = [",".join(HEADER)]
    for row in table.rows:
        one, five = (_percent_text(r) for r in (row.one_year, row.five_year))
        lines.append(f"{row.effective_date.isoformat()},{one},{five}")
    return "\n".join(lines) + "\n"


def _percent_text(rate: Decimal) -> str:
    return f"{(rate * HUNDRED).quantize(Decimal('0.01'))}"
