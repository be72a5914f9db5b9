"""Step 5, settlement: the levers, the plan and the default terms (the settlement page),
stored with its own 保存 button because a settlement is checked as a whole."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from app.services.clock import china_today
from ui.views.session_wizard.shared import Shared, StepPage
from ui.views.settlement.page import SettlementPage

if TYPE_CHECKING:
    from app.services.sessions.service import SessionState


class SettlementStep(StepPage):
    key = "settlement"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.column.addWidget(self.note)
        self.page = SettlementPage(shared.service, shared.runner, today=self._today)
        self.page.setObjectName("settlementPage")
        self.page.setMinimumHeight(440)
        self.page.saved.connect(self._saved)
        self.column.addWidget(self.page, 1)

    def title(self) -> str:
        return self.tr("调解方案：减免、还款计划和违约条款")

    def _today(self) -> date:
        state = self.shared.state
        return state.today if state is not None else china_today()

    def refresh(self, state: SessionState) -> None:
        if state.settlement is None:
            self.note.setText(self.tr("调整减免和还款计划后按“保存”：方案整体校验后才存入案卷。"))
        else:
            text = self.tr("已保存的方案：还款总额 %1 元。修改后请再次保存。")
            from ui import formatting

            self.note.setText(text.replace("%1", formatting.money(state.settlement.settled_total)))

    def entered(self) -> None:
        self.page.load(self.shared.case_no)

    def _saved(self, _info: object) -> None:
        self.shared.refreshed()
