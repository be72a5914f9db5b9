"""Reports: the caseload, settlement rate, amounts and ageing of the cases a filter picks,
the plans' worklist, the batches to filter by, and the exports (xlsx for the lender's
system, a PDF summary)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ui.ops import in_store
from ui.tasks import Op

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.performance.worklist import Worklist
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
