"""The recalculation service over a real case store: input from the stored case, previews,
immutable snapshots with a verifiable hash, and calm refusals."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError, InputError
from app.services.cases import service as cases
from app.services.context import open_context
from app.services.recalc import service as rc
from tests.security_fixtures import connect_store, sqlite_errors
from tests.store_fixtures import START, FixedClock, new_case

AS_OF = date(2026, 6, 30)
# Small loan, 先息后本 (12 months, 月息3分): 砍头息, 36 % overdue rate, 7 months' interest paid.
DEDUCTED_CASE = "TJ-2026-000003"


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 24 demo cases, seeded once per module."""
    from app.services.demo.service import seed_demo

    folder = tmp_path_factory.mktemp("recalc-demo") / "data"
    with open_context(folder, actor="演示") as ctx:
        seed_demo(ctx)
    return folder


@pytest.fixture
def demo_ctx(demo_folder: Path, tmp_path: Path) -> Iterator[Any]:
    data_dir = tmp_path / "data"
    shutil.copytree(demo_folder, data_dir)
    with open_context(data_dir, actor="测试员", clock=FixedClock(START)) as context:
        yield context


def count(ctx: Any, table: str) -> int:
    with connect_store(ctx.db_path) as db:  # the store is encrypted
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# -- the input --------------------------------------------------------------------------------


def money(text: str) -> Decimal:
    assert text == f"{Decimal(text):.2f}", text  # always two decimals, never a float
    return Decimal(text)


def assert_input_matches(inp: dict[str, Any], detail: cases.CaseDetail) -> None:
    loan, claim = detail.loan, detail.claim
    assert loan is not None and claim is not None
    assert inp["lender_type"] == loan.lender_type
    assert inp["contract_date"] == loan.contract_date.isoformat()
    assert inp["disbursement_date"] == loan.disbursement_date.isoformat()
    assert money(inp["principal"]) == loan.principal
    assert money(inp["disbursed"]) == loan.disbursed
    assert Decimal(inp["annual_rate"]) == loan.annual_rate
    assert (Decimal(inp["overdue_rate"]) if "overdue_rate" in inp else None) == loan.overdue_rate
    assert inp["compound"] is loan.compound
    assert inp.get("accelerated_on") == (loan.accelerated_on and loan.accelerated_on.isoformat())
    repayment = inp["repayment"]
    assert repayment["method"] == loan.repayment_method
    assert repayment.get("term_months") == loan.term_months
    assert repayment.get("maturity") == (loan.maturity and loan.maturity.isoformat())
    assert [(p["date"], money(p["amount"])) for p in inp["payments"]] == [
        (p.date.isoformat(), p.amount) for p in detail.payments
    ]
    for name in ("fees", "costs"):
        assert [(c["date"], money(c["amount"]), c["kind"]) for c in inp[name]] == [
            (c.date.isoformat(), c.amount, c.kind) for c in getattr(detail, name)
        ]
    assert {k: money(v) for k, v in inp["claimed"].items()} == {
        k: getattr(claim, k)
        for k in ("principal", "interest", "penalty", "compound", "fees", "costs")
    }
    assert inp["as_of"] == AS_OF.isoformat()
    assert inp["day_basis"] == loan.day_basis == 360
    assert "schedule" not in inp and "cap" not in inp and "filing_date" not in inp
    creditor = next(p for p in detail.parties if p.role == "creditor")
    assert inp["lender_person"] is (creditor.kind == "person")
    assert "allocation" not in inp  # no demo contract agreed an order


def test_input_of_every_demo_case_matches_the_stored_terms_to_the_fen(demo_ctx: Any) -> None:
    summaries = cases.list_cases(demo_ctx)
    assert len(summaries) == 24
    for summary in summaries:
        inp = rc.build_input(demo_ctx, summary.case_no, AS_OF)
        assert_input_matches(inp, cases.get_case(demo_ctx, summary.case_no))
        json.dumps(inp, allow_nan=False)  # plain JSON data


def test_input_of_the_small_loan_with_interest_kept_back(demo_ctx: Any) -> None:
    inp = rc.build_input(demo_ctx, DEDUCTED_CASE, AS_OF)
    assert (inp["lender_type"], inp["principal"], inp["disbursed"]) == (
        "small_loan",
        "30000.00",
        "28200.00",  # two months at 月息3分 (900.00 each) kept back
    )
    assert (inp["annual_rate"], inp["overdue_rate"]) == ("0.36", "0.36")
    assert inp["repayment"] == {"method": "interest_only", "term_months": 12}  # 先息后本
    assert sum(money(p["amount"]) for p in inp["payments"]) == Decimal("900.00") * 7
    assert inp["fees"] == [
        {"date": "2022-05-25", "amount": "3000.00", "kind": "liquidated_damages"}
    ]
    assert inp["costs"] == [{"date": "2025-12-26", "amount": "5000.00", "kind": "lawyer_fee"}]
    assert rc.earliest_as_of(inp) == date(2025, 12, 26)


