"""The plan tracker over a real temporary store with the inline runner: instalment states in
colour, the default banner with the claimable amount (and the move to 已违约), 记录还款."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from app.domain.performance import InstallmentState
from app.services.cases.service import create_case, get_case
from app.services.settlement import service as st
from app.services.startup import open_context
from tests.settlement_fixtures import (
    EQUAL_SPEC,
    TERMS,
    TO_SIGNED,
    WAIVE_CHARGES,
    add_snapshot,
    walk,
)
from tests.store_fixtures import FixedClock, copy_template, make_template, new_case
from ui.models.plan_status_rows import BACKGROUNDS, STATE_ROLE, StatusColumn
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.settlement.plan_tracker import PlanTracker

WAIT = 5_000
CASE = "TJ-2026-000001"
SIGNED_AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
PAID_BY = datetime(2026, 5, 11, 2, 0, tzinfo=UTC)
PAYMENTS = (
    (date(2026, 3, 10), "10000.50"),
    (date(2026, 4, 15), "10409"),
    (date(2026, 5, 10), "5000"),
)


def at(day: date) -> FixedClock:
    return FixedClock(datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("tracker-gui"))


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    """Signed on 2 March 2026 (plan: 10,000.50 on 10 March, then 10 monthly rows from 15 April,
    acceleration after 15 days, waivers revive); three payments, the third 5,000 of 10,409."""
    folder = tmp_path / "data"
    copy_template(template, folder)
    with open_context(folder, actor="准备", clock=FixedClock(SIGNED_AT)) as ctx:
        create_case(ctx, new_case())
        add_snapshot(ctx, CASE)
        st.save_settlement(ctx, CASE, WAIVE_CHARGES, EQUAL_SPEC, TERMS)
        walk(ctx, CASE, *TO_SIGNED)
    with open_context(folder, actor="准备", clock=FixedClock(PAID_BY)) as ctx:
        for day, amount in PAYMENTS:
            st.record_plan_payment(ctx, CASE, day, amount, "转账")
    return folder


@pytest.fixture
def make_tracker(qtbot, themed_app, data_dir) -> Iterator[Callable[[date], PlanTracker]]:
    services: list[ContextCaseService] = []

    def make(today: date) -> PlanTracker:
        service = ContextCaseService(data_dir, actor="测试调解员", clock=at(today))
        services.append(service)
        runner = InlineTaskRunner()
        widget = PlanTracker(service, runner, today=lambda: today)
        runner.setParent(widget)
        qtbot.addWidget(widget)
        widget.resize(1346, 560)
        widget.show()
        return widget

    yield make
    for service in services:
        service.close()


def load(qtbot, tracker: PlanTracker, case_no: str = CASE) -> None:
    with qtbot.waitSignal(tracker.case_loaded, timeout=WAIT):
        tracker.load(case_no)


def status_in_store(data_dir: Path) -> str:
    with open_context(data_dir, actor="检查", clock=FixedClock(PAID_BY)) as ctx:
        return get_case(ctx, CASE).summary.status


def cell(tracker: PlanTracker, row: int, column: StatusColumn) -> str:
    return tracker.model.index(row, column).data()


def test_a_missed_instalment_defaults_the_plan_with_the_claim_on_a_banner(
    qtbot, make_tracker, data_dir, qtmodeltester
):
    tracker = make_tracker(date(2026, 6, 1))
    with qtbot.waitSignal(tracker.case_defaulted, timeout=WAIT) as moved:
        tracker.load(CASE)
    assert moved.args == [CASE]
    qtmodeltester.check(tracker.model)
    assert tracker.model.rowCount() == 11
    assert [cell(tracker, r, StatusColumn.STATE) for r in range(4)] == [
        "已还清", "已还清", "逾期超过约定天数", "待还"
    ]  # fmt: skip
    assert cell(tracker, 2, StatusColumn.PAID) == "5,000.00"
    assert cell(tracker, 2, StatusColumn.OUTSTANDING) == "5,409.00"
    assert cell(tracker, 2, StatusColumn.DAYS_LATE) == "17"
    missed = tracker.model.index(2, StatusColumn.DUE)
    assert missed.data(STATE_ROLE) == InstallmentState.MISSED
    background = missed.data(Qt.ItemDataRole.BackgroundRole).color()
    assert background == BACKGROUNDS[InstallmentState.MISSED]
    assert tracker.model.index(3, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert tracker.default_banner.isVisibleTo(tracker)
    assert tracker.default_banner.text() == (
        "已于 2026-05-31 违约：第 3 期逾期超过 15 天仍未还清，剩余款项全部到期。"
        "现可主张 93,140.50 元（其中恢复的减免 4,450.00 元）。案件状态已改为“已违约”。"
    )
    assert tracker.status_chip.text() == "已违约"
    assert status_in_store(data_dir) == "defaulted"
    assert tracker.figures["paid"].text() == "已还 25,409.50 元"
    assert tracker.next_due.text() == ""  # everything is due at once
    assert "可主张原依法应还 118,550.00 元减去已还款" in tracker.terms_summary.text()


def test_before_the_threshold_the_plan_is_late_but_not_defaulted(qtbot, make_tracker, data_dir):
    tracker = make_tracker(date(2026, 5, 12))
    load(qtbot, tracker)
    assert cell(tracker, 2, StatusColumn.STATE) == "部分已还"
    assert tracker.next_due.text() == "下一期：第 3 期，2026-05-15 应还 5,409.00 元"
    assert not tracker.default_banner.isVisibleTo(tracker)
    with qtbot.waitSignal(tracker.case_loaded, timeout=WAIT):
        tracker.as_of.setDate(QDate(2026, 5, 25))
    assert cell(tracker, 2, StatusColumn.STATE) == "逾期"
    assert cell(tracker, 2, StatusColumn.DAYS_LATE) == "10"
    with qtbot.waitSignal(tracker.case_loaded, timeout=WAIT):
        tracker.as_of.setDate(QDate(2026, 6, 1))  # looking ahead changes nothing
    assert tracker.default_banner.text().startswith("已于 2026-05-31 违约")
    assert "案件状态已改为" not in tracker.default_banner.text()
    assert status_in_store(data_dir) == "signed"


def test_recording_a_payment_updates_the_instalments(qtbot, make_tracker, data_dir):
    tracker = make_tracker(date(2026, 5, 25))
    load(qtbot, tracker)
    dialog = tracker.open_payment_dialog()
    assert dialog is not None and dialog.isVisible()
    dialog.day.setDate(QDate(2026, 5, 20))
    qtbot.keyClicks(dialog.amount, "5409")
    dialog.note.setText("补足第 3 期")
    with qtbot.waitSignal(tracker.payment_recorded, timeout=WAIT) as recorded:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert recorded.args[0].note == "补足第 3 期"
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: cell(tracker, 2, StatusColumn.STATE) == "已还清", timeout=WAIT)
    assert cell(tracker, 2, StatusColumn.SETTLED_ON) == "2026-05-20"
    assert tracker.payments.rowCount() == 4
    assert tracker.payments.item(3, 1).text() == "5,409.00"
    assert tracker.figures["paid"].text() == "已还 30,818.50 元"


def test_the_payment_dialog_shows_problems_by_their_fields(qtbot, make_tracker, data_dir):
    tracker = make_tracker(date(2026, 5, 25))
    load(qtbot, tracker)
    dialog = tracker.open_payment_dialog()
    dialog.day.setDate(QDate(2026, 5, 26))
    qtbot.keyClicks(dialog.amount, "12.345")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rows["amount"].error.isVisible(), timeout=WAIT)
    assert dialog.rows["amount"].error.text() == "不是有效金额（如 2000 或 2,000.00）"
    assert dialog.rows["date"].error.text() == "不能晚于今天 2026-05-25"
    assert dialog.isVisible() and dialog.amount.text() == "12.345"
    with open_context(data_dir, actor="检查", clock=FixedClock(PAID_BY)) as ctx:
        assert len(st.plan_status(ctx, CASE, date(2026, 5, 25)).payments) == 3
    dialog.reject()


def test_an_unsigned_case_has_nothing_to_track(qtbot, make_tracker, data_dir):
    with open_context(data_dir, actor="准备", clock=FixedClock(PAID_BY)) as ctx:
        other = create_case(ctx, new_case(debtor_name="李四")).case_no
    tracker = make_tracker(date(2026, 5, 25))
    load(qtbot, tracker, other)
    assert tracker.hint.isVisibleTo(tracker)
    assert tracker.hint.text() == (
        f"案件 {other} 尚未签署调解协议（当前状态：待受理）。签署后可在这里记录和跟踪还款。"
    )


def test_the_main_window_has_the_tracker_as_a_case_tab(qtbot, themed_app, data_dir):
    from ui.main import build_main_window

    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    tabs = window.case_tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert isinstance(tabs.widget(titles.index("履行情况")), PlanTracker)
    window.shutdown()
