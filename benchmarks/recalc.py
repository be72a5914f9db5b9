"""Recalculation benchmark: engine vs a day-by-day loop, and the batch CLI's throughput.

    .venv/bin/python benchmarks/recalc.py [--cases 10000] [--repeat 200]

(a) A 5-year equal-instalment loan (60 instalments, 120 payments, fees, acceleration):
    the median time of `recalculate` per case, against the same case computed by a plain
    day-by-day loop in Decimal (what a spreadsheet does: one row per day, each day's
    penalty, compound and cap budget rounded on its own row), printed as a ratio.
(b) Cases per second for generated case files through `python -m app recalc f1 f2 …`
    (argv chunked), including start-up, reading, checking, computing and printing.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.domain.recalc import RecalcInput, parse_input, recalculate  # noqa: E402
from app.domain.recalc.arith import rate_of  # noqa: E402
from app.domain.recalc.schedule import add_months, generate  # noqa: E402
from app.services.recalc.lpr import load_bundled_table  # noqa: E402

FEN = Decimal("0.01")
START = date(2020, 9, 10)


def five_year_case() -> dict[str, Any]:
    """60 monthly instalments, two payments a month (120), fees, accelerated in month 45."""
    payments = []
    for k in range(1, 61):
        due = add_months(START, k)
        payments.append({"date": (due - timedelta(days=3)).isoformat(), "amount": "1500.00"})
        payments.append({"date": (due + timedelta(days=9)).isoformat(), "amount": "880.55"})
    fees = [{"date": add_months(START, k).isoformat(), "amount": "50.00", "kind": "late_fee"}
            for k in range(3, 45, 6)]  # fmt: skip
    fees.append({"date": START.isoformat(), "amount": "3000.00", "kind": "service_fee"})
    return {
        "lender_type": "consumer_finance", "contract_date": START.isoformat(),
        "principal": "100000.00", "disbursed": "97000.00", "annual_rate": "0.216",
        "overdue_rate": "0.324", "compound": True,
        "repayment": {"method": "equal_installment", "term_months": 60},
        "accelerated_on": add_months(START, 45).isoformat(),
        "fees": fees, "costs": [{"date": "2025-01-05", "amount": "3000.00", "kind": "lawyer_fee"}],
        "payments": payments, "as_of": "2025-10-10",
    }  # fmt: skip


def q(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def day_by_day(inp: RecalcInput, view: str, cap: Decimal) -> dict[str, Any]:
    """The naive baseline: every calendar day, Decimal throughout, one rounded row a day
    (the same rules as the engine: instalments, prepayment, acceleration, art. 561, the
    cap with its give-back). Its figures differ from the engine's because it rounds each
    day's row and evaluates the cap every day instead of at each event date."""
    lawful = view == "lawful"
    r = min(inp.annual_rate, cap) if lawful else inp.annual_rate
    over = inp.overdue_rate if inp.overdue_rate is not None else inp.annual_rate
    over = min(over, cap) if lawful else over
    compound = inp.compound and not (lawful and inp.lender_type in ("private", "credit_card"))
    lent = inp.disbursed if lawful else inp.principal
    assert inp.repayment is not None
    sched = generate(inp.repayment, int(lent * 100), rate_of(r), inp.disbursement_date, 360)
    dues = {d: k for k, d in enumerate(sched.due)}
    written = [Decimal(p) / 100 for p in sched.principal]
    parts = list(written)
    interest_parts = [Decimal(i) / 100 for i in sched.interest]
    s = dict.fromkeys(("overdue", "interest", "penalty", "compound", "fees", "costs"), Decimal(0))
    cut = dict.fromkeys(("fees", "compound", "penalty", "interest"), Decimal(0))
    budget = charged = paid = Decimal(0)
    last_due, accelerated, rows = inp.disbursement_date, False, []
    day = inp.disbursement_date
    while day <= inp.as_of:
        row: dict[str, Any] = {"date": day}
        if day > inp.disbursement_date:
            row["penalty"] = q(s["overdue"] * over / 360)
            row["compound"] = q(s["interest"] * over / 360) if compound else Decimal(0)
            row["budget"] = q((sum(parts) + s["overdue"]) * cap / 360)
            s["penalty"] += row["penalty"]
            s["compound"] += row["compound"]
            charged += row["penalty"] + row["compound"]
            budget += row["budget"]
        if day in dues and not accelerated:
            k = dues[day]
            scheduled = sum(written[k:])
            owed = q(interest_parts[k] * sum(parts[k:]) / scheduled) if scheduled else Decimal(0)
            s["overdue"] += parts[k]
            s["interest"] += owed
            charged += owed
            parts[k] = Decimal(0)
            last_due = day
            row["due"] = owed
        for fee in inp.fees:
            if fee.date == day:
                s["fees"] += fee.amount
                charged += fee.amount
        for cost in inp.costs:
            if cost.date == day:
                s["costs"] += cost.amount
        if day == inp.accelerated_on:
            base = sum(parts)
            owed = q(base * r * (day - last_due).days / 360)
            s["overdue"] += base
            s["interest"] += owed
            charged += owed
            parts = [Decimal(0)] * len(parts)
            accelerated = True
        if lawful:
            change = max(charged - budget, Decimal(0)) - sum(cut.values())
            for kind in ("fees", "compound", "penalty", "interest"):
                if change > 0:
                    take = min(s[kind], change)
                    s[kind] -= take
                    cut[kind] += take
                    change -= take
            for kind in ("interest", "penalty", "compound", "fees"):
                if change < 0:
                    give = min(cut[kind], -change)
                    s[kind] += give
                    cut[kind] -= give
                    change += give
        for payment in inp.payments:
            if payment.date == day:
                left = payment.amount
                paid += left
                for kind in ("costs", "interest", "penalty", "compound", "fees", "overdue"):
                    take = min(s[kind], left)
                    s[kind] -= take
                    left -= take
                for k in range(len(parts)):
                    take = min(parts[k], left)
                    parts[k] -= take
                    left -= take
                row["paid"] = payment.amount
        rows.append(row)
        day += timedelta(days=1)
    return {**s, "not_due": sum(parts), "paid": paid, "rows": rows}


