"""The app lock's rules as the GUI uses them: idle time and the back-off after wrong
passwords (pure logic from `app.security.lock`, handed on so `ui` never imports
`app.security`). Cheap to import: no store, no SQLAlchemy."""

from __future__ import annotations

from app.security.lock import (
    DEFAULT_IDLE_MINUTES,
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    BackoffPolicy,
    IdleLock,
)

__all__ = [
    "DEFAULT_IDLE_MINUTES",
    "MAX_IDLE_MINUTES",
    "MIN_IDLE_MINUTES",
    "BackoffPolicy",
    "IdleLock",
]
