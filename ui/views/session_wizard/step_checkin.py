"""Step 1, check-in: the date and place, and who attends in what capacity, identities
checked against their papers, agents' authorisation noted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.identifiers import check_resident_id
from ui import labels
from ui.ops import sessions
from ui.views.session_wizard import words
from ui.views.session_wizard.fields import FieldGrid, chain, clear_layout, combo, error_label, fill
from ui.views.session_wizard.shared import Shared, StepPage

if TYPE_CHECKING:
    from app.services.sessions.service import Attendee, SessionState


class CheckInPage(StepPage):
    key = "checkin"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        when = QGroupBox(self.tr("时间和地点"))
        self.form = FieldGrid(self.saver, columns=2)
        self.held_on = self.form.date("held_on", self.tr("调解日期"))
        self.place = self.form.line(
            "place", self.tr("调解地点"), placeholder=self.tr("如：某某村委会调解室")
        )
        self.form.stretch(1)
        QVBoxLayout(when).addWidget(self.form)
        self.column.addWidget(when)
        self.column.addWidget(self._build_people())
        self.column.addStretch(1)
        self._rows: list[dict[str, Any]] = []

    def title(self) -> str:
        return self.tr("签到：时间、地点和出席人员")

    def _build_people(self) -> QGroupBox:
        box = QGroupBox(self.tr("出席人员"))
        layout = QVBoxLayout(box)
        self.rows_widget = QWidget()
        self.grid = QGridLayout(self.rows_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        layout.addWidget(self.rows_widget)
        self.empty_note = QLabel(self.tr("还没有登记出席人员：在下面选择到场的人，然后按“添加”。"))
        self.empty_note.setObjectName("hint")
        layout.addWidget(self.empty_note)
        adder = QHBoxLayout()
        caption = QLabel(self.tr("添加出席人员："))
        self.add_choice = QComboBox()
        self.add_choice.setObjectName("addAttendeeChoice")
        self.add_choice.setMinimumWidth(300)
        caption.setBuddy(self.add_choice)
        self.add_button = QPushButton(self.tr("添加(&A)"))
        self.add_button.setObjectName("addAttendee")
        self.add_button.clicked.connect(self._add)
        self.add_choice.activated.connect(lambda _i: None)
        adder.addWidget(caption)
        adder.addWidget(self.add_choice)
        adder.addWidget(self.add_button)
        adder.addStretch(1)
        layout.addLayout(adder)
        return box

    # -- state ------------------------------------------------------------------------------

    def load(self, state: SessionState) -> None:
        with self.saver.loading():
            fill(self.held_on, state.held_on)
            fill(self.place, state.place)
        self._fill_choices(state)
        self._rebuild(state)

    def refresh(self, state: SessionState) -> None:
        if len(state.attendees) != len(self._rows):
            self._rebuild(state)
        self._fill_choices(state)
        for row, person in zip(self._rows, state.attendees, strict=False):
            row["note"].setText(self._id_note(person, state))
            row["note"].setVisible(bool(row["note"].text()))

    def first_field(self) -> QWidget:
        return self.place

    def _fill_choices(self, state: SessionState) -> None:
        current = self.add_choice.currentIndex()
        self.add_choice.clear()
        here = {a.party_id for a in state.attendees}
        roles = labels.party_roles()
        for party in state.case.parties:
            if party.id in here or party.role == "agent":
                continue
            if party.role == "creditor" and party.kind == "organisation":
                continue  # an organisation attends through its agent
            capacity = party.role if party.role in words.capacities() else "other"
            text = f"{roles.get(party.role, party.role)}：{party.name}"
            self.add_choice.addItem(text, f"{capacity}|{party.id}")
        for capacity in ("creditor_agent", "other"):
            self.add_choice.addItem(words.capacities()[capacity], f"{capacity}|")
        self.add_choice.setCurrentIndex(max(0, min(current, self.add_choice.count() - 1)))

    def _add(self) -> None:
        capacity, _bar, party = str(self.add_choice.currentData() or "other|").partition("|")
        party_id = int(party) if party else None
        self.saver.flush()
        work = sessions.add_attendee(
            self.shared.service, self.shared.session_id(), capacity, party_id
        )
        self.shared.call(work, on_done=lambda _s: self._focus_last())

    def _focus_last(self) -> None:
        if self._rows:
            self._rows[-1]["name"].setFocus()

    def _remove(self, index: int) -> None:
        self.saver.flush()
        self.shared.call(
            sessions.remove_attendee(self.shared.service, self.shared.session_id(), index)
        )

    # -- rows -------------------------------------------------------------------------------

    def _rebuild(self, state: SessionState) -> None:
        self.saver.unbind("attendees[")
        clear_layout(self.grid)
        self._rows = []
        if state.attendees:
            for col, text in enumerate(words.attendee_headings()):
                heading = QLabel(text)
                heading.setObjectName("gridHead")
                self.grid.addWidget(heading, 0, col)
        for index, person in enumerate(state.attendees):
            self._rows.append(self._row(index, person, state))
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(3, 3)
        self.grid.setColumnStretch(5, 4)
        self.empty_note.setVisible(not state.attendees)
        row_widgets = [w for row in self._rows for w in row["focus"]]
        chain([self.held_on, self.place, *row_widgets, self.add_choice, self.add_button])

    def _row(self, index: int, person: Attendee, state: SessionState) -> dict[str, Any]:
        base = f"attendees[{index}]."
        line = 1 + index * 2
        name, number, auth = QLineEdit(), QLineEdit(), QLineEdit()
        capacity = combo(words.capacities(), blank=self.tr("（请选择）"))
        id_type = combo(words.attendee_id_types())
        checked = QCheckBox(self.tr("已核对身份"))
        auth.setPlaceholderText(self.tr("委托书：代理权限、期限"))
        error = error_label()
        widgets: list[tuple[QWidget, str]] = [
            (name, "name"),
            (capacity, "capacity"),
            (id_type, "id_type"),
            (number, "id_number"),
            (checked, "identity_checked"),
            (auth, "authorisation"),
        ]
        with self.saver.loading():
            for col, (widget, field) in enumerate(widgets):
                self.saver.bind(widget, base + field, error)
                fill(widget, getattr(person, field))
                self.grid.addWidget(widget, line, col)
        remove = QPushButton(self.tr("删除"))
        remove.setObjectName(f"removeAttendee{index}")
        remove.clicked.connect(lambda: self._remove(index))
        self.grid.addWidget(remove, line, len(widgets))
        note = QLabel(self._id_note(person, state))
        note.setObjectName("fieldError")
        note.setVisible(bool(note.text()))
        self.grid.addWidget(note, line + 1, 0, 1, 4)
        self.grid.addWidget(error, line + 1, 4, 1, 3)
        capacity.currentIndexChanged.connect(lambda _i: self._agent_only(capacity, auth))
        self._agent_only(capacity, auth)
        focus = [widget for widget, _field in widgets] + [remove]
        return {"name": name, "note": note, "number": number, "focus": focus}

    @staticmethod
    def _agent_only(capacity: QComboBox, auth: QLineEdit) -> None:
        auth.setEnabled(capacity.currentData() == "creditor_agent" or bool(auth.text()))

    @staticmethod
    def _id_note(person: Attendee, state: SessionState) -> str:
        if person.id_type != "resident_id" or not person.id_number:
            return ""
        return check_resident_id(person.id_number, today=state.today) or ""
