"""Pictures of 导入案件… for the docs, and a timed GUI import of a big file.

    QT_QPA_PLATFORM=offscreen MEDIATION_DESK_PASSPHRASE=… .venv/bin/python -m \
        tools.screenshots.intake --data-dir D --out docs/images/intake [--rows 100000]

With a fresh data folder D it: opens the main window as the app does (font, style,
translators), opens 导入案件… on a lender's file with a few bad rows (the dry-run table:
`import-problems.png`), on a file whose contract-number column has the lender's own name
(refused, then fixed from the list: `import-columns.png`), and imports a file of `--rows`
rows through the real background runner, grabbing the progress bar half-way
(`import-progress.png`) and the end (`import-done.png`); it prints how long the import took.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.main import parse_options, start_gui
from ui.views.intake.import_dialog import ImportDialog
from ui.views.main_window import MainWindow

HEADERS = (
    "合同编号",
    "债权人",
    "借款人姓名",
    "身份证号",
    "手机号",
    "地址",
    "出借人类型",
    "合同日期",
    "借款本金",
    "年利率",
    "还款方式",
    "期数",
    "主张截止日",
    "剩余本金",
    "欠息",
    "罚息",
    "客户经理",
)


def lender_file(path: Path, rows: int, *, bad: bool, own_header: bool = False) -> Path:
    """A lender's xlsx written with XlsxWriter; `bad`: a few of the classic traps."""
    import random

    import xlsxwriter

    from app.domain.identifiers import make_resident_id

    rng = random.Random(7)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("逾期清单")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    heads = list(HEADERS)
    if own_header:
        heads[0] = "借据编号"
    sheet.write_row(0, 0, heads)
    names = ["王建国", "李秀英", "张伟", "刘芳", "陈静", "杨洋", "赵磊", "黄丽", "周杰", "吴敏"]
    for r in range(1, rows + 1):
        born = date(1970, 1, 1).toordinal() + rng.randrange(12_000)
        number = make_resident_id(
            rng.choice(("110105", "420106", "310104")), date.fromordinal(born), rng.randrange(1000)
        )
        values: list[Any] = [
            f"XF-2024-{r:06d}",
            "滨江消费金融有限公司",
            names[r % 10],
            number,
            f"139{rng.randrange(10**8):08d}",
            "滨江市建设路 1 号",
            "消费金融公司",
            date(2023, 3, 10),
            20000 + r % 5000,
            "18%",
            "等额本息",
            12,
            date(2025, 6, 30),
            12000.5,
            980.4,
            120,
            "王经理",
        ]
        if bad and r == 3:
            values[3] = 4.20106198503124e17  # Excel made the ID a number
        if bad and r == 5:
            values[7] = "2023-02-30"
        if bad and r == 6:
            values[8] = "1,234.567"
        if bad and r == 8:
            values[0] = "XF-2024-000004"  # the same contract again
        if bad and r == 9:
            values[9] = "18"
        for c, value in enumerate(values):
            if isinstance(value, date):
                sheet.write_datetime(r, c, value, day)
            elif isinstance(value, (int, float)):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, value)
    book.close()
    return path


class Tour:
    """Drives the dialog from one picture to the next."""

    def __init__(self, window: MainWindow, out: Path, rows: int, work: Path) -> None:
        self.window, self.out, self.rows, self.work = window, out, rows, work
        out.mkdir(parents=True, exist_ok=True)
        self.dialog: ImportDialog | None = None
        self.started = 0.0
        self.grabbed_half = False

    def shot(self, name: str) -> None:
        assert self.dialog is not None
        self.dialog.grab().save(str(self.out / name))
        print(self.out / name, flush=True)

    def open(self) -> ImportDialog:
        dialog = self.window.open_import()
        assert isinstance(dialog, ImportDialog)
        dialog.resize(1180, 700)
        self.dialog = dialog
        return dialog

    def problems(self) -> None:
        dialog = self.open()
        dialog.set_file(lender_file(self.work / "lender-bad.xlsx", 40, bad=True))
        self.wait(lambda: dialog.report is not None, self.after_problems)

    def after_problems(self) -> None:
        self.shot("import-problems.png")
        assert self.dialog is not None
        self.dialog.close()
        dialog = self.open()
        dialog.set_file(
            lender_file(self.work / "lender-own.xlsx", 40, bad=False, own_header=True)
        )
        self.wait(lambda: dialog.banner.isVisible(), self.fix_column)

    def fix_column(self) -> None:
        assert self.dialog is not None
        self.dialog.columns.choose("借据编号", "contract_no")
        self.shot("import-columns.png")
        self.dialog.close()
        self.big()

    def big(self) -> None:
        dialog = self.open()
        path = self.work / f"lender-{self.rows}.xlsx"
        if not path.exists():
            lender_file(path, self.rows, bad=False)
        dialog.set_file(path)
        self.wait(lambda: dialog.report is not None, self.start_import)

    def start_import(self) -> None:
        assert self.dialog is not None
        dialog = self.dialog
        dialog.progress.valueChanged.connect(self.half)
        dialog.imported.connect(lambda _r: QTimer.singleShot(100, self.done))
        self.started = time.perf_counter()
        dialog.import_button.click()

    def half(self, value: int) -> None:
        if not self.grabbed_half and value >= 700:
            self.grabbed_half = True
            self.shot("import-progress.png")

    def done(self) -> None:
        spent = time.perf_counter() - self.started
        assert self.dialog is not None and self.dialog.result_report is not None
        print(
            f"GUI import of {self.dialog.result_report.imported} rows: {spent:.1f} s "
            "(button click to the dialog saying done, progress bar shown throughout)"
        )
        self.shot("import-done.png")
        QApplication.quit()

    def wait(self, ready: Any, then: Any) -> None:
        def poll() -> None:
            if ready():
                QTimer.singleShot(50, then)
            else:
                QTimer.singleShot(50, poll)

        poll()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images/intake"))
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--work", type=Path, help="where the lenders' files are written")
    known, rest = parser.parse_known_args(argv)
    app, window = start_gui(parse_options(rest))
    window.resize(1366, 768)
    import tempfile

    work = known.work or Path(tempfile.mkdtemp(prefix="intake-shots-"))
    work.mkdir(parents=True, exist_ok=True)
    tour = Tour(window, known.out, known.rows, work)
    QTimer.singleShot(0, tour.problems)
    QTimer.singleShot(900_000, lambda: app.exit(3))
    code = app.exec()
    window.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
