"""The case pane over a real demo store (issue 13 items 8 and 10): 更改状态 offers only the
moves the state machine allows, asks for what each status needs and writes the change; the
main window shows what changed (here, in the wizard or the status dialog) without 刷新."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt

from tests.session_fixtures import SESSION_START, copy_demo, make_demo, scheduled_case
from tests.store_fixtures import FixedClock
from ui.models.case_table import Column
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.cases.status_dialog import StatusDialog
from ui.views.main_window import MainWindow

WAIT = 10_000


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("pane") / "data")


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    return copy_demo(demo_template, tmp_path / "data")


@pytest.fixture
def window(qtbot, themed_app, data_dir) -> Iterator[MainWindow]:
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(SESSION_START))
    runner = InlineTaskRunner()
    win = MainWindow(service, runner, data_dir)
    runner.setParent(win)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.cases_loaded, timeout=WAIT):
        win.refresh()
    yield win
    win.shutdown()
    QCoreApplication.processEvents()


def stored(data_dir: Path, case_no: str) -> tuple[str, list[Any]]:
    from app.services.cases.service import get_case
    from app.services.cases.status import status_history
    from app.services.startup import open_context

    with open_context(data_dir, actor="检查") as ctx:
        return get_case(ctx, case_no).summary.status, status_history(ctx, case_no)


def choose_case(qtbot, window: MainWindow, case_no: str) -> None:
    with qtbot.waitSignal(window.case_shown, timeout=WAIT):
        assert window.select_case(case_no)


def open_status_dialog(qtbot, window: MainWindow) -> StatusDialog:
    with qtbot.waitSignal(window.detail.status_dialog_opened, timeout=WAIT) as opened:
        qtbot.mouseClick(window.detail.status_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, StatusDialog) and dialog.isVisible()
    return dialog


def offered(dialog: StatusDialog) -> list[str]:
    return [dialog.target.itemText(i) for i in range(dialog.target.count())]


def pick(dialog: StatusDialog, code: str) -> dict[str, str]:
    """Choose a status; the rows shown then, by need, with their captions."""
    dialog.target.setCurrentIndex(dialog.target.findData(code))
    return {need: dialog.captions[need].text() for need, row in dialog.rows.items()
            if not row.isHidden()}  # fmt: skip


def listed_status(window: MainWindow, case_no: str) -> str:
    row = window.model.row_of(case_no)
    return str(window.model.index(row, Column.STATUS).data())


def test_the_status_dialog_offers_the_allowed_moves_asks_what_each_needs_and_writes_it(
    qtbot, window, data_dir
):
    case_no = "TJ-2026-000001"  # 已签署 in the demo
    choose_case(qtbot, window, case_no)
    dialog = open_status_dialog(qtbot, window)
    assert offered(dialog) == ["已申请司法确认", "履行中", "已违约", "已履行完毕"]
    assert pick(dialog, "performing") == {"reason": "备注"}
    assert pick(dialog, "defaulted") == {"date": "违约日期 *", "reason": "违约情况 *"}
    assert pick(dialog, "fulfilled") == {"date": "履行完毕日期 *", "reason": "备注"}
    assert pick(dialog, "confirmation_applied") == {"date": "申请司法确认日期 *", "reason": "备注"}
    dialog.day.setDate(QDate(2026, 7, 3))
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):  # the list follows, no 刷新
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    status, history = stored(data_dir, case_no)
    assert status == "confirmation_applied"
    assert (history[-1].from_status, history[-1].on_date) == ("signed", date(2026, 7, 3))
    assert listed_status(window, case_no) == "已申请司法确认"
    qtbot.waitUntil(lambda: window.detail._status.text() == "已申请司法确认", timeout=WAIT)

    dialog = open_status_dialog(qtbot, window)
    assert offered(dialog) == ["已司法确认", "履行中", "已违约"]
    shown = pick(dialog, "confirmed")
    assert shown == {"date": "裁定日期 *", "ruling_no": "法院民事裁定书文号 *", "reason": "备注"}
    dialog.day.setDate(QDate(2026, 7, 5))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    error = dialog.rows["ruling_no"].error
    qtbot.waitUntil(error.isVisible, timeout=WAIT)
    assert "请填写法院民事裁定书文号" in error.text()
    assert stored(data_dir, case_no)[0] == "confirmation_applied"  # nothing written
    dialog.ruling.setText("（2026）浙0108民特123号")
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    status, history = stored(data_dir, case_no)
    assert status == "confirmed" and history[-1].ruling_no == "（2026）浙0108民特123号"
    assert listed_status(window, case_no) == "已司法确认"


def test_a_final_status_offers_no_move(qtbot, window, data_dir):
    from app.services.cases.service import list_cases
    from app.services.startup import open_context

    with open_context(data_dir, actor="检查") as ctx:
        fulfilled = next(c.case_no for c in list_cases(ctx) if c.status == "fulfilled")
    choose_case(qtbot, window, fulfilled)
    qtbot.mouseClick(window.detail.status_button, Qt.MouseButton.LeftButton)
    error = window.detail.reveal_error
    qtbot.waitUntil(error.isVisible, timeout=WAIT)
    assert error.text() == "案件当前状态之后不能再更改。"


def test_the_main_window_shows_what_the_wizard_changed_without_refresh(qtbot, window, data_dir):
    from app.services.startup import open_context

    with open_context(data_dir, actor="准备") as ctx:
        case_no = scheduled_case(ctx)
    choose_case(qtbot, window, case_no)
    assert listed_status(window, case_no) == "已排期"
    wizard = window.open_session(case_no)
    qtbot.waitUntil(lambda: wizard.shared.state is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: listed_status(window, case_no) == "调解中", timeout=WAIT)
    qtbot.waitUntil(lambda: "调解中" in window.detail.text(), timeout=WAIT)
    wizard.go(2)
    principal = wizard.findChild(object, "loan.principal")
    principal.setText("123456.78")
    principal.textEdited.emit("123456.78")
    wizard.saver.flush()
    qtbot.waitUntil(lambda: "123,456.78" in window.detail.text(), timeout=WAIT)  # no 刷新
    row = window.model.row_of(case_no)
    assert "123,456.78" in str(window.model.index(row, Column.PRINCIPAL).data())
    wizard.close()
