"""显示完整号码 in the case pane (audited, masked again on the next case), Settings → 备份
(立即备份, the folder, 从备份恢复…) and the supervisor tabs a mediator sees read-only, over a
real encrypted store with the threaded task runner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from sqlalchemy import select

from app.services.organisation.accounts import SignedIn
from tests.store_fixtures import GOOD_ID, GOOD_ID_2, GOOD_MOBILE, copy_template, make_template
from tests.store_fixtures import new_case as make_new_case
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner, TaskRunner
from ui.views.cases.case_detail import CaseDetailView
from ui.views.settings.backup import BackupTab

WAIT = 10_000
MASKED_ID = "1101**********002X"
CLERK = SignedIn("xiaoli", "小李", "mediator", datetime(2026, 3, 2, 1, 0, tzinfo=UTC))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with two cases, made once per module."""
    from app.services.cases import service as cases
    from app.services.startup import open_context

    folder = tmp_path_factory.mktemp("privacy") / "data"
    copy_template(make_template(tmp_path_factory.mktemp("tpl")), folder)
    with open_context(folder, actor="建库") as ctx:
        cases.create_case(ctx, make_new_case(court="滨江市西湖区人民法院"))
        cases.create_case(
            ctx,
            make_new_case(
                debtor_name="李芳", debtor_id_number=GOOD_ID_2, debtor_phone="13700001111"
            ),
        )
    return folder


@pytest.fixture
def service(template: Path, tmp_path: Path) -> Iterator[ContextCaseService]:
    import shutil

    data_dir = tmp_path / "data"
    shutil.copytree(template, data_dir)
    svc = ContextCaseService(data_dir, actor="测试调解员")
    yield svc
    svc.close()


@pytest.fixture
def runner(themed_app: Any) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait_for_done(WAIT)
    QCoreApplication.processEvents()  # deliver queued results while the widgets still exist


def on_runner(qtbot: Any, runner: TaskRunner, fn: Any) -> Any:
    """`fn()` on the database thread, waited for."""
    found: list[Any] = []
    runner.submit(fn, on_finished=found.append, on_failed=found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT)
    if isinstance(found[0], BaseException):
        raise found[0]
    return found[0]


def audit_events(data_dir: Path, action: str) -> list[Any]:
    from app.services.startup import open_context
    from app.store.records import AuditEvent

    with open_context(data_dir, actor="检查") as ctx, ctx.read() as uow:
        rows = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action))
        return [(e.actor, dict(e.detail or {})) for e in rows]


@pytest.fixture
def pane(qtbot: Any, service: ContextCaseService, runner: TaskRunner) -> Any:
    view = CaseDetailView(service=service, runner=runner)
    qtbot.addWidget(view)
    view.resize(1100, 360)
    view.show()
    listed = on_runner(qtbot, runner, service.list_cases)
    details = {
        c.debtor_name: on_runner(qtbot, runner, lambda c=c: service.get_case(c.case_no))
        for c in listed
    }
    return view, details


def test_the_pane_names_the_entrusting_court_when_there_is_one(pane: Any) -> None:
    view, details = pane
    view.show_case(details["王建国"])
    assert "委派法院：滨江市西湖区人民法院" in view.text()
    view.show_case(details["李芳"])
    assert "委派法院" not in view.text()


def debtor_id(detail: Any) -> int:
    return int(next(p.id for p in detail.parties if p.role == "debtor"))


# -- 显示完整号码 ------------------------------------------------------------------------------


def test_show_full_number_reveals_it_in_place_and_audits_the_field(
    qtbot: Any, pane: Any, service: ContextCaseService
) -> None:
    view, details = pane
    view.show_case(details["王建国"])
    party = debtor_id(details["王建国"])
    label, button = view.parties.masked[(party, "id_number")]
    assert label.text() == MASKED_ID and GOOD_ID not in view.text()
    assert button.isVisible() and button.text() == "显示完整号码"
    assert (party, "phone") in view.parties.masked
    creditor = next(p for p in details["王建国"].parties if p.role == "creditor")
    assert (creditor.id, "id_number") not in view.parties.masked  # a credit code is public

    with qtbot.waitSignal(view.number_revealed, timeout=WAIT) as shown:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert shown.args == ["id_number"]
    assert label.text() == GOOD_ID and not button.isVisible()
    assert GOOD_ID in view.text() and GOOD_MOBILE not in view.text()  # only what was asked
    events = audit_events(service.data_dir, "party.revealed")
    assert len(events) == 1
    actor, detail = events[0]
    assert actor == "gui:测试调解员" and detail["field"] == "id_number"
    assert detail["party_id"] == party and GOOD_ID not in str(detail)

    view.show_case(details["李芳"])  # another case: masked
    assert GOOD_ID not in view.text() and GOOD_ID_2 not in view.text()
    view.show_case(details["王建国"])  # and back again: still masked
    assert GOOD_ID not in view.text() and MASKED_ID in view.text()


