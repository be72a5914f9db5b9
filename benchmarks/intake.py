"""Batch intake benchmark: a lender's 100,000-row xlsx against python-calamine's bare read.

    .venv/bin/python benchmarks/intake.py [--rows 100000] [--keep DIR]

Prints, each as a ratio against a baseline measured in the same run:
(a) dry run (read, check every row, find duplicates; nothing written) vs the bare read of
    the same file by python-calamine (`to_python()` of the first sheet) — budget 3×;
(b) import into an empty encrypted store vs the same bare read — budget 5×;
(c) batch summary (claimed vs lawful totals, the engine's totals-only mode) in cases/s on
    one core, vs the engine with statement lines on the same cases — budget ≥ 2,000/s.
The file is written with XlsxWriter (realistic: Excel dates, numbers, text IDs, 25 columns).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MEDIATION_DESK_PASSPHRASE", "benchmark-passphrase")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

HEADERS = [
    "合同编号", "债权人", "借款人姓名", "身份证号", "手机号", "地址", "出借人类型", "合同日期",
    "放款日期", "借款本金", "实际放款金额", "年利率", "逾期利率", "还款方式", "期数", "到期日",
    "加速到期日", "主张截止日", "剩余本金", "欠息", "罚息", "复利", "费用", "实现债权费用",
    "担保人姓名",
]  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国明华丽军伟芳娜敏静磊洋勇艳杰娟涛超"
REGIONS = ("110105", "310104", "420106", "440305", "510107", "330106")


def write_file(path: Path, rows: int) -> None:
    import xlsxwriter

    from app.domain.identifiers import make_resident_id

    rng = random.Random(20261205)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("逾期贷款清单")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADERS)
    as_of = datetime(2025, 6, 30)
    for r in range(1, rows + 1):
        start = datetime(2021, 1, 4) + timedelta(days=rng.randrange(900))
        principal = rng.randrange(2_000, 200_000)
        born = date(1965, 1, 1) + timedelta(days=rng.randrange(14_000))
        method, term = rng.choice((("等额本息", 12), ("等额本金", 24), ("先息后本", 12)))
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", *GIVEN))
        values = [
            f"XF{r:08d}", "滨江消费金融有限公司", name,
            make_resident_id(rng.choice(REGIONS), born, rng.randrange(1000)),
            f"1{rng.choice('3578')}{rng.randrange(10**9):09d}", f"滨江市建设路{r % 997}号",
            "消费金融公司",
        ]  # fmt: skip
        sheet.write_row(r, 0, values)
        sheet.write_datetime(r, 7, start, day)
        sheet.write_datetime(r, 8, start, day)
        sheet.write_number(r, 9, principal)
        sheet.write_number(r, 10, principal)
        sheet.write_string(r, 11, rng.choice(("18%", "24%", "月息1分5", "0.2136")))
        sheet.write_string(r, 12, "24%")
        sheet.write_string(r, 13, method)
        sheet.write_number(r, 14, term)
        sheet.write_datetime(r, 17, as_of, day)
        sheet.write_number(r, 18, round(principal * rng.uniform(0.3, 0.9), 2))
        sheet.write_number(r, 19, round(principal * 0.05, 2))
        sheet.write_number(r, 20, round(principal * 0.02, 2))
        sheet.write_number(r, 21, 0)
        sheet.write_number(r, 22, rng.choice((0, 50, 100)))
        sheet.write_number(r, 23, 0)
    book.close()


def bare_read(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    with CalamineWorkbook.from_path(str(path)) as book:
        rows = book.get_sheet_by_index(0).to_python()
    elapsed = time.perf_counter() - start
    assert len(rows) > 1
    return elapsed


def fresh_store(folder: Path) -> Path:
    from app.services.startup import open_context

    if folder.exists():
        shutil.rmtree(folder)
    with open_context(folder):
        pass
    return folder


def timed(fn: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()  # type: ignore[operator]
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the file and stores here")
    args = parser.parse_args()

    from app.services.intake.service import IntakeOptions, check_file, import_file
    from app.services.startup import open_context

    work = args.keep or Path(tempfile.mkdtemp(prefix="intake-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"lender-{args.rows}.xlsx"
    if not path.exists():
        spent, _ = timed(lambda: write_file(path, args.rows))
        print(f"wrote {path.name}: {args.rows} rows × {len(HEADERS)} columns in {spent:.1f} s")
    reads = [bare_read(path) for _ in range(3)]
    read = statistics.median(reads)
    print(f"baseline: python-calamine bare read {read:.2f} s (median of 3)")

    store = fresh_store(work / "dry")
    with open_context(store) as ctx:
        dry, report = timed(lambda: check_file(ctx, path, IntakeOptions()))
    assert report.valid == args.rows, report.problems[:3]  # type: ignore[attr-defined]
    print(f"(a) dry run {dry:.2f} s = {dry / read:.2f} × the bare read (budget 3×)")

    store = fresh_store(work / "import")
    with open_context(store) as ctx:
        spent, report = timed(lambda: import_file(ctx, path, IntakeOptions()))
        assert report.imported == args.rows  # type: ignore[attr-defined]
        print(f"(b) import into an empty store {spent:.2f} s = {spent / read:.2f} × the bare "
              f"read (budget 5×); {args.rows / spent:,.0f} cases/s")  # fmt: skip
        summary_benchmark(ctx, report.batch_id)  # type: ignore[attr-defined]
    if args.keep is None:
        shutil.rmtree(work)


def summary_benchmark(ctx: object, batch_id: int) -> None:
    from app.domain.recalc import recalculate
    from app.services.intake import summary as s
    from app.services.recalc.lpr import current_table

    spent, result = timed(lambda: s.batch_summary(ctx, batch_id))  # type: ignore[arg-type]
    cases = result.computed  # type: ignore[attr-defined]
    table = current_table(ctx.data_dir)  # type: ignore[attr-defined]
    with ctx.read() as uow:  # type: ignore[attr-defined]
        loans = s._load(uow.session.connection(), batch_id)[:5000]
    start = time.perf_counter()
    for _, inp in loans:
        recalculate(inp, table)  # type: ignore[arg-type]
    with_lines = len(loans) / (time.perf_counter() - start)
    rate = cases / spent
    print(f"(c) batch summary: {cases} cases in {spent:.2f} s = {rate:,.0f} cases/s on one core "
          f"(budget ≥ 2,000/s; reading the store included); the engine with statement lines "
          f"on the same cases: {with_lines:,.0f} cases/s, so {rate / with_lines:.2f}×")  # fmt: skip


if __name__ == "__main__":
    main()
