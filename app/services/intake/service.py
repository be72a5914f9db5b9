"""Dry run and import of a lender's file (the `import` command and the GUI's 导入案件…).

    report = check_file(ctx, path, IntakeOptions(creditor="滨江消费金融有限公司"))
    report = import_file(ctx, path, options, progress=print_progress)

Both read and check every row first (`plan_file`); a dry run stops there and writes
nothing. An import without `skip_bad` writes nothing when any row is bad; otherwise the
good rows that are not duplicates go in through `app.services.intake.writer`, in chunks
that each commit whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import InputError
from app.services.intake import fields as f
from app.services.intake.cells import LENDER_WORDS, clean
from app.services.intake.gc_pause import paused_collector
from app.services.intake.layout import Layout, column_letter, find_layout, read_mapping
from app.services.intake.payments import PaymentRow, read_payments
from app.services.intake.reader import FileRefused, Workbook, read_workbook
from app.services.intake.report import Duplicate, IntakeReport, MatchedColumn
from app.services.intake.rows import CheckedRow, Defaults, RowChecker, RowProblem

if TYPE_CHECKING:
    from app.services.context import AppContext

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): stage is "read", "check" or "write"."""
REPORT_EVERY = 2000
CHECK_EVERY = 5000
"""Rows checked at a time (each column of them converted in one go), then progress."""


@dataclass(frozen=True)
class IntakeOptions:
    creditor: str = ""
    lender_type: str = ""
    batch: str = ""
    court: str = ""
    mapping: dict[str, Any] | None = None
    skip_bad: bool = False
    received_on: date | None = None


@dataclass
class Plan:
    """A file read and checked: what an import would write."""

    workbook: Workbook
    layout: Layout
    options: IntakeOptions
    rows: list[CheckedRow]
    payments: dict[str, list[PaymentRow]]
    problems: list[RowProblem]
    duplicates: list[Duplicate]
    batch_name: str
    lender_type: str
    warnings: list[str] = field(default_factory=list)
    good: list[CheckedRow] = field(default_factory=list)
    """Valid rows that are not duplicates: the ones an import writes."""

    def report(
        self, imported: int = 0, *, dry_run: bool, batch_id: int | None = None
    ) -> IntakeReport:
        bad = sorted({p.row for p in self.problems if not p.sheet})
        return IntakeReport(
            file=str(self.workbook.path),
            sheet=self.workbook.cases.name,
            rows=len(self.rows),
            valid=sum(1 for r in self.rows if r.valid is not None),
            imported=imported,
            batch=self.batch_name,
            duplicates=self.duplicates,
            problems=self.problems,
            warnings=self.warnings,
            dry_run=dry_run,
            batch_id=batch_id,
            encoding=self.workbook.encoding,
            columns=matched_columns(self.layout),
            bad_rows=bad,
            creditors=sorted({r.creditor for r in self.rows if r.creditor})[:20],
        )


def matched_columns(layout: Layout) -> list[MatchedColumn]:
    return [
        MatchedColumn(
            column_letter(c.index), c.header, c.field or "", f.label(c.field) if c.field else ""
        )
        for c in layout.columns
        if c.header or c.field
    ]


def _lender_type(value: str) -> str:
    if not value:
        return ""
    code = LENDER_WORDS.get(clean(value), clean(value))
    if code not in {v for v in LENDER_WORDS.values()}:
        known = "、".join(sorted({k for k in LENDER_WORDS if len(k) > 2}))
        raise FileRefused(f"--lender-type “{value}”无法识别：请写 {known} 之一（或其代码）。")
    return code


def _court(value: str) -> str:
    if not value:
        return ""
    from app.services.cases.validation import clean_court

    try:
        return clean_court("court", value)
    except InputError as refused:
        raise FileRefused("--court：" + refused.problems[0].reason) from None


def plan_file(
    ctx: AppContext, path: Path, options: IntakeOptions, progress: Progress | None = None
) -> Plan:
    """Read and check the whole file (nothing is written); `FileRefused` when unusable."""
    lender_type, court = _lender_type(options.lender_type), _court(options.court)
    mapping = read_mapping(options.mapping or {})
    if progress:
        progress("read", 0, 1)
    book = read_workbook(path)
    given = {k for k, v in (("creditor", options.creditor), ("lender_type", lender_type)) if v}
    layout = find_layout(book.cases, mapping, given)
    today = ctx.today()
    name = clean(options.batch) or f"{path.stem}（{today.isoformat()}）"
    defaults = Defaults(clean(options.creditor), lender_type, court, name)
    with paused_collector():
        rows, warnings = _check_rows(book, layout, defaults, today, progress)
    plan = Plan(
        book,
        layout,
        options,
        rows,
        {},
        [p for r in rows for p in r.problems],
        [],
        name,
        lender_type,
        layout.warnings + warnings,
    )
    _attach_payments(plan)
    _find_duplicates(ctx, plan)
    return plan


