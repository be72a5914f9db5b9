"""Step 6, session record: each side's statements through prompts, free notes, and the
outcome (agreed / not agreed / adjourned with the next date)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from ui.views.session_wizard import words
from ui.views.session_wizard.fields import FieldGrid, fill
from ui.views.session_wizard.shared import Shared, StepPage

if TYPE_CHECKING:
    from app.services.sessions.service import SessionState


class RecordPage(StepPage):
    key = "record"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        sides = QHBoxLayout()
        sides.setSpacing(10)
        self.forms: list[FieldGrid] = []
        for side, prompts in words.prompts().items():
            box = QGroupBox(words.sides()[side])
            form = FieldGrid(self.saver, columns=1)
            for key, text in prompts:
                form.text(f"statements.{side}.{key}", text, lines=3)
            form.stretch()
            QVBoxLayout(box).addWidget(form)
            sides.addWidget(box)
            self.forms.append(form)
        self.column.addLayout(sides)
        self.column.addWidget(self._build_outcome())
        self.column.addStretch(1)

    def title(self) -> str:
        return self.tr("调解笔录：双方陈述、调解结果")

    def _build_outcome(self) -> QGroupBox:
        box = QGroupBox(self.tr("调解结果"))
        form = FieldGrid(self.saver, columns=2)
        self.outcome: QComboBox = form.choice(
            "outcome", self.tr("结果"), words.outcomes(), blank=self.tr("（请选择）")
        )
        self.next_date: QDateEdit = form.date(
            "next_date", self.tr("下次调解日期"), optional=True, not_set=self.tr("（未定）")
        )
        self.notes = form.text("notes", self.tr("备注"), lines=3, span=2)
        self.notes.setPlaceholderText(
            self.tr("调解经过、争议焦点；未达成协议时写明原因（调解终结书载明）")
        )
        form.stretch()
        self.outcome.currentIndexChanged.connect(lambda _i: self._adjourn_only())
        QVBoxLayout(box).addWidget(form)
        return box

    def _adjourn_only(self) -> None:
        """The next date matters only for an adjournment; it starts two weeks ahead."""
        adjourned = self.outcome.currentData() == "adjourned"
        unset = self.next_date.date() == self.next_date.minimumDate()
        self.next_date.setEnabled(adjourned or not unset)
        state = self.shared.state
        if adjourned and unset and state is not None and not self.saver.is_loading():
            two_weeks = state.held_on + timedelta(days=14)
            self.next_date.setDate(QDate(two_weeks.year, two_weeks.month, two_weeks.day))

    def load(self, state: SessionState) -> None:
        with self.saver.loading():
            for form in self.forms:
                for path, editor in form.editors.items():
                    fill(editor, state.statements.get(path.removeprefix("statements."), ""))
            fill(self.outcome, state.outcome)
            fill(self.next_date, state.next_date)
            fill(self.notes, state.notes)
        self._adjourn_only()

    def first_field(self) -> QWidget:
        return self.forms[0].editors["statements.creditor.claim"]
