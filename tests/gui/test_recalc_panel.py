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

from app.services.context import open_context
from app.services.recalc import service as rc
from ui.models.recalc_lines import LINE_ROLE, VIEW_ROLE, LineColumn
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.recalc.panel import RecalcPanel

AS_OF = date(2026, 6, 30)
CASE = "TJ-2026-000003"  # small loan, 先息后本: 砍头息 1,800.00, 36 % rates, a 3,000.00 fee
CLAIM_DATE = date(2026, 1, 15)  # the creditor's statement
WAIT = 5_000


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.services.demo.service import seed_demo

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


def load(qtbot, panel: RecalcPanel, case_no: str = CASE, as_of: date = AS_OF) -> None:
    """Show the case (at its claim's date, the default), then move to `as_of`."""
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT) as shown:
        panel.show_case_no(case_no)
    assert shown.args == [case_no]
    if panel.as_of() != as_of:
        with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
            panel.set_as_of(as_of)


def test_the_date_starts_at_the_claims_date_and_the_chosen_one_is_remembered(
    qtbot, panel, data_dir
):
    """Issue 13, item 4: never today's figure by default; the chosen date stays with the case."""
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.show_case_no(CASE)
    assert panel.as_of() == CLAIM_DATE
    assert panel.result() == expected(data_dir, CLAIM_DATE)
    assert "（截至 2026-01-15）" in panel.compare.text()
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.set_as_of(date(2026, 3, 1))
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.show_case_no(CASE)  # shown again (another day, another window)
    assert panel.as_of() == date(2026, 3, 1)
    with open_context(data_dir, actor="检查") as ctx:
        assert rc.as_of_for(ctx, CASE) == date(2026, 3, 1)


def test_a_date_before_the_last_payment_says_why_at_the_field(qtbot, panel):
    """Issue 13, item 9: the date is not silently moved."""
    load(qtbot, panel)
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.set_as_of(date(2025, 1, 1))  # before the lawyer's fee of 2025-12-26
    assert panel.as_of() == date(2025, 12, 26)
    assert panel.date_note.isVisible()
    note = panel.date_note.text()
    assert "计算日不能早于最后一笔费用的日期 2025-12-26（所选 2025-01-01）" in note


