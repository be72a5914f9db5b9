"""债权人授权 on the settlement page: each limit of the creditor's mandate, what the levers
on screen use of it and the room left — live, as the mediator moves them (the same pure
`app.domain.mandate.assess` the signing rule uses) — and, when the saved settlement is
outside it, the approval request for the creditor and where it stands.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.mandate import FIELD_LABELS, Assessment, RoomLine, assess
from ui import formatting
from ui.ops import settlement
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.domain.plan import Plan
    from app.domain.settlement import SettlementProposal
    from app.services.mandate.exceptions import ExceptionInfo
    from app.services.mandate.service import MandateView
    from ui.ops.settlement import MandateState
    from ui.services import Core

STYLE = """
QFrame#mandateRoom { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 6px; }
QLabel#roomLeft[tone="ok"] { color: #067647; font-weight: bold; }
QLabel#roomLeft[tone="over"] { color: #b42318; font-weight: bold; }
QLabel#roomStatus[tone="ok"] { color: #067647; }
QLabel#roomStatus[tone="over"] { background: #fef3f2; color: #b42318; border: 1px solid #fecdca;
    border-radius: 4px; padding: 3px 8px; font-weight: bold; }
"""
LEVELS = {"creditor": "债权人", "batch": "批次", "case": "本案"}


class MandateRoomBox(QFrame):
    """Signals: requested(object: ExceptionInfo) once a request PDF was written."""

    requested = Signal(object)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self._view: MandateView | None = None
        self._exceptions: list[ExceptionInfo] = []
        self.assessment: Assessment | None = None
        self.setObjectName("mandateRoom")
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        title = QLabel(self.tr("债权人授权（剩余空间）"))
        title.setObjectName("columnTitle")
        layout.addWidget(title)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(3)
        self._build_grid()
        layout.addWidget(self.grid_host)
        self.status = QLabel()
        self.status.setObjectName("roomStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.exception_note = QLabel()
        self.exception_note.setObjectName("quiet")
        self.exception_note.setWordWrap(True)
        self.request_button = QPushButton(self.tr("生成批准申请…"))
        self.request_button.setObjectName("requestApproval")
        self.request_button.setToolTip(self.tr("为已保存的方案生成给债权人的批准申请书（PDF）"))
        self.request_button.clicked.connect(self.request_with_dialog)
        row.addWidget(self.exception_note, 1)
        row.addWidget(self.request_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(row)
        self.set_view(None)

    # -- what applies -------------------------------------------------------------------------

    def set_view(self, state: MandateState | None) -> None:
        """The mandate that applies and the case's approval requests (None: not known yet)."""
        self._view = state.view if state is not None else None
        self._exceptions = list(state.exceptions) if state is not None else []
        self._show_exceptions()

    def show_room(
        self, proposal: SettlementProposal | None, plan: Plan | None, start: date
    ) -> None:
        """The room under each limit for the levers and plan on screen."""
        if self._view is None or not self._view.any:
            self.assessment = None
            self._rows([])
            self._status(self.tr("本案债权人未设定授权限制。"), "")
            return
        if proposal is None:
            self._status(self.tr("减免项有误，无法计算授权空间。"), "")
            return
        p = proposal
        self.assessment = assess(
            self._view.effective, p.lawful, p.waived, p.settled_total, plan, start
        )
        self._rows(list(self.assessment.lines))
        breaches = self.assessment.breaches
        if not breaches:
            self._status(self.tr("✓ 在债权人授权范围内。"), "ok")
        else:
            text = self.tr("超出授权 %1 项：签署前须取得债权人批准（保存方案后生成批准申请）。")
            self._status(text.replace("%1", str(len(breaches))), "over")

    def _build_grid(self) -> None:
        """A header and one row of labels per possible limit, filled in as levers move."""
        heads = [self.tr("项目"), self.tr("授权"), self.tr("本方案"), self.tr("剩余空间")]
        for column, text in enumerate(heads):
            head = QLabel(text)
            head.setObjectName("gridHead")
            self.grid.addWidget(head, 0, column)
        self.cells: list[list[QLabel]] = []
        for row in range(1, len(FIELD_LABELS) + 1):
            cells = [QLabel(), QLabel(), _right(""), _right("")]
            cells[3].setObjectName("roomLeft")
            for column, cell in enumerate(cells):
                self.grid.addWidget(cell, row, column)
            self.cells.append(cells)
        self.grid.setColumnStretch(1, 1)

    def _rows(self, lines: list[RoomLine]) -> None:
        self.grid_host.setVisible(bool(lines))
        sources = self._view.source if self._view is not None else {}
        for index, cells in enumerate(self.cells):
            line = lines[index] if index < len(lines) else None
            for cell in cells:
                cell.setVisible(line is not None)
            if line is None:
                continue
            source = LEVELS.get(sources.get(line.rule, ""), "")
            cells[0].setText(f"{line.label}（{source}）" if source else line.label)
            cells[1].setText(line.limit_text)
            cells[2].setText(_amount(line.used, line.unit))
            cells[3].setText(_amount(line.left, line.unit))
            cells[3].setProperty("tone", "ok" if line.ok else "over")
            cells[3].style().unpolish(cells[3])
            cells[3].style().polish(cells[3])

    def _status(self, text: str, tone: str) -> None:
        self.status.setText(text)
        self.status.setProperty("tone", tone)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _show_exceptions(self) -> None:
        current = [e for e in self._exceptions if e.current]
        if not current:
            self.exception_note.setText("")
            return
        last = current[-1]
        text = self.tr("第 %1 号批准申请：%2").replace("%1", str(last.id))
        text = text.replace("%2", last.state_label)
        if last.approver:
            text += f"（{last.approver}，{last.how_label}）"
        self.exception_note.setText(text)

    # -- the request for the creditor ---------------------------------------------------------

    def request_with_dialog(self) -> None:
        if self._view is None:
            return
        name = f"{self._view.case_no}-批准申请.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存批准申请"), name, "PDF (*.pdf)")
        if path:
            self.request_to(Path(path))

    def request_to(self, path: Path) -> None:
        if self._view is None:
            return
        work = settlement.request_approval(self._service, self._view.case_no, path)
        self._runner.run(work).success(self._requested).failure(refused(self._refused))

    def _requested(self, result: tuple[ExceptionInfo, list[ExceptionInfo]]) -> None:
        info, exceptions = result
        self._exceptions = list(exceptions)
        self._show_exceptions()
        self.requested.emit(info)

    def _refused(self, refusal: Refusal) -> None:
        self.exception_note.setText(refusal.message)


def _amount(value: Decimal, unit: str) -> str:
    return formatting.money(value) if unit == "元" else f"{value} {unit}"


def _right(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label
