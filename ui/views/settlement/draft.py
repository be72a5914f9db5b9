"""The settlement page's fields as a draft: read as typed, filled back exactly, and
autosaved through the service (`app.services.settlement.draft`) like every other field.

Every field is kept as the mediator left it, even a value that does not check out yet (an
amount half typed, a custom plan that does not add up): the draft is the page, not a
settlement. The parts are those of the service: levers, plan, terms, clauses.

`DraftSaver` debounces: each edit restarts one single-shot timer (`autosave.DELAY_MS`), and
after the pause the whole form goes to the database thread as one `save_draft` call.
Leaving the page, changing the case, 保存 and closing the wizard flush what is waiting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit

from app.domain.plan import PlanMethod
from ui.ops import settlement
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner
from ui.views.settlement.levers import LeversBox, percent_text
from ui.views.settlement.plan import PlanBox, day_of, set_day
from ui.views.settlement.terms_box import UNSET, ClausesBox, TermsBox

if TYPE_CHECKING:
    from app.services.settlement.draft import SettlementDraft
    from ui.services import Core

Form = dict[str, Any]


# -- reading and filling the boxes ------------------------------------------------------------


def page_form(
    levers: LeversBox, plan: PlanBox, terms: TermsBox, clauses: ClausesBox
) -> dict[str, Form]:
    """Every field of the page as typed, in the service's four parts."""
    return {
        "levers": levers_form(levers),
        "plan": plan_form(plan),
        "terms": terms_form(terms),
        "clauses": {
            "payment_method": clauses.payment_method.text(),
            "extra_terms": clauses.extra_terms.toPlainText(),
        },
    }


def fill_page(
    form: Mapping[str, Any],
    levers: LeversBox, plan: PlanBox, terms: TermsBox, clauses: ClausesBox,
    today: date,
) -> None:  # fmt: skip
    """Show a draft in the boxes (their signals blocked: nothing counts as edited)."""
    fill_levers(levers, _part(form, "levers"))
    fill_plan(plan, _part(form, "plan"), today)
    fill_terms(terms, _part(form, "terms"), today)
    words = _part(form, "clauses")
    for widget in (clauses.payment_method, clauses.extra_terms):
        widget.blockSignals(True)
    clauses.payment_method.setText(_text(words.get("payment_method")))
    clauses.payment_method.setCursorPosition(0)
    clauses.extra_terms.setPlainText(_text(words.get("extra_terms")))
    for widget in (clauses.payment_method, clauses.extra_terms):
        widget.blockSignals(False)
    for row in clauses.field_rows.values():
        row.set_error("")


def levers_form(box: LeversBox) -> Form:
    data: Form = {name: percent_text(spin) for name, spin in box.percent.items()}
    data["principal_discount"] = box.principal_discount.text()
    data["agreed_sum"] = box.agreed_sum.text()
    return data


def fill_levers(box: LeversBox, data: Mapping[str, Any]) -> None:
    for name, spin in box.percent.items():
        spin.blockSignals(True)
        spin.setValue(float(_percent(data.get(name))))  # two decimals: exact in the box
        spin.blockSignals(False)
    box.principal_discount.setText(_text(data.get("principal_discount")))
    box.agreed_sum.setText(_text(data.get("agreed_sum")))
    for row in box.field_rows.values():
        row.set_error("")


def plan_form(box: PlanBox) -> Form:
    custom = box.method() is PlanMethod.CUSTOM and box.model.editable
    rows = box.model.custom_rows() if custom else box._stash
    return {
        "method": box.method().value,
        "first_due": _iso(box.first_due),
        "frequency": str(box.frequency.currentData()),
        "count": box.count.value(),
        "round_to": str(box.round_to.currentData()),
        "has_down": box.has_down.isChecked(),
        "down_amount": box.down_amount.text(),
        "down_due": _iso(box.down_due),
        "rows": [[due, amount] for due, amount in rows],
    }


def fill_plan(box: PlanBox, data: Mapping[str, Any], today: date) -> None:
    widgets: list[QObject] = [
        box.methods, box.first_due, box.frequency, box.count, box.round_to,
        box.has_down, box.down_amount, box.down_due, *box.method_buttons.values(),
    ]  # fmt: skip
    for widget in widgets:
        widget.blockSignals(True)
    try:
        method = _method(data.get("method"))
        rows = [(str(r[0]), str(r[1])) for r in data.get("rows") or [] if _is_row(r)]
        box.method_buttons[method].setChecked(True)
        if method is PlanMethod.CUSTOM:
            box._stash = []
            box.model.set_custom(rows)
        else:
            box._stash = rows
            box.model.show_plan(None)
        _set_date(box.first_due, data.get("first_due"), today)
        _choose(box.frequency, data.get("frequency"))
        box.count.setValue(_int(data.get("count"), box.count.value()))
        _choose(box.round_to, data.get("round_to"))
        box.has_down.setChecked(bool(data.get("has_down")))
        box.down_amount.setText(_text(data.get("down_amount")))
        _set_date(box.down_due, data.get("down_due"), today)
    finally:
        for widget in widgets:
            widget.blockSignals(False)
    box._down_toggled(box.has_down.isChecked())
    box._method_changed()
    for row in box.field_rows.values():
        row.set_error("")