def test_every_demo_case_recalculates_to_a_plausible_statement(demo_ctx: Any) -> None:
    """At the claim's date and at AS_OF: lawful ≤ contract, nothing overpaid, and a 先息后本
    loan's monthly interest payments never count as repaid principal."""
    above_contract, interest_only = [], set()
    for summary in cases.list_cases(demo_ctx):
        detail = cases.get_case(demo_ctx, summary.case_no)
        assert detail.loan is not None and detail.claim is not None
        for as_of in (detail.claim.as_of, AS_OF):
            views = rc.preview(demo_ctx, summary.case_no, as_of)["views"]
            contract, lawful = views["contract"], views["lawful"]
            assert money(lawful["total"]) <= money(contract["total"]), summary.case_no
            assert contract["overpaid"] == lawful["overpaid"] == "0.00", summary.case_no
            if detail.loan.repayment_method == "interest_only":
                assert money(contract["principal"]) == detail.loan.principal, summary.case_no
                interest_only.add(detail.loan.lender_type)
            if as_of == detail.claim.as_of and money(views["claimed"]["total"]) > money(
                contract["total"]
            ):
                above_contract.append(summary.case_no)
    assert above_contract  # some creditor asks more than its own contract gives
    assert interest_only == {"small_loan", "private"}


# -- preview and snapshots ------------------------------------------------------------------------


def test_preview_runs_the_engine_and_stores_nothing(demo_ctx: Any) -> None:
    """Principal of the 先息后本 small loan (30,000.00 at 月息3分, 28,200.00 lent, 2021-05-25).

    Contract: the seven 900.00 payments (2021-06-25 … 2021-12-25) are exactly the interest
    of months 1–7 (30,000.00 × 3 %), so the whole 30,000.00 is still owed.
    Lawful (art. 670 and the 24 % cap): 28,200.00 lent at 2 % a month. Each payment pays the
    month's interest, 2 % of the principal still lent, and the rest prepays principal:
      28,200.00 − (900 − 564.00) = 27,864.00;  − (900 − 557.28) = 27,521.28;
      − (900 − 550.43) = 27,171.71;  − (900 − 543.43) = 26,815.14;
      − (900 − 536.30) = 26,451.44;  − (900 − 529.03) = 26,080.47;  − (900 − 521.61) = 25,702.08.
    Reduction of principal: 30,000.00 − 25,702.08 = 4,297.92 (1,800.00 deducted + 2,497.92 of
    interest paid above the cap).
    """
    before = (count(demo_ctx, "recalc_snapshot"), count(demo_ctx, "audit_event"))
    out = rc.preview(demo_ctx, DEDUCTED_CASE, AS_OF)
    assert out["as_of"] == "2026-06-30"
    views = out["views"]
    assert views["claimed"]["total"] == "82460.00"
    assert views["contract"]["principal"] == "30000.00"
    assert views["contract"]["paid"] == views["lawful"]["paid"] == "6300.00"
    assert views["lawful"]["principal"] == "25702.08"
    assert views["contract"]["overpaid"] == views["lawful"]["overpaid"] == "0.00"
    assert Decimal(views["lawful"]["total"]) < Decimal(views["contract"]["total"])
    assert out["reduction"]["principal"] == "4297.92"
    assert Decimal(out["reduction"]["penalty"]) > 0
    assert any("预先扣除利息" in w for w in out["warnings"])
    assert (count(demo_ctx, "recalc_snapshot"), count(demo_ctx, "audit_event")) == before


def test_recalculate_stores_an_immutable_snapshot_with_a_verifiable_hash(demo_ctx: Any) -> None:
    from app.domain.recalc import ENGINE_VERSION

    events = count(demo_ctx, "audit_event")
    snaps = count(demo_ctx, "recalc_snapshot")  # the demo stores snapshots for agreed cases
    snap = rc.recalculate(demo_ctx, DEDUCTED_CASE, AS_OF)
    assert (snap.case_no, snap.as_of, snap.engine_version) == (DEDUCTED_CASE, AS_OF, ENGINE_VERSION)
    assert snap.created_at == START
    assert snap.input == rc.build_input(demo_ctx, DEDUCTED_CASE, AS_OF)
    assert snap.output == rc.preview(demo_ctx, DEDUCTED_CASE, AS_OF)
    body = {"input": snap.input, "output": snap.output, "engine_version": ENGINE_VERSION}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert snap.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert snap.verify()
    assert rc.get_snapshot(demo_ctx, snap.id) == snap  # read back exactly
    assert count(demo_ctx, "recalc_snapshot") == snaps + 1
    assert count(demo_ctx, "audit_event") == events + 1
    with demo_ctx.read() as uow:
        event = uow.audit.last()
        assert (event.action, event.actor, event.case_id) == (
            rc.AUDIT_ACTION,
            "测试员",
            snap_case_id(uow),
        )
        assert event.detail["sha256"] == snap.sha256
        assert event.detail["lawful_total"] == snap.output["views"]["lawful"]["total"]
        assert uow.audit.verify() == []


