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
    from app.services.cases.privacy import Revealed
    from app.services.cases.service import CaseDetail, CaseSummary, NewCase
    from app.services.maintenance.backup import BackupResult, RestoreResult
    from app.services.organisation.accounts import SignedIn


class CaseService(Protocol):
    """Case intake and lookup, as the windows call it (always through the task runner)."""

    def list_cases(self, query: str = "") -> list[CaseSummary]: ...

    def get_case(self, case_no: str) -> CaseDetail: ...

    def create_case(self, new: NewCase) -> CaseSummary: ...


class ContextCaseService:
    """`app.services.cases.service` over a case store opened on first use.

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
        from app.services.cases import service as cases

        return cases.list_cases(self.context(), query)

    def get_case(self, case_no: str) -> CaseDetail:
        from app.services.cases import service as cases

        return cases.get_case(self.context(), case_no)

    def create_case(self, new: NewCase) -> CaseSummary:
        from app.services.cases import service as cases

        return cases.create_case(self.context(), new, by=self.signed_in)

    def reveal(self, case_no: str, party_id: int, field: str) -> Revealed:
        """One party's full ID or phone number, logged in the audit trail (privacy)."""
        from app.services.cases import privacy as privacy

        by = acting_user(self)
        return privacy.reveal_personal_data(self.context(), case_no, party_id, field, by=by)

    def backup_create(self, to: Path | None = None) -> BackupResult:
        """A backup now, into `to` or the chosen backup folder."""
        from app.services.maintenance import backup as backup

        return backup.create_backup(self.context(), to=to, by=acting_user(self))

    def backup_restore(self, source: Path) -> RestoreResult:
        """Replace the case store with the backup `source` (a supervisor's action).

        The store is closed first and stays closed: every later call is refused with a
        request to restart, so no window writes what it still shows from before.
        """
        from app.services.maintenance import backup as backup

        by = acting_user(self)
        if not by.can("accounts"):
            from app.domain.errors import DomainError

            raise DomainError(backup.SUPERVISOR_ONLY)
        self.close()
        live = self.data_dir / "cases.db"
        before = _identity(live)
        try:
            result = backup.restore_backup(self.data_dir, source, by=by)
        except BaseException:
            if _identity(live) != before:  # replaced after all: never reopen behind the windows
                self._ctx = RestoredStore()
            raise
        self._ctx = RestoredStore()
        return result

    def sync_status(self) -> Any:
        """Enrolment, what waits, the last sync (`app.services.sync.status.SyncStatus`)."""
        from app.services.sync.status import sync_status

        return sync_status(self.context())

    def sync_now(self, progress: Any = None) -> Any:
        """One sync round (raises `app.services.sync.client.Unreachable` when offline)."""
        from app.services.sync.round import sync_round

        def report(phase: str, done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)

        return sync_round(self.context(), report)

    def sync_notes(self) -> Any:
        from app.services.sync.status import sync_notes

        return sync_notes(self.context())

    def close(self) -> None:
        """Release the case store, when the context knows how."""
        closer = getattr(self._ctx, "close", None)
        if callable(closer):
            closer()
        self._ctx = None


def acting_user(service: Any) -> SignedIn:
    """Who the windows act as: the signed-in user, or, for a window built without the app
    lock (tests, `python -m tools.screenshots.main`), the holder of the store's key (a supervisor;
    see `app.services.organisation.accounts.key_holder`). The real start always signs in first."""
    from app.services.organisation.accounts import key_holder

    user: SignedIn | None = getattr(service, "signed_in", None)
    if user is not None:
        return user
    actor = getattr(service, "_actor", "") or _default_actor()
    return key_holder(f"gui:{actor}")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns


class RestoredStore:
    """Stands in for the context after a restore: every use asks for a restart."""

    MESSAGE = "案件库已从备份恢复：请关闭并重新打开调解工作台后再继续。"

    def close(self) -> None:
        """Nothing is open."""

    def __getattr__(self, name: str) -> Any:
        from app.domain.errors import DomainError

        raise DomainError(self.MESSAGE)


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "mediator"
