"""The main window over a real case store (demo data) with the threaded task runner."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt

from ui.models.case_table import Column
from ui.services import ContextCaseService
from ui.tasks import TaskRunner
from ui.views.cases.new_case_dialog import NewCaseDialog
from ui.views.main_window import MainWindow

WAIT = 10_000


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the 24 demo cases, made once per module."""
    from app.services.demo.service import seed_demo
    from app.services.startup import open_context

    folder = tmp_path_factory.mktemp("demo") / "data"
    with open_context(folder, actor="演示") as ctx:
        seed_demo(ctx)
    return folder


@pytest.fixture
def real_window(qtbot, themed_app, demo_template, tmp_path) -> Iterator[MainWindow]:
    data_dir = tmp_path / "data"
    shutil.copytree(demo_template, data_dir)
    runner = TaskRunner()
    service = ContextCaseService(data_dir, actor="测试调解员")
    win = MainWindow(service, runner, data_dir)
    runner.setParent(win)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.cases_loaded, timeout=WAIT):
        win.refresh()
    yield win
    for dialog in win.findChildren(NewCaseDialog):
        dialog.close()
    win.shutdown()
    # deliver the last queued task results while the window still exists
    QCoreApplication.processEvents()


def stored_cases(data_dir: Path) -> list:
    from app.services.cases import service as cases
    from app.services.startup import open_context

    with open_context(data_dir, actor="检查") as ctx:
        return cases.list_cases(ctx)


def test_demo_cases_are_listed_and_one_shows_in_full(real_window, qtbot):
    listed = stored_cases(real_window._data_dir)
    assert real_window.model.rowCount() == len(listed) >= 20
    assert real_window.count_label.text() == f"共 {len(listed)} 件案件"
    case = listed[3]
    real_window.filter_edit.setText(case.debtor_name)
    assert case.case_no in [
        real_window.proxy.index(r, Column.CASE_NO).data()
        for r in range(real_window.proxy.rowCount())
    ]
    with qtbot.waitSignal(real_window.case_shown, timeout=WAIT):
        assert real_window.select_case(case.case_no)
    text = real_window.detail.text()
    assert case.debtor_name in text
    assert case.creditor_name in text
    assert f"{case.principal:,.2f} 元" in text
    assert case.debtor_id_number not in text  # masked until 显示完整号码
    assert case.debtor_id_number[:4] + "*" * 10 + case.debtor_id_number[-4:] in text


def test_new_case_is_stored_and_selected(real_window, qtbot):
    before = len(stored_cases(real_window._data_dir))
    real_window.new_action.trigger()
    dialog = real_window.findChild(NewCaseDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.edit("creditor_name").setText("滨江农村商业银行股份有限公司")
    dialog.edit("debtor_name").setText("周芷若")
    qtbot.keyClicks(dialog.edit("debtor_id_number"), "11010519491231002X")
    qtbot.keyClicks(dialog.edit("debtor_phone"), "13912345678")
    qtbot.keyClicks(dialog.edit("principal"), "88,000")
    dialog.edit("annual_rate").setText("月息1分5")
    dialog.contract_date.setDate(QDate(2022, 6, 1))
    dialog.maturity.setDate(QDate(2023, 6, 1))
    with qtbot.waitSignal(real_window.case_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    after = stored_cases(real_window._data_dir)
    assert len(after) == before + 1
    new = next(c for c in after if c.debtor_name == "周芷若")
    assert shown.args == [new.case_no]
    assert real_window.current_case_no() == new.case_no
    text = real_window.detail.text()
    assert "88,000.00 元" in text
    assert "18%" in text  # 月息1分5 read as 18% a year


def test_wrong_id_number_is_explained_by_the_field(real_window, qtbot):
    real_window.new_action.trigger()
    dialog = real_window.findChild(NewCaseDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.edit("creditor_name").setText("滨江农村商业银行股份有限公司")
    dialog.edit("debtor_name").setText("周芷若")
    wrong = "110105194912310021"  # the check character should be X
    qtbot.keyClicks(dialog.edit("debtor_id_number"), wrong)
    qtbot.keyClicks(dialog.edit("debtor_phone"), "13912345678")
    qtbot.keyClicks(dialog.edit("principal"), "88000")
    dialog.contract_date.setDate(QDate(2022, 6, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "debtor_id_number" in dialog.errors(), timeout=WAIT)
    assert list(dialog.errors()) == ["debtor_id_number"]
    assert "身份证" in dialog.errors()["debtor_id_number"]
    assert dialog.isVisible()
    assert dialog.edit("debtor_id_number").text() == wrong
    assert dialog.edit("debtor_name").text() == "周芷若"


def test_an_unclear_rate_is_explained_by_its_field(real_window, qtbot):
    """A bare 8厘 could be 0.8 %/month or 8 %/year: the dialog asks which, under the field."""
    real_window.new_action.trigger()
    dialog = real_window.findChild(NewCaseDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.edit("creditor_name").setText("滨江农村商业银行股份有限公司")
    dialog.edit("debtor_name").setText("周芷若")
    qtbot.keyClicks(dialog.edit("debtor_id_number"), "11010519491231002X")
    qtbot.keyClicks(dialog.edit("debtor_phone"), "13912345678")
    qtbot.keyClicks(dialog.edit("principal"), "88000")
    dialog.edit("annual_rate").setText("8厘")
    dialog.contract_date.setDate(QDate(2022, 6, 1))
    dialog.maturity.setDate(QDate(2023, 6, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "annual_rate" in dialog.errors(), timeout=WAIT)
    assert list(dialog.errors()) == ["annual_rate"]
    assert dialog.errors()["annual_rate"].startswith("年利率“8厘”不明确")
    assert "月息8厘" in dialog.errors()["annual_rate"]
    assert dialog.edit("annual_rate").text() == "8厘"


def test_show_full_number_in_the_main_window_is_audited_and_masked_again(real_window, qtbot):
    first, second = stored_cases(real_window._data_dir)[:2]
    with qtbot.waitSignal(real_window.case_shown, timeout=WAIT):
        assert real_window.select_case(first.case_no)
    debtor = next(p for p in real_window.detail.detail().parties if p.role == "debtor")
    _label, button = real_window.detail.parties.masked[(debtor.id, "id_number")]
    with qtbot.waitSignal(real_window.detail.number_revealed, timeout=WAIT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert first.debtor_id_number in real_window.detail.text()
    from app.services.startup import open_context

    with open_context(real_window._data_dir, actor="检查") as ctx, ctx.read() as uow:
        last = uow.audit.last()
        assert last.action == "party.revealed" and last.detail["field"] == "id_number"
        assert first.debtor_id_number not in str(last.detail)
    with qtbot.waitSignal(real_window.case_shown, timeout=WAIT):
        assert real_window.select_case(second.case_no)
    with qtbot.waitSignal(real_window.case_shown, timeout=WAIT):
        assert real_window.select_case(first.case_no)
    assert first.debtor_id_number not in real_window.detail.text()
