"""The sessions service on a demo store: start and resume, autosave one audited field at a
time, parties and debt corrections, steps, what is missing, and each way a session ends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError, InputError
from app.services.cases.service import (
    add_party,
    change_status,
    get_case,
    remove_party,
    update_party,
)
from app.services.sessions import service as sessions
from app.services.sessions.close import close_session, documents_missing
from tests.session_fixtures import (
    AGENT_ID,
    LUMP_SUM,
    PLACE,
    SESSION_START,
    STROKES,
    TERMS,
    WAIVE,
    agree,
    audit_events,
    check_in,
    copy_demo,
    fill_parties,
    fill_record,
    make_demo,
    scheduled_case,
    sign_everyone,
    signature_png,
)
from tests.store_fixtures import GOOD_ID, FixedClock


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("sessions") / "data")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(SESSION_START)


@pytest.fixture
def ctx(demo_template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[Any]:
    from app.services.startup import open_context

    folder = copy_demo(demo_template, tmp_path / "data")
    with open_context(folder, actor="测试调解员", clock=clock) as context:
        yield context


@pytest.fixture
def case_no(ctx: Any) -> str:
    return scheduled_case(ctx)


@pytest.fixture
def state(ctx: Any, case_no: str) -> Any:
    return sessions.start_or_resume(ctx, case_no)


def paths(error: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.path: p.reason for p in error.value.problems}


# -- start and resume ------------------------------------------------------------------


def test_starting_moves_a_scheduled_case_into_session_and_audits_the_start(ctx, case_no):
    state = sessions.start_or_resume(ctx, case_no)
    assert (state.status, state.step, state.resumed) == ("in_session", 0, False)
    assert state.started_at == SESSION_START and state.held_on == date(2026, 7, 6)
    events = audit_events(ctx, case_no)
    assert events[-2] == (
        "case.status_changed",
        {"from": "scheduled", "to": "in_session", "session_id": state.session_id},
    )
    assert events[-1] == (
        "session.started",
        {"session_id": state.session_id, "started_at": "2026-07-06T02:00:00+00:00"},
    )


def test_reopening_resumes_the_same_session_at_its_step(ctx, case_no, clock):
    first = sessions.start_or_resume(ctx, case_no)
    sessions.save_field(ctx, first.session_id, "place", PLACE)
    sessions.set_step(ctx, case_no, 2)
    clock.advance(minutes=40)
    again = sessions.start_or_resume(ctx, case_no)
    assert (again.session_id, again.step, again.place, again.resumed) == (
        first.session_id,
        2,
        PLACE,
        True,
    )
    assert audit_events(ctx, case_no)[-1] == (
        "session.resumed",
        {"session_id": first.session_id, "step": 2, "at": "2026-07-06T02:40:00+00:00"},
    )


def test_a_case_in_intake_walks_the_state_machine_to_in_session(ctx):
    from app.services.cases.service import list_cases

    number = next(c.case_no for c in list_cases(ctx) if c.status == "intake")
    sessions.start_or_resume(ctx, number)
    moves = [(d["from"], d["to"]) for _, d in audit_events(ctx, number, "case.status_changed")]
    assert moves[-2:] == [("intake", "scheduled"), ("scheduled", "in_session")]


@pytest.mark.parametrize("status", ["signed", "terminated", "fulfilled"])
def test_a_closed_case_cannot_start_a_session(ctx, status):
    from app.services.cases.service import list_cases

    number = next(c.case_no for c in list_cases(ctx) if c.status == status)
    with pytest.raises(DomainError, match="不能再开始调解"):
        sessions.start_or_resume(ctx, number)


# -- autosave ------------------------------------------------------------------


def test_each_field_is_one_audited_write_naming_the_field_but_not_the_value(ctx, case_no, state):
    before = len(audit_events(ctx, case_no))
    sessions.add_attendee(ctx, state.session_id, "debtor")
    saved = sessions.save_field(ctx, state.session_id, "attendees[0].id_number", GOOD_ID)
    assert saved.attendees[0].id_number == GOOD_ID
    events = audit_events(ctx, case_no)[before:]
    assert [a for a, _ in events] == ["session.attendee_added", "session.field_saved"]
    assert events[1][1] == {"session_id": state.session_id, "field": "attendees[0].id_number"}
    assert GOOD_ID not in json.dumps([d for _, d in events], ensure_ascii=False)


def test_check_in_lists_what_is_missing_until_identities_are_checked(ctx, state):
    sid = state.session_id
    assert state.place  # the demo planned the session in a mediation room
    state = sessions.save_field(ctx, sid, "place", "")
    assert sessions.missing_for_step(state, "checkin") == [
        "请填写调解地点。",
        "请登记出席人员（谁到场、以什么身份）。",
    ]
    sessions.add_attendee(ctx, sid, "creditor_agent")
    typo = AGENT_ID[:-1] + ("0" if AGENT_ID[-1] != "0" else "1")
    now = sessions.save_field(ctx, sid, "attendees[0].id_number", typo)
    missing = sessions.missing_for_step(now, 0)
    assert any("校验码" in m for m in missing)  # typed and kept, but flagged
    assert "第 1 位出席人员：请记录授权委托书（代理权限、期限）。" in missing
    assert sessions.remove_attendee(ctx, sid, 0).attendees == ()
    done = check_in(ctx, sid)
    assert sessions.missing_for_step(done, 0) == []
    assert [a.capacity for a in done.attendees] == ["debtor", "creditor_agent"]


def test_held_on_moves_the_date_and_keeps_the_time_of_day(ctx, state):
    moved = sessions.save_field(ctx, state.session_id, "held_on", "2026-07-03")
    assert moved.started_at == datetime(2026, 7, 3, 2, 0, tzinfo=UTC)
    with pytest.raises(InputError) as error:
        sessions.save_field(ctx, state.session_id, "held_on", "2026-07-07")
    assert "晚于今天" in paths(error)["held_on"]


def test_statements_keep_their_prompt_order_and_an_empty_answer_is_dropped(ctx, state):
    sid = state.session_id
    sessions.save_field(ctx, sid, "statements.debtor.proposal", "每月还 2000 元。")
    sessions.save_field(ctx, sid, "statements.creditor.claim", "还清本息。")
    sessions.save_field(ctx, sid, "statements.debtor.facts", "借款属实。")
    now = sessions.save_field(ctx, sid, "statements.debtor.proposal", "  ")
    assert dict(now.statements) == {"creditor.claim": "还清本息。", "debtor.facts": "借款属实。"}
    with pytest.raises(InputError) as error:
        sessions.save_field(ctx, sid, "statements.debtor.mood", "x")
    assert "statements.debtor.mood" in paths(error)


def test_unknown_fields_and_bad_values_are_refused_with_their_path(ctx, state):
    sid = state.session_id
    for path, value in (("outcome", "maybe"), ("nonsense", "x"), ("attendees[5].name", "李")):
        with pytest.raises(InputError) as error:
            sessions.save_field(ctx, sid, path, value)
        assert path in paths(error)


# -- parties and debt ------------------------------------------------------------------


def test_a_wrong_id_number_is_refused_and_the_stored_one_kept(ctx, case_no, state):
    debtor = next(p for p in state.case.parties if p.role == "debtor")
    path = f"parties[{debtor.id}].id_number"
    with pytest.raises(InputError) as error:
        sessions.save_field(ctx, state.session_id, path, GOOD_ID[:-1] + "0")
    assert "校验码应为X" in paths(error)[path]
    assert get_case(ctx, case_no).parties[1].id_number == debtor.id_number
    fixed = sessions.save_field(ctx, state.session_id, path, GOOD_ID.lower())
    assert next(p for p in fixed.case.parties if p.id == debtor.id).id_number == GOOD_ID


def test_co_debtors_and_guarantors_are_added_corrected_and_removed(ctx, case_no):
    added = add_party(ctx, case_no, "guarantor", " 孙 保证 ")
    assert (added.role, added.name, added.id_type) == ("guarantor", "孙 保证", "resident_id")
    assert update_party(ctx, case_no, added.id, "address", "滨江区1号").address == "滨江区1号"
    with pytest.raises(InputError) as error:
        update_party(ctx, case_no, added.id, "phone", "12")
    assert f"parties[{added.id}].phone" in paths(error)
    remove_party(ctx, case_no, added.id)
    assert added.id not in [p.id for p in get_case(ctx, case_no).parties]
    debtor = next(p for p in get_case(ctx, case_no).parties if p.role == "debtor")
    with pytest.raises(InputError, match="不能删除"):
        remove_party(ctx, case_no, debtor.id)
    with pytest.raises(InputError) as error:
        add_party(ctx, case_no, "creditor", "")
    assert set(paths(error)) == {"role", "name"}


def test_rates_are_typed_as_contracts_write_them(ctx, case_no, state):
    sid = state.session_id
    now = sessions.save_field(ctx, sid, "loan.annual_rate", "月息1分5")
    assert now.case.loan.annual_rate == Decimal("0.18")
    now = sessions.save_field(ctx, sid, "loan.overdue_rate", "日万5")
    assert now.case.loan.overdue_rate == Decimal("0.18")
    now = sessions.save_field(ctx, sid, "loan.overdue_rate", "")
    assert now.case.loan.overdue_rate is None
    with pytest.raises(InputError) as error:
        sessions.save_field(ctx, sid, "loan.annual_rate", "18")
    assert "loan.annual_rate" in paths(error)


def test_principal_claim_and_payments_are_edited_to_the_fen(ctx, case_no, state):
    sid = state.session_id
    now = sessions.save_field(ctx, sid, "loan.principal", "88,000.50")
    assert (now.case.loan.principal, now.case.loan.disbursed) == (Decimal("88000.50"),) * 2
    with pytest.raises(InputError) as error:
        sessions.save_field(ctx, sid, "loan.disbursed", "90000")
    assert "不能大于借款本金" in paths(error)["loan.disbursed"]
    now = sessions.save_field(ctx, sid, "claim.penalty", "1234.56")
    assert now.case.claim.penalty == Decimal("1234.56")
    count = len(now.payments)
    now = sessions.add_payment(ctx, sid, "2026-07-01", "500.00", "现金")
    paid = next(p for p in now.payments if p.note == "现金")
    now = sessions.save_field(ctx, sid, f"payments[{paid.id}].amount", "499.99")
    assert next(p for p in now.payments if p.id == paid.id).amount == Decimal("499.99")
    with pytest.raises(InputError) as error:
        sessions.add_payment(ctx, sid, "2026-08-01", "0")
    assert set(paths(error)) == {"payment.date", "payment.amount"}
    assert len(sessions.remove_payment(ctx, sid, paid.id).payments) == count


def test_the_recalculation_goes_stale_when_the_debt_changes(ctx, case_no, state):
    from app.services.recalc.service import recalculate

    recalculate(ctx, case_no, date(2026, 7, 6))
    fresh = sessions.get_state(ctx, state.session_id)
    assert fresh.snapshot is not None and not fresh.snapshot.stale
    assert sessions.missing_for_step(fresh, "recalc") == []
    changed = sessions.save_field(ctx, state.session_id, "claim.fees", "10")
    assert changed.snapshot.stale
    assert sessions.missing_for_step(changed, "recalc") == [
        "债权债务信息在上次计算后有修改，请重新计算。"
    ]


# -- steps ------------------------------------------------------------------


def test_the_step_is_stored_once_and_out_of_range_refused(ctx, case_no, state):
    before = len(audit_events(ctx, case_no))
    assert sessions.set_step(ctx, case_no, 5) == 5
    sessions.set_step(ctx, case_no, 5)
    assert audit_events(ctx, case_no)[before:] == [
        ("session.step_changed", {"from": 0, "to": 5, "step": "record"})
    ]
    with pytest.raises(InputError):
        sessions.set_step(ctx, case_no, 9)


# -- finishing ------------------------------------------------------------------


def test_an_adjourned_session_needs_the_next_date_and_schedules_the_case(ctx, case_no, state):
    sid = state.session_id
    sessions.save_field(ctx, sid, "outcome", "adjourned")
    with pytest.raises(InputError) as error:
        sessions.finish(ctx, case_no, "adjourned")
    assert paths(error) == {"record": "调解笔录：请填写下次调解日期。"}
    assert get_case(ctx, case_no).summary.status == "in_session"
    sessions.save_field(ctx, sid, "next_date", "2026-07-20")
    sessions.set_step(ctx, case_no, 8)
    done = sessions.finish(ctx, case_no, "adjourned")
    assert (done.status, done.outcome) == ("scheduled", "adjourned")
    with pytest.raises(DomainError, match="已经结束"):
        sessions.save_field(ctx, sid, "notes", "补记")
    again = sessions.start_or_resume(ctx, case_no)
    assert again.session_id != sid and again.step == 0 and not again.resumed


def test_not_agreed_terminates_the_case_with_a_termination_record(ctx, case_no, state, clock):
    from app.services.recalc.service import recalculate
    from tests.unit.documents.pdf_checks import all_text

    sid = state.session_id
    check_in(ctx, sid)
    fill_parties(ctx, sid)
    recalculate(ctx, case_no, date(2026, 7, 6))
    fill_record(ctx, sid, "not_agreed")
    assert "请在备注中写明未能达成协议的原因（调解终结书载明）。" in sessions.missing_for_step(
        sessions.get_state(ctx, sid), "record"
    )
    fill_record(ctx, sid, "not_agreed", notes="债务人否认借款事实，双方分歧较大。")
    clock.advance(hours=1, minutes=30)
    closed = close_session(ctx, case_no, "not_agreed")
    assert closed.result.status == "terminated"
    assert [d.kind for d in closed.documents] == ["termination", "record"]
    assert "债务人否认借款事实" in all_text(closed.documents[0].pdf)
    finished = audit_events(ctx, case_no, "session.finished")[-1][1]
    assert (finished["outcome"], finished["minutes"]) == ("not_agreed", 90)
    assert finished["ended_at"] == (SESSION_START + timedelta(hours=1, minutes=30)).isoformat()
    rendered = audit_events(ctx, case_no, "session.documents_rendered")[-1][1]
    assert [d["sha256"] for d in rendered["documents"]] == [d.sha256 for d in closed.documents]
    assert [d["document_id"] for d in rendered["documents"]] == [v.id for v in closed.versions]


def test_an_agreement_needs_every_step_and_ends_signed_with_the_agreement(ctx, case_no, state):
    from app.domain.numerals import format_amount, format_date_cn
    from app.services.documents.store import list_documents
    from app.services.sessions.signing import signed_agreement_pdf
    from tests.unit.documents.pdf_checks import all_text

    with pytest.raises(InputError) as error:
        close_session(ctx, case_no, "agreed")
    assert {"checkin", "recalc", "settlement", "record", "signatures"} <= set(paths(error))
    assert get_case(ctx, case_no).summary.status == "in_session"
    last = agree(ctx, case_no, state.session_id)
    assert last.agreement is not None and last.agreement.status == "signed"
    assert documents_missing(ctx, case_no, "agreed") == []
    closed = close_session(ctx, case_no, "agreed")
    assert closed.result.status == "signed"
    moves = [(d["from"], d["to"]) for _, d in audit_events(ctx, case_no, "case.status_changed")]
    assert moves[-2:] == [("in_session", "agreed"), ("agreed", "signed")]
    stored = {v.kind: v for v in list_documents(ctx, case_no)}
    assert set(stored) == {"agreement", "plan", "record"}
    assert stored["agreement"].status == "signed"
    assert signed_agreement_pdf(ctx, stored["agreement"].id) == closed.documents[0].pdf
    assert [v.id for v in closed.versions] == [
        stored[k].id for k in ("agreement", "plan", "record")
    ]
    agreement = all_text(closed.documents[0].pdf)
    total = last.settlement.settled_total
    assert format_amount(total) in agreement
    assert format_date_cn(date(2026, 8, 31)) in agreement


def test_the_agreement_is_made_final_once_and_signed_by_everyone(ctx, case_no, state):
    from app.services.documents import store as store
    from app.services.recalc.service import recalculate
    from app.services.sessions.signing import prepare_agreement, sign_on_pad, signed_agreement_pdf
    from app.services.settlement.service import save_settlement

    check_in(ctx, state.session_id)
    fill_parties(ctx, state.session_id)
    recalculate(ctx, case_no, date(2026, 7, 6))
    save_settlement(ctx, case_no, WAIVE, LUMP_SUM, TERMS)
    now = fill_record(ctx, state.session_id, "agreed")
    assert sessions.missing_for_step(now, "signatures") == [
        "请在本步生成协议书定稿，再由各方签名。"
    ]
    first = prepare_agreement(ctx, case_no)
    assert (first.document.status, first.document.version) == ("final", 1)
    assert prepare_agreement(ctx, case_no).document.id == first.document.id  # same bytes
    labels = [s.label for s in first.required]
    assert labels[-1].startswith("调解员") and len(labels) == len(first.missing)
    missing = sessions.missing_for_step(sessions.get_state(ctx, state.session_id), "signatures")
    assert missing == [f"{label}尚未签名。" for label in labels]
    debtor = next(s for s in first.required if s.role == "debtor")
    progress = sign_on_pad(
        ctx, first.document.id, debtor.party_id, debtor.name, signature_png(), STROKES
    )
    assert debtor.label not in [s.label for s in progress.missing]
    progress = sign_everyone(ctx, case_no)
    assert progress.complete and progress.document.status == "signed"
    signed = store.get_document(ctx, first.document.id)
    assert signed.signed_via == "handwritten"
    assert [a.role for a in signed.attachments] == ["signed_pdf"]
    assert signed_agreement_pdf(ctx, signed.id) != store.get_document_content(ctx, signed.id)
    assert sessions.missing_for_step(sessions.get_state(ctx, state.session_id), "signatures") == []


def test_a_settlement_changed_after_signing_asks_for_a_new_version(ctx, case_no, state, clock):
    from app.services.sessions.signing import prepare_agreement
    from app.services.settlement.service import save_settlement

    first = agree(ctx, case_no, state.session_id)
    clock.advance(minutes=5)
    save_settlement(ctx, case_no, {}, LUMP_SUM, TERMS)
    changed = sessions.get_state(ctx, state.session_id)
    assert "请在本步重新生成协议书并签名" in sessions.missing_for_step(changed, "signatures")[0]
    again = prepare_agreement(ctx, case_no)
    assert again.document.version == first.agreement.version + 1
    assert again.document.supersedes == first.agreement.document_id and not again.complete


def test_signing_on_paper_signs_the_version_with_the_scan(ctx, case_no, state):
    from app.services.sessions.signing import prepare_agreement, sign_on_paper

    agree_without_signing(ctx, case_no, state.session_id)
    version = prepare_agreement(ctx, case_no).document
    progress = sign_on_paper(ctx, version.id, b"\xff\xd8\xff\xe0 a photo", "签字页.jpg")
    assert progress.document.status == "signed" and progress.document.signed_via == "wet_ink"
    assert sessions.missing_for_step(sessions.get_state(ctx, state.session_id), "signatures") == []
    closed = close_session(ctx, case_no, "agreed")
    assert closed.result.status == "signed"
    assert closed.versions[0].id == version.id  # the signed version, not a new render


def agree_without_signing(ctx: Any, case_no: str, session_id: int) -> None:
    from app.services.recalc.service import recalculate
    from app.services.settlement.service import save_settlement

    check_in(ctx, session_id)
    fill_parties(ctx, session_id)
    recalculate(ctx, case_no, date(2026, 7, 6))
    save_settlement(ctx, case_no, WAIVE, LUMP_SUM, TERMS)
    fill_record(ctx, session_id, "agreed")


def test_a_case_moved_on_elsewhere_cannot_finish_as_agreed(ctx, case_no, state):
    change_status(ctx, case_no, "terminated")
    with pytest.raises(DomainError):
        sessions.finish(ctx, case_no, "adjourned")


def test_the_court_is_corrected_during_the_session(ctx, state):
    saved = sessions.save_field(ctx, state.session_id, "case.court", "滨江市西湖区人民法院")
    assert saved.case.summary.court == "滨江市西湖区人民法院"
    with pytest.raises(InputError) as refused:
        sessions.save_field(ctx, state.session_id, "case.court", "西湖区")
    assert "以“法院”结尾" in paths(refused)["case.court"]
    with pytest.raises(InputError) as unknown:
        sessions.save_field(ctx, state.session_id, "case.status", "fulfilled")
    assert paths(unknown) == {"case.status": "无法识别要保存的案件信息。"}


def test_a_finished_case_opens_on_its_last_session_to_read(ctx, case_no, state, clock):
    sid = state.session_id
    agree(ctx, case_no, sid)
    clock.advance(hours=2)
    close_session(ctx, case_no, "agreed")
    clock.advance(days=30)
    before = len(audit_events(ctx, case_no))
    shown = sessions.open_for_wizard(ctx, case_no)
    assert shown.session_id == sid and not shown.is_open and shown.status == "signed"
    assert shown.held_on == SESSION_START.date() and shown.place == PLACE
    assert shown.ended_at == SESSION_START + timedelta(hours=2)
    assert shown.outcome == "agreed" and shown.settlement is not None
    assert len(audit_events(ctx, case_no)) == before  # read, not resumed


def test_the_wizard_opens_a_case_still_in_mediation_as_start_or_resume_does(ctx, case_no):
    from app.services.cases.service import create_case
    from app.services.cases.status import set_status
    from tests.store_fixtures import new_case

    opened = sessions.open_for_wizard(ctx, case_no)
    assert opened.is_open and get_case(ctx, case_no).summary.status == "in_session"
    assert sessions.open_for_wizard(ctx, case_no).session_id == opened.session_id
    never = create_case(ctx, new_case(debtor_name="李四")).case_no
    set_status(ctx, never, "terminated", reason="债务人下落不明")  # without any session
    with pytest.raises(DomainError, match="不能再开始调解"):
        sessions.open_for_wizard(ctx, never)