def snap_case_id(uow: Any) -> int:
    return int(uow.cases.require(DEDUCTED_CASE).id)


def test_a_snapshot_cannot_be_changed_and_a_changed_copy_fails_the_hash(demo_ctx: Any) -> None:
    from dataclasses import replace

    from app.store.records import ImmutableRowError, RecalcSnapshot

    snap = rc.recalculate(demo_ctx, DEDUCTED_CASE, AS_OF)
    with pytest.raises(ImmutableRowError), demo_ctx.write() as uow:
        row = uow.session.get(RecalcSnapshot, snap.id)
        row.output_json = {"views": {}}
        uow.record("tamper")
    errors = sqlite_errors()
    with connect_store(demo_ctx.db_path) as db, pytest.raises(errors.IntegrityError):
        db.execute("UPDATE recalc_snapshot SET sha256 = 'x' WHERE id = ?", (snap.id,))
    with connect_store(demo_ctx.db_path) as db, pytest.raises(errors.IntegrityError):
        db.execute("DELETE FROM recalc_snapshot WHERE id = ?", (snap.id,))
    assert rc.get_snapshot(demo_ctx, snap.id).verify()
    lawful = dict(snap.output["views"]["lawful"], total="1.00")
    forged = replace(
        snap, output={**snap.output, "views": {**snap.output["views"], "lawful": lawful}}
    )
    assert not forged.verify()


def test_latest_snapshot_is_the_newest_of_the_case(demo_ctx: Any) -> None:
    assert rc.latest_snapshot(demo_ctx, "TJ-2026-000009") is None  # 已排期: none yet
    demo = rc.latest_snapshot(demo_ctx, DEDUCTED_CASE)  # the demo's, at the claim date
    assert demo is not None and demo.as_of == date(2026, 1, 15)
    first = rc.recalculate(demo_ctx, DEDUCTED_CASE, AS_OF)
    demo_ctx.clock.advance(minutes=5)
    second = rc.recalculate(demo_ctx, DEDUCTED_CASE, date(2026, 7, 31))
    rc.recalculate(demo_ctx, "TJ-2026-000002", AS_OF)  # another case's does not count
    latest = rc.latest_snapshot(demo_ctx, DEDUCTED_CASE)
    assert latest == second != first != demo
    assert latest is not None and latest.as_of == date(2026, 7, 31)
    assert Decimal(second.output["views"]["lawful"]["total"]) > Decimal(
        first.output["views"]["lawful"]["total"]
    )  # a month more of capped penalty


def test_get_snapshot_of_an_unknown_id_is_a_calm_error(demo_ctx: Any) -> None:
    with pytest.raises(DomainError, match="没有编号为 999 的计算结果"):
        rc.get_snapshot(demo_ctx, 999)


# -- refusals -----------------------------------------------------------------------------------


def drop_loan_terms(ctx: Any, case_no: str) -> None:
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        case.loan = None
        uow.record("test.loan_removed", case=case)


def test_a_case_without_loan_terms_is_refused_in_chinese(ctx: Any) -> None:
    case_no = cases.create_case(ctx, new_case()).case_no
    drop_loan_terms(ctx, case_no)
    for call in (rc.build_input, rc.preview, rc.recalculate):
        with pytest.raises(InputError) as caught:
            call(ctx, case_no, AS_OF)
        [problem] = caught.value.problems
        assert problem.path == "loan"
        assert case_no in problem.reason and "借款合同信息" in problem.reason
        assert "借款本金" in problem.reason and "还款方式" in problem.reason
    assert count(ctx, "recalc_snapshot") == 0


def test_a_bullet_loan_without_its_maturity_is_refused(ctx: Any) -> None:
    case_no = cases.create_case(ctx, new_case()).case_no
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        case.loan.maturity = None
        uow.record("test.maturity_removed", case=case)
    with pytest.raises(InputError) as caught:
        rc.preview(ctx, case_no, AS_OF)
    assert [(p.path, p.reason) for p in caught.value.problems] == [
        ("loan.maturity", "缺少到期日：到期一次性还本付息的借款须有到期日。")
    ]


