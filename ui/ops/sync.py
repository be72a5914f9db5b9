"""Office sync: whether this laptop is enrolled and what waits, one round (push, then pull)
with its progress, and the notes the office sent back for a supervisor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ui.ops import in_store, in_store_with_progress
from ui.tasks import Op

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.sync.round import RoundResult
    from app.services.sync.status import SyncStatus
    from ui.services import Core
    from ui.tasks import Progress


@dataclass(frozen=True)
class Synced:
    """How a round went: its result, or why the office could not be reached (nothing is
    lost then: the next round resumes)."""

    result: RoundResult | None
    offline: str = ""


@dataclass(frozen=True)
class NoteRow:
    """One note as the conflicts list shows it (the detail already in words)."""

    case_no: str
    label: str
    created_at: datetime
    detail: str


def status(core: Core) -> Op[SyncStatus]:
    """Enrolled or not, the cases waiting to go, the last sync and its error, notes."""

    def work(ctx: AppContext) -> SyncStatus:
        from app.services.sync.status import sync_status

        return sync_status(ctx)

    return in_store(core, work)


def sync_now(core: Core) -> Op[Synced]:
    """One round; an unreachable office is a result (`offline`), not an error."""

    def work(ctx: AppContext, progress: Progress) -> Synced:
        from app.services.sync.client import Unreachable
        from app.services.sync.round import sync_round

        def report(_phase: str, done: int, total: int) -> None:
            progress.report(done, total)

        try:
            return Synced(sync_round(ctx, report))
        except Unreachable as error:
            return Synced(None, str(error))

    return in_store_with_progress(core, work)


def notes(core: Core) -> Op[list[NoteRow]]:
    """What the office recorded for a person, newest first."""

    def work(ctx: AppContext) -> list[NoteRow]:
        from app.services.sync.status import describe, sync_notes

        return [
            NoteRow(n.case_no, n.label, n.created_at, describe(n.detail))
            for n in sync_notes(ctx)
        ]

    return in_store(core, work)
