"""Settings → LPR 利率表 (which table is in use, its last publication, importing a newer
one through `app.services.recalc.lpr`, a supervisor's change) and → 备份 (`BackupTab`, in
`ui.views.settings.backup`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import china_today
from ui.ops import recalc
from ui.ops.recalc import LprState
from ui.refusal import Refusal, refused
from ui.services import acting_user
from ui.tasks import TaskRunner
from ui.views.settings.backup import BackupTab
from ui.views.settings.cert import NOTICE_STYLE, role_note
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from ui.services import Core

__all__ = ["BackupTab", "LprState", "LprTab"]

STALE_AFTER_DAYS = 40  # the LPR is published monthly (the 20th, or the next working day)


def lpr_percent(rate: Decimal) -> str:
    """An LPR fraction as it is published: `0.0345` → `3.45%`, `0.03` → `3.00%`."""
    return f"{rate * 100:.2f}%"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class LprTab(QWidget):
    """The LPR table in use and "导入更新的利率表…".

    Signals:
        table_shown(object): the `LprState` now shown.
    """

    table_shown = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        service: Core | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._data_dir = data_dir
        self._service = service
        self.state: LprState | None = None
        layout = QVBoxLayout(self)
        self.role_note = role_note(self.tr("只有主管可以导入利率表；您可以查看正在使用的利率。"))
        layout.addWidget(self.role_note)
        box = QGroupBox(self.tr("贷款市场报价利率（LPR）"))
        form = QFormLayout(box)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("source", self.tr("正在使用")),
            ("last", self.tr("最新一期")),
            ("span", self.tr("收录范围")),
        ):
            self.values[key] = QLabel()
            self.values[key].setObjectName(f"lpr_{key}")
            self.values[key].setWordWrap(True)
            form.addRow(label, self.values[key])
        layout.addWidget(box)
        self.stale = QLabel()
        self.stale.setObjectName("lprStale")
        self.stale.setStyleSheet(NOTICE_STYLE)
        self.stale.setWordWrap(True)
        self.stale.setVisible(False)
        layout.addWidget(self.stale)
        self.error = message_label()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("导入更新的利率表…"))
        self.import_button.clicked.connect(lambda: self.import_file())
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(
            self.tr(
                "利率表为 CSV 文件：表头 effective_date,one_year,five_year，每行一期"
                "（生效日期、一年期、五年期以上），利率按百分数填写，如 2025-12-22,3.00,3.50。"
                "导入前会检查整份文件；只有比内置表更新的表才会被使用。"
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    @property
    def may_import(self) -> bool:
        return acting_user(self._service).can("lpr")

    def load(self) -> None:
        self.role_note.setVisible(not self.may_import)
        self.import_button.setEnabled(self.may_import)
        self._runner.run(recalc.lpr_state(self._data_dir)).success(self.show_state)

    def show_state(self, state: LprState) -> None:
        self.state = state
        table = state.table
        if state.imported:
            source = self.tr("导入的利率表（数据目录中的 lpr.csv）")
        elif state.imported_exists:
            source = self.tr("内置利率表（导入的表不比内置表新，未使用）")
        else:
            source = self.tr("内置利率表（随软件发布）")
        self.values["source"].setText(source)
        last = table.rows[-1] if table.rows else None
        if last is None:
            self.values["last"].setText("—")
            self.values["span"].setText("—")
        else:
            text = self.tr("%1起 一年期 %2，五年期以上 %3")
            self.values["last"].setText(
                text.replace("%1", chinese_date(last.effective_date))
                .replace("%2", lpr_percent(last.one_year))
                .replace("%3", lpr_percent(last.five_year))
            )
            first = table.rows[0].effective_date
            span = self.tr("%1至今，共 %2 期").replace("%1", chinese_date(first))
            self.values["span"].setText(span.replace("%2", str(len(table.rows))))
        self._show_staleness(last.effective_date if last else None)
        self.table_shown.emit(state)

    def _show_staleness(self, last: date | None) -> None:
        today = china_today()
        if last is not None and (today - last).days <= STALE_AFTER_DAYS:
            self.stale.setText("")
            self.stale.setVisible(False)
            return
        since = chinese_date(last) if last else "—"
        days = (today - last).days if last else 0
        self.stale.setText(
            self.tr(
                "利率表的最后一期是 %1，距今 %2 天。LPR 每月 20 日（遇节假日顺延）公布："
                "如果此后又公布了新的利率，请从中国人民银行或全国银行间同业拆借中心网站"
                "整理后导入更新的利率表，否则之后的日期按最后一期计算。"
            )
            .replace("%1", since)
            .replace("%2", str(days))
        )
        self.stale.setVisible(True)

    def import_file(self, path: Path | None = None) -> None:
        """Validate and store a CSV table (chosen in a file dialog when `path` is None)."""
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("导入利率表"), "", self.tr("CSV 文件 (*.csv);;所有文件 (*)")
            )
            if not chosen:
                return
            path = Path(chosen)
        work = recalc.import_lpr(self._data_dir, path, acting_user(self._service))
        self._say("")
        self.import_button.setEnabled(False)
        self._runner.run(work).success(self._imported).failure(
            refused(self._refused, always=lambda: self.import_button.setEnabled(self.may_import))
        )

    def _imported(self, state: LprState) -> None:
        self.import_button.setEnabled(self.may_import)
        self.show_state(state)

    def _refused(self, refusal: Refusal) -> None:
        if not refusal.problems:
            self._say(refusal.message)
            return
        lines = [str(p) for p in refusal.problems[:12]]
        more = len(refusal.problems) - len(lines)
        if more > 0:
            lines.append(self.tr("……另有 %1 处问题").replace("%1", str(more)))
        heading = self.tr("利率表没有导入，文件中有以下问题：")
        self._say("\n".join([heading, *lines]))

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
