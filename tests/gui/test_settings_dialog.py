"""设置 over a real case store with the inline runner: the profile round trip, errors next to
their fields, the certificate made with an in-memory keyring (never the real keychain) or a
typed passphrase, and the LPR import."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from PySide6.QtWidgets import QLineEdit, QTableWidgetItem

from app.security.secrets import PASSPHRASE_ENV
from app.services.organisation.service import get_profile
from app.services.unlock import unlock_store
from tests.security_fixtures import TEST_PASSPHRASE, memory_keyring
from tests.store_fixtures import GOOD_USCC, copy_template, make_template
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.settings.dialog import SettingsDialog

WAIT = 5000
ORG_NAME = "滨江市金融纠纷人民调解委员会"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("settings-template"))


@pytest.fixture(autouse=True)
def no_env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


@pytest.fixture
def data_dir(tmp_path: Path, template: Path) -> Path:
    folder = tmp_path / "data"
    copy_template(template, folder)
    # The store is encrypted: unlock it once (the environment's passphrase is removed here).
    unlock_store(folder, prompt=lambda message, new: TEST_PASSPHRASE)
    return folder


@pytest.fixture
def service(data_dir: Path) -> Iterator[ContextCaseService]:
    svc = ContextCaseService(data_dir, actor="测试员")
    yield svc
    svc.close()


def open_dialog(qtbot: Any, service: ContextCaseService) -> SettingsDialog:
    runner = InlineTaskRunner()
    dialog = SettingsDialog(service, runner, service.data_dir)
    runner.setParent(dialog)
    dialog.confirm_discard = lambda: True  # closing at teardown must never wait on a question
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.organisation.profile_loaded, timeout=WAIT):
        dialog.load()
    qtbot.waitUntil(lambda: dialog.lpr.state is not None, timeout=WAIT)
    dialog.show()
    return dialog


def type_into(edit: QLineEdit, text: str) -> None:
    """Chinese cannot go through keyClicks: set the text and emit the edit signal."""
    edit.setText(text)
    edit.textEdited.emit(text)


def seal_file(folder: Path) -> Path:
    image = Image.new("RGBA", (320, 320), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((8, 8, 312, 312), outline=(220, 0, 0, 255), width=12)
    out = io.BytesIO()
    image.save(out, "PNG")
    path = folder / "印章.png"
    path.write_bytes(out.getvalue())
    return path


def fill_profile(qtbot: Any, dialog: SettingsDialog, folder: Path) -> None:
    tab = dialog.organisation
    type_into(tab.edit("name"), ORG_NAME)
    type_into(tab.edit("address"), "滨江市滨江区金融街8号3楼")
    type_into(tab.edit("registration_no"), GOOD_USCC)
    type_into(tab.edit("phone"), "0571-88881234")
    row = tab.add_mediator_row()
    tab.mediator_table.setItem(row, 0, QTableWidgetItem("王芳"))
    tab.mediator_table.setItem(row, 1, QTableWidgetItem("13912345678"))
    tab.seal.load_file(seal_file(folder))
    qtbot.waitUntil(lambda: tab.seal.seal_png() is not None, timeout=WAIT)


def test_profile_is_saved_and_shows_again_on_reopening(qtbot, service, tmp_path) -> None:
    dialog = open_dialog(qtbot, service)
    tab = dialog.organisation
    assert tab.edit("name").text() == "" and "还没有填写" in tab.status_label.text()
    fill_profile(qtbot, dialog, tmp_path)
    assert tab.dirty and tab.status_label.text() == "有未保存的修改。"
    with qtbot.waitSignal(tab.profile_saved, timeout=WAIT):
        tab.save_button.click()
    assert not tab.dirty and tab.status_label.text().startswith("已保存")
    assert dialog.certificate.org_name == ORG_NAME
    dialog.reject()
    assert not dialog.isVisible()

    stored = get_profile(service.context())
    assert (stored.name, stored.phone, stored.registration_no) == (
        ORG_NAME,
        "0571-88881234",
        GOOD_USCC,
    )
    assert [(m.name, m.phone, m.role) for m in stored.mediators] == [
        ("王芳", "13912345678", "mediator")
    ]

    reopened = open_dialog(qtbot, service)
    again = reopened.organisation
    assert again.edit("name").text() == ORG_NAME
    assert again.edit("address").text() == "滨江市滨江区金融街8号3楼"
    assert again.seal.seal_png() == stored.seal_png is not None
    assert again.seal.state.text() == "320 × 320 像素"
    assert again.mediator_table.rowCount() == 1
    assert again.mediator_table.item(0, 0).text() == "王芳"
    assert again.mediators()[0].id == stored.mediators[0].id


def test_problems_show_next_to_their_fields_and_nothing_typed_is_lost(
    qtbot, service, tmp_path
) -> None:
    dialog = open_dialog(qtbot, service)
    tab = dialog.organisation
    type_into(tab.edit("address"), "滨江市某路1号")
    type_into(tab.edit("phone"), "0571-888")
    row = tab.add_mediator_row()
    tab.mediator_table.setItem(row, 1, QTableWidgetItem("12345"))
    with qtbot.waitSignal(tab.save_failed, timeout=WAIT):
        tab.save_button.click()
    errors = tab.errors()
    assert "全称" in errors["name"]
    assert "区号" in errors["phone"]
    assert "第 1 行" in errors["mediators"] and "姓名" in errors["mediators"]
    assert tab.mediator_table.item(0, 0).toolTip() == "请填写调解员的姓名。"
    assert tab.edit("address").text() == "滨江市某路1号" and tab.edit("phone").text() == "0571-888"
    assert tab.dirty
    assert not get_profile(service.context()).is_set
    type_into(tab.edit("phone"), "0571-88881234")
    assert "phone" not in tab.errors()  # the message goes once the field is edited


def test_a_bad_seal_picture_is_refused_under_the_seal(qtbot, service, tmp_path) -> None:
    dialog = open_dialog(qtbot, service)
    bad = tmp_path / "seal.png"
    bad.write_bytes(b"not a picture")
    dialog.organisation.seal.load_file(bad)
    qtbot.waitUntil(lambda: bool(dialog.organisation.seal.error_text()), timeout=WAIT)
    assert "PNG 或 JPEG" in dialog.organisation.errors()["seal_png"]
    assert dialog.organisation.seal.seal_png() is None and not dialog.organisation.dirty


def test_closing_with_unsaved_edits_asks_first(qtbot, service) -> None:
    dialog = open_dialog(qtbot, service)
    type_into(dialog.organisation.edit("name"), "某调解中心")
    asked: list[bool] = []
    dialog.confirm_discard = lambda: asked.append(True) or False
    dialog.reject()
    assert asked == [True] and dialog.isVisible()
    dialog.confirm_discard = lambda: True
    dialog.reject()
    assert not dialog.isVisible()


def save_name(qtbot: Any, dialog: SettingsDialog) -> None:
    type_into(dialog.organisation.edit("name"), ORG_NAME)
    with qtbot.waitSignal(dialog.organisation.profile_saved, timeout=WAIT):
        dialog.organisation.save()


def never_asked(*_args: Any) -> str:
    raise AssertionError("the user was asked for a passphrase")


def test_generate_certificate_with_a_keyring_asks_nothing(qtbot, service) -> None:
    with memory_keyring() as fake:
        dialog = open_dialog(qtbot, service)
        cert = dialog.certificate
        assert cert.info is None and cert.values["state"].text().startswith("还没有组织证书")
        assert "钥匙串可用" in cert.keyring_note.text()
        cert.ask_passphrase = never_asked
        cert.generate_button.click()
        assert "请先在“调解组织”页填写组织名称" in cert.message.text()
        save_name(qtbot, dialog)
        with qtbot.waitSignal(cert.certificate_shown, timeout=WAIT):
            cert.generate_button.click()
        assert len(fake.secrets) == 1
    assert cert.info is not None and cert.info.common_name == ORG_NAME
    assert cert.values["name"].text() == ORG_NAME
    assert cert.values["state"].text() == "有效"
    assert cert.values["kind"].text() == "自签名（本机生成）"
    assert cert.values["passphrase"].text() == "保存在系统钥匙串中，签名时无需输入"
    shown = cert.values["fingerprint"].text().replace(" ", "").replace("\n", "")
    assert shown == cert.info.fingerprint_sha256.upper()
    assert cert.generate_button.text() == "重新生成本机证书…"


def test_without_a_keyring_the_passphrase_is_asked_for_with_the_reason(qtbot, service) -> None:
    from app.services.organisation.signing import load_signer

    dialog = open_dialog(qtbot, service)
    cert = dialog.certificate
    assert "没有可用的系统钥匙串" in cert.keyring_note.text()
    save_name(qtbot, dialog)
    asked: list[tuple[str, bool]] = []

    def typed(_parent: Any, message: str, confirm: bool) -> str:
        asked.append((message, confirm))
        return "口令-pass-1"

    cert.ask_passphrase = typed
    with qtbot.waitSignal(cert.certificate_shown, timeout=WAIT):
        cert.generate()
    assert len(asked) == 1 and asked[0][1] is True
    assert "没有可用的系统钥匙串" in asked[0][0] and PASSPHRASE_ENV in asked[0][0]
    assert cert.values["passphrase"].text() == "不在系统钥匙串中：签名时需要输入口令"
    assert load_signer(service.data_dir, "口令-pass-1").identity.common_name == ORG_NAME

    cert.ask_passphrase = lambda *_args: None  # the user cancels: nothing changes
    cert.confirm_replace = lambda: True
    before = cert.info
    cert.generate()
    assert cert.message.text() == "没有输入口令，已取消。" and cert.info == before


def test_lpr_tab_shows_the_table_and_refuses_a_bad_file(qtbot, service, tmp_path) -> None:
    dialog = open_dialog(qtbot, service)
    lpr = dialog.lpr
    assert lpr.values["source"].text() == "内置利率表（随软件发布）"
    last = lpr.state.table.rows[-1].effective_date
    assert lpr.values["last"].text().startswith(f"{last.year}年{last.month}月{last.day}日起")
    bad = tmp_path / "lpr.csv"
    bad.write_text("effective_date,one_year,five_year\n2026-01-20,abc,3.50\n", encoding="utf-8")
    lpr.import_file(bad)
    qtbot.waitUntil(lambda: lpr.error.isVisibleTo(lpr), timeout=WAIT)
    assert lpr.error.text().startswith("利率表没有导入")
    assert not (service.data_dir / "lpr.csv").exists()

    newer = tmp_path / "newer.csv"
    rows = (Path(os.fspath(_bundled_csv())).read_text(encoding="utf-8")).rstrip("\n")
    newer.write_text(rows + "\n2099-01-20,2.90,3.40\n", encoding="utf-8")
    with qtbot.waitSignal(lpr.table_shown, timeout=WAIT):
        lpr.import_file(newer)
    assert lpr.values["source"].text() == "导入的利率表（数据目录中的 lpr.csv）"
    assert lpr.values["last"].text() == "2099年1月20日起 一年期 2.90%，五年期以上 3.40%"


def _bundled_csv() -> Path:
    from app.paths import resource

    return resource("lpr", "lpr.csv")


def test_backups_tab_lists_the_backup_folder(qtbot, service) -> None:
    folder = service.data_dir / "backups"
    folder.mkdir()
    (folder / "cases-20260301T020304Z-before-0002.db").write_bytes(b"x" * 2048)
    dialog = open_dialog(qtbot, service)
    items = [dialog.backups.listing.item(i).text() for i in range(dialog.backups.listing.count())]
    assert len(items) == 1 and items[0].endswith("cases-20260301T020304Z-before-0002.db")


def test_the_main_window_opens_settings_and_verify_from_its_menus(qtbot, service) -> None:
    from ui.views.documents.verify_dialog import VerifyDialog
    from ui.views.main_window import MainWindow

    runner = InlineTaskRunner()
    window = MainWindow(service, runner, service.data_dir)
    runner.setParent(window)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert "设置(&S)" in menus
    window.settings_action.trigger()
    settings = window.findChild(SettingsDialog)
    assert settings is not None and settings.isVisible()
    qtbot.waitUntil(lambda: settings.organisation.saved is not None, timeout=WAIT)
    settings.confirm_discard = lambda: True
    settings.reject()
    window.verify_action.trigger()
    verify = window.findChild(VerifyDialog)
    assert verify is not None and verify.isVisible()
    verify.reject()
