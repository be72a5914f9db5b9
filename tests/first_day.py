"""The first day of issue 13: one small-loan case as a mediator types it in, and the same facts
as the JSON input of `python -m app recalc` (hand-written here, never built by the app)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.store_fixtures import GOOD_ID, GOOD_MOBILE, GOOD_USCC

NOW = datetime(2026, 7, 6, 2, 0, tzinfo=UTC)  # 10:00 in China
CREDITOR = "滨江小额贷款有限公司"
DEBTOR = "王建国"
CHARGES = (  # (date, amount, kind)
    ("2023-10-15", "300.00", "late_fee"),
    ("2023-12-20", "500.00", "collection_fee"),
    ("2024-02-01", "2000.00", "lawyer_fee"),
)
PAYMENTS = (
    ("2023-05-10", "2836.00"),
    ("2023-06-10", "2836.00"),
    ("2023-07-10", "2836.00"),
    ("2023-09-20", "1000.00"),
)
CLAIM = {"principal": "21000.00", "interest": "3200.00", "penalty": "2600.00",
         "fees": "800.00", "costs": "2000.00"}  # fmt: skip
AS_OF = "2024-03-31"
ACCELERATED = "2024-01-10"

FACTS: dict[str, Any] = {
    "lender_type": "small_loan",
    "contract_date": "2023-04-10",
    "disbursement_date": "2023-04-10",
    "principal": "30000.00",
    "disbursed": "27000.00",
    "annual_rate": "0.24",
    "overdue_rate": "0.36",
    "compound": False,
    "repayment": {"method": "equal_installment", "term_months": 12},
    "accelerated_on": ACCELERATED,
    "fees": [{"date": d, "amount": a, "kind": k} for d, a, k in CHARGES if k != "lawyer_fee"],
    "costs": [{"date": d, "amount": a, "kind": k} for d, a, k in CHARGES if k == "lawyer_fee"],
    "payments": [{"date": d, "amount": a} for d, a in PAYMENTS],
    "claimed": {**CLAIM, "compound": "0.00"},
    "as_of": AS_OF,
    "day_basis": 360,
}


def new_case() -> Any:
    from app.services.cases.service import NewCase

    return NewCase(
        creditor_name=CREDITOR, lender_type="small_loan", debtor_name=DEBTOR,
        debtor_id_number=GOOD_ID, debtor_phone=GOOD_MOBILE, principal="30000",
        contract_date="2023-04-10", annual_rate="24%", creditor_credit_code=GOOD_USCC,
        debtor_address="浙江省杭州市滨江区长河路1号", repayment_method="equal_installment",
        term_months="12", extra={"disbursed": "27000", "overdue_rate": "36%"}, charges=CHARGES,
    )  # fmt: skip


def cli_recalc(tmp_path: Path, facts: dict[str, Any] = FACTS) -> dict[str, Any]:
    """`python -m app recalc` on the facts: its output object."""
    source = tmp_path / "first-day.json"
    source.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "app", "recalc", str(source)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out: dict[str, Any] = json.loads(done.stdout)
    return out
