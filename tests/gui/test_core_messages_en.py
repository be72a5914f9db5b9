"""The core's messages in English in the GUI (`--lang en`): a refusal under its field, the
recalculation panel's notes, bases and statement lines; Chinese again after switching back."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app.domain.identifiers import make_resident_id
from ui import i18n
from ui.models.recalc_lines import LineColumn
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.cases.new_case_dialog import NewCaseDialog
from ui.views.recalc.panel import RecalcPanel

CHINESE = re.compile(r"[\u4e00-\u9fff]")
WAIT = 5_000


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.services.demo.service import seed_demo
    from app.services.startup import open_context

    folder = tmp_path_factory.mktemp("core-en-gui") / "data"
    with open_context(folder, actor="演示") as ctx:
        seed_demo(ctx)
    return folder


@pytest.fixture
def service(demo_folder: Path, tmp_path: Path) -> Iterator[ContextCaseService]:
    target = tmp_path / "data"
    shutil.copytree(demo_folder, target)
    found = ContextCaseService(target, actor="测试调解员")
    yield found
    found.close()


@pytest.fixture
def english(themed_app) -> Iterator[None]:
    i18n.install_translators(themed_app, "en")
    yield
    i18n.remove_translators(themed_app)


def _wrong_check_digit() -> str:
    good = make_resident_id("110105", date(1980, 5, 1), 12)
    return good[:-1] + ("0" if good[-1] != "0" else "1")


def _fill(dialog: NewCaseDialog, name: str, text: str) -> None:
    editor = dialog.edit(name)
    editor.setText(text)
    editor.textEdited.emit(text)


def test_a_wrong_check_digit_is_refused_in_english_under_its_field(
    qtbot, english, service
) -> None:
    dialog = NewCaseDialog(service, InlineTaskRunner())
    qtbot.addWidget(dialog)
    for name, text in {
        "creditor_name": "Bank", "debtor_name": "Wang", "principal": "50000",
        "debtor_id_number": _wrong_check_digit(), "debtor_phone": "13800138000",
    }.items():  # fmt: skip
        _fill(dialog, name, text)
    dialog.submit()
    qtbot.waitUntil(lambda: "debtor_id_number" in dialog.errors(), timeout=WAIT)
    error = dialog.rows["debtor_id_number"].error.text()
    assert error.startswith("The last character of the ID number (its check digit) should be")
    assert not any(CHINESE.search(text) for text in dialog.errors().values())


def test_the_recalculation_panel_shows_the_cores_notes_in_english(
    qtbot, english, service
) -> None:
    panel = RecalcPanel(service, InlineTaskRunner(), today=lambda: date(2026, 6, 30))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.show_case_no("TJ-2026-000003")  # small loan: interest deducted, 36 % rates
    model = panel.statement.model()
    assert model is not None
    notes = [
        model.index(row, LineColumn.NOTE, model.index(group, 0)).data()
        for group in range(model.rowCount())
        for row in range(model.rowCount(model.index(group, 0)))
    ]
    assert any(note.startswith("Payment allocated:") for note in notes)
    shown = [panel.warnings.text(), panel.readings.text(), panel.reasons.basis.text(), *notes]
    assert [text for text in shown if CHINESE.search(text)] == []


def test_back_in_chinese_the_core_speaks_chinese(qtbot, themed_app, service) -> None:
    i18n.install_translators(themed_app, "en")
    i18n.remove_translators(themed_app)
    panel = RecalcPanel(service, InlineTaskRunner(), today=lambda: date(2026, 6, 30))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT):
        panel.show_case_no("TJ-2026-000003")
    assert "依据" in panel.reasons.basis.text() and "《" in panel.reasons.basis.text()
    assert QCoreApplication.translate("RecalcPanel", "依据：%1") == "依据：%1"


def test_an_import_problem_is_shown_in_english_in_the_dry_run(
    qtbot, english, service, tmp_path: Path
) -> None:
    """A lender's row with a wrong check digit: its reason in the table and under it."""
    from tests.intake_fixtures import row, write_xlsx
    from ui.views.intake.import_dialog import ImportDialog

    rows = [row(1), row(2, 身份证号=_wrong_check_digit())]
    path = write_xlsx(tmp_path / "lender.xlsx", rows)
    dialog = ImportDialog(service, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    model = dialog.problems.model()
    assert model.rowCount() == 1
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Reason and fix"
    reason = model.index(0, 4).data()
    assert reason.startswith("The last character of the ID number (its check digit) should be")
    assert not CHINESE.search(reason)
    assert dialog.reason.text() == f"Row 3, 身份证号: {reason}"  # the file's own column name
    assert dialog.report.problems[0].reason.startswith("身份证号")  # the export stays Chinese