def _check_rows(
    book: Workbook, layout: Layout, defaults: Defaults, today: date, progress: Progress | None
) -> tuple[list[CheckedRow], list[str]]:
    checker = RowChecker(layout, defaults, today)
    source = book.cases.rows
    total = len(source) - layout.data_start
    rows: list[CheckedRow] = []
    warnings: list[str] = []
    for start in range(layout.data_start, len(source), CHECK_EVERY):
        part: list[tuple[int, list[Any]]] = []
        for index in range(start, min(start + CHECK_EVERY, len(source))):
            cells = source[index]
            if checker.is_blank(cells):
                continue
            if checker.is_total(cells):
                warnings.append(f"第 {index + 1} 行是合计行，已跳过。")
                continue
            part.append((index + 1, cells))
        rows += checker.check_rows(part)
        done = min(start + CHECK_EVERY, len(source)) - layout.data_start
        if progress and done < total:
            progress("check", done, total)
    if progress:
        progress("check", total, total)
    return rows, warnings


def _attach_payments(plan: Plan) -> None:
    """Payments joined by contract number; a case with a bad payment row is held back."""
    sheet = plan.workbook.payments
    if sheet is None:
        return
    first: dict[str, CheckedRow] = {}
    for row in plan.rows:
        if row.contract_no:
            first.setdefault(row.contract_no, row)
    found = read_payments(sheet, first)
    plan.payments = found.payments
    plan.problems += found.problems
    for contract_no, payment_row in found.held.items():
        case = first.get(contract_no)
        if case is not None and case.valid is not None:
            reason = f"“{sheet.name}”第 {payment_row} 行的还款记录有误（见该行），本案暂不导入。"
            problem = RowProblem(case.row, sheet.name, contract_no, reason)
            case.problems.append(problem)
            case.valid = None
            plan.problems.append(problem)
    plan.problems.sort(key=lambda p: (p.sheet != "", p.row))


def _find_duplicates(ctx: AppContext, plan: Plan) -> None:
    """Duplicates: same creditor and contract number in the store, or earlier in the file."""
    from app.store.bulk import existing_contracts

    keys = {(r.valid.creditor_name, r.valid.contract_no) for r in plan.rows if r.valid}
    with ctx.read() as uow:
        stored = existing_contracts(uow, keys)
    seen: dict[tuple[str, str], int] = {}
    for row in plan.rows:
        if row.valid is None:
            continue
        key = (row.valid.creditor_name, row.valid.contract_no)
        if key in stored:
            plan.duplicates.append(Duplicate(row.row, row.contract_no, stored[key]))
        elif key in seen:
            plan.duplicates.append(Duplicate(row.row, row.contract_no, f"row {seen[key]}"))
        else:
            seen[key] = row.row
            plan.good.append(row)


def check_file(
    ctx: AppContext, path: Path, options: IntakeOptions, progress: Progress | None = None
) -> IntakeReport:
    """The dry run: every row read and checked, duplicates found, nothing written."""
    return plan_file(ctx, path, options, progress).report(dry_run=True)


def import_file(
    ctx: AppContext,
    path: Path,
    options: IntakeOptions,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> IntakeReport:
    """Check, then write the good rows in chunks that each commit whole (see `writer`)."""
    from app.services.intake.writer import write_plan

    plan = plan_file(ctx, path, options, progress)
    if plan.problems and not options.skip_bad:
        return plan.report(dry_run=False)
    return write_plan(ctx, plan, progress, cancelled)


def file_columns(path: Path, mapping: dict[str, Any] | None = None) -> list[MatchedColumn]:
    """The case sheet's columns and the fields they are read as, even when a required
    column is missing (so a person can map it); `FileRefused` for an unreadable file."""
    book = read_workbook(path)
    layout = find_layout(book.cases, read_mapping(mapping or {}), set(f.REQUIRED))
    return matched_columns(layout)
