"""The report's figures against the store (counts, amounts, plan payments), its xlsx and PDF,
the CLI; the worklist of instalments due today, this week, overdue and defaulted."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.session_fixtures import make_demo
from tests.unit.documents.pdf_checks import all_text

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("reports") / "data")


@pytest.fixture
def ctx(demo: Path) -> Iterator[Any]:
    from app.services.context import open_context

    with open_context(demo, actor="检查", migrate=False) as context:
        yield context


def test_the_figures_are_those_of_the_store(ctx: Any) -> None:
    from sqlalchemy import select

    from app.services.reports.service import ReportFilter, build_report
    from app.store.models import Case
    from app.store.records import PlanPayment, Settlement

    report = build_report(ctx, ReportFilter(), ON)
    with ctx.read() as uow:
        cases = list(uow.session.scalars(select(Case)))
        paid = sum((p.amount for p in uow.session.scalars(select(PlanPayment))), Decimal(0))
        agreed = sum((s.settled_total for s in uow.session.scalars(select(Settlement))), Decimal(0))
        claimed = sum((c.claim.total for c in cases if c.claim), Decimal(0))
        statuses = Counter(c.status for c in cases)
        mediators = Counter(c.mediator.name for c in cases if c.mediator)
    assert len(report.rows) == len(cases) == 24
    assert report.totals.recovered == paid > 0
    assert report.totals.agreed == agreed and report.totals.claimed == claimed
    assert sum(report.by_status.values()) == 24
    from app.domain.case_status import label

    assert report.by_status == {label(s): n for s, n in statuses.items()}
    assert {k: v for k, v in report.by_mediator.items() if k != "（未指定）"} == dict(mediators)
    assert report.failed == statuses["terminated"] + 0  # the litigation case had an agreement
    settled = sum(
        statuses[s]
        for s in (
            "agreed",
            "signed",
            "confirmation_applied",
            "confirmed",
            "performing",
            "fulfilled",
            "defaulted",
            "litigation",
        )
    )
    assert report.settled == settled
    assert report.settlement_rate == (Decimal(settled) * 100 / (settled + report.failed)).quantize(
        Decimal("0.1")
    )
    open_cases = [
        r for r in report.rows if r.status not in ("fulfilled", "terminated", "litigation")
    ]
    assert sum(report.ageing.values()) == len(open_cases)


def test_a_batch_and_dates_narrow_the_report(ctx: Any) -> None:
    from app.services.reports.service import ReportFilter, build_report

    whole = build_report(ctx, ReportFilter(), ON)
    batch = next(r.batch for r in whole.rows if r.batch)
    some = build_report(ctx, ReportFilter(batch=batch), ON)
    assert {r.batch for r in some.rows} == {batch}
    assert len(some.rows) == sum(1 for r in whole.rows if r.batch == batch)
    early = build_report(ctx, ReportFilter(end=date(2025, 12, 31)), ON)
    assert early.rows and all(r.taken_in <= date(2025, 12, 31) for r in early.rows)
    assert all(r.case_no.startswith("TJ-2025") for r in early.rows)


def test_the_lender_sheet_has_one_row_per_case(ctx: Any) -> None:
    from python_calamine import CalamineWorkbook

    from app.services.reports.export import CASE_COLUMNS, xlsx_bytes
    from app.services.reports.service import ReportFilter, build_report

    report = build_report(ctx, ReportFilter(), ON)
    book = CalamineWorkbook.from_filelike(io.BytesIO(xlsx_bytes(report)))
    rows = book.get_sheet_by_name("案件明细").to_python()
    assert tuple(rows[0]) == CASE_COLUMNS and len(rows) == 25
    by_no = {r[0]: r for r in rows[1:]}
    for row in report.rows:
        cells = by_no[row.case_no]
        assert cells[1] == row.contract_no and cells[6] == row.status_label
        assert Decimal(str(cells[11])).quantize(Decimal("0.01")) == row.paid
        if row.agreed is not None:
            assert Decimal(str(cells[10])).quantize(Decimal("0.01")) == row.agreed


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def test_the_report_cli(demo: Path, tmp_path: Path) -> None:
    done = run_cli("--data-dir", demo, "report", "--as-of", ON.isoformat(), "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert len(found["rows"]) == 24 and found["settlement_rate_percent"]
    pdf = tmp_path / "r.pdf"
    done = run_cli(
        "--data-dir", demo, "report", "--from", "2026-01-01", "--to", "2026-06-30", "--pdf", pdf
    )
    assert done.returncode == 0, done.stderr
    text = all_text(pdf.read_bytes())
    assert "调解工作统计报告" in text and "调解成功率" in text and "2026-01-01至2026-06-30" in text
    assert run_cli("--data-dir", demo, "report", "--json", "--pdf", pdf).returncode == 2
    bad = run_cli(
        "--data-dir", demo, "report", "--from", "2026-07-01", "--to", "2026-01-01", "--json"
    )
    assert bad.returncode == 2 and "--from" in bad.stderr


def test_the_worklist_groups_instalments(ctx: Any) -> None:
    from app.services.performance.worklist import worklist
    from app.services.settlement.plan_tracking import plan_status

    defaulted = worklist(ctx, ON).of("defaulted")
    for item in defaulted:
        assert item.amount == plan_status(ctx, item.case_no, ON).claimable
        assert item.case_no in item.reminder and "违约" in item.reminder
    # the confirmed case paid three instalments on time: the day the fourth fell due
    broken = next(
        i.case_no
        for i in defaulted
        if i.status_label == "已违约"
        and plan_status(ctx, i.case_no, ON).paid_total > 0
        and len([p for p in plan_status(ctx, i.case_no, ON).payments]) == 3
    )
    fourth = plan_status(ctx, broken, ON).installments[3]
    on_due = worklist(ctx, fourth.due)
    today = [i for i in on_due.of("today") if i.case_no == broken]
    assert [(i.n, i.amount) for i in today] == [(4, fourth.amount)]
    week = worklist(ctx, fourth.due - timedelta(days=3))
    assert [i.n for i in week.of("week") if i.case_no == broken] == [4]
    late = worklist(ctx, fourth.due + timedelta(days=5))
    (item,) = [i for i in late.of("overdue") if i.case_no == broken]
    assert item.n == 4 and item.days_late == 5 and f"第{item.n}期" in item.reminder
