"""Batch intake: a lender's file checked (dry run) and imported, the problem rows exported,
the batches listed, summed up for the lender, assigned to mediators and withdrawn."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ui.ops import in_store, in_store_with_progress
from ui.tasks import Op, Progress, op

if TYPE_CHECKING:
    from pathlib import Path

    from app.services.context import AppContext
    from app.services.intake.batches import BatchInfo
    from app.services.intake.report import IntakeReport, MatchedColumn
    from app.services.intake.service import IntakeOptions
    from app.services.intake.summary import BatchSummary
    from ui.services import Core

CHECK_SHARE = 400
"""Of 1000 progress units: reading and checking; the rest is writing."""


@dataclass
class Checked:
    """What a dry run brings back to the dialog (`report` None: the file was refused)."""

    report: IntakeReport | None
    columns: list[MatchedColumn]
    refused: str = ""
    mapping: dict[str, str] = field(default_factory=dict)


def _reporter(progress: Progress) -> Callable[[str, int, int], None]:
    """The importer's (stage, done, total) as one bar of 1000: checking, then writing."""

    def report(stage: str, done: int, total: int) -> None:
        if not total:
            return
        if stage == "write":
            progress.report(CHECK_SHARE + (1000 - CHECK_SHARE) * done // total, 1000)
        else:
            progress.report(CHECK_SHARE * done // total, 1000)

    return report


def dry_run(core: Core, path: Path, options: IntakeOptions, chosen: dict[str, str]) -> Op[Checked]:
    """Read and check every row, write nothing; with the creditor's saved mapping when the
    mediator chose none. A file that cannot be used comes back with its reason."""

    def work(ctx: AppContext, progress: Progress) -> Checked:
        from app.services.intake.mappings import saved_mapping
        from app.services.intake.reader import FileRefused
        from app.services.intake.service import check_file, file_columns

        saved = saved_mapping(ctx, options.creditor) if options.creditor and not chosen else None
        mapping = dict(chosen) or saved or {}
        try:
            report = check_file(ctx, path, replace(options, mapping=mapping), _reporter(progress))
        except FileRefused as refused:
            try:
                columns = file_columns(path, mapping)
            except FileRefused:
                columns = []
            return Checked(None, columns, str(refused), mapping)
        if not mapping and report.creditors:
            found = saved_mapping(ctx, report.creditors[0])
            if found:
                report = check_file(ctx, path, replace(options, mapping=found), _reporter(progress))
                mapping = found
        return Checked(report, report.columns, "", mapping)

    return in_store_with_progress(core, work)


def import_file(core: Core, path: Path, options: IntakeOptions, creditor: str) -> Op[IntakeReport]:
    """Import in chunks that each commit whole (cancel stops after the chunk being written);
    the mapping used is saved for the creditor once cases went in."""

    def work(ctx: AppContext, progress: Progress) -> IntakeReport:
        from app.services.intake.mappings import save_mapping
        from app.services.intake.service import import_file

        report = import_file(
            ctx, path, options, _reporter(progress), cancelled=lambda: progress.cancelled
        )
        if options.mapping and creditor and report.imported:
            save_mapping(ctx, creditor, {str(k): str(v) for k, v in options.mapping.items()})
        return report

    return in_store_with_progress(core, work)


def export_problem_rows(source: Path, report: IntakeReport, target: Path) -> Op[int]:
    """导出问题行: the bad rows with their reasons in an .xlsx; how many were written."""

    def work() -> int:
        from app.services.intake.export import export_problem_rows

        return export_problem_rows(source, report, target)

    return op(work)


def list_batches(core: Core) -> Op[list[BatchInfo]]:
    def work(ctx: AppContext) -> list[BatchInfo]:
        from app.services.intake.batches import list_batches

        return list_batches(ctx)

    return in_store(core, work)


def withdraw_batch(core: Core, batch_id: int, reason: str) -> Op[BatchInfo]:
    """Take back a batch nobody has worked on (its cases stay as numbered records)."""

    def work(ctx: AppContext) -> BatchInfo:
        from app.services.intake.batches import withdraw_batch

        return withdraw_batch(ctx, batch_id, reason)

    return in_store(core, work)


def assign_batch(
    core: Core, batch_id: int, names: list[str], by_region: bool
) -> Op[dict[str, int]]:
    """The batch's unassigned cases shared among `names` (evenly, or by region)."""

    def work(ctx: AppContext) -> dict[str, int]:
        from app.services.intake.batches import assign_batch

        return assign_batch(ctx, batch_id, names, by_region=by_region)

    return in_store(core, work)


def batch_summary(core: Core, batch_id: int) -> Op[BatchSummary]:
    """Claimed against lawful totals over the batch, case by case, with progress."""

    def work(ctx: AppContext, progress: Progress) -> BatchSummary:
        from app.services.intake.summary import batch_summary

        return batch_summary(ctx, batch_id, progress.report, lambda: progress.cancelled)

    return in_store_with_progress(core, work)
