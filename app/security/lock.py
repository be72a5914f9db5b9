"""The app lock's rules: back-off after wrong passwords, and locking after idle time.

Pure logic with the clock passed in; the accounts service persists the failure counts in
the (encrypted) case store so that restarting the app does not reset the back-off, and the
GUI feeds `IdleLock` with its input events and a timer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240
DEFAULT_IDLE_MINUTES = 10


@dataclass(frozen=True)
class BackoffPolicy:
    """`free` wrong passwords cost nothing; then the wait doubles from `base` up to `cap`.

    With the defaults: 3 free tries, then 5 s, 10 s, 20 s … 15 min.
    """

    free: int = 3
    base: timedelta = timedelta(seconds=5)
    cap: timedelta = timedelta(minutes=15)

    def delay(self, failures: int) -> timedelta:
        """How long to wait after `failures` consecutive wrong passwords."""
        if failures < self.free:
            return timedelta(0)
        steps = min(failures - self.free, 32)
        return min(self.base * (1 << steps), self.cap)

    def next_attempt(self, failures: int, last_failure: datetime | None) -> datetime | None:
        """When the next try is allowed; None when it is allowed now whatever the time."""
        wait = self.delay(failures)
        if last_failure is None or not wait:
            return None
        return last_failure + wait

    def wait_left(self, failures: int, last_failure: datetime | None, now: datetime) -> timedelta:
        """Zero when a try is allowed at `now`. A clock set back never unlocks early past
        the cap: a `last_failure` in the future counts as just now."""
        allowed = self.next_attempt(failures, min(last_failure, now) if last_failure else None)
        if allowed is None or allowed <= now:
            return timedelta(0)
        return allowed - now


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class IdleLock:
    """Locks after `minutes` without user activity.

    The GUI calls `touch()` on input events, `due()` from a timer, then `lock()` and shows
    the password dialog; `unlock()` after a successful sign-in.
    """

    minutes: int = DEFAULT_IDLE_MINUTES
    clock: Callable[[], datetime] = _utc_now
    locked: bool = True
    last_activity: datetime = field(default_factory=_utc_now)

    def __post_init__(self) -> None:
        if not MIN_IDLE_MINUTES <= self.minutes <= MAX_IDLE_MINUTES:
            raise ValueError(f"idle minutes must be {MIN_IDLE_MINUTES}..{MAX_IDLE_MINUTES}")
        self.last_activity = self.clock()

    @property
    def timeout(self) -> timedelta:
        return timedelta(minutes=self.minutes)

    def touch(self) -> None:
        if not self.locked:
            self.last_activity = self.clock()

    def due(self) -> bool:
        """True when unlocked and idle for the whole timeout."""
        return not self.locked and self.clock() - self.last_activity >= self.timeout

    def remaining(self) -> timedelta:
        return max(self.timeout - (self.clock() - self.last_activity), timedelta(0))

    def lock(self) -> None:
        self.locked = True

    def unlock(self) -> None:
        self.locked = False
        self.last_activity = self.clock()