def test_engine_input_errors_pass_through_with_their_field_paths(demo_ctx: Any) -> None:
    inp = rc.build_input(demo_ctx, DEDUCTED_CASE, AS_OF)
    snaps = count(demo_ctx, "recalc_snapshot")  # the demo's own, for agreed cases
    too_early = date(2021, 10, 1)  # after the 4th monthly payment, before the 5th
    with pytest.raises(InputError) as caught:
        rc.recalculate(demo_ctx, DEDUCTED_CASE, too_early)
    paths = [p.path for p in caught.value.problems]
    later = [i for i, p in enumerate(inp["payments"]) if p["date"] > too_early.isoformat()]
    assert [f"payments[{i}].date" for i in later] == [p for p in paths if p.startswith("payments")]
    assert {"fees[0].date", "costs[0].date"} <= set(paths)
    assert all("晚于计算日 2021-10-01" in p.reason for p in caught.value.problems)
    assert count(demo_ctx, "recalc_snapshot") == snaps


PRIVATE_CASE = "TJ-2026-000016"  # a natural person's interest-free loan of 2024-01-09


def test_lender_person_follows_the_creditor_party_and_sets_the_formation_date(
    demo_ctx: Any,
) -> None:
    """The money handed over on 2024-02-20, six weeks after the contract: a natural
    person's loan is formed then (art. 679); an organisation's on the contract date."""
    with demo_ctx.write() as uow:
        case = uow.cases.require(PRIVATE_CASE)
        case.loan.disbursement_date = date(2024, 2, 20)
        uow.record("test.disbursed_later", case=case)
    inp = rc.build_input(demo_ctx, PRIVATE_CASE, AS_OF)
    assert inp["lender_person"] is True
    assert rc.formation(inp) == rc.Formation(date(2024, 2, 20), True)
    basis = rc.preview(demo_ctx, PRIVATE_CASE, AS_OF)["regime"]["caps"][0]["basis"]
    assert "合同成立日 2024-02-20，自然人之间的借款合同自出借人提供借款时成立" in basis
    creditor = next(p for p in cases.get_case(demo_ctx, PRIVATE_CASE).parties
                    if p.role == "creditor")  # fmt: skip
    cases.update_party(demo_ctx, PRIVATE_CASE, creditor.id, "kind", "organisation")
    inp = rc.build_input(demo_ctx, PRIVATE_CASE, AS_OF)
    assert inp["lender_person"] is False
    assert rc.formation(inp) == rc.Formation(date(2024, 1, 9), False)
    basis = rc.preview(demo_ctx, PRIVATE_CASE, AS_OF)["regime"]["caps"][0]["basis"]
    assert "合同成立日 2024-01-09（" not in basis and "合同成立日 2024-01-09" in basis


def test_an_agreed_order_is_stored_with_the_loan_and_used(demo_ctx: Any) -> None:
    from app.services.sessions import service as sessions

    sid = sessions.start_or_resume(demo_ctx, DEDUCTED_CASE).session_id
    sessions.save_field(demo_ctx, sid, "loan.allocation_agreed", "contract")
    assert rc.build_input(demo_ctx, DEDUCTED_CASE, AS_OF)["allocation"] == [
        "costs", "interest", "penalty", "compound", "fees", "principal"]  # fmt: skip
    order = "费用、罚息、复利、利息、本金、实现债权费用"  # as the contract writes it
    sessions.save_field(demo_ctx, sid, "loan.allocation", order)
    inp = rc.build_input(demo_ctx, DEDUCTED_CASE, AS_OF)
    assert inp["allocation"] == ["fees", "penalty", "compound", "interest", "principal", "costs"]
    out = rc.preview(demo_ctx, DEDUCTED_CASE, AS_OF)
    notes = [ln["note"] for ln in out["lines"] if ln["kind"] == "payment"]
    assert notes and all(n.endswith("冲抵顺序按合同约定（费用→罚息→复利→利息→本金→实现债权费用）")
                         for n in notes)  # fmt: skip
    with pytest.raises(InputError) as caught:
        sessions.save_field(demo_ctx, sid, "loan.allocation", "利息、本金")
    assert [p.path for p in caught.value.problems] == ["loan.allocation"]
    sessions.save_field(demo_ctx, sid, "loan.allocation_agreed", "")
    assert "allocation" not in rc.build_input(demo_ctx, DEDUCTED_CASE, AS_OF)


def test_the_readings_are_told_apart_from_the_warnings(demo_ctx: Any) -> None:
    out = rc.preview(demo_ctx, DEDUCTED_CASE, AS_OF)
    warnings, chosen = rc.readings(out)
    assert warnings + chosen == out["warnings"] and len(chosen) == 1
    assert chosen[0].startswith("本计算采用的解读") and "一个额度" in chosen[0]