def test_the_lawful_total_is_shown_to_the_fen_beside_claimed_and_contract(qtbot, panel, data_dir):
    """TJ-2026-000003 as of 2026-06-30, worked by hand from the demo terms.

    Terms: contract 2021-05-25, 30,000.00 at 月息3分 (36 %), 28,200.00 lent, 先息后本 over 12
    months (principal due 2022-05-25), overdue rate 36 %; seven 900.00 payments
    2021-06-25 … 2021-12-25; 违约金 3,000.00 on 2022-05-25; lawyer's fee 5,000.00 on 2025-12-26.
    Days overdue: 2022-05-25 → 2025-12-26 = 1,311; → 2026-06-30 = 186 more (1,497).

    Contract: principal 30,000.00 (the payments were months 1–7's interest);
      interest of months 8–12 unpaid: 5 × 900.00 = 4,500.00;
      penalty 30,000.00 × 36 % × 1,497 / 360 = 39,330.00 + 5,580.00 = 44,910.00;
      total 30,000.00 + 4,500.00 + 44,910.00 + 3,000.00 + 5,000.00 = 87,410.00.
    Lawful (24 % cap on 28,200.00 lent, 2 % a month): each 900.00 pays 2 % of the principal
      still lent and prepays the rest, leaving 25,702.08 after the 7th (see
      tests/integration/test_recalc_service.py); interest of months 8–12:
      5 × round(25,702.08 × 2 %) = 5 × 514.04 = 2,570.20;
      penalty 25,702.08 × 24 % × 1,311 / 360 = 22,463.62, × 186 / 360 = 3,187.06: 25,650.68;
      fees: the cap budget to 2022-05-25 (principal × 24 % × days / 360 per span) is
      6,462.32 against 6,372.28 of interest, 90.04 to spare (a 31-day month's budget beats
      its interest: 18.80 + 18.34 + 18.12 + 17.63 in 2021, 3 × 17.14 in 2022, less 34.27 for
      February's 28 days: 479.77 against 514.04), so
      3,000.00 − 90.04 = 2,909.96 of the 违约金 is cut; after maturity the budget grows as
      fast as the penalty (same base and rate), so the cut stays;
      total 25,702.08 + 2,570.20 + 25,650.68 + 90.04 + 5,000.00 = 59,013.00.
    Reduction: 87,410.00 − 59,013.00 = 28,397.00; penalty 44,910.00 − 25,650.68 = 19,259.32.
    """
    load(qtbot, panel)
    out = expected(data_dir, AS_OF)
    assert out["views"]["lawful"]["total"] == "59013.00"
    assert panel.lawful_total_text() == "59,013.00"
    assert panel.result() == out
    assert panel.as_of() == AS_OF
    table = panel.table
    assert table.cell_text("total", "claimed") == "82,460.00"
    assert table.cell_text("total", "contract") == "87,410.00"
    assert table.cell_text("total", "lawful") == "59,013.00"
    assert table.cell_text("total", "reduction") == "28,397.00"
    assert table.cell_text("principal", "contract") == "30,000.00"
    assert table.cell_text("principal", "lawful") == "25,702.08"
    assert table.cell_text("interest", "lawful") == "2,570.20"
    assert table.cell_text("penalty", "lawful") == "25,650.68"
    assert table.cell_text("fees", "lawful") == "90.04"
    assert table.cell_text("penalty", "reduction") == "19,259.32"
    assert table.cell_text("paid", "claimed") == "—"
    assert "债权人主张 82,460.00 元" in panel.compare.text()
    assert "依法核减 28,397.00 元" in panel.compare.text()


def test_each_reduction_is_explained_with_its_legal_basis(qtbot, panel):
    """Reductions as worked out above: principal 30,000.00 − 25,702.08 = 4,297.92 (1,800.00
    never lent, 2,497.92 of interest paid above the cap); interest 4,500.00 − 2,570.20 =
    1,929.80; penalty 19,259.32; fees 3,000.00 − 90.04 = 2,909.96."""
    load(qtbot, panel)
    text = panel.reasons.text()
    assert "共核减 28,397.00 元" in text
    assert (
        "本金 减 4,297.92 元：预先扣除的利息不计入本金（《民法典》第六百七十条）："
        "合同写 30,000.00 元，实际只出借 28,200.00 元；"
        "按上限多付的利息、费用，依《民法典》第五百六十一条的顺序冲抵了本金。"
    ) in text
    assert "罚息（逾期利息） 减 19,259.32 元：约定逾期利率 36% 超过上限，依法按 24% 计算" in text
    assert "利息 减 1,929.80 元：合同年利率 36% 超过上限" in text
    assert "费用（违约金、服务费等） 减 2,909.96 元" in text
    assert "金融借款的利息、罚息、复利、违约金和其他费用合计以年利率 24% 为限" in text
    assert "依据：最高人民法院《关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）" in text


def test_the_warning_banner_shows_the_engines_warnings(qtbot, panel):
    load(qtbot, panel)
    assert panel.warnings.isVisibleTo(panel)
    lines = panel.warnings.text().split("\n")
    assert lines[0].startswith("⚠ 预先扣除利息：合同本金 30000.00，实际出借 28200.00")
    assert any("LPR 表最后一行为 2025-12-22" in line for line in lines)  # stale table
    assert len(lines) == 2  # claim 82,460 < contract 87,410
    assert not panel.error.isVisibleTo(panel)
    # the third of the engine's warnings is a reading the page chose: a note under the figure
    assert len(panel.result()["warnings"]) == 3
    assert panel.readings.isVisibleTo(panel)
    assert panel.readings.text().startswith("ⓘ 本计算采用的解读（并非法律明文")
    assert "一个额度" in panel.readings.text()


