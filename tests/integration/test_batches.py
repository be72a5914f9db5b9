"""Batches a person works with: withdraw one nobody touched, refuse one already worked on,
share its cases among mediators evenly or by region, and the claimed-vs-lawful summary."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.services.cases.service import change_status, get_case, list_cases
from app.services.intake.batches import assign_batch, get_batch, list_batches, withdraw_batch
from app.services.intake.service import IntakeOptions, import_file
from app.services.intake.summary import batch_summary
from app.store.models import Mediator, Organisation
from tests.intake_fixtures import IDS, row, write_xlsx


def add_mediators(ctx: Any, *names: str) -> None:
    with ctx.write() as uow:
        org = Organisation(name="滨江调解中心")
        org.mediators = [Mediator(name=n) for n in names]
        uow.session.add(org)
        uow.record("test.mediators", detail={"names": list(names)})


def imported(ctx: Any, tmp_path: Path, rows: list[dict[str, Any]], name: str = "b") -> int:
    report = import_file(ctx, write_xlsx(tmp_path / f"{name}.xlsx", rows), IntakeOptions())
    assert report.batch_id is not None and report.problems == []
    return report.batch_id


def test_a_batch_records_where_it_came_from(ctx: Any, tmp_path: Path) -> None:
    batch_id = imported(ctx, tmp_path, [row(1), row(2)])
    info = get_batch(ctx, batch_id)
    assert (info.file_name, info.rows, info.imported, info.cases, info.status) == (
        "b.xlsx", 2, 2, 2, "complete")  # fmt: skip
    assert len(info.file_sha256) == 64 and info.creditor == "滨江消费金融有限公司"
    assert [b.id for b in list_batches(ctx)] == [batch_id]
    assert get_batch(ctx, info.name).id == batch_id


def test_withdraw_an_untouched_batch_then_import_it_again(ctx: Any, tmp_path: Path) -> None:
    batch_id = imported(ctx, tmp_path, [row(1), row(2)])
    done = withdraw_batch(ctx, batch_id, "出借人撤回委托")
    assert (done.status, done.cases) == ("withdrawn", 0)
    assert list_cases(ctx) == []
    with pytest.raises(DomainError, match="已经撤回"):
        withdraw_batch(ctx, batch_id)
    again = import_file(ctx, tmp_path / "b.xlsx", IntakeOptions())
    assert again.imported == 2 and again.duplicates == []  # withdrawn cases are not duplicates
    with ctx.read() as uow:
        assert uow.audit.verify() == []


def test_a_batch_someone_worked_on_cannot_be_withdrawn(ctx: Any, tmp_path: Path) -> None:
    batch_id = imported(ctx, tmp_path, [row(1), row(2)])
    change_status(ctx, "TJ-2026-000002", "contacting")
    with pytest.raises(DomainError, match="TJ-2026-000002"):
        withdraw_batch(ctx, batch_id)
    assert get_batch(ctx, batch_id).cases == 2


def test_assign_evenly_and_by_region(ctx: Any, tmp_path: Path) -> None:
    add_mediators(ctx, "张调解", "李调解")
    rows = [row(n, 身份证号=IDS[0] if n <= 3 else IDS[1]) for n in range(1, 6)]
    first = imported(ctx, tmp_path, rows, "one")
    assert assign_batch(ctx, first, ["张调解", "李调解"]) == {"张调解": 3, "李调解": 2}
    assert get_batch(ctx, first).assigned == 5
    second = imported(ctx, tmp_path, [{**r, "合同编号": "X" + r["合同编号"]} for r in rows], "two")
    counts = assign_batch(ctx, second, ["张调解", "李调解"], by_region=True)
    assert counts == {"张调解": 3, "李调解": 2}
    regions = {}
    for case in list_cases(ctx):
        if case.batch == get_batch(ctx, second).name:
            regions.setdefault(case.debtor_id_number[:4], set()).add(case.mediator_name)
    assert all(len(who) == 1 for who in regions.values())  # one region, one mediator
    with pytest.raises(DomainError, match="没有名为"):
        assign_batch(ctx, first, ["王某"])


def test_the_summary_adds_up_the_cases_figures(ctx: Any, tmp_path: Path) -> None:
    from app.services.recalc.service import preview

    rows = [row(1, 年利率="36%"), row(2), row(3, 还款方式="到期一次还本付息", 期数="",
                                              到期日="2023-03-10")]  # fmt: skip
    batch_id = imported(ctx, tmp_path, rows)
    seen: list[tuple[int, int]] = []
    summary = batch_summary(ctx, batch_id, lambda done, total: seen.append((done, total)))
    assert (summary.cases, summary.computed, summary.failed) == (3, 3, [])
    lawful = contract = claimed = Decimal("0")
    for n in (1, 2, 3):
        case = get_case(ctx, f"TJ-2026-00000{n}")
        assert case.claim is not None
        out = preview(ctx, case.summary.case_no, case.claim.as_of)
        lawful += Decimal(out["views"]["lawful"]["total"])
        contract += Decimal(out["views"]["contract"]["total"])
        claimed += Decimal(out["views"]["claimed"]["total"])
    assert (summary.lawful, summary.contract, summary.claimed) == (lawful, contract, claimed)
    assert summary.lawful < summary.contract  # the 36 % loan is capped
    assert seen[-1] == (3, 3)
    with ctx.read() as uow:
        assert uow.session.scalars(select(Mediator)).all() == []
