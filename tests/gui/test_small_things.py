"""Issue 13, item 10 (and 9): the small things a first day ran into."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QPoint, Qt

from ui.widgets.date_field import DateField


def test_a_waived_zero_shows_as_zero_not_minus_zero():
    from ui.views.settlement.levers import _minus

    assert _minus(Decimal("0.00")) == "0.00"
    assert _minus(Decimal("-0.00")) == "0.00"
    assert _minus(Decimal("1200.50")) == "−1,200.50"


def test_timestamps_are_china_time_whatever_the_computers_zone():
    from app.cli.output import local_time as cli_time
    from ui.formatting import local_time

    moment = datetime(2026, 1, 1, 0, 30, tzinfo=UTC)
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    time.tzset()
    try:
        assert local_time(moment) == "2026-01-01 08:30" == cli_time(moment)
    finally:
        os.environ["TZ"] = before or "Asia/Shanghai"
        time.tzset()


def test_typing_a_whole_date_over_the_selection_keeps_the_typed_year(qtbot, themed_app):
    edit = DateField(date(2026, 7, 6))
    qtbot.addWidget(edit)
    edit.show()
    for typed, wanted in (("2023-04-10", date(2023, 4, 10)), ("20221231", date(2022, 12, 31)),
                          ("2021/3/5", date(2021, 3, 5))):  # fmt: skip
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, typed)
        edit.clearFocus()
        assert edit.value() == wanted, typed


def test_an_empty_optional_date_shows_its_text_and_its_calendar_a_sensible_month(
    qtbot, themed_app
):
    edit = DateField(optional=True, not_set="（未填）")
    qtbot.addWidget(edit)
    edit.show()
    assert edit.text() == "（未填）" and edit.value() is None
    edit.set_reference(date(2024, 1, 10))
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, 8))
    calendar = edit.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (2024, 1)
    edit.setDate(QDate(2024, 3, 1))
    assert edit.value() == date(2024, 3, 1)


def test_the_language_can_be_chosen_in_the_menu(window, monkeypatch):
    from ui import i18n

    chosen: list[str] = []
    monkeypatch.setattr(i18n, "save_language", chosen.append)
    english = next(a for a in window.language_menu.actions() if a.text() == "English")
    english.trigger()
    assert chosen == ["en"] and english.isChecked()
    assert "next start" in window.statusBar().currentMessage()