def terms_form(box: TermsBox) -> Form:
    checked = box.revival.checkedButton()
    return {
        "acceleration_days": box.acceleration.value(),
        "revives": None if checked is None else checked is box.revives,
        "grace_days": box.grace.value(),
        "has_interest": box.has_interest.isChecked(),
        "annual_rate": box.rate.text(),
        "interest_start": _iso(box.start),
    }


def fill_terms(box: TermsBox, data: Mapping[str, Any], today: date) -> None:
    widgets: list[QObject] = [box.acceleration, box.revival, box.grace, box.has_interest,
                              box.rate, box.start, box.revives, box.no_revival]  # fmt: skip
    for widget in widgets:
        widget.blockSignals(True)
    box.acceleration.setValue(_int(data.get("acceleration_days"), UNSET))
    revives = data.get("revives")
    box.revival.setExclusive(False)  # the only way to untick both answers
    box.revives.setChecked(revives is True)
    box.no_revival.setChecked(revives is False)
    box.revival.setExclusive(True)
    box.grace.setValue(_int(data.get("grace_days"), 0))
    box.has_interest.setChecked(bool(data.get("has_interest")))
    box.rate.setText(_text(data.get("annual_rate")))
    _set_date(box.start, data.get("interest_start"), today)
    for widget in widgets:
        widget.blockSignals(False)
    box._interest_toggled(box.has_interest.isChecked())
    for row in box.field_rows.values():
        row.set_error("")


def _part(form: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    part = form.get(name)
    return part if isinstance(part, Mapping) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _percent(value: Any) -> Decimal:
    try:
        found = Decimal(_text(value) or "0")
    except InvalidOperation:
        return Decimal(0)
    return min(max(found, Decimal(0)), Decimal(100)) if found.is_finite() else Decimal(0)


def _method(value: Any) -> PlanMethod:
    try:
        return PlanMethod(value)
    except ValueError:
        return PlanMethod.LUMP_SUM


def _is_row(row: Any) -> bool:
    return isinstance(row, list | tuple) and len(row) == 2


def _iso(edit: QDateEdit) -> str:
    return day_of(edit).isoformat()


def _set_date(edit: QDateEdit, value: Any, today: date) -> None:
    found = QDate.fromString(_text(value), "yyyy-MM-dd")
    if found.isValid():
        edit.setDate(found)
    else:
        set_day(edit, today)


def _choose(box: QComboBox, code: Any) -> None:
    index = box.findData(code)
    if index >= 0:
        box.setCurrentIndex(index)


# -- autosave ---------------------------------------------------------------------------------


class DraftSaver(QObject):
    """Keeps the page's form as the case's draft, a pause after the last edit.

    Signals:
        kept(object): the `SettlementDraft` the service stored.
        busy_changed(bool): a draft waits or is being written (True), or all are done.
        refused(str): the service refused the draft (why, for the page's banner).
    """

    kept = Signal(object)
    busy_changed = Signal(bool)
    refused = Signal(str)

    def __init__(
        self,
        service: Core,
        runner: TaskRunner,
        form: Callable[[], Form],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self._form = service, runner, form
        self._case_no = ""
        self._running = 0
        self._waiting = False
        self._last: Form | None = None
        from ui.views.session_wizard.autosave import DELAY_MS  # the wizard imports this page

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.flush)

    def follow(self, case_no: str, shown: Form | None) -> None:
        """From now on edits are this case's; `shown` is the form as it was filled."""
        self.flush()
        self._case_no, self._last = case_no, shown

    def edited(self) -> None:
        """A field changed: the draft goes out after the pause."""
        if not self._case_no:
            return
        self._waiting = True
        self.timer.start()
        self.busy_changed.emit(True)

    def flush(self) -> None:
        """Submit now what is waiting (nothing when nothing changed since the last draft)."""
        waiting, self._waiting = self._waiting, False
        self.timer.stop()
        if not waiting or not self._case_no:
            return
        form = self._form()
        if form == self._last:
            self._idle_check()
            return
        self._last, self._running = form, self._running + 1
        work = settlement.save_draft(self._service, self._case_no, form)
        self._runner.run(work).success(self._done).failure(
            refused(self._failed, always=self._over)
        )

    def forget(self) -> None:
        """The settlement was saved: what is on screen is no longer a draft."""
        self.timer.stop()
        self._waiting = False
        self._last = self._form()
        self._idle_check()

    def busy(self) -> bool:
        return self._running > 0 or self._waiting

    def _done(self, draft: SettlementDraft) -> None:
        self._running -= 1
        self.kept.emit(draft)
        self._idle_check()

    def _over(self) -> None:
        """Refused or failed: the same form is tried again at the next edit."""
        self._running -= 1
        self._last = None
        self._idle_check()

    def _failed(self, refusal: Refusal) -> None:
        self.refused.emit("；".join(refusal.reasons))

    def _idle_check(self) -> None:
        if not self.busy():
            self.busy_changed.emit(False)
