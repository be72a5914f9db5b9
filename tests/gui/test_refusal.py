"""The calm-refusal path: a user's error shown where it happened, a bug to the crash dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from app.domain.errors import DomainError, InputError, Problem
from ui.refusal import Refusal, refusal_of, refused, show_refusal
from ui.widgets.field_row import FieldRow


def test_a_domain_error_is_a_refusal_and_anything_else_a_bug() -> None:
    refused_input = refusal_of(InputError([Problem("principal", "必填，请填写。")]))
    assert refused_input is not None
    assert refused_input.reasons == ["必填，请填写。"]
    busy = refusal_of(DomainError("案件库正忙：请稍后重试。"))
    assert busy == Refusal("案件库正忙：请稍后重试。", (), busy.error if busy else None)
    assert refusal_of(ZeroDivisionError()) is None
    assert refusal_of(KeyError("x")) is None


def test_the_handler_shows_a_refusal_and_sends_a_bug_to_the_excepthook(monkeypatch) -> None:
    crashed: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, tb: crashed.append(error))
    shown: list[Refusal] = []
    calls: list[str] = []
    handle = refused(shown.append, always=lambda: calls.append("always"))
    handle(DomainError("口令不正确。"))
    handle(RuntimeError("bug"))
    assert [r.message for r in shown] == ["口令不正确。"]
    assert [type(e) for e in crashed] == [RuntimeError]
    assert calls == ["always", "always"]


def test_problems_go_under_their_fields_and_the_rest_above(qtbot) -> None:
    rows = {"principal": FieldRow(QLineEdit()), "debtor_phone": FieldRow(QLineEdit())}
    general = QLabel()
    for row in rows.values():
        qtbot.addWidget(row)
    qtbot.addWidget(general)
    refusal = refusal_of(
        InputError(
            [
                Problem("principal", "必填，请填写。"),
                Problem("principal", "金额最多两位小数。"),
                Problem("loan.maturity", "到期日不能早于合同日期。"),
            ]
        )
    )
    assert refusal is not None
    text = show_refusal(refusal, general, rows, heading="未保存：")
    assert rows["principal"].error.text() == "必填，请填写。；金额最多两位小数。"
    assert rows["debtor_phone"].error.text() == ""
    assert text == general.text() == "未保存：\n到期日不能早于合同日期。"
    assert not general.isHidden()
    show_refusal(Refusal("案件库正忙：请稍后重试。"), general, rows)
    assert general.text() == "案件库正忙：请稍后重试。"
    assert rows["principal"].error.text() == ""
