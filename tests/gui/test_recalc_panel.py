"""The recalculation panel over a real case store (demo data) with the inline runner."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from app.services import recalculation as rc
from app.services.context import open_context
from ui.models.recalc_lines import LINE_ROLE, VIEW_ROLE, LineColumn
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.recalc_panel import RecalcPanel

AS_OF = date(2026, 6, 30)
CASE = "TJ-2026-000003"  # small loan: 砍头息 1,800.00, 36 % penalty rate, claim above contract
WAIT = 5_000


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.services.demo import seed_demo

    folder = tmp_path_factory.mktemp("recalc-gui") / "data"
    with open_context(folder, actor="演示") as ctx:
        seed_demo(ctx)
    return folder


@pytest.fixture
def data_dir(demo_folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(demo_folder, target)
    return target


@pytest.fixture
def panel(qtbot, themed_app, data_dir) -> Iterator[RecalcPanel]:
    service = ContextCaseService(data_dir, actor="测试调解员")
    runner = InlineTaskRunner()
    widget = RecalcPanel(service, runner, today=lambda: AS_OF)
    runner.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1346, 560)
    widget.show()
    yield widget
    service.close()


def expected(data_dir: Path, as_of: date) -> dict[str, Any]:
    with open_context(data_dir, actor="检查") as ctx:
        return rc.preview(ctx, CASE, as_of)


def load(qtbot, panel: RecalcPanel, case_no: str = CASE) -> None:
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT) as shown:
        panel.show_case_no(case_no)
    assert shown.args == [case_no]


def test_the_lawful_total_is_shown_to_the_fen_beside_claimed_and_contract(qtbot, panel, data_dir):
    load(qtbot, panel)
    out = expected(data_dir, AS_OF)
    assert out["views"]["lawful"]["total"] == "54600.00"  # the engine's figure for the case
    assert panel.lawful_total_text() == "54,600.00"
    assert panel.result() == out
    assert panel.as_of() == AS_OF
    table = panel.table
    assert table.cell_text("total", "claimed") == "82,460.00"
    assert table.cell_text("total", "contract") == "75,829.40"
    assert table.cell_text("total", "lawful") == "54,600.00"
    assert table.cell_text("total", "reduction") == "21,229.40"
    assert table.cell_text("principal", "lawful") == "21,900.00"
    assert table.cell_text("penalty", "reduction") == "13,622.70"
    assert table.cell_text("paid", "claimed") == "—"
    assert "债权人主张 82,460.00 元" in panel.compare.text()
    assert "依法核减 21,229.40 元" in panel.compare.text()


def test_each_reduction_is_explained_with_its_legal_basis(qtbot, panel):
    load(qtbot, panel)
    text = panel.reasons.text()
    assert "共核减 21,229.40 元" in text
    assert "本金 减 1,800.00 元：预先扣除的利息不计入本金（《民法典》第六百七十条）" in text
    assert "合同写 30,000.00 元，实际只出借 28,200.00 元" in text
    assert "罚息（逾期利息） 减 13,622.70 元：约定逾期利率 36% 超过上限，依法按 24% 计算" in text
    assert "利息 减 3,321.50 元：合同年利率 36% 超过上限" in text
    assert "费用（违约金、服务费等） 减 2,485.20 元" in text
    assert "金融借款的利息、罚息、复利、违约金和其他费用合计以年利率 24% 为限" in text
    assert "依据：最高人民法院《关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）" in text


def test_the_warning_banner_shows_the_engines_warnings(qtbot, panel):
    load(qtbot, panel)
    assert panel.warnings.isVisibleTo(panel)
    lines = panel.warnings.text().split("\n")
    assert lines[0].startswith("⚠ 预先扣除利息：合同本金 30000.00，实际出借 28200.00")
    assert any("LPR 表最后一行为 2025-12-22" in line for line in lines)  # stale table
    assert any("债权人主张合计 82460.00 高于按合同计算的 75829.40" in line for line in lines)
    assert len(lines) == len(panel.result()["warnings"]) == 3
    assert not panel.error.isVisibleTo(panel)


def test_changing_the_date_recomputes_as_of_that_day(qtbot, panel, data_dir):
    load(qtbot, panel)
    later = date(2026, 7, 31)
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.date_edit.setDate(QDate(2026, 7, 31))
    out = expected(data_dir, later)
    assert panel.result() == out
    assert out["as_of"] == "2026-07-31"
    lawful = out["views"]["lawful"]["total"]
    assert panel.lawful_total_text() == f"{Decimal(lawful):,.2f}" != "54,600.00"
    assert panel.table.cell_text("total", "lawful") == panel.lawful_total_text()


def test_the_date_picker_starts_at_the_last_recorded_event(qtbot, panel):
    load(qtbot, panel)
    assert panel.date_edit.minimumDate() == QDate(2025, 12, 26)  # the lawyer's fee


def test_saving_stores_a_snapshot_of_what_is_on_screen(qtbot, panel, data_dir):
    load(qtbot, panel)
    assert panel.saved_note.text() == "尚未保存计算结果"
    with qtbot.waitSignal(panel.snapshot_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    info = saved.args[0]
    assert (info.case_no, info.as_of) == (CASE, AS_OF)
    assert info.output == panel.result() and info.verify()
    with open_context(data_dir, actor="检查") as ctx:
        assert rc.latest_snapshot(ctx, CASE) == info
    assert panel.saved_note.text().startswith("已保存 ")
    assert "（计算日 2026-06-30）" in panel.saved_note.text()
    assert info.sha256 in panel.saved_note.toolTip()
    assert panel.save_button.isEnabled()


def test_the_statement_groups_the_lines_by_view(qtbot, panel, qtmodeltester):
    load(qtbot, panel)
    model = panel.statement.model()
    qtmodeltester.check(model)
    lines = panel.result()["lines"]
    assert model.rowCount() == 2
    for row, view in enumerate(("contract", "lawful")):
        group = model.index(row, 0)
        assert model.data(group, VIEW_ROLE) == view
        mine = [line for line in lines if line["view"] == view]
        assert model.rowCount(group) == len(mine)
        first = model.index(0, 0, group)
        assert model.data(first, LINE_ROLE) == mine[0]
    lawful = model.index(1, 0)
    assert panel.statement.tree.isExpanded(lawful)
    assert model.index(1, 0).data() == "依法应还（15 行）"
    cells = [model.index(0, c, lawful).data() for c in LineColumn]
    assert cells[:2] == ["2021-05-25", "提示"]
    assert cells[LineColumn.AMOUNT] == "1,800.00"
    lawful_lines = [line for line in lines if line["view"] == "lawful"]
    cap = next(i for i, line in enumerate(lawful_lines) if line["kind"] == "cap")
    cap_cells = [model.index(cap, c, lawful).data() for c in LineColumn]
    assert cap_cells[LineColumn.KIND] == "超上限核减"
    assert cap_cells[LineColumn.RATE] == "24%"
    assert cap_cells[LineColumn.AMOUNT] == "-2,485.20"


def test_a_case_without_loan_terms_shows_what_is_missing(qtbot, panel, data_dir):
    with open_context(data_dir, actor="测试") as ctx, ctx.write() as uow:
        case = uow.cases.require(CASE)
        case.loan = None
        uow.record("test.loan_removed", case=case)
    with qtbot.waitSignal(panel.recalc_failed, timeout=WAIT):
        panel.show_case_no(CASE)
    assert panel.error.isVisibleTo(panel)
    assert panel.error.text().startswith("无法计算，请先补正以下内容：")
    assert f"案件 {CASE} 还没有借款合同信息" in panel.error.text()
    assert panel.lawful_total_text() == "—"
    assert not panel.save_button.isEnabled()


def test_the_main_window_has_the_panel_as_a_case_tab(qtbot, themed_app, data_dir):
    from ui.main import build_main_window

    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    tabs = window.case_tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "重新计算" in titles
    assert isinstance(tabs.widget(titles.index("重新计算")), RecalcPanel)
    window.shutdown()