def test_a_number_arriving_after_another_case_was_chosen_stays_hidden(
    qtbot: Any, pane: Any, service: ContextCaseService, runner: TaskRunner
) -> None:
    view, details = pane
    view.show_case(details["王建国"])
    revealed: list[str] = []
    view.number_revealed.connect(revealed.append)
    view.reveal((debtor_id(details["王建国"]), "phone"))  # the answer is queued for later
    view.show_case(details["李芳"])
    runner.wait_for_done(WAIT)
    qtbot.waitUntil(lambda: len(audit_events(service.data_dir, "party.revealed")) == 1)
    QCoreApplication.processEvents()
    assert revealed == [] and GOOD_MOBILE not in view.text()
    assert "137****1111" in view.text()


def test_a_mediator_may_reveal_and_the_log_names_them(
    qtbot: Any, pane: Any, service: ContextCaseService
) -> None:
    service.signed_in = CLERK
    view, details = pane
    view.show_case(details["李芳"])
    _label, button = view.parties.masked[(debtor_id(details["李芳"]), "phone")]
    with qtbot.waitSignal(view.number_revealed, timeout=WAIT):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "13700001111" in view.text()
    assert [a for a, _d in audit_events(service.data_dir, "party.revealed")] == ["xiaoli"]


# -- Settings → 备份 ---------------------------------------------------------------------------


@pytest.fixture
def backups(qtbot: Any, service: ContextCaseService, runner: TaskRunner) -> Iterator[BackupTab]:
    tab = BackupTab(service.data_dir, service=service, runner=runner)
    qtbot.addWidget(tab)
    tab.resize(900, 560)
    tab.show()
    with qtbot.waitSignal(tab.listing_shown, timeout=WAIT):
        tab.load()
    yield tab
    if tab.restored_box is not None:
        tab.restored_box.close()


def test_back_up_now_into_a_chosen_folder_then_restore(
    qtbot: Any, backups: BackupTab, service: ContextCaseService, runner: TaskRunner, tmp_path: Path
) -> None:
    usb = tmp_path / "U盘" / "调解备份"
    with qtbot.waitSignal(backups.listing_shown, timeout=WAIT):
        backups.change_folder(usb)
    assert backups.folder_label.text() == str(usb)
    assert not backups.restore_button.isEnabled()  # nothing chosen yet
    with qtbot.waitSignal(backups.backup_created, timeout=WAIT) as made:
        qtbot.mouseClick(backups.create_button, Qt.MouseButton.LeftButton)
    saved = made.args[0].path
    assert saved.parent == usb and saved.is_file()
    qtbot.waitUntil(lambda: backups.selected_entry() is not None, timeout=WAIT)
    entry = backups.selected_entry()
    assert entry is not None and entry.path == saved and entry.label == "manual"
    assert "手动" in backups.listing.currentItem().text()
    assert str(saved) in backups.status.text()
    assert audit_events(service.data_dir, "backup.created")[-1][0] == "gui:测试调解员"

    on_runner(qtbot, runner, lambda: service.create_case(make_new_case(debtor_name="赵六")))
    asked: list[Any] = []
    backups.confirm_restore = lambda chosen: asked.append(chosen) or True
    with qtbot.waitSignal(backups.store_restored, timeout=WAIT) as restored:
        qtbot.mouseClick(backups.restore_button, Qt.MouseButton.LeftButton)

    result = restored.args[0]
    assert [a.path for a in asked] == [saved]
    assert result.cases == 2 and result.safety_backup.parent == service.data_dir / "backups"
    assert "重新打开调解工作台" in backups.message.text() and backups.message.isVisible()
    assert not backups.create_button.isEnabled() and not backups.restore_button.isEnabled()
    assert backups.restored_box is not None and backups.restored_box.isVisible()
    with pytest.raises(Exception, match="请关闭并重新打开调解工作台"):
        on_runner(qtbot, runner, service.list_cases)  # nothing reads or writes the old view
    from app.services.cases import service as cases
    from app.services.startup import open_context

    with open_context(service.data_dir, actor="检查") as ctx:
        assert sorted(c.debtor_name for c in cases.list_cases(ctx)) == ["李芳", "王建国"]
    assert audit_events(service.data_dir, "backup.restored")[-1][0] == "gui:测试调解员"


