"""Benchmark of `app.documents.render` (the rendering core) against the office route.

    .venv/bin/python benchmarks/documents_core.py [--repeat 20] [--notices 1000] [--office 5]

(a) The agreement with its plan annex (one PDF, `render_pdf("agreement", ...)`): the first
    call in a fresh process (fonts parsed) and the median of `--repeat` further calls.
(b) Baseline: what an office would otherwise do. The same agreement as a .docx made with
    python-docx (every line of text of our PDF, the figures table and the plan table, the
    same Song face), converted by LibreOffice headless (`soffice --convert-to pdf`, its own
    profile folder), median of `--office` runs after one warm-up; printed as a ratio to (a).
    Without python-docx (`pip install python-docx`, the `bench` extra) or `soffice`, the
    baseline is skipped and the script says why.
(c) Pages per second over `--notices` notices, each for a different debtor.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.documents.model import DocumentData  # noqa: E402
from app.documents.render import render_pdf  # noqa: E402
from app.documents.sample import sample_data  # noqa: E402
from app.domain.numerals import format_amount, format_date_cn, rmb_upper  # noqa: E402


def timed(fn: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000, result


def agreement(repeat: int) -> tuple[float, float, bytes]:
    data = sample_data("agreement")
    first, pdf = timed(lambda: render_pdf("agreement", data))
    times = [timed(lambda: render_pdf("agreement", data))[0] for _ in range(repeat)]
    return first, statistics.median(times), pdf  # type: ignore[return-value]


def pdf_lines(pdf: bytes) -> list[str]:
    import pypdf

    lines: list[str] = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        lines += [t for t in page.extract_text().splitlines() if t.strip()]
    return [t for t in lines if "第 " not in t and not t.startswith("文书编号")]


def build_docx(data: DocumentData, lines: list[str], path: Path) -> None:
    """The agreement as a Word document: its text, the figures table and the plan table."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "AR PL UMing CN"
    style.font.size = Pt(11.5)
    document.add_heading("人民调解协议书", level=0)
    for line in lines[1:]:
        document.add_paragraph(line)
    recalc, settlement, claim = data.recalculation, data.settlement, data.claim
    assert recalc is not None and settlement is not None and claim is not None
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["项目", "债权人主张", "依法核算", "依法核减",
                                                  "债权人减免", "调解确认"], strict=True):
        cell.text = text
    for kind in ("principal", "interest", "penalty", "compound", "fees", "costs"):
        values = [claim.amounts.of(kind), recalc.lawful.of(kind), recalc.reductions.of(kind),
                  settlement.waived.of(kind), recalc.lawful.of(kind) - settlement.waived.of(kind)]
        cells = table.add_row().cells
        cells[0].text = kind
        for cell, value in zip(cells[1:], values, strict=True):
            cell.text = format_amount(value)
    document.add_page_break()
    document.add_heading("附件：还款计划表", level=1)
    plan = document.add_table(rows=1, cols=4)
    plan.style = "Table Grid"
    for cell, text in zip(plan.rows[0].cells, ["期次", "应付款日期", "应付金额（元）", "大写金额"],
                          strict=True):
        cell.text = text
    for row in settlement.rows:
        cells = plan.add_row().cells
        for cell, text in zip(cells, [str(row.n), format_date_cn(row.due),
                                      format_amount(row.amount), rmb_upper(row.amount)],
                              strict=True):
            cell.text = text
    document.save(str(path))


def office_ms(pdf: bytes, runs: int) -> tuple[float | None, str]:
    """Median milliseconds of LibreOffice converting the equivalent .docx, or why not."""
    try:
        import docx  # noqa: F401
    except ModuleNotFoundError:
        return None, "python-docx not installed (pip install python-docx): baseline skipped"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None, "LibreOffice (soffice) not found: baseline skipped"
    with tempfile.TemporaryDirectory(prefix="md-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "agreement.docx"
        build_docx(sample_data("agreement"), pdf_lines(pdf), source)
        profile = (folder / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                   "pdf", "--outdir", str(folder / "out"), str(source)]

        def convert() -> None:
            subprocess.run(command, check=True, capture_output=True, timeout=300)

        convert()  # warm-up: creates the profile
        times = [timed(convert)[0] for _ in range(runs)]
        if not (folder / "out" / "agreement.pdf").exists():
            return None, "LibreOffice produced no PDF"
        return statistics.median(times), f"LibreOffice {soffice}"


def notices(count: int) -> tuple[float, int]:
    import pypdf

    base = sample_data("notice")
    batch = []
    for i in range(count):
        debtor = replace(base.parties[1], name=f"债务人{i:04d}", id_number=f"3301{i:014d}")
        meta = replace(base.meta, number=f"TJ-2026-{i:06d}-TZ-01")
        batch.append(replace(base, parties=(base.parties[0], debtor), meta=meta))
    start = time.perf_counter()
    pdfs = [render_pdf("notice", data) for data in batch]
    seconds = time.perf_counter() - start
    return seconds, sum(len(pypdf.PdfReader(io.BytesIO(pdf)).pages) for pdf in pdfs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--office", type=int, default=5)
    args = parser.parse_args()
    first, median, pdf = agreement(args.repeat)
    pages = _pages(pdf)
    print(f"agreement + plan annex ({pages} pages, {len(pdf) // 1024} KB): first call "
          f"{first:.0f} ms, median of {args.repeat}: {median:.1f} ms (target < 150 ms)")
    office, note = office_ms(pdf, args.office)
    if office is None:
        print(f"baseline: {note}")
    else:
        print(f"baseline .docx -> PDF by {note}: median of {args.office}: {office:.0f} ms; "
              f"ratio {office / median:.1f}x slower than render_pdf")
    seconds, total = notices(args.notices)
    print(f"{args.notices} notices: {total} pages in {seconds:.1f} s = "
          f"{total / seconds:.1f} pages/s ({seconds / args.notices * 1000:.1f} ms per notice)")
    return 0


def _pages(pdf: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


if __name__ == "__main__":
    raise SystemExit(main())