def test_a_private_loan_shows_its_formation_date_the_readings_and_the_articles(qtbot, panel):
    """TJ-2026-000010: a natural person lent 2019-04-01 (money handed over that day), 12 %,
    interest only for 6 months, two payments before 2020-08-20: the transitional regime.
    The why box names the formation date (art. 679), the allocation order (art. 561) and
    the articles of each cap; under the figure the one-budget reading (the principal is
    overdue), not the one on charges paid before 2020-08-20 (12 % is below 24 %)."""
    load(qtbot, panel, "TJ-2026-000010")
    text = panel.reasons.text()
    assert "借款合同成立日：2019-04-01（出借人为自然人，借款合同自提供借款时成立" in text
    assert "第六百七十九条" in text
    assert "还款冲抵顺序：按《民法典》第五百六十一条，实现债权费用→利息→罚息→复利→费用→本金" in text
    assert "第三十一条" in text and "依当事人请求适用" in text and "第二十五条" not in text
    notes = panel.readings.text().split("\n")
    assert len(notes) == 1 and notes[0].startswith("ⓘ 本计算采用的解读") and "一个额度" in notes[0]
    assert "本计算采用的解读" not in panel.warnings.text()


def test_a_claim_above_the_contract_is_flagged_at_its_date(qtbot, panel):
    """As of the claim's date, 2026-01-15: the contract gives 5 × 900.00 = 4,500.00 interest
    and 30,000.00 × 36 % × (1,311 + 20) / 360 = 39,930.00 penalty, total 30,000.00 +
    4,500.00 + 39,930.00 + 3,000.00 + 5,000.00 = 82,430.00. The creditor counted the interest
    by days, 30,000.00 × 36 % × 151 / 360 = 4,530.00, so claims 82,460.00: 30.00 more."""
    load(qtbot, panel)
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.date_edit.setDate(QDate(2026, 1, 15))
    assert panel.as_of() == CLAIM_DATE
    assert panel.table.cell_text("total", "contract") == "82,430.00"
    lines = panel.warnings.text().split("\n")
    assert any("债权人主张合计 82460.00 高于按合同计算的 82430.00" in line for line in lines)
    assert not any("LPR 表" in line for line in lines)  # 24 days after its last row


def test_changing_the_date_recomputes_as_of_that_day(qtbot, panel, data_dir):
    load(qtbot, panel)
    later = date(2026, 7, 31)
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.date_edit.setDate(QDate(2026, 7, 31))
    out = expected(data_dir, later)
    assert panel.result() == out
    assert out["as_of"] == "2026-07-31"
    lawful = out["views"]["lawful"]["total"]
    assert panel.lawful_total_text() == f"{Decimal(lawful):,.2f}" != "59,013.00"
    assert panel.table.cell_text("total", "lawful") == panel.lawful_total_text()


def test_saving_stores_a_snapshot_of_what_is_on_screen(qtbot, panel, data_dir):
    load(qtbot, panel)
    assert "（计算日 2026-01-15）" in panel.saved_note.text()  # the demo's, at the claim date
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
    # 1 deduction note, 12 interest instalments, 7 payments, the principal falling due,
    # the 违约金, its cap cut, 2 penalty accruals and the lawyer's fee.
    assert model.index(1, 0).data() == "依法应还（26 行）"
    cells = [model.index(0, c, lawful).data() for c in LineColumn]
    assert cells[:2] == ["2021-05-25", "提示"]
    assert cells[LineColumn.AMOUNT] == "1,800.00"
    lawful_lines = [line for line in lines if line["view"] == "lawful"]
    cap = next(i for i, line in enumerate(lawful_lines) if line["kind"] == "cap")
    cap_cells = [model.index(cap, c, lawful).data() for c in LineColumn]
    assert cap_cells[LineColumn.KIND] == "超上限核减"
    assert cap_cells[LineColumn.RATE] == "24%"
    assert cap_cells[LineColumn.AMOUNT] == "-2,909.96"


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
