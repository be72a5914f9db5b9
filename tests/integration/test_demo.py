"""The demo data: realistic, varied, valid identifiers, deterministic, never duplicated."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.services.cases import service as cases
from app.services.demo.service import seed_demo
from app.services.startup import open_context
from tests.store_fixtures import copy_template

pytest.importorskip("app.domain.identifiers")  # create_case validates IDs with it


@pytest.fixture
def demo_ctx(ctx: Any) -> Any:
    result = seed_demo(ctx)
    assert len(result.created) == 24
    return ctx


def details(ctx: Any) -> list[Any]:
    return [cases.get_case(ctx, s.case_no) for s in cases.list_cases(ctx)]


def test_every_lender_type_several_statuses_payments_and_claims(demo_ctx: Any) -> None:
    found = details(demo_ctx)
    assert {d.loan.lender_type for d in found} == set(cases.LENDER_TYPES)
    assert len({d.summary.status for d in found}) >= 8
    assert all(d.claim is not None and d.claim.total > d.claim.principal > 0 for d in found)
    assert sum(len(d.payments) for d in found) >= 48
    assert any(d.fees for d in found) and any(d.costs for d in found)
    assert any(d.claim.compound > 0 for d in found)


def test_the_cases_the_rules_care_about_are_there(demo_ctx: Any) -> None:
    loans = [d.loan for d in details(demo_ctx)]
    assert any(loan.disbursed < loan.principal for loan in loans)  # interest deducted up front
    assert any(
        loan.lender_type == "private" and loan.contract_date < date(2020, 8, 20) for loan in loans
    )
    above_cap = [
        loan for loan in loans if max(loan.annual_rate, loan.overdue_rate or 0) > Decimal("0.24")
    ]
    assert len(above_cap) >= 3


def test_identifiers_are_valid_and_birth_dates_plausible(demo_ctx: Any) -> None:
    from app.domain.identifiers import check_credit_code, check_mobile, check_resident_id

    for detail in details(demo_ctx):
        for party in detail.parties:
            if party.id_type == "resident_id":
                assert check_resident_id(party.id_number) is None, party
                born = date(
                    int(party.id_number[6:10]),
                    int(party.id_number[10:12]),
                    int(party.id_number[12:14]),
                )
                assert (detail.loan.contract_date - born).days > 18 * 365, party
            if party.id_type == "uscc":
                assert check_credit_code(party.id_number) is None, party
            if party.kind == "person":
                assert check_mobile(party.phone) is None, party


def test_the_organisation_and_two_mediators(demo_ctx: Any) -> None:
    with demo_ctx.read() as uow:
        org = uow.organisation.profile()
        assert org is not None and org.name.endswith("人民调解委员会")
        assert [m.role for m in uow.organisation.mediators()] == ["supervisor", "mediator"]
        assert uow.audit.verify() == []
    assignees = {s.mediator_name for s in cases.list_cases(demo_ctx)}
    assert len(assignees - {""}) == 2


def test_demo_is_deterministic(demo_ctx: Any, template_db: Path, tmp_path: Path) -> None:
    from app.cli.output import jsonable

    folder = tmp_path / "again"
    copy_template(template_db, folder)
    with open_context(folder, clock=demo_ctx.clock) as other:
        seed_demo(other)
        assert jsonable(details(other)) == jsonable(details(demo_ctx))


def test_a_second_run_adds_nothing_unless_forced(demo_ctx: Any) -> None:
    again = seed_demo(demo_ctx)
    assert again.skipped and again.existing == 24
    forced = seed_demo(demo_ctx, force=True)
    assert len(forced.created) == 24 and forced.existing == 24
    assert len(cases.list_cases(demo_ctx)) == 48
    with demo_ctx.read() as uow:
        assert len(uow.organisation.mediators()) == 2
