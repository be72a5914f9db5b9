"""Litigation materials for many cases at once: one ZIP (or folder) per court.

    written = litigation_packages(ctx, Path("起诉材料"), batch="2025年10月…委托批次")

Every case of the batch (or of the store) whose mediation failed, or whose agreement no
court confirmed was broken, gets a folder named by its case number inside its court's
package: 民事起诉状, 债权金额计算说明, 证据目录 and the evidence files (证据/), the
mediation record and, for a failed mediation, the termination. Each package has an index
sheet (案件清单.xlsx) of its cases with the claimed amount; a case that lacks something for
a paper is listed with what it lacks, its other papers still made.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import DomainError, InputError

if TYPE_CHECKING:
    from app.services.cases.service import CaseSummary
    from app.services.context import AppContext

NO_COURT = "未指定法院"
PAPERS = (
    ("complaint", "01-民事起诉状"),
    ("calculation", "02-债权金额计算说明"),
    ("evidence", "03-证据目录"),
)
MEDIATION_PAPERS = (("record", "04-调解笔录"), ("termination", "05-调解终结书"))
INDEX_HEADERS = (
    "序号",
    "案号",
    "原告",
    "被告",
    "案由",
    "合同编号",
    "起诉金额（元）",
    "核算截至",
    "阶段",
    "材料",
    "未生成的材料",
)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass
class CaseEntry:
    case_no: str
    plaintiff: str
    defendants: str
    cause: str = ""
    contract_no: str = ""
    amount: Decimal | None = None
    stage: str = ""
    made: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def safe_name(text: str) -> str:
    return _UNSAFE.sub("_", text).strip(" .") or NO_COURT


def litigation_packages(
    ctx: AppContext,
    out_dir: Path,
    *,
    batch: str = "",
    on: date | None = None,
    as_zip: bool = True,
) -> list[Path]:
    """Write one package per court into `out_dir`; the paths written."""
    from app.services.cases.service import list_cases
    from app.services.litigation.claim import case_stage

    day = on or ctx.today()
    chosen = [c for c in list_cases(ctx) if not batch or c.batch == batch]
    suing = [c for c in chosen if case_stage(ctx, c.case_no) in ("failed", "broken")]
    if not suing:
        where = f"批次“{batch}”" if batch else "案件库"
        raise DomainError(
            f"{where}中没有可以起诉的案件（调解终结，或未经司法确认的调解协议已违约）。"
        )
    by_court: dict[str, list[CaseSummary]] = {}
    for case in sorted(suing, key=lambda c: c.case_no):
        by_court.setdefault(case.court.strip() or NO_COURT, []).append(case)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [_write(ctx, out_dir, court, cases, day, as_zip) for court, cases in by_court.items()]


def _write(
    ctx: AppContext,
    out_dir: Path,
    court: str,
    cases: list[CaseSummary],
    day: date,
    as_zip: bool,
) -> Path:
    files: dict[str, bytes] = {}
    entries = [_case_files(ctx, c, day, files) for c in cases]
    files["案件清单.xlsx"] = index_sheet(court, entries, day)
    name = safe_name(court)
    if as_zip:
        path = out_dir / f"{name}.zip"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for inner, data in sorted(files.items()):
                archive.writestr(f"{name}/{inner}", data)
        path.write_bytes(buffer.getvalue())
        return path
    folder = out_dir / name
    for inner, data in files.items():
        target = folder / inner
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def _case_files(
    ctx: AppContext, case: CaseSummary, day: date, files: dict[str, bytes]
) -> CaseEntry:
    from app.services.documents.service import render_document
    from app.services.litigation.claim import STAGES, case_stage
    from app.services.litigation.papers import court_document_data, render_court_document

    entry = CaseEntry(case.case_no, case.creditor_name, case.debtor_name)
    stage = case_stage(ctx, case.case_no)
    entry.stage = STAGES.get(stage, "")
    folder = case.case_no
    for kind, title in PAPERS:
        try:
            doc = render_court_document(ctx, case.case_no, kind, on=day)
        except InputError as error:
            entry.missing.append(f"{title[3:]}：" + "；".join(p.reason for p in error.problems))
            continue
        files[f"{folder}/{title}.pdf"] = doc.pdf
        entry.made.append(title[3:])
    try:
        data = court_document_data(ctx, case.case_no, "complaint", on=day)
        claim = data.papers.claim if data.papers else None
        entry.cause = data.papers.cause if data.papers else ""
        entry.contract_no = data.contract_no
        entry.amount = claim.total if claim else None
    except InputError:
        pass
    wanted = MEDIATION_PAPERS if stage == "failed" else MEDIATION_PAPERS[:1]
    for kind, title in wanted:
        try:
            files[f"{folder}/{title}.pdf"] = render_document(ctx, case.case_no, kind).pdf
            entry.made.append(title[3:])
        except InputError:
            continue
    _evidence_files(ctx, case.case_no, folder, files)
    return entry


def _evidence_files(ctx: AppContext, case_no: str, folder: str, files: dict[str, bytes]) -> None:
    from app.services.litigation.evidence import case_evidence, evidence_content, export_name

    for n, item in enumerate(case_evidence(ctx, case_no), start=1):
        files[f"{folder}/证据/{export_name(n, item)}"] = evidence_content(ctx, item.id)


def index_sheet(court: str, entries: list[CaseEntry], day: date) -> bytes:
    """The package's index of cases as an .xlsx (XlsxWriter, in memory)."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("案件清单")
    bold = book.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1})
    money = book.add_format({"num_format": "#,##0.00"})
    sheet.write(0, 0, f"{court} 起诉材料清单（核算截至 {day.isoformat()}）")
    sheet.write_row(1, 0, INDEX_HEADERS, bold)
    for i, e in enumerate(entries, start=1):
        row = i + 1
        sheet.write_row(row, 0, [i, e.case_no, e.plaintiff, e.defendants, e.cause, e.contract_no])
        if e.amount is not None:
            sheet.write_number(row, 6, float(e.amount), money)  # a spreadsheet cell (display)
        sheet.write_row(row, 7, [day.isoformat(), e.stage, "、".join(e.made), "；".join(e.missing)])
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, 3, 28)
    sheet.set_column(4, 10, 18)
    book.close()
    return out.getvalue()
