"""The settlement page over a real temporary store with the inline runner: live totals from
the levers, plans to the fen, custom rows, saving, and errors beside their fields."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from app.domain.plan import PlanMethod
from app.services.settlement import service as st
from app.services.startup import open_context
from tests.settlement_fixtures import TO_SIGNED, add_snapshot, set_floor, walk
from tests.store_fixtures import FixedClock, copy_template, make_template, new_case
from ui.models.plan_rows import PlanColumn
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.settlement.page import SettlementPage

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
WAIT = 5_000
CASE = "TJ-2026-000001"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("settlement-gui"))


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    copy_template(template, folder)
    with open_context(folder, actor="准备", clock=FixedClock(NOW)) as ctx:
        from app.services.cases.service import create_case

        create_case(ctx, new_case())
        add_snapshot(ctx, CASE)  # lawful 118,550.00 (see tests/settlement_fixtures.py)
    return folder


@pytest.fixture
def page(qtbot, themed_app, data_dir) -> Iterator[SettlementPage]:
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(NOW))
    runner = InlineTaskRunner()
    widget = SettlementPage(service, runner, today=lambda: TODAY)
    runner.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1346, 900)
    widget.show()
    yield widget
    service.close()


def load(qtbot, page: SettlementPage) -> None:
    with qtbot.waitSignal(page.case_loaded, timeout=WAIT):
        page.load(CASE)


def stored(data_dir: Path) -> Any:
    with open_context(data_dir, actor="检查", clock=FixedClock(NOW)) as ctx:
        return st.get_settlement(ctx, CASE)


def amounts(page: SettlementPage) -> list[str]:
    model = page.plan.model
    return [model.index(r, PlanColumn.AMOUNT).data() for r in range(model.rowCount())]


def answer_terms(page: SettlementPage, days: int = 15, revives: bool = True) -> None:
    page.terms.acceleration.setValue(days)
    (page.terms.revives if revives else page.terms.no_revival).setChecked(True)


def save(qtbot, page: SettlementPage) -> Any:
    with qtbot.waitSignal(page.saved, timeout=WAIT) as saved:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


def test_each_lever_changes_the_totals_live_with_its_effect(qtbot, page):
    load(qtbot, page)
    levers = page.levers
    assert page.lawful_total.text() == page.settled_total.text() == "118,550.00"
    assert levers.cell_text("penalty", "lawful") == "3,900.00"
    levers.percent["waive_penalty"].setValue(100)
    assert levers.cell_text("penalty", "effect") == "−3,900.00"
    assert levers.cell_text("penalty", "settled") == "0.00"
    assert page.settled_total.text() == "114,650.00"
    levers.percent["waive_interest"].setValue(10)
    assert levers.cell_text("interest", "effect") == "−1,710.00"
    qtbot.keyClicks(levers.principal_discount, "5000")
    assert levers.cell_text("principal", "effect") == "−5,000.00"
    assert page.settled_total.text() == "107,940.00"  # 118,550 − 3,900 − 1,710 − 5,000
    qtbot.keyClicks(levers.agreed_sum, "100000")
    assert levers.cell_text("agreed", "effect") == "−7,940.00"
    assert levers.cell_text("total", "effect") == "−18,550.00"
    assert page.settled_total.text() == "100,000.00"
    assert page.waived_note.text() == "共减免 18,550.00 元"
    assert [e.label_zh for e in page.proposal().effects] == [
        "减免罚息（100%）", "减免利息（10%）", "本金减让 5,000.00 元", "约定和解金额 100,000.00 元"
    ]  # fmt: skip
    lump = "合计 100,000.00 元：100,000.00 元于 2026-04-02 一次性付清。"
    assert page.plan.description.text() == lump


def test_a_refused_lever_is_shown_beside_it_and_the_total_waits(qtbot, page):
    load(qtbot, page)
    qtbot.keyClicks(page.levers.agreed_sum, "200000")
    row = page.levers.field_rows["levers.agreed_sum"]
    assert row.error.isVisibleTo(page)
    assert row.error.text() == "不能高于依法计算的应还总额 118,550.00 元"
    assert page.settled_total.text() == "—"
    assert page.levers.cell_text("total", "settled") == "—"
    page.levers.agreed_sum.clear()
    page.levers.agreed_sum.textEdited.emit("")
    assert not row.error.isVisibleTo(page) and page.settled_total.text() == "118,550.00"


def test_below_the_creditors_floor_is_flagged(qtbot, page, data_dir):
    with open_context(data_dir, actor="准备", clock=FixedClock(NOW)) as ctx:
        set_floor(ctx, CASE, Decimal("110000.00"))
    load(qtbot, page)
    assert page.floor_note.text() == "债权人可接受的最低金额 110,000.00 元"
    qtbot.keyClicks(page.levers.agreed_sum, "100000")
    text = page.floor_note.text()
    assert text == "⚠ 低于债权人可接受的最低金额 110,000.00 元（差 10,000.00 元），请与债权人确认"
    assert page.floor_note.property("tone") == "alert"


def test_equal_monthly_plan_rows_sum_to_the_settled_total_to_the_fen(qtbot, page):
    load(qtbot, page)
    for name in ("waive_penalty", "waive_compound", "waive_fees"):
        page.levers.percent[name].setValue(100)
    box = page.plan
    box.method_buttons[PlanMethod.EQUAL].setChecked(True)
    box.first_due.setDate(QDate(2026, 4, 15))
    box.count.setValue(10)
    box.has_down.setChecked(True)
    qtbot.keyClicks(box.down_amount, "10000.50")
    box.down_due.setDate(QDate(2026, 3, 10))
    rows = amounts(page)
    assert rows[:2] == ["10,000.50", "10,409.00"] and rows[-1] == "10,418.50"
    assert len(rows) == 11
    assert sum(Decimal(a.replace(",", "")) for a in rows) == Decimal("114100.00")
    assert box.model.index(0, PlanColumn.N).data() == "1（首付）"
    assert box.model.index(10, PlanColumn.DUE).data() == "2027-01-15"
    assert box.table.isColumnHidden(PlanColumn.INTEREST)
    box.round_to.setCurrentIndex(1)  # to the fen: 104,099.50 / 10 = 10,409.95 each
    assert set(amounts(page)[1:]) == {"10,409.95"}


def test_saving_stores_what_is_on_screen_and_it_loads_again(qtbot, page, data_dir, qtmodeltester):
    load(qtbot, page)
    page.levers.percent["waive_penalty"].setValue(50)
    box = page.plan
    box.method_buttons[PlanMethod.EQUAL].setChecked(True)
    box.frequency.setCurrentIndex(1)  # every two weeks
    box.count.setValue(6)
    page.terms.grace.setValue(3)
    answer_terms(page, 10, revives=False)
    page.clauses.payment_method.setText("转入债权人账户 6217000010001234567")
    page.clauses.extra_terms.setPlainText("本协议一式三份。\n\n各方各执一份。")
    info = save(qtbot, page)
    assert info == stored(data_dir)
    assert info.settled_total == Decimal("116600.00") and len(info.rows) == 6
    assert info.plan_input["frequency"] == "biweekly" and info.grace_days == 3
    assert (info.terms.acceleration_days, info.terms.waiver_revives_on_default) == (10, False)
    assert info.payment_method == "转入债权人账户 6217000010001234567"
    assert info.extra_terms == ("本协议一式三份。", "各方各执一份。")
    assert page.saved_note.text().startswith("已保存 ")
    qtmodeltester.check(box.model)
    fresh = SettlementPage(page._service, page._runner, today=lambda: TODAY)
    qtbot.addWidget(fresh)
    with qtbot.waitSignal(fresh.case_loaded, timeout=WAIT):
        fresh.load(CASE)
    assert fresh.settled_total.text() == "116,600.00"
    assert fresh.plan.count.value() == 6 and fresh.terms.no_revival.isChecked()
    assert fresh.levers.percent["waive_penalty"].value() == 50
    assert amounts(fresh) == amounts(page)
    assert fresh.clauses.extra_terms.toPlainText() == "本协议一式三份。\n各方各执一份。"
    assert fresh.clauses.payment_method.text() == info.payment_method


def test_custom_plan_rows_are_edited_with_the_remainder_shown(qtbot, page, data_dir):
    load(qtbot, page)
    box = page.plan
    box.method_buttons[PlanMethod.CUSTOM].setChecked(True)
    assert box.model.custom_rows() == [("2026-04-02", "118550.00")]  # the plan on screen
    assert box.remainder_text() == "已全部分配"
    assert box.add_button.isVisibleTo(page) and not box.parameters.isVisibleTo(page)
    model = box.model
    model.setData(model.index(0, PlanColumn.AMOUNT), "50000")
    assert box.remainder_text() == "尚余 68,550.00 元未分配"
    assert box.remainder.property("tone") == "warn"
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert model.custom_rows()[1] == ("2026-05-02", "68550.00")
    assert box.remainder_text() == "已全部分配"
    model.setData(model.index(1, PlanColumn.DUE), "2026-06-30")
    model.setData(model.index(1, PlanColumn.AMOUNT), "70000")
    assert box.remainder_text() == "超出和解金额 1,450.00 元"
    box.table.selectRow(1)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    answer_terms(page)
    info = save(qtbot, page)
    assert [(r.due, r.amount) for r in info.rows] == [
        (date(2026, 4, 2), Decimal("50000.00")), (date(2026, 5, 2), Decimal("68550.00"))
    ]  # fmt: skip
    assert stored(data_dir).method is PlanMethod.CUSTOM


def test_errors_show_by_their_fields_and_nothing_typed_is_lost(qtbot, page, data_dir):
    load(qtbot, page)
    assert page.terms.acceleration.text() == "请填写"
    assert page.terms.revival.checkedButton() is None  # nothing pre-ticked
    page.levers.percent["waive_fees"].setValue(100)
    box = page.plan
    box.method_buttons[PlanMethod.CUSTOM].setChecked(True)
    box.model.setData(box.model.index(0, PlanColumn.AMOUNT), "-5")
    with qtbot.waitSignal(page.save_failed, timeout=WAIT):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    terms = page.terms.field_rows
    assert terms["terms.acceleration_days"].error.text() == "缺少此项"
    assert terms["terms.waiver_revives_on_default"].error.text().startswith("缺少此项")
    assert box.problems.text() == "第 1 期：金额须为正数"
    assert box.model.index(0, PlanColumn.AMOUNT).data(Qt.ItemDataRole.ToolTipRole)
    assert page.banner.text().startswith("未保存：请按标红的提示修改后再保存。")
    assert stored(data_dir) is None
    assert page.levers.percent["waive_fees"].value() == 100  # still as typed
    assert box.model.custom_rows() == [("2026-04-02", "-5")]
    answer_terms(page)
    assert terms["terms.acceleration_days"].error.text() == ""
    box.model.setData(box.model.index(0, PlanColumn.AMOUNT), "118250")
    assert box.problems.text() == "" and not page.banner.isVisibleTo(page)
    assert save(qtbot, page).settled_total == Decimal("118250.00")


def test_a_signed_case_shows_its_terms_read_only(qtbot, page, data_dir):
    load(qtbot, page)
    answer_terms(page)
    save(qtbot, page)
    with open_context(data_dir, actor="准备", clock=FixedClock(NOW)) as ctx:
        walk(ctx, CASE, *TO_SIGNED)
    load(qtbot, page)
    assert not page.form.isEnabled() and not page.save_button.isVisibleTo(page)
    locked = "调解协议已签署（已签署），以下条款不可更改。履行情况见“履行情况”。"
    assert page.locked.text() == locked
    assert page.settled_total.text() == "118,550.00"


def test_a_case_without_a_snapshot_asks_for_a_recalculation(qtbot, page, data_dir):
    with open_context(data_dir, actor="准备", clock=FixedClock(NOW)) as ctx:
        from app.services.cases.service import create_case

        other = create_case(ctx, new_case(debtor_name="李四")).case_no
    with qtbot.waitSignal(page.case_loaded, timeout=WAIT):
        page.load(other)
    assert page.hint.isVisibleTo(page)
    assert "请先在“重新计算”中计算并保存计算结果" in page.hint.text()


def test_the_main_window_has_the_page_as_a_case_tab(qtbot, themed_app, data_dir):
    from ui.main import build_main_window

    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    tabs = window.case_tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert isinstance(tabs.widget(titles.index("和解方案")), SettlementPage)
    window.shutdown()
