"""Issue 13, items 1 and 8 in the core: the mediator of a case (assign, reassign, the signed-in
mediator by default) and status changes by hand, each asking for what it needs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.domain.errors import DomainError, InputError
from tests.store_fixtures import new_case

PASSWORD = "主管-密码-2026"


def organisation(ctx: Any, *mediators: str) -> None:
    from app.services.organisation.accounts import key_holder
    from app.services.organisation.service import (
        MediatorInfo,
        OrganisationProfile,
        save_profile,
    )

    profile = OrganisationProfile(
        name="滨江区金融纠纷人民调解委员会", address="滨江区金融街8号", phone="0571-88886666",
        mediators=[MediatorInfo(name) for name in mediators],
    )  # fmt: skip
    save_profile(ctx, profile, by=key_holder(ctx))


def test_a_new_case_has_no_mediator_until_one_is_assigned_then_reassigned(ctx):
    from app.services.cases.assign import assign_mediator
    from app.services.cases.service import create_case, get_case
    from app.services.maintenance.audit import list_events

    organisation(ctx, "刘涛", "王芳")
    case_no = create_case(ctx, new_case()).case_no
    assert get_case(ctx, case_no).summary.mediator_name == ""
    assert assign_mediator(ctx, case_no, "刘涛").mediator_name == "刘涛"
    assert assign_mediator(ctx, case_no, "王芳").mediator_name == "王芳"
    assert get_case(ctx, case_no).summary.mediator_name == "王芳"
    events = [e for e in list_events(ctx) if e.action == "case.mediator_assigned"]
    assert [(e.detail["from"], e.detail["to"]) for e in events] == [("", "刘涛"), ("刘涛", "王芳")]


def test_an_unknown_mediator_is_refused_naming_who_can_be_chosen(ctx):
    from app.services.cases.assign import assign_mediator
    from app.services.cases.service import create_case

    organisation(ctx, "刘涛")
    case_no = create_case(ctx, new_case()).case_no
    with pytest.raises(InputError) as refused:
        assign_mediator(ctx, case_no, "李四")
    assert refused.value.problems[0].path == "mediator"
    assert "没有名为“李四”的调解员" in str(refused.value) and "刘涛" in str(refused.value)


def test_the_signed_in_mediator_gets_the_cases_they_create(ctx):
    from app.services.cases.assign import mediator_names
    from app.services.cases.service import create_case
    from app.services.organisation import accounts

    organisation(ctx, "刘涛")
    accounts.create_first_supervisor(ctx, "zhangwei", "张伟", PASSWORD)
    boss = accounts.sign_in(ctx, "zhangwei", PASSWORD)
    accounts.create_account(ctx, boss, "wangfang", "王芳", "mediator", PASSWORD)
    assert mediator_names(ctx) == ["刘涛", "张伟", "王芳"]
    her = accounts.sign_in(ctx, "wangfang", PASSWORD)
    assert create_case(ctx, new_case(), by=her).mediator_name == "王芳"
    assert create_case(ctx, new_case(), by=boss).mediator_name == "张伟"
    assert mediator_names(ctx) == ["刘涛", "王芳", "张伟"]  # both are the organisation's now


def test_status_moves_ask_for_what_each_needs_and_are_stored(ctx):
    from app.services.cases.service import create_case
    from app.services.cases.status import set_status, status_history, status_options

    case_no = create_case(ctx, new_case()).case_no
    assert [o.label for o in status_options(ctx, case_no)] == [
        "联系中", "已排期", "调解终结", "已转诉讼",
    ]  # fmt: skip
    assert set_status(ctx, case_no, "联系中").status == "contacting"
    with pytest.raises(InputError) as refused:
        set_status(ctx, case_no, "terminated")
    assert [p.path for p in refused.value.problems] == ["reason"]
    set_status(ctx, case_no, "调解终结", reason="债务人下落不明，无法联系。")
    set_status(ctx, case_no, "已转诉讼", on="2026-03-01")
    history = status_history(ctx, case_no)
    assert [(h.from_status, h.to_status) for h in history] == [
        ("intake", "contacting"), ("contacting", "terminated"), ("terminated", "litigation"),
    ]  # fmt: skip
    assert history[1].reason == "债务人下落不明，无法联系。"
    assert history[2].on_date == date(2026, 3, 1)
    assert status_options(ctx, case_no) == []


def test_a_forbidden_move_names_the_allowed_ones(ctx):
    from app.services.cases.service import create_case
    from app.services.cases.status import set_status

    case_no = create_case(ctx, new_case()).case_no
    with pytest.raises(DomainError) as refused:
        set_status(ctx, case_no, "已履行完毕", on="2026-03-01")
    text = str(refused.value)
    assert "不能改为“已履行完毕”" in text and "“联系中”（contacting）" in text


def test_confirmation_needs_the_ruling_number_and_the_date(ctx, data_dir):
    from app.services.cases.service import create_case
    from app.services.cases.status import set_status, status_history

    case_no = create_case(ctx, new_case()).case_no
    with ctx.write() as uow:  # the agreement signed (as a session would leave it)
        uow.cases.require(case_no).status = "signed"
        uow.record("test.signed")
    set_status(ctx, case_no, "已申请司法确认", on=date(2026, 3, 1))
    with pytest.raises(InputError) as refused:
        set_status(ctx, case_no, "已司法确认")
    assert {p.path for p in refused.value.problems} == {"date", "ruling_no"}
    ruling = "（2026）浙0108民特123号"
    set_status(ctx, case_no, "confirmed", on="2026-03-02", ruling_no=ruling)
    set_status(ctx, case_no, "履行中")
    set_status(ctx, case_no, "已履行完毕", on="2026-03-02")
    assert [h.to_status for h in status_history(ctx, case_no)] == [
        "confirmation_applied", "confirmed", "performing", "fulfilled",
    ]  # fmt: skip
    assert status_history(ctx, case_no)[1].ruling_no == ruling


def test_the_ruling_given_with_the_status_is_the_one_the_court_papers_cite(ctx):
    """One record of the confirmation ruling: set by the status move, read by enforcement."""
    from app.services.cases.service import create_case
    from app.services.cases.status import set_status
    from app.services.litigation.rulings import confirmation_ruling

    case_no = create_case(ctx, new_case()).case_no
    with ctx.write() as uow:
        uow.cases.require(case_no).status = "signed"
        uow.record("test.signed")
    set_status(ctx, case_no, "已申请司法确认", on=date(2026, 3, 1))
    assert confirmation_ruling(ctx, case_no) is None
    ruling = "（2026）浙0108民特123号"
    court = "杭州市滨江区人民法院"
    set_status(ctx, case_no, "已司法确认", on="2026-03-02", ruling_no=ruling, court=court)
    kept = confirmation_ruling(ctx, case_no)
    assert kept is not None
    assert (kept.ruling_no, kept.ruled_on, kept.court) == (ruling, date(2026, 3, 2), court)
