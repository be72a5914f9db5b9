"""A batch imported on a laptop with the real importer (the bulk writer, around the ORM)
reaches the office on the next sync with its uids and its batch, and a laptop the office
hands the cases to gets them whole: parties, loan, claim, payments, the batch, the list's
search index."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

from tests.intake_fixtures import CREDITOR, row, write_xlsx
from tests.sync.harness import Office

BATCH = "滨江2026-05"
COURT = "滨江市滨江区人民法院"


def _import(laptop: Any, tmp_path: Path) -> list[str]:
    from app.services.intake.service import IntakeOptions, import_file

    path = write_xlsx(tmp_path / "lender.xlsx",
                      [row(1), row(2), row(3)],
                      payments=[("HT-001", date(2024, 1, 5), 1000)])
    report = import_file(laptop.ctx, path, IntakeOptions(batch=BATCH, court=COURT))
    assert (report.imported, report.exit_code) == (3, 0)
    return list(laptop.case_nos())


def test_a_batch_imported_on_a_laptop_reaches_the_office_and_another_laptop(
    office: Office, laptops: Any, tmp_path: Path
) -> None:
    from app.services.cases.listing import CaseFilter, case_page
    from app.services.intake.batches import list_batches

    office.intake("B0", 3)  # numbers the office gave before: an import must not reuse them
    a = laptops("A")
    a.join("张调解员")
    numbers = _import(a, tmp_path)
    assert a.pending() > 0
    result = a.sync()
    assert result.exit_code == 0 and a.pending() == 0
    at_office = {no: c for no, c in office.cases().items() if c["batch"] == BATCH}
    assert sorted(at_office) == numbers  # numbers the office scoped to A: no collision
    assert not any(c["legacy"] for c in at_office.values()) and office.conflicts() == []
    assert {c["holder"] for c in at_office.values()} == {"张调解员"}
    assert all(UUID(c["uid"]).version == 7 for c in at_office.values())
    first = office.rows(numbers[0])
    assert first["loan_terms"][0]["contract_no"] == "HT-001"
    assert [p["amount"] for p in first["payment"]] == ["1000.00"]
    assert first["claim"][0]["principal"] == "30000.50"
    carried = first["case"][0]["batch"]
    assert (carried["name"], carried["creditor"], carried["court"]) == (BATCH, CREDITOR, COURT)
    assert first["case"][0]["batch_id"] == carried["uid"]
    assert sorted(p["role"] for p in first["party"]) == ["creditor", "debtor"]

    for number in numbers:
        office.reassign(number, "李调解员")
    b = laptops("B")
    b.join("李调解员")
    assert b.sync().exit_code == 0
    assert b.case_nos() == numbers
    detail = b.detail(numbers[0])
    assert detail.loan is not None and detail.loan.contract_no == "HT-001"
    assert [p.amount for p in detail.payments] == [Decimal("1000.00")]
    (batch,) = list_batches(b.ctx)
    assert (batch.name, batch.creditor, batch.court, batch.imported) == (BATCH, CREDITOR, COURT, 3)
    assert batch.cases == 3
    found = case_page(b.ctx, CaseFilter(query="HT-002"))
    assert [c.case_no for c in found.rows] == [numbers[1]]
    assert case_page(b.ctx, CaseFilter(batch_id=batch.id)).total == 3
    assert a.sync().revoked == 3  # A keeps its copies, no longer held
