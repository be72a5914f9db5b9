"""Shared helpers for tests on a real case store: a migrated template database copied per
test (fast: migrations run once per worker), a settable clock, and a valid `NewCase`."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# Well-formed identifiers: GB 11643 example ID, a GB 32100 example credit code.
GOOD_ID = "11010519491231002X"
GOOD_ID_2 = "440524198001010013"
GOOD_USCC = "91350100M000100Y43"
GOOD_MOBILE = "13912345678"


class FixedClock:
    """A clock that stands still until told to move."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now = self.now + timedelta(**delta)


def make_template(folder: Path) -> Path:
    from app.store import migrate

    path = folder / "cases.db"
    migrate.upgrade(path)
    return path


def copy_template(template: Path, data_dir: Path) -> Path:
    """A fresh store from the (closed, checkpointed) template."""
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / "cases.db"
    shutil.copyfile(template, target)
    return target


def new_case(**changes: Any) -> Any:
    from app.services.cases.service import NewCase

    base = NewCase(
        creditor_name="滨江农村商业银行股份有限公司",
        lender_type="bank",
        debtor_name="王建国",
        debtor_id_number=GOOD_ID,
        debtor_phone=GOOD_MOBILE,
        principal="100000.00",
        contract_date="2021-03-15",
        annual_rate="18%",
        creditor_credit_code=GOOD_USCC,
        debtor_address="北京市东城区建设路1号",
        batch="2026年3月委托批次",
        repayment_method="bullet",
        maturity="2022-03-15",
    )
    return replace(base, **changes)


START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