def test_damaged_backups_are_refused_in_chinese_with_the_fix(
    qtbot: Any, backups: BackupTab, service: ContextCaseService, runner: TaskRunner
) -> None:
    folder = service.data_dir / "backups"
    good = on_runner(qtbot, runner, lambda: service.backup_create(folder)).path
    truncated = folder / "cases-20260301T020304123456Z-manual.db"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    sidecar = ".keyinfo.json"  # a damaged copy of our own backup keeps its key information
    (folder / (truncated.name + sidecar)).write_bytes((folder / (good.name + sidecar)).read_bytes())
    foreign = folder / "cases-20260302T020304123456Z-manual.db"
    foreign.write_bytes(b"\x13" * 8192)
    with qtbot.waitSignal(backups.listing_shown, timeout=WAIT):
        backups.load()
    backups.confirm_restore = lambda _entry: True

    with qtbot.waitSignal(backups.backup_failed, timeout=WAIT) as failed:
        backups.restore(truncated)
    assert "已损坏或不完整" in failed.args[0] and "请换一个备份文件" in failed.args[0]
    assert "The backup" not in failed.args[0]  # the Chinese half only
    with qtbot.waitSignal(backups.backup_failed, timeout=WAIT) as failed:
        backups.restore(foreign)
    assert "用本机的密钥打不开" in failed.args[0]
    assert "python -m app backup restore 备份文件 --recovery-code -" in failed.args[0]
    assert backups.message.isVisible() and backups.create_button.isEnabled()
    assert len(on_runner(qtbot, runner, service.list_cases)) == 2  # the store is still open


# -- what a mediator sees ----------------------------------------------------------------------


def test_a_mediator_sees_the_supervisor_tabs_read_only(
    qtbot: Any, service: ContextCaseService, backups: BackupTab
) -> None:
    from ui.views.settings.cert import CertificateTab
    from ui.views.settings.data import LprTab
    from ui.views.settings.org import OrganisationTab

    service.signed_in = CLERK
    inline = InlineTaskRunner()
    org = OrganisationTab(service, inline)
    cert = CertificateTab(service, inline, service.data_dir)
    lpr = LprTab(inline, service.data_dir, service=service)
    for tab in (org, cert, lpr):
        qtbot.addWidget(tab)
        tab.show()
    with qtbot.waitSignal(org.profile_loaded, timeout=WAIT):
        org.load()
    cert.load()
    lpr.load()
    backups.load()
    qtbot.waitUntil(lambda: lpr.state is not None, timeout=WAIT)
    assert org.role_note.isVisible() and org.role_note.text().startswith("只有主管可以修改")
    assert org.edit("name").isReadOnly() and not org.save_button.isEnabled()
    assert not org.add_mediator_button.isEnabled() and not org.seal.isEnabled()
    assert cert.role_note.isVisible() and not cert.generate_button.isEnabled()
    assert not cert.import_button.isEnabled()
    assert lpr.role_note.isVisible() and not lpr.import_button.isEnabled()
    assert backups.role_note.isVisible() and backups.create_button.isEnabled()
    backups.listing.setCurrentRow(0)
    assert not backups.restore_button.isEnabled()

    service.signed_in = None  # without the lock (tests, screenshots): the key holder
    org.load()
    assert not org.role_note.isVisible() and not org.edit("name").isReadOnly()


def test_a_mediator_cannot_restore_even_when_asked_directly(
    qtbot: Any, backups: BackupTab, service: ContextCaseService, runner: TaskRunner
) -> None:
    saved = on_runner(qtbot, runner, service.backup_create).path
    with qtbot.waitSignal(backups.listing_shown, timeout=WAIT):
        backups.load()
    service.signed_in = CLERK
    backups.confirm_restore = lambda _entry: True
    with qtbot.waitSignal(backups.backup_failed, timeout=WAIT) as failed:
        backups.restore(saved)
    assert "只能由主管操作" in failed.args[0]
    assert audit_events(service.data_dir, "backup.restored") == []
    assert len(on_runner(qtbot, runner, service.list_cases)) == 2
