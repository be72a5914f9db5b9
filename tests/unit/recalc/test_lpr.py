"""The LPR table: bundled history, look-ups, CSV parsing and import."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.errors import DomainError, InputError
from app.domain.lpr import LprTable, parse_lpr_csv, table_to_csv
from app.services.organisation.accounts import SignedIn, key_holder
from app.services.recalc.lpr import current_table, import_table, load_bundled_table

CHANGES = [
    ("2019-08-20", "4.25", "4.85"), ("2019-09-20", "4.20", "4.85"), ("2019-11-20", "4.15", "4.80"),
    ("2020-02-20", "4.05", "4.75"), ("2020-04-20", "3.85", "4.65"), ("2021-12-20", "3.80", "4.65"),
    ("2022-01-20", "3.70", "4.60"), ("2022-05-20", "3.70", "4.45"), ("2022-08-22", "3.65", "4.30"),
    ("2023-06-20", "3.55", "4.20"), ("2023-08-21", "3.45", "4.20"), ("2024-02-20", "3.45", "3.95"),
    ("2024-07-22", "3.35", "3.85"), ("2024-10-21", "3.10", "3.60"), ("2025-05-20", "3.00", "3.50"),
]  # fmt: skip


@pytest.mark.parametrize(("day", "one", "five"), CHANGES)
def test_bundled_table_has_every_change(day: str, one: str, five: str) -> None:
    table = load_bundled_table()
    changed = date.fromisoformat(day)
    assert table.one_year_on(changed) == Decimal(one) / 100
    assert table.five_year_on(changed) == Decimal(five) / 100
    before = table.row_on(changed.replace(day=changed.day - 1))
    if before is not None:
        assert (before.one_year, before.five_year) != (Decimal(one) / 100, Decimal(five) / 100)


def test_bundled_table_is_monthly_on_the_20th_or_the_next_working_day() -> None:
    table = load_bundled_table()
    days = [row.effective_date for row in table.rows]
    assert days[0] == date(2019, 8, 20) and table.last_row_date == date(2025, 12, 22)
    assert len(days) == 77  # one a month, 2019-08 … 2025-12
    assert all(20 <= d.day <= 24 for d in days)
    assert table.one_year_on(date(2019, 8, 19)) is None


def test_parse_rejects_bad_tables() -> None:
    with pytest.raises(InputError):
        parse_lpr_csv("date,rate\n2020-01-20,4.15\n")
    with pytest.raises(InputError) as info:
        parse_lpr_csv("effective_date,one_year,five_year\n2020-02-20,4.05,4.75\n"
                      "2020-01-20,41.5,4.80\n2020-03-20,x,4.75\n")  # fmt: skip
    paths = [p.path for p in info.value.problems]
    assert paths == ["lpr[3].one_year"]
    with pytest.raises(InputError) as info:
        parse_lpr_csv("effective_date,one_year,five_year\n2020-02-20,4.05,4.75\n"
                      "2020-01-20,41.5,4.80\n")  # fmt: skip
    assert [p.path for p in info.value.problems] == ["lpr[2].effective_date", "lpr[2].one_year"]


def test_round_trip_and_import(tmp_path: Path) -> None:
    bundled = load_bundled_table()
    assert parse_lpr_csv(table_to_csv(bundled)) == bundled
    newer = table_to_csv(bundled) + "2026-01-20,2.90,3.40\n"
    source = tmp_path / "new.csv"
    source.write_text(newer, encoding="utf-8")
    data = tmp_path / "data"
    table = import_table(source, data, by=key_holder())
    assert isinstance(table, LprTable) and table.last_row_date == date(2026, 1, 20)
    assert current_table(data).one_year_on(date(2026, 2, 1)) == Decimal("0.029")
    bad = tmp_path / "bad.csv"
    bad.write_text("effective_date,one_year,five_year\n2026-01-20,abc,3\n", encoding="utf-8")
    with pytest.raises(InputError):
        import_table(bad, data, by=key_holder())
    assert current_table(data).last_row_date == date(2026, 1, 20)
    assert current_table(tmp_path / "empty") is bundled


def test_only_a_supervisor_imports_a_table(tmp_path: Path) -> None:
    source = tmp_path / "new.csv"
    source.write_text(table_to_csv(load_bundled_table()) + "2026-01-20,2.90,3.40\n", "utf-8")
    clerk = SignedIn("xiaoli", "小李", "mediator", datetime(2026, 3, 2, tzinfo=UTC))
    with pytest.raises(DomainError, match="LPR 利率表”只能由主管管理"):
        import_table(source, tmp_path / "data", by=clerk)
    assert not (tmp_path / "data" / "lpr.csv").exists()
