"""导入案件… over a real case store: the matched columns, the sortable problem table,
导出问题行, a column fixed from the list (and saved for the creditor), the import with its
progress, and a cancel that leaves whole chunks and a batch that can be withdrawn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.intake_fixtures import CREDITOR, HEADERS, row, write_xlsx
from tests.store_fixtures import copy_template, make_template
from ui.ops import intake
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.intake.import_dialog import ImportDialog
from ui.views.main_window import MainWindow

WAIT = 10_000


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def service(tmp_path: Path, template: Path) -> Iterator[ContextCaseService]:
    copy_template(template, tmp_path / "data")
    found = ContextCaseService(tmp_path / "data", actor="测试调解员")
    yield found
    found.close()


@pytest.fixture
def dialog(qtbot: Any, themed_app: Any, service: ContextCaseService) -> ImportDialog:
    window = MainWindow(service, InlineTaskRunner(), service.data_dir)
    qtbot.addWidget(window)
    opened = window.open_import()
    assert isinstance(opened, ImportDialog)
    return opened


def shown(dialog: ImportDialog) -> list[list[str]]:
    view = dialog.problems
    model = view.model()
    return [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]


def case_count(service: ContextCaseService) -> int:
    from app.services.cases.service import list_cases

    return len(list_cases(service.context()))


def test_problems_are_listed_sortable_exported_then_the_good_rows_imported(
    qtbot: Any, dialog: ImportDialog, service: ContextCaseService, tmp_path: Path
) -> None:
    rows = [row(1), row(2, 身份证号=4.2e17), row(3), row(3), row(4, 合同日期="2023-02-30")]
    path = write_xlsx(tmp_path / "lender.xlsx", rows)
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert [r[1:3] for r in shown(dialog)] == [
        ["3", "身份证号"],
        ["5", "合同编号"],
        ["6", "合同日期"],
    ]
    assert "Excel" in shown(dialog)[0][4] and "重复" in shown(dialog)[1][4]
    dialog.problems.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [r[1] for r in shown(dialog)] == ["6", "5", "3"]
    assert dialog.columns.rowCount() == len(HEADERS)
    assert not dialog.import_button.isEnabled()  # bad rows: only with 跳过有问题的行
    out = tmp_path / "back.xlsx"
    dialog.export_problems(out)
    qtbot.waitUntil(lambda: out.exists() and "导出" in dialog.summary.text(), timeout=WAIT)
    dialog.skip_box.setChecked(True)
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "导入 2 件"
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.import_button.click()
    assert "导入完成：2 件" in dialog.summary.text()
    assert case_count(service) == 2


def test_a_column_fixed_from_the_list_is_saved_for_the_creditor(
    qtbot: Any, dialog: ImportDialog, service: ContextCaseService, tmp_path: Path
) -> None:
    from app.services.intake.mappings import saved_mapping

    headers = ["借据号", *HEADERS[1:]]
    path = write_xlsx(tmp_path / "own.xlsx", [{**row(1), "借据号": "JJ-1"}], headers=headers)
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=WAIT)
    assert "合同编号" in dialog.banner.text() and dialog.report is None
    dialog.columns.choose("借据号", "contract_no")
    assert dialog.recheck_button.isEnabled()
    dialog.recheck_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert dialog.report is not None and dialog.report.problems == []
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.import_button.click()
    assert saved_mapping(service.context(), CREDITOR) == {"借据号": "contract number"}
    again = write_xlsx(tmp_path / "next.xlsx", [{**row(2), "借据号": "JJ-2"}], headers=headers)
    dialog.set_file(again)  # the creditor's mapping is offered again
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.rows == 1, timeout=WAIT)
    assert dialog.report is not None and dialog.report.problems == []


class StopAfterFirstChunk:
    """A stand-in for the runner's Progress: the user presses 取消 during the first chunk."""

    def __init__(self) -> None:
        self.reports: list[tuple[int, int]] = []

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))

    @property
    def cancelled(self) -> bool:
        return any(done > 400 for done, _ in self.reports)


def test_cancel_keeps_whole_chunks_and_the_batch_can_be_withdrawn(
    monkeypatch: pytest.MonkeyPatch, service: ContextCaseService, tmp_path: Path
) -> None:
    from app.services.intake import writer
    from app.services.intake.batches import get_batch, withdraw_batch
    from app.services.intake.service import IntakeOptions

    monkeypatch.setattr(writer, "CHUNK", 3)
    path = write_xlsx(tmp_path / "ten.xlsx", [row(n) for n in range(1, 11)])
    work = intake.import_file(service, path, IntakeOptions(), "")
    report = work.perform(StopAfterFirstChunk())  # type: ignore[arg-type]
    assert report.cancelled and report.imported == 3 and case_count(service) == 3
    assert report.batch_id is not None
    assert get_batch(service.context(), report.batch_id).status == "importing"
    withdraw_batch(service.context(), report.batch_id)
    assert case_count(service) == 0


def test_the_batches_dialog_sums_assigns_and_withdraws(
    qtbot: Any, themed_app: Any, service: ContextCaseService, tmp_path: Path
) -> None:
    from app.services.intake.service import IntakeOptions, import_file
    from app.store.models import Mediator, Organisation
    from ui.views.intake.batches_dialog import BatchesDialog

    ctx = service.context()
    with ctx.write() as uow:
        org = Organisation(name="滨江调解中心")
        org.mediators = [Mediator(name="张调解"), Mediator(name="李调解")]
        uow.session.add(org)
        uow.record("test.mediators")
    path = write_xlsx(tmp_path / "b.xlsx", [row(1, 年利率="36%"), row(2), row(3)])
    assert import_file(ctx, path, IntakeOptions()).imported == 3
    window = MainWindow(service, InlineTaskRunner(), service.data_dir)
    qtbot.addWidget(window)
    dialog = window.open_batches()
    assert isinstance(dialog, BatchesDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    dialog.summary_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT)
    assert dialog.summary is not None and dialog.summary.computed == 3
    assert "依法可支持" in dialog.message.text()
    assert dialog.summary.lawful < dialog.summary.contract
    dialog.mediators.setText("张调解，李调解")
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        dialog.assign_button.click()
    assert "张调解 2 件、李调解 1 件" in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.table.item(0, 6).text() == "3", timeout=WAIT)
