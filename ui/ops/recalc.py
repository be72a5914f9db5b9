"""Recalculation: a case's three views as of a day, its snapshot saved, and the LPR table
(which is in use, importing a newer one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.ops import in_store
from ui.tasks import Op, op

if TYPE_CHECKING:
    from app.domain.lpr import LprTable
    from app.services.context import AppContext
    from app.services.organisation.accounts import SignedIn
    from app.services.recalc.service import SnapshotInfo
    from ui.services import Core


@dataclass(frozen=True)
class Shown:
    """One computed result, as the recalculation panel shows it."""

    case_no: str
    as_of: date
    earliest: date
    input: dict[str, Any]
    output: dict[str, Any]
    saved: SnapshotInfo | None
    asked: date | None = None
    """The date asked for when it was before `earliest` (and `as_of` became `earliest`)."""
    claim_as_of: date | None = None


@dataclass(frozen=True)
class LprState:
    """The table in use and whether it is the user's imported one."""

    table: LprTable
    imported: bool
    imported_exists: bool


def compute(
    core: Core, case_no: str, as_of: date | None, remember: bool = False
) -> Op[Shown]:
    """Preview the case as of `as_of` (None: the case's remembered date, else its claim's
    as-of date; a date before the first one the engine accepts becomes that one). With
    `remember` the date is kept with the case; nothing else is stored."""

    def work(ctx: AppContext) -> Shown:
        from app.services.cases.service import get_case
        from app.services.recalc import service as rc

        asked = rc.as_of_for(ctx, case_no) if as_of is None else as_of
        inp = rc.build_input(ctx, case_no, asked)
        earliest = rc.earliest_as_of(inp)
        when = max(asked, earliest)
        if when != asked:
            inp = rc.build_input(ctx, case_no, when)
        if remember:
            rc.remember_as_of(ctx, case_no, when)
        output = rc.preview(ctx, case_no, when)
        moved = asked if when != asked else None
        claim = get_case(ctx, case_no).claim
        return Shown(case_no, when, earliest, inp, output, rc.latest_snapshot(ctx, case_no),
                     moved, claim.as_of if claim is not None else None)  # fmt: skip

    return in_store(core, work)


def save_snapshot(core: Core, case_no: str, as_of: date) -> Op[SnapshotInfo]:
    """Store the result as of `as_of` as an immutable snapshot."""

    def work(ctx: AppContext) -> SnapshotInfo:
        from app.services.recalc import service as rc

        return rc.recalculate(ctx, case_no, as_of)

    return in_store(core, work)


def lpr_state_now(data_dir: Path) -> LprState:
    """The LPR table in use for `data_dir` (reads files: call off the GUI thread)."""
    from app.services.recalc import lpr

    table = lpr.current_table(data_dir)
    imported = table is not lpr.load_bundled_table()
    return LprState(table, imported, lpr.imported_path(data_dir).exists())


def lpr_state(data_dir: Path) -> Op[LprState]:
    return op(lambda: lpr_state_now(data_dir))


def import_lpr(data_dir: Path, source: Path, by: SignedIn) -> Op[LprState]:
    """Check and store a CSV table (an `InputError` lists the bad rows), then the state."""

    def work() -> LprState:
        from app.services.recalc import lpr

        lpr.import_table(source, data_dir, by=by)
        return lpr_state_now(data_dir)

    return op(work)
