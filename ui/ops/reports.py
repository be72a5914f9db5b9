"""Reports: the caseload, settlement rate, amounts and ageing of the cases a filter picks,
the plans' worklist, the batches to filter by, and the exports (xlsx for the lender's
system, a PDF summary)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ui.ops import in_store
from ui.tasks import Op

if TYPE_CHECKING:
    from app.services.contacts.records import ContactInfo
    from app.services.context import AppContext
    from app.services.performance.worklist import WorkItem, Worklist
    from app.services.reports.service import Report, ReportFilter
    from ui.services import Core


@dataclass(frozen=True)
class Overview:
    """What the 统计 window shows: the report, the plans' worklist, the known batches."""

    report: Report
    worklist: Worklist
    batches: list[str]


def overview(core: Core, chosen: ReportFilter, today: date) -> Op[Overview]:
    def work(ctx: AppContext) -> Overview:
        from app.services.litigation.evidence import batch_names
        from app.services.performance.worklist import worklist
        from app.services.reports.service import build_report

        return Overview(build_report(ctx, chosen, today), worklist(ctx, today), batch_names(ctx))

    return in_store(core, work)


def export(core: Core, report: Report, kind: str, path: Path) -> Op[Path]:
    """`report` written to `path` as `xlsx` or as a PDF summary (the organisation named)."""

    def work(ctx: AppContext) -> Path:
        from app.services.organisation.service import get_profile
        from app.services.reports.export import write_pdf, write_xlsx

        if kind == "xlsx":
            write_xlsx(report, path)
        else:
            write_pdf(report, path, get_profile(ctx).name)
        return path

    return in_store(core, work)


def export_reminders(core: Core, items: list[WorkItem], path: Path) -> Op[Path]:
    """The worklist's reminders written for the SMS platform (as the contact messages are)."""

    def work(ctx: AppContext) -> Path:
        from app.services.performance.reminders import export_reminders as write

        return write(ctx, items, path)

    return in_store(core, work)


def mark_reminder_sent(core: Core, item: WorkItem, at: datetime) -> Op[ContactInfo]:
    """The reminder logged as an SMS to the debtor at `at` (the conduct rules checked)."""

    def work(ctx: AppContext) -> ContactInfo:
        from app.services.performance.reminders import mark_reminder_sent as mark

        return mark(ctx, item, at)

    return in_store(core, work)
