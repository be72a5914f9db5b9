"""The core as the windows see it: one typed facade (`Core`) they are given.

The real implementation binds `app.services` to an `AppContext` opened lazily on first use
(on the database thread, so start-up shows the window before SQLAlchemy and Alembic load).
Views never call it themselves: the operations of each area (`ui.ops`) do, on the task
runner's database thread. Tests hand the windows an in-memory fake with the same members.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Protocol, runtime_checkable

if TYPE_CHECKING:
    from app.services.cases.privacy import Revealed
    from app.services.cases.service import CaseDetail, CaseSummary, NewCase
    from app.services.context import AppContext, Clock
    from app.services.maintenance.backup import BackupResult, RestoreResult
    from app.services.organisation.accounts import SignedIn


@runtime_checkable
class Core(Protocol):
    """What the windows are given: the store's context (for `ui.ops`), who is signed in,
    where the data is, and the calls a test fake can answer without a store."""

    signed_in: SignedIn | None

    @property
    def data_dir(self) -> Path | None: ...

    @property
    def actor(self) -> str: ...

    def context(self) -> AppContext: ...

    def list_cases(self, query: str = "") -> list[CaseSummary]: ...

    def get_case(self, case_no: str) -> CaseDetail: ...

    def create_case(self, new: NewCase) -> CaseSummary: ...

    def reveal(self, case_no: str, party_id: int, field: str) -> Revealed: ...

    def backup_create(self, to: Path | None = None) -> BackupResult: ...

    def backup_restore(self, source: Path) -> RestoreResult: ...

    def close(self) -> None: ...


CaseService = Core  # its former name


class ContextCaseService:
    """`app.services.cases.service` over a case store opened on first use.

    Not thread-safe by itself: call it only from the task runner's single database thread.
    """

    def __init__(
        self, data_dir: Path, actor: str | None = None, *, clock: Clock | None = None
    ) -> None:
        self.data_dir: Path = data_dir
        self._actor = actor or _default_actor()
        self._clock = clock  # None: the real clock; tests pass a fixed one
        self._ctx: AppContext | RestoredStore | None = None
        self.signed_in: SignedIn | None = None  # set by the app lock; its name is the actor

    @property
    def actor(self) -> str:
        """Who the audit log names when nobody has signed in (tests, screenshots)."""
        return self._actor

    def context(self) -> AppContext:
        """The `AppContext`, opened (and migrated) the first time it is needed."""
        if self._ctx is None:
            from app.services.context import open_context

            self._ctx = open_context(
                self.data_dir, actor=self._actor, migrate=True, clock=self._clock
            )
        if isinstance(self._ctx, RestoredStore):
            self._ctx.refuse()
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
        from app.services.maintenance import restore as restore

        by = acting_user(self)
        if not by.can("accounts"):
            from app.domain.errors import DomainError

            raise DomainError(backup.SUPERVISOR_ONLY)
        self.close()
        live = self.data_dir / "cases.db"
        before = _identity(live)
        try:
            result = restore.restore_backup(self.data_dir, source, by=by)
        except BaseException:
            if _identity(live) != before:  # replaced after all: never reopen behind the windows
                self._ctx = RestoredStore()
            raise
        self._ctx = RestoredStore()
        return result

    def close(self) -> None:
        """Release the case store (if it was opened)."""
        if self._ctx is not None:
            self._ctx.close()
        self._ctx = None


def acting_user(core: Core | None) -> SignedIn:
    """Who the windows act as: the signed-in user, or, for a window built without the app
    lock (tests, `python -m tools.screenshots.main`), the holder of the store's key (a supervisor;
    see `app.services.organisation.accounts.key_holder`). The real start always signs in first."""
    from app.services.organisation.accounts import key_holder

    if core is not None and core.signed_in is not None:
        return core.signed_in
    actor = (core.actor if core is not None else "") or _default_actor()
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

    def refuse(self) -> NoReturn:
        from app.domain.errors import DomainError

        raise DomainError(self.MESSAGE)


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "mediator"
