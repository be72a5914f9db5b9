"""Case list benchmark: the main window and a search keystroke over 100,000 cases.

    .venv/bin/python benchmarks/case_list.py [--cases 100000] [--keep DIR]

(a) main window usable: a fresh process (its store key already derived from the
    passphrase, as a keyring would give it) starts Qt, opens the encrypted store, builds and
    shows the main window and waits until the count and the first page are in the list;
    wall time and peak RSS, against the same process over an empty store (the start-up
    floor) — budget 1.5 s and 300 MB;
(b) a search or filter keystroke: typing names, ID and phone numbers and contract numbers
    character by character and switching filters, each time the count and the first page
    (`case_page`, what the list asks on every keystroke); the 95th percentile against the
    unfiltered first page — budget 50 ms.
The store is filled through the import's bulk writer with varied names, ID numbers,
lender types, statuses and mediators.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MEDIATION_DESK_PASSPHRASE", "benchmark-passphrase")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳"
GIVEN = "建国明华丽军伟芳娜敏静磊洋勇艳杰娟涛超"
LENDERS = ("bank", "consumer_finance", "small_loan", "credit_card", "private")
STATUSES = ("intake", "contacting", "scheduled", "in_session", "agreed", "terminated")
WINDOW = """
import resource, sys, time
from pathlib import Path
from app.services.unlock import database_key
database_key(Path(sys.argv[1]))  # the passphrase step (none with a keyring), not timed
start = time.perf_counter()
from PySide6.QtWidgets import QApplication
from ui.services import ContextCaseService
from ui.tasks import TaskRunner
from ui.views.main_window import MainWindow
app = QApplication([])
service = ContextCaseService(Path(sys.argv[1]), actor="bench")
runner = TaskRunner()
window = MainWindow(service, runner, Path(sys.argv[1]))
window.show()
def done(count):
    app.processEvents()
    print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, count)
    app.quit()
window.cases_loaded.connect(done)
window.refresh()
app.exec()
window.shutdown()
"""


def fill(data_dir: Path, count: int) -> None:
    from app.domain.identifiers import make_resident_id
    from app.services.startup import open_context
    from app.store.bulk import CaseRow, LoanRow, PartyRow, insert_cases
    from app.store.models import Mediator, Organisation

    rng = random.Random(5)
    with open_context(data_dir) as ctx:
        with ctx.write() as uow:
            org = Organisation(name="滨江调解中心")
            org.mediators = [Mediator(name=n) for n in ("张调解", "李调解", "王调解", "赵调解")]
            uow.session.add(org)
            uow.record("bench.mediators")
        for first in range(0, count, 5000):
            rows = []
            for n in range(first, min(first + 5000, count)):
                start = date(2021, 1, 4) + timedelta(days=rng.randrange(900))
                born = date(1965, 1, 1) + timedelta(days=rng.randrange(14_000))
                number = make_resident_id(
                    rng.choice(("110105", "310104", "420106", "440305")), born, rng.randrange(1000)
                )
                name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", *GIVEN))
                principal = Decimal(rng.randrange(2000, 200_000))
                rows.append(
                    CaseRow(
                        parties=(
                            PartyRow("creditor", "organisation", "滨江消费金融有限公司"),
                            PartyRow(
                                "debtor",
                                "person",
                                name,
                                "resident_id",
                                number,
                                f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
                            ),
                        ),
                        loan=LoanRow(
                            rng.choice(LENDERS),
                            f"XF{n:08d}",
                            start,
                            start,
                            principal,
                            principal,
                            Decimal("0.18"),
                            None,
                            False,
                            "equal_installment",
                            12,
                            None,
                            None,
                            360,
                            start + timedelta(days=30 * rng.randrange(1, 12)),
                        ),
                        claim=(
                            date(2025, 6, 30),
                            principal,
                            Decimal("100.00"),
                            Decimal("0.00"),
                            Decimal("0.00"),
                            Decimal("0.00"),
                            Decimal("0.00"),
                        ),
                    )
                )
            with ctx.write() as uow:
                insert_cases(uow, rows, year=2026, batch_id=None, batch_name="基准")
        with ctx.write() as uow:
            conn = uow.session.connection()
            for i, status in enumerate(STATUSES[1:], start=1):
                conn.exec_driver_sql(f"UPDATE \"case\" SET status = '{status}' WHERE id % 7 = {i}")
            conn.exec_driver_sql('UPDATE "case" SET mediator_id = (id % 4) + 1 WHERE id % 3 <> 0')
            uow.record("bench.spread", detail={"cases": count})


def window_run(data_dir: Path) -> tuple[float, float, int]:
    done = subprocess.run(
        [sys.executable, "-c", WINDOW, str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss_kb, count = done.stdout.split()[-3:]
    return float(seconds), int(rss_kb) / 1024, int(count)


def keystrokes(data_dir: Path) -> tuple[list[float], float]:
    from app.services.cases.listing import CaseFilter, case_page
    from app.services.startup import open_context

    typed = [
        "王",
        "王建",
        "王建国",
        "欧阳",
        "1",
        "13",
        "139",
        "1390",
        "13901",
        "4201",
        "420106",
        "4201061985",
        "X",
        "XF",
        "XF0",
        "XF00012",
        "XF000123",
        "TJ-2026-00",
        "TJ-2026-0001",
        "张",
        "张伟",
    ]
    filters = [
        CaseFilter(status="contacting"),
        CaseFilter(lender_type="bank"),
        CaseFilter(mediator="李调解"),
        CaseFilter(overdue_min=1096),
        CaseFilter(status="intake", lender_type="private"),
        CaseFilter(query="王", lender_type="bank"),
    ]
    times: list[float] = []
    with open_context(data_dir, migrate=False) as ctx:
        base = []
        for _ in range(10):
            start = time.perf_counter()
            case_page(ctx, CaseFilter())
            base.append(time.perf_counter() - start)
        for _ in range(3):
            for flt in [*(CaseFilter(query=q) for q in typed), *filters]:
                start = time.perf_counter()
                case_page(ctx, flt)
                times.append(time.perf_counter() - start)
    return times, statistics.median(base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    from app.services.startup import open_context

    work = args.keep or Path(tempfile.mkdtemp(prefix="list-bench-"))
    full, empty = work / "full", work / "empty"
    if not (full / "cases.db").exists():
        start = time.perf_counter()
        fill(full, args.cases)
        print(f"filled a store with {args.cases} cases in {time.perf_counter() - start:.0f} s")
    with open_context(empty):
        pass
    floor = min(window_run(empty)[:2] for _ in range(2))
    runs = [window_run(full) for _ in range(3)]
    seconds = statistics.median(r[0] for r in runs)
    rss = max(r[1] for r in runs)
    print(
        f"(a) main window usable with {runs[0][2]} cases: {seconds:.2f} s, peak RSS {rss:.0f} MB"
        f" (budget 1.5 s, 300 MB); over an empty store {floor[0]:.2f} s, {floor[1]:.0f} MB: "
        f"{seconds / floor[0]:.2f}× the time, {rss / floor[1]:.2f}× the memory"
    )
    times, base = keystrokes(full)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"(b) search/filter keystroke over {args.cases} cases: p95 {p95 * 1000:.1f} ms, "
        f"median {statistics.median(times) * 1000:.1f} ms, worst {max(times) * 1000:.0f} ms "
        f"({len(times)} keystrokes; budget 50 ms); the unfiltered first page "
        f"{base * 1000:.1f} ms, so p95 = {p95 / base:.1f}× that"
    )
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
