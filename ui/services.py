"""What the windows need from the core, as one small interface they can be given.

The real implementation binds `app.services` to an `AppContext` opened lazily on first use
(on the database thread, so start-up shows the window before SQLAlchemy and Alembic load).
Tests hand the windows an in-memory fake with the same methods.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from app.services.accounts import SignedIn
    from app.services.cases import CaseDetail, CaseSummary, NewCase


class CaseService(Protocol):
    """Case intake and lookup, as the windows call it (always through the task runner)."""

    def list_cases(self, query: str = "") -> list[CaseSummary]: ...

    def get_case(self, case_no: str) -> CaseDetail: ...

    def create_case(self, new: NewCase) -> CaseSummary: ...


class ContextCaseService:
    """`app.services.cases` over a case store opened on first use.

    Not thread-safe by itself: call it only from the task runner's single database thread.
    """

    def __init__(self, data_dir: Path, actor: str | None = None, *, clock: Any = None) -> None:
        self.data_dir = data_dir
        self._actor = actor or _default_actor()
        self._clock = clock  # None: the real clock; tests pass a fixed one
        self._ctx: Any = None
        self.signed_in: SignedIn | None = None  # set by the app lock; its name is the actor

    def context(self) -> Any:
        """The `AppContext`, opened (and migrated) the first time it is needed."""
        if self._ctx is None:
            from app.services.context import open_context

            self._ctx = open_context(
                self.data_dir, actor=self._actor, migrate=True, clock=self._clock
            )
        if self.signed_in is not None:  # the audit log names whoever is signed in now
            self._ctx.actor = self.signed_in.username
        return self._ctx

    def list_cases(self, query: str = "") -> list[CaseSummary]:
        from app.services import cases

        return cases.list_cases(self.context(), query)

    def get_case(self, case_no: str) -> CaseDetail:
        from app.services import cases

        return cases.get_case(self.context(), case_no)

    def create_case(self, new: NewCase) -> CaseSummary:
        from app.services import cases

        return cases.create_case(self.context(), new)

    def close(self) -> None:
        """Release the case store, when the context knows how."""
        closer = getattr(self._ctx, "close", None)
        if callable(closer):
            closer()
        self._ctx = None


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "mediator"
