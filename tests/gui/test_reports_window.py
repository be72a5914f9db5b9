"""统计 over a real demo store: the figures, the charts' bars and the worklist are those the
report and worklist services compute; the exports write what the CLI writes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.session_fixtures import make_demo
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.reports.window import ReportsWindow

ON = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("reports-gui") / "data")


@pytest.fixture
def view(qtbot, themed_app, demo) -> Iterator[ReportsWindow]:
    service = ContextCaseService(demo, actor="测试调解员")
    win = ReportsWindow(service, InlineTaskRunner(), ON)
    qtbot.addWidget(win)
    win.show()
    win.refresh()
    qtbot.waitUntil(lambda: win.report is not None and win.refresh_button.isEnabled())
    yield win
    service.close()


def test_the_window_shows_the_report_and_its_charts(view: ReportsWindow) -> None:
    from app.services.reports.service import ReportFilter, build_report

    ctx = view._service.context()
    expected = build_report(ctx, ReportFilter(), ON)
    assert view.report == expected
    assert "24" in view.figures.text() and f"{expected.settlement_rate}%" in view.figures.text()
    assert view.status_chart.items == [(k, Decimal(v)) for k, v in expected.by_status.items()]
    assert dict(view.amounts_chart.items)["已回收"] == expected.totals.recovered
    assert view.batch_box.count() > 1


def test_a_batch_narrows_the_report(qtbot, view: ReportsWindow) -> None:
    view.batch_box.setCurrentIndex(1)
    batch = view.batch_box.currentData()
    before = view.report
    view.refresh()
    qtbot.waitUntil(lambda: view.report is not before)
    assert view.report is not None and {r.batch for r in view.report.rows} == {batch}
    assert view.batch_box.currentData() == batch


def test_the_worklist_tab_lists_the_defaults(view: ReportsWindow) -> None:
    assert view.worklist is not None
    defaulted = view.worklist.of("defaulted")
    assert defaulted and view.work_table.rowCount() == len(view.worklist.items)
    assert view.work_table.item(0, 0).text() == "已违约"
    assert view.work_table.item(0, 9).text() == defaulted[0].reminder


def test_exports(qtbot, view: ReportsWindow, tmp_path: Path) -> None:
    view.export("xlsx", tmp_path / "r.xlsx")
    view.export("pdf", tmp_path / "r.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "r.pdf").exists())
    assert (tmp_path / "r.xlsx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
