"""Documents benchmark: the agreement with its plan annex, a batch of notices, LibreOffice.

    .venv/bin/python benchmarks/documents.py [--repeat 20] [--notices 1000] [--office 3]

(a) Median time of rendering the agreement and its plan annex (`render_pdf`, two PDFs)
    over `--repeat` runs, after one warm-up (fonts parsed once per process).
(b) Pages per second for `--notices` notices, each for a different debtor.
(c) The route an office would otherwise take: the same agreement text (every filled
    paragraph and both tables, same fonts) as a .docx, converted by LibreOffice headless
    (`soffice --convert-to pdf`), median of `--office` runs, as a ratio to (a). The .docx
    is written with the standard library (WordprocessingML in a zip) since python-docx is
    not a dependency; the conversion dominates either way. Without `soffice` on the PATH
    the comparison is skipped and the script says that the baseline is missing.
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
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.documents.pdf import render_pdf  # noqa: E402
from app.documents.pdf.template import block_kept, block_text, fill, load_template  # noqa: E402
from app.documents.pdf.values import SOURCES, document_values  # noqa: E402
from tests.unit.documents.sample import sample  # noqa: E402


def agreement_ms(repeat: int) -> tuple[float, int]:
    data, annex = sample("agreement"), sample("plan")
    render_pdf("agreement", data), render_pdf("plan", annex)  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        pdf = render_pdf("agreement", data)
        render_pdf("plan", annex)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, len(pdf)


def notices_per_second(count: int) -> tuple[float, int]:
    from pypdf import PdfReader

    base = sample("notice")
    debtor = base.parties[1]
    pages = 0
    t = time.perf_counter()
    for i in range(count):
        party = replace(debtor, name=f"王建国{i:04d}", id_number=f"1101051949123{i:04d}X")
        data = replace(base, parties=(base.parties[0], party), number=f"TZ-{i:06d}")
        pdf = render_pdf("notice", data)
        if i == 0:
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
    elapsed = time.perf_counter() - t
    return pages * count / elapsed, pages


# -- the LibreOffice route ---------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
FONT = '<w:rPr><w:rFonts w:ascii="AR PL UMing CN" w:eastAsia="AR PL UMing CN"/></w:rPr>'


def _para(text: str) -> str:
    return f"<w:p><w:r>{FONT}<w:t>{escape(text)}</w:t></w:r></w:p>"


def _table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{_para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    borders = "".join(
        f'<w:{b} w:val="single" w:sz="4"/>' for b in ("top", "left", "bottom", "right")
    )
    props = f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr>"
    return f"<w:tbl>{props}{cells}</w:tbl>"


def agreement_docx() -> bytes:
    """The agreement and its annex as WordprocessingML: the same filled text and tables."""
    body = []
    for kind in ("agreement", "plan"):
        data = sample(kind)
        values = document_values(data)
        body.append(_para(load_template(kind).title))
        for block in load_template(kind).blocks:
            if not block_kept(block, values):
                continue
            if block["type"] in ("para", "rows"):
                rows = SOURCES[block["source"]](data) if block["type"] == "rows" else [{}]
                body.extend(_para(block_text(block, values | row)) for row in rows)
            elif block["type"] == "table":
                head = [c[0] for c in block["columns"]]
                rows = [[fill(c[1], values | r, markup=False) for c in block["columns"]]
                        for r in SOURCES[block["source"]](data)]  # fmt: skip
                body.append(_table([head, *rows]))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(body)}'
    xml += "</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", xml)
    return out.getvalue()


def office_ms(soffice: str, runs: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "agreement.docx"
        src.write_bytes(agreement_docx())
        profile = Path(tmp) / "profile"
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", "pdf", "--outdir", tmp, str(src)],
                check=True, capture_output=True,
            )  # fmt: skip
            times.append(time.perf_counter() - t)
            if not (Path(tmp) / "agreement.pdf").exists():
                raise RuntimeError("LibreOffice wrote no PDF")
    return statistics.median(times[1:] if len(times) > 1 else times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--office", type=int, default=3)
    args = parser.parse_args()
    ms, size = agreement_ms(args.repeat)
    print(f"(a) agreement + plan annex: median {ms:.1f} ms of {args.repeat} ({size} bytes)")
    rate, pages = notices_per_second(args.notices)
    print(f"(b) {args.notices} notices ({pages} page each): {rate:.0f} pages/s")
    soffice = shutil.which("soffice")
    if soffice is None:
        print("(c) LibreOffice baseline missing: soffice is not installed; no ratio")
        return
    office = office_ms(soffice, max(args.office, 2))
    print(f"(c) LibreOffice headless .docx → PDF: median {office:.0f} ms (first run, with")
    print(f"    profile creation, left out); reportlab is {office / ms:.1f}× faster")


if __name__ == "__main__":
    main()
