"""债权人授权 on the settlement page over a real store: the room left under each limit moves
with the levers, breaches show in red, and the approval request is made from the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.services.context import open_context
from app.services.mandate.service import set_mandate
from app.services.settlement import service as st
from tests.settlement_fixtures import add_snapshot
from tests.store_fixtures import FixedClock, copy_template, make_template, new_case
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.settlement.page import SettlementPage

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
WAIT = 5_000
CASE = "TJ-2026-000001"
LUMP = {"frequency": "lump_sum", "first_due": "2026-04-02"}
TERMS = {"acceleration_days": 15, "waiver_revives_on_default": True}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("mandate-gui"))


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    copy_template(template, folder)
    with open_context(folder, actor="准备", clock=FixedClock(NOW)) as ctx:
        from app.services.cases.service import create_case

        create_case(ctx, new_case())
        add_snapshot(ctx, CASE)  # lawful 118,550.00, penalty 3,900.00
        set_mandate(ctx, CASE, "creditor", {"floor": "110000", "waive_penalty": "50%"})
        set_mandate(ctx, CASE, "batch", {"max_instalments": "6"})
    return folder


@pytest.fixture
def page(qtbot: Any, themed_app: Any, data_dir: Path) -> Iterator[SettlementPage]:
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(NOW))
    runner = InlineTaskRunner()
    widget = SettlementPage(service, runner, today=lambda: TODAY)
    runner.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1346, 900)
    widget.show()
    with qtbot.waitSignal(widget.case_loaded, timeout=WAIT):
        widget.load(CASE)
    yield widget
    service.close()


def rooms(page: SettlementPage) -> dict[str, tuple[str, bool]]:
    room = page.mandate_room
    assert room.assessment is not None
    out = {}
    for cells, line in zip(room.cells, room.assessment.lines, strict=False):
        assert cells[3].isVisibleTo(room)
        out[line.rule] = (cells[3].text(), line.ok)
    assert not any(c.isVisibleTo(room) for c in room.cells[len(out)])
    return out


def test_the_room_left_moves_with_the_levers(qtbot: Any, page: SettlementPage) -> None:
    room = page.mandate_room
    assert rooms(page) == {"floor": ("8,550.00", True), "waive_penalty": ("1,950.00", True),
                           "max_instalments": ("5 期", True)}  # fmt: skip
    assert room.status.text() == "✓ 在债权人授权范围内。"
    page.levers.percent["waive_penalty"].setValue(100)
    assert rooms(page)["waive_penalty"] == ("-1,950.00", False)
    assert room.status.text().startswith("超出授权 1 项")
    qtbot.keyClicks(page.levers.agreed_sum, "100000")
    assert rooms(page)["floor"] == ("-10,000.00", False)
    texts = [cells[0].text() for cells in room.cells[:3]]
    assert texts == ["最低回收总额（债权人）", "罚息减免上限（债权人）", "最多分期期数（批次）"]


def test_the_approval_request_is_made_for_the_saved_settlement(
    qtbot: Any, page: SettlementPage, data_dir: Path, tmp_path: Path
) -> None:
    with open_context(data_dir, actor="准备", clock=FixedClock(NOW)) as ctx:
        st.save_settlement(ctx, CASE, {"waive_penalty": "100"}, LUMP, TERMS)
    with qtbot.waitSignal(page.case_loaded, timeout=WAIT):
        page.load(CASE)
    out = tmp_path / "申请.pdf"
    with qtbot.waitSignal(page.mandate_room.requested, timeout=WAIT) as made:
        page.mandate_room.request_to(out)
    assert made.args[0].state == "pending" and out.read_bytes().startswith(b"%PDF")
    note = page.mandate_room.exception_note.text()
    assert note == f"第 {made.args[0].id} 号批准申请：待债权人批准"
    assert page.mandate_room.request_button.isEnabled()


def test_pending_approvals_are_a_list_and_the_answer_is_recorded_with_its_scan(
    qtbot: Any, themed_app: Any, data_dir: Path, tmp_path: Path
) -> None:
    from app.services.mandate.exceptions import request_exception, scan_of
    from ui.ops.settlement import Decision
    from ui.views.settlement.approvals import ApprovalsDialog

    with open_context(data_dir, actor="准备", clock=FixedClock(NOW)) as ctx:
        st.save_settlement(ctx, CASE, {"waive_penalty": "100"}, LUMP, TERMS)
        asked = request_exception(ctx, CASE)
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(NOW))
    runner = InlineTaskRunner()
    dialog = ApprovalsDialog(service, runner)
    runner.setParent(dialog)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT) as loaded:
        dialog.refresh()
    assert loaded.args == [1] and dialog.table.item(0, 1).text() == CASE
    assert "罚息减免上限" in dialog.table.item(0, 4).text()
    scan = tmp_path / "批复.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 32)
    values = Decision(True, "李经理", "scan", date(2026, 3, 5), str(scan))
    with qtbot.waitSignal(dialog.decided, timeout=WAIT) as decided:
        dialog.decide(asked.id, values)
    assert (decided.args[0].state, decided.args[0].scan_name) == ("approved", "批复.jpg")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=WAIT)
    assert dialog.message.text() == "没有待债权人批准的申请。"
    with open_context(data_dir, actor="检查", clock=FixedClock(NOW)) as ctx:
        assert scan_of(ctx, asked.id) == scan.read_bytes()
    service.close()
