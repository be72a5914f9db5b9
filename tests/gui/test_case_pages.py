"""The case list over a real store, a page at a time: search through the FTS5 index,
filters (status, batch, lender type, days overdue), counts in the status bar, masked
personal numbers, and a page fetched when the view scrolls to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.intake_fixtures import IDS, row, write_xlsx
from tests.store_fixtures import copy_template, make_template
from ui.models.case_pages import PAGE
from ui.models.case_table import Column
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.main_window import MainWindow

WAIT = 10_000
ROWS = 230


@pytest.fixture(scope="module")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with 230 imported cases (two lender types, one batch)."""
    from app.services.intake.service import IntakeOptions, import_file
    from app.services.startup import open_context

    folder = tmp_path_factory.mktemp("pages")
    data = folder / "data"
    copy_template(make_template(folder), data)
    rows = [row(n, 出借人类型="银行" if n % 2 else "小额贷款公司", 借款人姓名=f"借款人{n}")
            for n in range(1, ROWS + 1)]  # fmt: skip
    rows[6]["借款人姓名"] = "欧阳娜娜"
    with open_context(data) as ctx:
        report = import_file(ctx, write_xlsx(folder / "b.xlsx", rows), IntakeOptions())
        assert report.imported == ROWS
    return data


@pytest.fixture
def window(
    qtbot: Any, themed_app: Any, store_template: Path, tmp_path: Path
) -> Iterator[MainWindow]:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(store_template, data)
    service = ContextCaseService(data, actor="测试")
    win = MainWindow(service, InlineTaskRunner(), data)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.cases_loaded, timeout=WAIT):
        win.refresh()
    yield win
    service.close()


def shown(win: MainWindow, column: Column) -> list[str]:
    return [win.proxy.index(r, column).data() for r in range(min(win.proxy.rowCount(), PAGE))]


def test_the_list_counts_everything_but_reads_one_page(qtbot: Any, window: MainWindow) -> None:
    assert window.paged and window.model.rowCount() == ROWS
    assert window.count_label.text() == f"共 {ROWS} 件案件"
    assert len(window.model._pages) == 1  # only the first page was read
    ids = shown(window, Column.ID_NUMBER)
    assert all("*" in number for number in ids) and IDS[1] not in ids
    last = window.proxy.index(ROWS - 1, Column.CASE_NO)
    assert last.data() == "…"  # its page is asked for
    qtbot.waitUntil(lambda: window.proxy.index(ROWS - 1, Column.CASE_NO).data() != "…",
                    timeout=WAIT)  # fmt: skip
    assert window.proxy.index(ROWS - 1, Column.CASE_NO).data() == "TJ-2026-000001"


def test_search_by_name_number_and_contract(qtbot: Any, window: MainWindow) -> None:
    def search(text: str) -> list[str]:
        with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
            window.filter_edit.setText(text)
        return shown(window, Column.CASE_NO)

    assert search("欧阳") == ["TJ-2026-000007"]  # two characters: the names
    assert search("欧阳娜娜") == ["TJ-2026-000007"]  # the trigram index
    assert search("HT-007") == ["TJ-2026-000007"]  # the contract number
    assert len(search(IDS[2])) == ROWS // 5  # a full ID number finds its cases
    assert "找到 46 件" in window.shown_label.text()
    assert search("TJ-2026-000123") == ["TJ-2026-000123"]
    assert search("没有这个人") == []


def test_filters_narrow_the_list(qtbot: Any, window: MainWindow) -> None:
    bar = window.filters
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        bar.lender.setCurrentIndex(bar.lender.findData("bank"))
    assert window.model.total == ROWS // 2
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        bar.status.setCurrentIndex(bar.status.findData("contacting"))
    assert window.model.total == 0
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        bar.status.setCurrentIndex(0)
    assert bar.batch.count() == 2  # 全部 and the one batch
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        bar.batch.setCurrentIndex(1)
    assert window.model.total == ROWS // 2
    # the loans fell due in April 2022: more than three years before the test's today
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        bar.overdue.setCurrentIndex(1)  # 90 days or less
    assert window.model.total == 0
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        bar.overdue.setCurrentIndex(0)
    assert window.model.total == ROWS // 2


def test_pages_that_come_after_the_window_closed_are_dropped(
    qtbot: Any, themed_app: Any, store_template: Path, tmp_path: Path
) -> None:
    """A refresh still under way when the window goes (its results arrive later through
    the event loop) touches nothing that was deleted."""
    import shutil

    import shiboken6
    from PySide6.QtCore import QCoreApplication

    data = tmp_path / "data"
    shutil.copytree(store_template, data)
    service = ContextCaseService(data, actor="测试")
    win = MainWindow(service, InlineTaskRunner(), data)
    model = win.model
    win.refresh()  # the count, the first page and the filters' choices are queued
    shiboken6.delete(win)
    assert not shiboken6.isValid(model)
    QCoreApplication.processEvents()  # before: "Internal C++ object already deleted"
    service.close()