OUTSTANDING = ("overdue", "not_due", "interest", "penalty", "compound", "fees", "costs")


def median_ms(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def engine_vs_baseline(repeat: int) -> None:
    lpr = load_bundled_table()
    inp = parse_input(five_year_case(), lpr)
    result = recalculate(inp, lpr)
    cap = Decimal("0.24")
    engine = median_ms(lambda: recalculate(inp, lpr), repeat)
    baseline = median_ms(
        lambda: (day_by_day(inp, "contract", cap), day_by_day(inp, "lawful", cap)),
        max(3, repeat // 40),
    )
    naive = day_by_day(inp, "lawful", cap)
    naive_total = sum(naive[k] for k in OUTSTANDING)
    print(f"(a) 5-year case: {len(inp.payments)} payments, {len(result.lines)} statement lines, "
          f"{len(naive['rows'])} days; lawful total: engine {result.lawful.total}, day-by-day "
          f"{naive_total} (it rounds each day and applies the cap daily, not per event)")
    print(f"    engine {engine:.3f} ms/case; day-by-day baseline {baseline:.1f} ms/case; "
          f"{baseline / engine:.0f}× faster")


def generated_case(rng: random.Random) -> dict[str, Any]:
    start = date(2020, 9, 1) + timedelta(days=rng.randrange(1500))
    n = rng.choice([6, 12, 24, 36])
    method = rng.choice(["equal_installment", "equal_principal", "interest_only", "bullet"])
    principal = rng.randrange(1_000, 500_000)
    repayment: dict[str, Any] = {"method": method, "term_months": n}
    if method == "bullet":
        repayment = {"method": method, "maturity": add_months(start, n).isoformat()}
    as_of = add_months(start, n + rng.randrange(1, 12))
    payments = [{"date": add_months(start, k).isoformat(),
                 "amount": f"{rng.randrange(100, principal // n + 200)}.{rng.randrange(100):02d}"}
                for k in range(1, n + 1) if rng.random() < 0.8]  # fmt: skip
    return {
        "lender_type": rng.choice(["bank", "consumer_finance", "small_loan", "private"]),
        "contract_date": start.isoformat(), "principal": f"{principal}.00",
        "annual_rate": rng.choice(["0.0435", "0.12", "0.18", "0.24", "0.36"]),
        "compound": rng.random() < 0.3, "repayment": repayment, "payments": payments,
        "fees": [{"date": add_months(start, 2).isoformat(), "amount": "100.00",
                  "kind": "late_fee"}],
        "as_of": as_of.isoformat(),
    }  # fmt: skip


def batch_cli(count: int, chunk: int) -> None:
    rng = random.Random(20240630)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(count):
            path = Path(folder) / f"case{index:05d}.json"
            path.write_text(json.dumps(generated_case(rng)), encoding="utf-8")
            paths.append(str(path))
        lines = 0
        start = time.perf_counter()
        for first in range(0, count, chunk):
            argv = [sys.executable, "-m", "app", "recalc", *paths[first : first + chunk]]
            done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True)
            lines += done.stdout.count("\n")
        elapsed = time.perf_counter() - start
    assert lines == count
    processes = -(-count // chunk)
    print(f"(b) batch CLI: {count} case files in {elapsed:.2f} s ({processes} processes of "
          f"≤ {chunk} files): {count / elapsed:.0f} cases/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    engine_vs_baseline(args.repeat)
    batch_cli(args.cases, args.chunk)


if __name__ == "__main__":
    main()
