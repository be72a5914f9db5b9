"""联系记录 and 今日联系 over a real temporary store with the inline runner: an attempt is
logged and listed, a blocked one shows each rule under the form and keeps what was typed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from app.services.cases.service import create_case
from app.services.context import open_context
from app.services.organisation.accounts import key_holder
from app.services.organisation.service import MediatorInfo, OrganisationProfile, save_profile
from tests.store_fixtures import FixedClock, copy_template, make_template, new_case
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.contacts.log_panel import ContactLogPanel
from ui.views.contacts.worklist import WorklistDialog

WAIT = 5_000
NOW = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)  # 10:00 in China
ORG = OrganisationProfile(name="滨江市金融纠纷人民调解委员会", phone="0571-88881234",
                          mediators=[MediatorInfo("王芳", "", "supervisor")])  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("contacts-gui"))


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    copy_template(template, folder)
    with open_context(folder, actor="准备", clock=FixedClock(NOW)) as ctx:
        save_profile(ctx, ORG, by=key_holder("gui:王主任"))
        create_case(ctx, new_case(extra={"mediator": "王芳"}))
    return folder


@pytest.fixture
def panel(qtbot: Any, themed_app: Any, data_dir: Path) -> Iterator[ContactLogPanel]:
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(NOW))
    runner = InlineTaskRunner()
    widget = ContactLogPanel(service, runner)
    runner.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1346, 560)
    widget.show()
    with qtbot.waitSignal(widget.case_loaded, timeout=WAIT):
        widget.load("TJ-2026-000001")
    yield widget
    service.close()


def at(panel: ContactLogPanel, hour: int, minute: int = 0) -> None:
    panel.form.when_edit.setDateTime(QDateTime(QDate(2026, 3, 3), QTime(hour, minute)))


def choose(box: Any, code: str) -> None:
    box.setCurrentIndex(box.findData(code))


def test_an_attempt_is_logged_and_listed_newest_first(qtbot: Any, panel: ContactLogPanel) -> None:
    assert "08:00–21:00（北京时间）" in panel.rules.text() and "最多 3 次" in panel.rules.text()
    assert panel.form.whom_box.currentText() == "债务人王建国"
    at(panel, 9, 30)
    choose(panel.form.outcome_box, "promise_to_pay")
    assert panel.form.promise_row.isVisible()
    panel.form.promise_amount.setText("2000")
    panel.form.promise_date.setDate(QDate(2026, 3, 10))
    panel.form.note_edit.setPlainText("同意先还一部分")
    panel.form.notice_box.setChecked(True)
    with qtbot.waitSignal(panel.logged, timeout=WAIT) as logged:
        qtbot.mouseClick(panel.form.submit_button, Qt.MouseButton.LeftButton)
    assert logged.args[0].promise_amount == 2000
    assert panel.table.rowCount() == 1
    cells = [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    assert cells == ["2026-03-03 09:30", "债务人王建国", "电话", "承诺还款", "03-10 前 2000.00 元",
                     "", "同意先还一部分"]  # fmt: skip
    assert panel.form.note_edit.toPlainText() == "" and not panel.form.blocked.isVisible()


def test_a_blocked_attempt_names_the_rule_and_keeps_what_was_typed(
    qtbot: Any, panel: ContactLogPanel
) -> None:
    at(panel, 21, 40)
    panel.form.note_edit.setPlainText("晚上再打一次")
    with qtbot.waitSignal(panel.blocked, timeout=WAIT) as blocked:
        qtbot.mouseClick(panel.form.submit_button, Qt.MouseButton.LeftButton)
    assert blocked.args[0] == ["allowed_hours"]
    assert panel.form.blocked.isVisible()
    reason = "联系时段：21:40（北京时间）不在允许的联系时段 08:00–21:00 内"
    assert reason in panel.form.blocked.text()
    assert panel.form.note_edit.toPlainText() == "晚上再打一次" and panel.table.rowCount() == 0


def test_the_call_back_request_is_previewed_for_an_emergency_contact(
    qtbot: Any, panel: ContactLogPanel
) -> None:
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.add_person("李梅", "13900001111")
    panel.form.whom_box.setCurrentIndex(1)
    assert panel.form.whom_box.currentText() == "紧急联系人李梅"
    assert not panel.form.notice_box.isEnabled()
    choose(panel.form.template_box, "callback_request")
    expected = "您好，我是王芳，有事需与王建国联系，请转告其方便时回电0571-88881234。谢谢！"
    qtbot.waitUntil(lambda: panel.form.message.toPlainText() == expected, timeout=WAIT)
    choose(panel.form.template_box, "instalment_reminder")
    qtbot.waitUntil(lambda: "third_party_message" in panel.form.blocked.text(), timeout=WAIT)
    assert panel.form.message.toPlainText() == ""


def test_the_worklist_lists_who_to_contact_today(
    qtbot: Any, themed_app: Any, data_dir: Path
) -> None:
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(NOW))
    runner = InlineTaskRunner()
    dialog = WorklistDialog(service, runner, date(2026, 3, 3))
    runner.setParent(dialog)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.refresh()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(5)]
    assert row[:3] == ["TJ-2026-000001", "债务人王建国", "139****5678"]
    assert row[3].startswith("尚未联系") and row[4] == "可以"
    with qtbot.waitSignal(dialog.case_chosen, timeout=WAIT) as chosen:
        dialog.table.cellDoubleClicked.emit(0, 1)
    assert chosen.args == ["TJ-2026-000001"]
    service.close()
