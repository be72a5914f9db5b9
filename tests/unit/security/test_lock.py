"""The app lock's rules: password hashes, the back-off table, the idle timer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.security import passwords
from app.security.lock import BackoffPolicy, IdleLock

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_passwords_are_stored_as_argon2id_hashes_only() -> None:
    encoded = passwords.hash_password("调解 secret 2026")
    assert encoded.startswith("$argon2id$v=19$")
    assert "secret" not in encoded
    assert passwords.hash_password("调解 secret 2026") != encoded  # salted
    assert passwords.verify_password(encoded, "调解 secret 2026")
    assert not passwords.verify_password(encoded, "调解 secret 2027")
    assert not passwords.verify_password("not a hash", "x")


def test_default_hash_settings_are_memory_hard() -> None:
    assert passwords.DEFAULT_SETTINGS.memory_kib >= 64 * 1024
    assert passwords.DEFAULT_SETTINGS.time_cost >= 3


def test_a_weaker_hash_needs_rehash(monkeypatch: pytest.MonkeyPatch) -> None:
    weak = passwords.hash_password("abc12345")
    monkeypatch.setattr(passwords, "settings", passwords.HashSettings(2, 2048, 1))
    assert passwords.needs_rehash(weak)
    assert passwords.verify_password(weak, "abc12345")  # still verifies


@pytest.mark.parametrize(
    ("password", "reason"),
    [("short", "至少 8 个"), ("zhangsan", "与用户名相同"), ("aaaaaaaaaa", "过于简单")],
)
def test_password_rules_name_the_problem(password: str, reason: str) -> None:
    (problem,) = passwords.password_problems(password, "ZhangSan")
    assert problem.path == "password" and reason in problem.reason
    assert passwords.password_problems("长城-2026-mediate", "zhangsan") == []


def test_backoff_table() -> None:
    policy = BackoffPolicy()
    delays = [policy.delay(n).total_seconds() for n in range(0, 13)]
    assert delays == [0, 0, 0, 5, 10, 20, 40, 80, 160, 320, 640, 900, 900]
    assert policy.delay(10_000) == timedelta(minutes=15)


def test_wait_left_counts_from_the_last_failure() -> None:
    policy = BackoffPolicy()
    assert policy.wait_left(2, T0, T0) == timedelta(0)
    assert policy.wait_left(4, T0, T0 + timedelta(seconds=3)) == timedelta(seconds=7)
    assert policy.wait_left(4, T0, T0 + timedelta(seconds=10)) == timedelta(0)
    # a clock set back does not extend the wait beyond one full delay
    assert policy.wait_left(4, T0 + timedelta(days=1), T0) == timedelta(seconds=10)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def test_idle_lock_locks_after_the_configured_minutes() -> None:
    clock = Clock()
    lock = IdleLock(minutes=5, clock=clock)
    assert lock.locked and not lock.due()
    lock.unlock()
    clock.now += timedelta(minutes=4)
    lock.touch()  # activity restarts the count
    clock.now += timedelta(minutes=4, seconds=59)
    assert not lock.due() and lock.remaining() == timedelta(seconds=1)
    clock.now += timedelta(seconds=1)
    assert lock.due()
    lock.lock()
    assert lock.locked and not lock.due()
    clock.now += timedelta(hours=1)
    lock.touch()  # touching while locked does not count as activity
    lock.unlock()
    assert lock.remaining() == timedelta(minutes=5)


@pytest.mark.parametrize("minutes", [0, 241, -1])
def test_idle_minutes_out_of_range_are_refused(minutes: int) -> None:
    with pytest.raises(ValueError, match="idle minutes"):
        IdleLock(minutes=minutes)
