"""The app lock over a real store: roles, Argon2id hashes only, back-off that survives a
restart, the same answer for unknown names, and every sign-in in the audit log."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError, InputError
from app.services.organisation import accounts as acc
from app.services.startup import open_context
from app.store.accounts import Account
from app.store.records import AuditEvent
from tests.store_fixtures import FixedClock

BOSS_PW = "主管-密码-2026"
MED_PW = "调解员-密码-2026"


@pytest.fixture
def boss(ctx: Any) -> acc.SignedIn:
    acc.create_first_supervisor(ctx, "Zhang.Wei", "张伟", BOSS_PW)
    return acc.sign_in(ctx, "zhang.wei", BOSS_PW)


def actions(ctx: Any) -> list[str]:
    with ctx.read() as uow:
        return [e.action for e in uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_the_first_account_is_a_supervisor_and_only_once(ctx: Any) -> None:
    assert acc.needs_first_account(ctx)
    first = acc.create_first_supervisor(ctx, " Zhang.Wei ", "张伟", BOSS_PW)
    assert (first.username, first.role, first.role_label) == ("zhang.wei", "supervisor", "主管")
    assert not acc.needs_first_account(ctx)
    with pytest.raises(DomainError, match="已有账户"):
        acc.create_first_supervisor(ctx, "li", "李", BOSS_PW)


def test_only_the_hash_is_stored(ctx: Any, boss: acc.SignedIn) -> None:
    with ctx.read() as uow:
        stored = uow.session.scalars(select(Account)).one().password_hash
    assert stored.startswith("$argon2id$") and BOSS_PW not in stored


def test_roles_decide_who_manages_what(ctx: Any, boss: acc.SignedIn) -> None:
    acc.create_account(ctx, boss, "wang", "王芳", "mediator", MED_PW)
    mediator = acc.sign_in(ctx, "WANG", MED_PW)
    assert mediator.role == "mediator" and mediator.can("cases")
    for permission in ("organisation", "certificates", "accounts", "lpr", "export"):
        assert boss.can(permission) and not mediator.can(permission)
    with pytest.raises(DomainError, match="只能由主管管理"):
        acc.create_account(ctx, mediator, "zhao", "赵", "mediator", MED_PW)
    with pytest.raises(DomainError, match="LPR"):
        acc.require(mediator, "lpr")
    assert [a.username for a in acc.list_accounts(ctx)] == ["wang", "zhang.wei"]


def test_new_accounts_are_checked_field_by_field(ctx: Any, boss: acc.SignedIn) -> None:
    with pytest.raises(InputError) as caught:
        acc.create_account(ctx, boss, "a b", "x", "boss", "123")
    assert {p.path for p in caught.value.problems} == {"username", "role", "password"}
    with pytest.raises(InputError, match="已被使用"):
        acc.create_account(ctx, boss, "ZHANG.WEI", "重名", "mediator", MED_PW)


def test_wrong_passwords_back_off_and_the_count_survives_a_restart(
    ctx: Any, boss: acc.SignedIn, clock: FixedClock, data_dir: Path
) -> None:
    for attempt in range(1, 4):
        with pytest.raises(acc.SignInRefused) as caught:
            acc.sign_in(ctx, "zhang.wei", "wrong password")
        wait = caught.value.retry_after
        assert wait == (timedelta(seconds=5) if attempt == 3 else timedelta(0))
    # the right password is not even checked while the wait runs
    with pytest.raises(acc.SignInRefused, match="5 秒后再试"):
        acc.sign_in(ctx, "zhang.wei", BOSS_PW)
    ctx.close()
    with open_context(data_dir, clock=clock) as again:  # quitting does not reset it
        clock.advance(seconds=3)
        with pytest.raises(acc.SignInRefused, match="2 秒后再试"):
            acc.sign_in(again, "zhang.wei", BOSS_PW)
        clock.advance(seconds=2)
        with pytest.raises(acc.SignInRefused) as caught:
            acc.sign_in(again, "zhang.wei", "still wrong")
        assert caught.value.retry_after == timedelta(seconds=10)
        clock.advance(seconds=10)
        assert acc.sign_in(again, "zhang.wei", BOSS_PW).role == "supervisor"
        with pytest.raises(acc.SignInRefused) as caught:  # success starts the count again
            acc.sign_in(again, "zhang.wei", "wrong once more")
        assert caught.value.retry_after == timedelta(0)


def test_unknown_names_get_the_same_answer_and_the_same_back_off(
    ctx: Any, boss: acc.SignedIn
) -> None:
    answers = []
    for name in ("zhang.wei", "nobody"):
        for _ in range(3):
            with pytest.raises(acc.SignInRefused) as caught:
                acc.sign_in(ctx, name, "wrong password")
            answers.append((str(caught.value), caught.value.retry_after))
    assert answers[:3] == answers[3:]


def test_sign_ins_and_failures_are_audited(ctx: Any, boss: acc.SignedIn) -> None:
    with pytest.raises(acc.SignInRefused):
        acc.sign_in(ctx, "zhang.wei", "wrong password")
    acc.sign_in(ctx, "zhang.wei", BOSS_PW)
    assert actions(ctx)[-4:] == [
        "account.created",
        "auth.signed_in",
        "auth.failed",
        "auth.signed_in",
    ]
    with ctx.read() as uow:
        last = uow.audit.last()
        assert last.actor == "zhang.wei" and BOSS_PW not in str(last.detail)


def test_passwords_change_and_reset(ctx: Any, boss: acc.SignedIn) -> None:
    acc.create_account(ctx, boss, "wang", "王芳", "mediator", MED_PW)
    mediator = acc.sign_in(ctx, "wang", MED_PW)
    with pytest.raises(InputError, match="原密码不正确"):
        acc.change_password(ctx, mediator, "not it", "新的密码-2026")
    acc.change_password(ctx, mediator, MED_PW, "新的密码-2026")
    with pytest.raises(acc.SignInRefused):
        acc.sign_in(ctx, "wang", MED_PW)
    acc.reset_password(ctx, boss, "wang", "主管重置-2026")
    assert acc.sign_in(ctx, "wang", "主管重置-2026").username == "wang"
    with pytest.raises(DomainError, match="只能由主管管理"):
        acc.reset_password(ctx, mediator, "zhang.wei", "whatever-2026")


def test_disabled_accounts_cannot_sign_in_and_a_supervisor_always_remains(
    ctx: Any, boss: acc.SignedIn
) -> None:
    acc.create_account(ctx, boss, "wang", "王芳", "mediator", MED_PW)
    assert not acc.set_active(ctx, boss, "wang", False).active
    with pytest.raises(acc.SignInRefused, match="已停用"):
        acc.sign_in(ctx, "wang", MED_PW)
    with pytest.raises(DomainError, match="最后一个主管"):
        acc.set_active(ctx, boss, "zhang.wei", False)


def test_idle_minutes_are_a_supervisor_setting(ctx: Any, boss: acc.SignedIn) -> None:
    assert acc.idle_minutes(ctx) == 10
    acc.set_idle_minutes(ctx, boss, 3)
    assert acc.idle_minutes(ctx) == 3
    with pytest.raises(InputError, match="1–240"):
        acc.set_idle_minutes(ctx, boss, 0)
