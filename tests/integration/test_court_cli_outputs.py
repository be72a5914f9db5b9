"""What the CLI writes for court, read back: `court packages` (one ZIP per court with its
案件清单.xlsx: the case numbers and the claimed amounts to the fen), `render … certificate`
(each evidence item's SHA-256 in the PDF's text), and the report's lawful total against
the store's latest recalculation of each case."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.session_fixtures import copy_demo, make_demo

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 6, 30)
FEN = Decimal("0.01")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("court-cli") / "data")


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    return copy_demo(template, tmp_path / "data")


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[Any]:
    from app.services.startup import open_context

    with open_context(data_dir, actor="检查", migrate=False) as context:
        yield context


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def pdf_text(pdf: bytes) -> str:
    """Every page's text (PDFium), without the spaces and line breaks wrapping puts in."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return re.sub(r"\s+", "", text)


def suing_by_court(ctx: Any) -> dict[str, dict[str, Decimal]]:
    """Court → {case number: claim total} for every case the packages should hold."""
    from app.services.cases.service import list_cases
    from app.services.litigation.claim import case_stage
    from app.services.litigation.papers import court_document_data

    found: dict[str, dict[str, Decimal]] = {}
    for case in list_cases(ctx):
        if case_stage(ctx, case.case_no) not in ("failed", "broken"):
            continue
        data = court_document_data(ctx, case.case_no, "complaint", on=ON)
        assert data.papers is not None and data.papers.claim is not None
        court = case.court.strip() or "未指定法院"
        found.setdefault(court, {})[case.case_no] = data.papers.claim.total
    return found


def test_court_packages_hold_one_zip_per_court_with_its_index(
    ctx: Any, data_dir: Path, tmp_path: Path
) -> None:
    from python_calamine import CalamineWorkbook

    from app.domain.numerals import format_amount
    from app.services.litigation.evidence import case_evidence

    expected = suing_by_court(ctx)
    assert sum(len(cases) for cases in expected.values()) >= 2
    out = tmp_path / "起诉材料"
    done = run_cli("--data-dir", data_dir, "court", "packages", "--out", out, "--on", ON)
    assert done.returncode == 0, done.stderr
    zips = sorted(out.glob("*.zip"))
    assert sorted(p.stem for p in zips) == sorted(expected)
    for path in zips:
        cases = expected[path.stem]
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            sheet = archive.read(f"{path.stem}/案件清单.xlsx")
            book = CalamineWorkbook.from_filelike(io.BytesIO(sheet))
            rows = book.get_sheet_by_name("案件清单").to_python()[2:]
            listed = {str(r[1]): Decimal(str(r[6])).quantize(FEN) for r in rows}
            assert listed == cases
            for case_no, total in cases.items():
                complaint = archive.read(f"{path.stem}/{case_no}/01-民事起诉状.pdf")
                assert case_no in pdf_text(complaint)
                assert format_amount(total) in pdf_text(complaint)
                listed_evidence = f"{path.stem}/{case_no}/03-证据目录.pdf" in names
                assert listed_evidence == bool(case_evidence(ctx, case_no))
        assert [int(r[0]) for r in rows] == list(range(1, len(cases) + 1))


def test_render_certificate_lists_each_items_hash(ctx: Any, data_dir: Path, tmp_path: Path) -> None:
    from app.services.cases.service import list_cases
    from app.services.litigation.evidence import case_evidence

    case_no = next(c.case_no for c in list_cases(ctx) if case_evidence(ctx, c.case_no))
    items = case_evidence(ctx, case_no)
    out = tmp_path / "证书.pdf"
    done = run_cli("--data-dir", data_dir, "render", case_no, "certificate", "--out", out)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out.read_bytes())
    assert "证据保全证书" in text and case_no in text
    for item in items:
        assert item.sha256 in text, item.title
    assert len(items) >= 2


def test_the_reports_lawful_total_is_the_latest_recalculations(ctx: Any) -> None:
    from sqlalchemy import select

    from app.services.reports.service import ReportFilter, build_report
    from app.store.records import RecalcSnapshot

    latest: dict[int, RecalcSnapshot] = {}
    with ctx.read() as uow:
        for row in uow.session.scalars(select(RecalcSnapshot)):
            kept = latest.get(row.case_id)
            if kept is None or (row.created_at, row.id) > (kept.created_at, kept.id):
                latest[row.case_id] = row
        lawful = sum(
            (Decimal(r.output_json["views"]["lawful"]["total"]) for r in latest.values()),
            Decimal(0),
        )
    report = build_report(ctx, ReportFilter(), ON)
    assert len(latest) >= 5 and lawful > 0
    assert report.totals.lawful == lawful.quantize(FEN)
