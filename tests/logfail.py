"""A logged error fails the test, as qutebrowser's logfail does: a bug that only reaches the
log (a failure in a slot, a crash report) must not pass silently. A test that expects one
says so: `@pytest.mark.logs_errors("why")`. Qt's own warnings fail tests through pytest-qt
(`qt_log_level_fail` in pyproject.toml)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


class _ErrorRecords(logging.Handler):
    """Keeps every record of level ERROR or above that reaches the root logger."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_logged_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """A logged error fails the test (as qutebrowser's logfail does): a bug reported only in
    the log must not pass silently. Tests that expect one say so with
    `@pytest.mark.logs_errors("why")`."""
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("logs_errors") is None:
        lines = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in handler.records]
        pytest.fail("logged errors (mark the test logs_errors if expected):\n" + "\n".join(lines))
