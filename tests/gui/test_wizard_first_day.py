"""Smaller things of a mediator's first day in the wizard (issue 13 item 10): step 7 is
marked done only once its documents can be rendered; a finished case reopens on its
session, read-only, with its real dates (not an empty wizard dated 2000-01-01)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from tests.gui.test_session_wizard import WAIT, choose, field, make_wizard, type_into
from tests.session_fixtures import (
    PLACE,
    SESSION_START,
    agree,
    copy_demo,
    make_demo,
    scheduled_case,
)
from tests.store_fixtures import FixedClock
from ui.views.session_wizard import SessionWizard


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("firstday") / "data")


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    return copy_demo(demo_template, tmp_path / "data")


def mark(wizard: SessionWizard, step: int) -> str:
    return wizard.step_list.item(step).text().split()[0]


def state_next_date(wizard: SessionWizard) -> object:
    state = wizard.shared.state
    return None if state is None else state.next_date


def test_step_7_is_done_only_once_its_documents_can_be_rendered(qtbot, themed_app, data_dir):
    from app.services.context import open_context

    with open_context(data_dir, actor="准备") as ctx:
        case_no = scheduled_case(ctx)
    wizard = make_wizard(qtbot, data_dir, case_no)
    try:
        wizard.go(5)
        type_into(qtbot, wizard, "statements.creditor.claim", "请求偿还借款本息。")
        type_into(qtbot, wizard, "statements.debtor.ability", "希望分期。")
        choose(qtbot, wizard, "outcome", "agreed")
        assert mark(wizard, 5) == "✓"  # the record itself is complete
        assert mark(wizard, 6) == "·"  # but nothing can be rendered: no settlement yet
        wizard.go(6)
        missing = wizard.missing.text()
        assert "文书还不能生成：请先完成第 1 步“签到”。" in missing
        assert "请先完成第 5 步“调解方案”" in missing
        assert "第 8 步" not in missing  # the signatures come after the documents
        wizard.go(5)
        choose(qtbot, wizard, "outcome", "adjourned")  # needs the record alone
        qtbot.waitUntil(lambda: state_next_date(wizard) is not None, timeout=WAIT)
        assert mark(wizard, 5) == "✓" and mark(wizard, 6) == "✓"
    finally:
        wizard.close()
        wizard.shared.service.close()


def test_a_finished_case_reopens_on_its_session_read_only_with_its_dates(
    qtbot, themed_app, data_dir
):
    from app.services.context import open_context
    from app.services.sessions.close import close_session
    from app.services.sessions.service import start_or_resume

    clock = FixedClock(SESSION_START)
    with open_context(data_dir, actor="准备", clock=clock) as ctx:
        case_no = scheduled_case(ctx)
        agree(ctx, case_no, start_or_resume(ctx, case_no).session_id)
        clock.advance(hours=2)
        close_session(ctx, case_no, "agreed")
    wizard = make_wizard(qtbot, data_dir, case_no)  # opened a month later (the test's clock)
    try:
        state = wizard.shared.state
        assert state is not None and not state.is_open and state.status == "signed"
        assert wizard.current == 8 and wizard.banner.isHidden()
        heading = wizard.heading.text()
        assert "已签署" in heading and "开始于 2026-07-06 10:00" in heading
        assert "结束于 2026-07-06 12:00" in heading
        held_on = field(wizard, "held_on")
        assert held_on.date() == QDate(2026, 7, 6)  # not 2000-01-01
        assert field(wizard, "place").text() == PLACE
        assert all(not page.isEnabled() for page in wizard.pages[:8])
        page = wizard.finish_page
        assert page.finish_button.isHidden()
        summary = page.summary.text()
        assert "本次调解已于 2026-07-06 12:00 结束（开始于 2026-07-06 10:00）" in summary
        assert "案件状态：已签署" in summary
        qtbot.waitUntil(lambda: page.stored is not None and page.stored.table.rowCount() == 3,
                        timeout=WAIT)  # fmt: skip
        wizard.go(2)  # steps can be read
        assert field(wizard, "loan.principal").text()
        assert SESSION_START + timedelta(hours=2) == state.ended_at
    finally:
        wizard.close()
        wizard.shared.service.close()
