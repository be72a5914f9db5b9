"""The wizard's finish step seals the pad-signed agreement with the organisation's PAdES
signature. With no keyring and no MEDIATION_DESK_PASSPHRASE it asks for the passphrase
(on the GUI thread, saying why); cancelled or wrong, the session still finishes, the signed
agreement stays, and the page says how to seal it later — which the 文书 panel then does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.security.secrets import PASSPHRASE_ENV
from tests.session_fixtures import (
    SESSION_START,
    agree,
    copy_demo,
    make_demo,
    scheduled_case,
)
from tests.store_fixtures import FixedClock
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.session_wizard import SessionWizard

WAIT = 10_000


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("finish-seal") / "data")


@pytest.fixture
def prepared(demo_template: Path, tmp_path: Path) -> tuple[Path, str]:
    """A demo store with a session agreed and signed on the pad by everyone, not finished."""
    from app.services.sessions import service as sessions
    from app.services.startup import open_context

    folder = copy_demo(demo_template, tmp_path / "data")
    with open_context(folder, actor="准备", clock=FixedClock(SESSION_START)) as ctx:
        case_no = scheduled_case(ctx)
        agree(ctx, case_no, sessions.start_or_resume(ctx, case_no).session_id)
    return folder, case_no


@pytest.fixture
def data_dir(prepared: tuple[Path, str]) -> Path:
    return prepared[0]


@pytest.fixture
def wizard(qtbot, themed_app, prepared, monkeypatch) -> Iterator[SessionWizard]:
    data_dir, case_no = prepared
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(SESSION_START))
    runner = InlineTaskRunner()
    wiz = SessionWizard(service, runner, case_no)
    runner.setParent(wiz)
    qtbot.addWidget(wiz)
    wiz.show()
    with qtbot.waitSignal(wiz.session_loaded, timeout=WAIT):
        wiz.open()
    monkeypatch.delenv(PASSPHRASE_ENV)  # the store is open; the signing key must ask now
    yield wiz
    service.close()


class Asker:
    """Stands in for the passphrase dialog: records what it was told, answers as set."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, bool]] = []

    def __call__(self, _parent: Any, message: str, confirm: bool) -> str | None:
        self.asked.append((message, confirm))
        return self.answers.pop(0)


def finish(qtbot, wizard: SessionWizard, asker: Asker) -> Any:
    page = wizard.finish_page
    page.confirm = lambda _question: True
    page.ask_passphrase = asker
    wizard.go(8)
    with qtbot.waitSignal(wizard.session_closed, timeout=WAIT) as closed:
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    return closed.args[0]


def stored_agreement(data_dir: Path, case_no: str) -> Any:
    from app.services.documents.store import latest_version
    from app.services.startup import open_context

    with open_context(data_dir, actor="检查") as ctx:
        return latest_version(ctx, case_no, "agreement")


def verify(pdf: bytes, data_dir: Path) -> Any:
    from app.services.organisation.signing import verify_document

    return verify_document(pdf, data_dir=data_dir)


def test_finishing_asks_for_the_new_key_passphrase_and_seals_the_agreement(
    qtbot, wizard, data_dir, tmp_path
):
    asker = Asker("new-passphrase")
    closed = finish(qtbot, wizard, asker)
    assert closed.result.status == "signed"
    ((message, confirm),) = asker.asked
    assert "钥匙串" in message and PASSPHRASE_ENV in message and "设置" in message
    assert confirm is True  # first use: the key is created now, so it is asked twice
    page = wizard.finish_page
    assert "已加盖组织电子签章" in page.summary.text() and not page.seal_problem.isVisible()
    saved = page.save_all_to(tmp_path / "out")
    agreement = next(p for p in saved if "-XY-" in p.name).read_bytes()
    report = verify(agreement, data_dir)
    assert report.intact and report.signatures[0].signed_by_organisation is True
    assert report.store_record is not None and report.store_record["matched"] == "digital_pdf"
    roles = [a.role for a in stored_agreement(data_dir, wizard.shared.case_no).attachments]
    assert roles == ["signed_pdf", "digital_pdf"]


def test_a_cancelled_passphrase_finishes_the_session_and_the_panel_seals_later(
    qtbot, wizard, data_dir
):
    closed = finish(qtbot, wizard, Asker(None))
    assert closed.result.status == "signed"  # the session finished all the same
    page = wizard.finish_page
    assert page.seal_problem.isVisible()
    problem = page.seal_problem.text()
    assert "没有输入签名密钥的口令" in problem and "“文书”页" in problem
    assert "加盖电子签章" in problem
    kept = stored_agreement(data_dir, wizard.shared.case_no)
    assert kept.status == "signed" and [a.role for a in kept.attachments] == ["signed_pdf"]
    assert not verify(page.documents[0].pdf, data_dir).intact  # no digital signature yet

    panel = page.stored
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=WAIT)
    row = next(r for r in range(3) if panel.table.item(r, 0).text() == "人民调解协议书")
    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: panel._preview is not None and panel._preview.sealable, timeout=WAIT)
    assert panel.seal_button.isVisible() and panel.seal_button.isEnabled()
    panel.ask_passphrase = Asker("later-passphrase")
    with qtbot.waitSignal(panel.sealed, timeout=WAIT):
        qtbot.mouseClick(panel.seal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel._preview is not None and panel._preview.sealed, timeout=WAIT)
    assert not panel.seal_button.isVisible()
    assert "已加盖组织电子签章" in panel.summary.text()
    assert verify(panel._preview.pdf, data_dir).intact
    assert verify(page.documents[0].pdf, data_dir).intact  # the finish page keeps it too
    assert not page.seal_problem.isVisible()


def test_a_wrong_passphrase_is_named_and_the_signed_agreement_stays(qtbot, wizard, data_dir):
    from app.services.organisation.signing import ensure_identity

    ensure_identity(data_dir, "滨江调解中心", passphrase="the-right-one")
    asker = Asker("a-wrong-one")
    closed = finish(qtbot, wizard, asker)
    assert closed.result.status == "signed"
    assert asker.asked[0][1] is False  # the key exists: asked once
    problem = wizard.finish_page.seal_problem.text()
    assert "口令不正确" in problem and "加盖电子签章" in problem
    kept = stored_agreement(data_dir, wizard.shared.case_no)
    assert kept.status == "signed" and [a.role for a in kept.attachments] == ["signed_pdf"]
