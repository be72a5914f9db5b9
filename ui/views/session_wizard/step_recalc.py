"""Step 4, recalculation: claimed, contract and lawful side by side, with the reasons (the
recalculation panel), and the claimed-versus-lawful figures large at the top."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.services.clock import china_today
from ui import formatting
from ui.views.recalc.panel import RecalcPanel
from ui.views.session_wizard.shared import Shared, StepPage

if TYPE_CHECKING:
    from app.services.sessions.service import SessionState

STYLE = """
QFrame#figures { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 6px; }
QLabel#figureCaption { color: #4b5563; font-size: 10pt; }
QLabel#claimedFigure { color: #b42318; font-size: 17pt; font-weight: bold; }
QLabel#lawfulFigure { color: #05603a; font-size: 17pt; font-weight: bold; }
QLabel#gapFigure { color: #1f2937; font-size: 12pt; font-weight: bold; }
QLabel#snapshotNote { color: #6b7280; }
"""


class RecalcPage(StepPage):
    key = "recalc"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        self.setStyleSheet(STYLE)
        self.column.addWidget(self._build_figures())
        self.panel = RecalcPanel(shared.service, shared.runner, today=self._today)
        self.panel.setObjectName("recalcPanel")
        self.panel.setMinimumHeight(420)
        self.panel.snapshot_saved.connect(self._saved)
        self.column.addWidget(self.panel, 1)
        self._loaded_for = ""

    def title(self) -> str:
        return self.tr("重新计算：债权人主张与依法应还")

    def _today(self) -> date:
        state = self.shared.state
        return state.today if state is not None else china_today()

    def _build_figures(self) -> QFrame:
        self.captions: dict[str, QLabel] = {}
        frame = QFrame()
        frame.setObjectName("figures")
        row = QHBoxLayout(frame)
        row.setContentsMargins(14, 6, 14, 6)
        self.claimed = self._figure(row, self.tr("债权人主张"), "claimedFigure")
        self.lawful = self._figure(row, self.tr("依法应还（已保存的计算结果）"), "lawfulFigure")
        self.gap = self._figure(row, self.tr("主张超出依法应还"), "gapFigure")
        self.note = QLabel()
        self.note.setObjectName("snapshotNote")
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        return frame

    def _figure(self, row: QHBoxLayout, caption: str, name: str) -> QLabel:
        """A caption over a large figure; the figure's label is returned (its caption is
        reachable as `label.caption`)."""
        box = QWidget()
        from PySide6.QtWidgets import QVBoxLayout

        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 18, 0)
        column.setSpacing(0)
        head = QLabel(caption)
        head.setObjectName("figureCaption")
        value = QLabel("—")
        value.setObjectName(name)
        self.captions[name] = head
        column.addWidget(head)
        column.addWidget(value)
        row.addWidget(box)
        return value

    def refresh(self, state: SessionState) -> None:
        claim = state.case.claim
        claimed = claim.total if claim is not None else None
        snap = state.snapshot
        self.claimed.setText(self._yuan(claimed))
        self.lawful.setText(self._yuan(snap.lawful_total if snap else None))
        claimed_caption = self.tr("债权人主张")
        if claim is not None:
            claimed_caption += self.tr("（截至 %1）").replace("%1", claim.as_of.isoformat())
        self.captions["claimedFigure"].setText(claimed_caption)
        lawful_caption = self.tr("依法应还（已保存的计算结果）")
        if snap is not None:
            lawful_caption = self.tr("依法应还（已保存，计算日 %1）").replace(
                "%1", snap.as_of.isoformat()
            )
        self.captions["lawfulFigure"].setText(lawful_caption)
        gap = claimed - snap.lawful_total if snap is not None and claimed is not None else None
        self.gap.setText(self._yuan(abs(gap) if gap is not None else None))
        caption = self.captions["gapFigure"]
        if gap is not None and gap < 0:
            caption.setText(
                self.tr("依法应还高于主张（主张截至 %1）").replace(
                    "%1", claim.as_of.isoformat() if claim else ""
                )
            )
        else:
            caption.setText(self.tr("主张超出依法应还"))
        if snap is None:
            self.note.setText(self.tr("还没有保存计算结果：核对下方结果后按“保存计算结果”。"))
        elif snap.stale:
            self.note.setText(self.tr("债权债务信息在上次保存后有修改，请重新保存计算结果。"))
        else:
            text = self.tr("计算日 %1，第 %2 号计算结果，调解方案和文书将引用它。")
            self.note.setText(
                text.replace("%1", snap.as_of.isoformat()).replace("%2", str(snap.id))
            )

    def _yuan(self, amount: Decimal | None) -> str:
        return "—" if amount is None else self.tr("%1 元").replace("%1", formatting.money(amount))

    def entered(self) -> None:
        self.panel.show_case_no(self.shared.case_no)

    def first_field(self) -> QWidget:
        return self.panel.save_button

    def _saved(self, _info: object) -> None:
        self.shared.refreshed()
