"""The settlement service on a real store: each lever to the fen, plans, refusals, one
settlement per case that survives a restart, and nothing changes once the case is signed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.exc import DatabaseError

from app.domain.errors import DomainError, InputError
from app.domain.plan import Frequency, PlanMethod
from app.services.cases.service import create_case, get_case
from app.services.settlement import service as st
from app.services.startup import open_context
from tests.settlement_fixtures import (
    EQUAL_SPEC,
    LAWFUL_TOTAL,
    SETTLED_AFTER_CHARGES,
    TERMS,
    TO_SIGNED,
    WAIVE_CHARGES,
    add_snapshot,
    set_floor,
    walk,
)
from tests.store_fixtures import new_case

D = Decimal
LUMP = {"frequency": "lump_sum", "first_due": "2026-04-30"}


@pytest.fixture
def case_no(ctx: Any) -> str:
    number = str(create_case(ctx, new_case()).case_no)
    add_snapshot(ctx, number)
    return number


def problems(error: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.path: p.reason for p in error.value.problems}


def audit(ctx: Any, action: str) -> list[dict[str, Any]]:
    with ctx.read() as uow:
        return [dict(e.detail) for e in uow.audit.for_case(1) if e.action == action]


# -- levers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levers", "effect", "label", "settled", "waived"),
    [
        ({"waive_penalty": "100"}, "3900.00", "减免罚息（100%）", "114650.00",
         {"penalty": "3900.00"}),
        ({"waive_compound": "100"}, "250.00", "减免复利（100%）", "118300.00",
         {"compound": "250.00"}),
        ({"waive_fees": "50"}, "150.00", "减免费用（50%）", "118400.00", {"fees": "150.00"}),
        ({"waive_interest": "10"}, "1710.00", "减免利息（10%）", "116840.00",
         {"interest": "1710.00"}),
        ({"principal_discount": "5000"}, "5000.00", "本金减让 5,000.00 元", "113550.00",
         {"principal": "5000.00"}),
        ({"principal_discount_percent": "10"}, "9500.00", "本金减让（10%）", "109050.00",
         {"principal": "9500.00"}),
        ({"agreed_sum": "100000.00"}, "18550.00", "约定和解金额 100,000.00 元", "100000.00",
         {"fees": "300.00", "compound": "250.00", "penalty": "3900.00", "interest": "14100.00"}),
    ],
)  # fmt: skip
def test_each_lever_is_stored_with_its_effect_and_the_waived_kinds(
    ctx, case_no, levers, effect, label, settled, waived
):
    info = st.save_settlement(ctx, case_no, levers, LUMP, TERMS)
    again = st.get_settlement(ctx, case_no)
    assert again == info
    assert [(e.label_zh, e.amount) for e in info.effects] == [(label, D(effect))]
    assert info.settled_total == D(settled) == info.plan.total
    assert info.lawful_total == LAWFUL_TOTAL
    assert {k: str(info.proposal.waived.of(k)) for k in waived} == waived
    assert info.waived_total == LAWFUL_TOTAL - D(settled)
    assert [(r.n, r.due, r.amount) for r in info.rows] == [(1, date(2026, 4, 30), D(settled))]
    assert not info.below_floor


def test_propose_applies_levers_live_without_writing(ctx, case_no):
    proposal = st.propose_settlement(ctx, case_no, {**WAIVE_CHARGES, "principal_discount": "100"})
    assert proposal.settled_total == SETTLED_AFTER_CHARGES - 100
    assert [e.lever for e in proposal.effects] == [
        "waive_penalty", "waive_compound", "waive_fees", "principal_discount"
    ]  # fmt: skip
    assert st.get_settlement(ctx, case_no) is None
    assert audit(ctx, "settlement.saved") == []
    with pytest.raises(InputError) as caught:
        st.propose_settlement(ctx, case_no, {"agreed_sum": "118550.01", "waive_fees": "101"})
    assert problems(caught) == {
        "levers.waive_fees": "比例须在 0 到 100 之间（100 为全部减免，0 为不减免）",
        "levers.agreed_sum": "不能高于依法计算的应还总额 118,550.00 元",
    }


def test_a_total_below_the_creditors_floor_is_saved_and_flagged(ctx, case_no):
    set_floor(ctx, case_no, D("110000.00"))
    info = st.save_settlement(ctx, case_no, {"agreed_sum": "100000"}, LUMP, TERMS)
    assert info.below_floor and info.proposal.creditor_floor == D("110000.00")
    assert info.proposal.floor_shortfall == D("10000.00")
    assert audit(ctx, "settlement.saved")[0]["below_floor"] is True
    above = st.propose_settlement(ctx, case_no, {"agreed_sum": "110000"})
    assert not above.below_floor


# -- plans ------------------------------------------------------------------------------------


def test_equal_monthly_plan_with_a_down_payment_sums_to_the_fen(ctx, case_no):
    info = st.save_settlement(ctx, case_no, WAIVE_CHARGES, EQUAL_SPEC, TERMS)
    rows = [(r.n, r.due.isoformat(), str(r.amount)) for r in info.rows]
    assert rows[:3] == [
        (1, "2026-03-10", "10000.50"), (2, "2026-04-15", "10409.00"), (3, "2026-05-15", "10409.00")
    ]  # fmt: skip
    assert rows[-1] == (11, "2027-01-15", "10418.50")
    assert sum(r.amount for r in info.rows) == SETTLED_AFTER_CHARGES
    assert (info.method, info.plan.frequency, info.plan.round_to) == (
        PlanMethod.EQUAL, Frequency.MONTHLY, D("1")
    )  # fmt: skip
    assert info.plan_input == {**EQUAL_SPEC, "total": "114100.00"}
    assert info.description.startswith("合计 114,100.00 元：首付 10,000.50 元（2026-03-10），")


def test_custom_plan_with_interest_capped_at_the_snapshots_cap_and_grace_days(ctx, case_no):
    spec = {
        "installments": [
            {"due": "2026-04-01", "amount": "50000.00"},
            {"due": "2026-07-01", "amount": "64100.00"},
        ],
        "grace_days": 5,
        "interest": {"annual_rate": "0.30", "start": "2026-03-02"},
    }
    info = st.save_settlement(ctx, case_no, WAIVE_CHARGES, spec, TERMS)
    assert info.method is PlanMethod.CUSTOM and info.grace_days == 5
    assert info.plan_interest is not None and info.plan_interest.rate_applied == D("0.24")
    assert info.plan.warnings == ("约定年利率 30% 高于上限 24%，按 24% 计息",)
    # 114,100 × 24 % × 30 / 360 = 2,282.00; 64,100 × 24 % × 91 / 360 = 3,888.73
    assert [(r.principal, r.interest) for r in info.rows] == [
        (D("50000.00"), D("2282.00")), (D("64100.00"), D("3888.73"))
    ]  # fmt: skip


def test_every_problem_of_plan_and_terms_comes_at_once_with_its_field(ctx, case_no):
    spec = {"frequency": "monthly", "count": 0, "round_to": "3", "total": "5.00"}
    with pytest.raises(InputError) as caught:
        st.save_settlement(ctx, case_no, {}, spec, {"acceleration_days": "十五"})
    assert problems(caught) == {
        "plan.total": "须等于和解金额 118,550.00 元",
        "plan.first_due": "缺少此项",
        "plan.count": "期数须在 1 到 360 之间",
        "plan.round_to": "取整单位只能是 0.01、0.1、1、10、100 元之一",
        "terms.acceleration_days": "须为整数",
        "terms.waiver_revives_on_default": "缺少此项（须明确填写 true 或 false）",
    }
    with pytest.raises(InputError) as caught:
        st.save_settlement(ctx, case_no, {"principal_discount": "95000.01"}, LUMP, {})
    assert set(problems(caught)) == {
        "levers.principal_discount",
        "terms.acceleration_days",
        "terms.waiver_revives_on_default",
    }
    custom = {"installments": [{"due": "2026-04-01", "amount": "100"}]}
    with pytest.raises(InputError) as caught:
        st.save_settlement(ctx, case_no, {}, custom, TERMS)
    assert problems(caught) == {
        "plan.installments": "各期合计 100.00 元，与总额 118,550.00 元不符（差 118,450.00 元）"
    }
    assert st.get_settlement(ctx, case_no) is None


# -- storage ----------------------------------------------------------------------------------


def test_saved_settlement_survives_a_restart(ctx, case_no, data_dir, clock):
    saved = st.save_settlement(ctx, case_no, WAIVE_CHARGES, EQUAL_SPEC, TERMS)
    ctx.close()
    with open_context(data_dir, actor="另一位调解员", clock=clock) as reopened:
        assert st.get_settlement(reopened, case_no) == saved
        with reopened.store.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT case_id, settled_total FROM settlement").all()
    assert [tuple(r) for r in rows] == [(1, 11410000)]  # integer fen
    assert saved.terms.acceleration_days == 15 and saved.terms.waiver_revives_on_default
    assert saved.snapshot_id == 1 and saved.snapshot_sha256 == f"{1:064d}"


def test_saving_again_replaces_the_draft_and_both_saves_are_audited(ctx, case_no, clock):
    first = st.save_settlement(ctx, case_no, {}, LUMP, TERMS)
    clock.advance(hours=2)
    second = st.save_settlement(ctx, case_no, {"agreed_sum": "90000"}, LUMP, TERMS)
    assert st.get_settlement(ctx, case_no) == second
    assert second.created_at == first.created_at < second.updated_at
    events = audit(ctx, "settlement.saved")
    assert [(e["replaced"], e["settled_total"]) for e in events] == [
        (False, "118550.00"), (True, "90000.00")
    ]  # fmt: skip
    with ctx.read() as uow:
        from sqlalchemy import func, select

        from app.store.records import Settlement

        assert uow.session.scalar(select(func.count(Settlement.id))) == 1


def test_the_latest_snapshot_is_used_unless_one_is_named(ctx, case_no):
    later = add_snapshot(ctx, case_no, {**_view(penalty="4000.00")})
    assert st.save_settlement(ctx, case_no, {}, LUMP, TERMS).snapshot_id == later
    named = st.save_settlement(ctx, case_no, {}, LUMP, TERMS, snapshot_id=1)
    assert (named.snapshot_id, named.settled_total) == (1, LAWFUL_TOTAL)
    other = create_case(ctx, new_case(debtor_name="李四")).case_no
    foreign = add_snapshot(ctx, other)
    with pytest.raises(DomainError, match=f"没有第 {foreign} 号计算结果"):
        st.save_settlement(ctx, case_no, {}, LUMP, TERMS, snapshot_id=foreign)


def _view(**changes: str) -> dict[str, str]:
    from tests.settlement_fixtures import LAWFUL_VIEW

    view = {**LAWFUL_VIEW, **changes}
    kinds = ("principal", "interest", "penalty", "compound", "fees", "costs")
    view["total"] = str(sum(D(view[k]) for k in kinds))
    return view


# -- refusals ---------------------------------------------------------------------------------


def test_a_case_without_a_snapshot_is_refused_with_the_way_forward(ctx):
    number = create_case(ctx, new_case()).case_no
    with pytest.raises(DomainError, match="请先在“重新计算”中计算并保存计算结果"):
        st.save_settlement(ctx, number, {}, LUMP, TERMS)
    basis = st.settlement_basis(ctx, number)
    assert basis.snapshot_id is None and basis.lawful is None and basis.editable


def test_a_signed_agreements_terms_are_immutable(ctx, case_no):
    saved = st.save_settlement(ctx, case_no, WAIVE_CHARGES, EQUAL_SPEC, TERMS)
    walk(ctx, case_no, *TO_SIGNED)
    signed = "调解协议已签署（当前状态：已签署），已签署协议的条款不能修改"
    with pytest.raises(DomainError, match=signed):
        st.save_settlement(ctx, case_no, {}, LUMP, TERMS)
    after = st.get_settlement(ctx, case_no)
    assert after is not None and after.signed
    assert (after.settled_total, after.rows) == (saved.settled_total, saved.rows)
    assert len(audit(ctx, "settlement.saved")) == 1
    refused = pytest.raises(DatabaseError, match="signed case is immutable")
    with refused, ctx.store.engine.begin() as conn:  # any other writer is refused too
        conn.exec_driver_sql("UPDATE settlement SET settled_total = 1")


def test_a_terminated_case_takes_no_settlement(ctx, case_no):
    walk(ctx, case_no, "contacting", "terminated")
    with pytest.raises(DomainError, match="当前为“调解终结”，不能再保存调解方案"):
        st.save_settlement(ctx, case_no, {}, LUMP, TERMS)


def test_the_basis_carries_snapshot_floor_cap_and_the_saved_draft(ctx, case_no):
    set_floor(ctx, case_no, D("100000.00"))
    saved = st.save_settlement(ctx, case_no, {}, LUMP, TERMS)
    basis = st.settlement_basis(ctx, case_no)
    assert (basis.snapshot_id, basis.snapshot_as_of) == (1, date(2026, 3, 1))
    assert basis.lawful is not None and basis.lawful.total == LAWFUL_TOTAL
    assert (basis.creditor_floor, basis.cap_rate) == (D("100000.00"), D("0.24"))
    assert basis.saved == saved and basis.today == date(2026, 3, 2)
    assert get_case(ctx, case_no).summary.status == "intake"


# -- performance after signing ------------------------------------------------------------------

PAYMENTS = (
    (date(2026, 3, 10), "10000.50", "首付款，银行转账"),
    (date(2026, 4, 15), "10409", "第 2 期"),
    (date(2026, 5, 10), "5,000.00", "第 3 期的一部分"),
)


@pytest.fixture
def signed(ctx, case_no, clock) -> str:
    """The case signed on 2 March 2026 with the equal plan, three payments recorded by 20 June."""
    st.save_settlement(ctx, case_no, WAIVE_CHARGES, EQUAL_SPEC, TERMS)
    walk(ctx, case_no, *TO_SIGNED)
    clock.advance(days=110)  # 2026-06-20 in China
    for day, amount, note in PAYMENTS:
        st.record_plan_payment(ctx, case_no, day, amount, note)
    return case_no


def states(status: Any) -> list[tuple[int, str, str, int]]:
    return [(r.n, r.state.value, str(r.paid), r.days_late) for r in status.installments[:4]]


def test_each_instalment_is_paid_partly_paid_late_or_missed_as_of_a_day(ctx, signed):
    early = st.plan_status(ctx, signed, date(2026, 5, 12))
    assert states(early) == [
        (1, "paid", "10000.50", 0), (2, "paid", "10409.00", 0),
        (3, "partly_paid", "5000.00", 0), (4, "pending", "0.00", 0),
    ]  # fmt: skip
    assert early.next_due is not None and early.next_due.n == 3
    late = st.plan_status(ctx, signed, date(2026, 5, 25))
    assert states(late)[2] == (3, "late", "5000.00", 10)
    assert not late.defaulted and late.arrears == D("5409.00") == late.claimable
    missed = st.plan_status(ctx, signed, date(2026, 6, 1))
    assert states(missed)[2] == (3, "missed", "5000.00", 17)
    assert (missed.defaulted_on, missed.performance.default_installment) == (date(2026, 5, 31), 3)
    before_payments = st.plan_status(ctx, signed, date(2026, 3, 9))
    assert before_payments.paid_total == 0 and len(before_payments.payments) == 3


def test_default_moves_the_case_once_and_revived_waivers_are_claimable(ctx, signed):
    quiet = st.check_default(ctx, signed, date(2026, 5, 30))
    assert not quiet.moved and get_case(ctx, signed).summary.status == "signed"
    check = st.check_default(ctx, signed, date(2026, 6, 1))
    assert check.moved and check.status.case_status == "defaulted"
    assert get_case(ctx, signed).summary.status == "defaulted"
    status = check.status
    assert status.paid_total == D("25409.50")
    assert status.remaining == D("88690.50")  # 114,100 − 25,409.50
    assert status.claimable == D("93140.50")  # the lawful 118,550 − 25,409.50
    assert status.revived == D("4450.00")  # penalty 3,900 + compound 250 + fees 300
    [event] = audit(ctx, "settlement.defaulted")
    assert event["defaulted_on"] == "2026-05-31" and event["claimable"] == "93140.50"
    moves = audit(ctx, "case.status_changed")
    assert moves[-1] == {"from": "signed", "to": "defaulted", "by": "settlement.defaulted"}
    walk(ctx, signed, "performing")  # the creditor agrees to carry on
    again = st.check_default(ctx, signed, date(2026, 6, 10))
    assert not again.moved and get_case(ctx, signed).summary.status == "performing"
    assert len(audit(ctx, "settlement.defaulted")) == 1


def test_without_revival_only_the_unpaid_plan_is_claimable(ctx, case_no, clock):
    terms = {"acceleration_days": 15, "waiver_revives_on_default": False}
    st.save_settlement(ctx, case_no, WAIVE_CHARGES, EQUAL_SPEC, terms)
    walk(ctx, case_no, *TO_SIGNED, "performing")
    clock.advance(days=110)
    st.record_plan_payment(ctx, case_no, date(2026, 3, 10), "10000.50")
    check = st.check_default(ctx, case_no, date(2026, 5, 1))  # 15 April + 15 days passed
    assert check.moved and check.status.defaulted_on == date(2026, 5, 1)
    assert check.status.claimable == D("104099.50") == check.status.remaining
    assert check.status.revived == 0
    assert get_case(ctx, case_no).summary.status == "defaulted"


def test_recorded_payments_are_kept_apart_from_the_loans_payments(ctx, signed):
    status = st.plan_status(ctx, signed, date(2026, 6, 20))
    assert [(p.date, p.amount, p.note) for p in status.payments] == [
        (day, D(amount.replace(",", "")), note) for day, amount, note in PAYMENTS
    ]
    assert get_case(ctx, signed).payments == ()
    events = audit(ctx, "settlement.payment_recorded")
    assert [e["amount"] for e in events] == ["10000.50", "10409.00", "5000.00"]


def test_payments_are_refused_before_signing_and_with_bad_fields(ctx, case_no, clock):
    st.save_settlement(ctx, case_no, {}, LUMP, TERMS)
    with pytest.raises(DomainError, match="调解协议尚未签署（当前状态：待受理），签署后才记录"):
        st.record_plan_payment(ctx, case_no, date(2026, 3, 2), "100")
    walk(ctx, case_no, *TO_SIGNED)
    with pytest.raises(InputError) as caught:
        st.record_plan_payment(ctx, case_no, date(2026, 3, 3), "0", "x" * 201)
    assert problems(caught) == {
        "amount": "金额须为正数",
        "date": "不能晚于今天 2026-03-02",
        "note": "备注最多 200 字",
    }
    with pytest.raises(InputError) as caught:
        st.record_plan_payment(ctx, case_no, date(2026, 3, 1), "12.345")
    assert set(problems(caught)) == {"amount", "date"}
    assert "早于调解方案确定之日 2026-03-02" in problems(caught)["date"]
    walk(ctx, case_no, "fulfilled")
    with pytest.raises(DomainError, match="当前为“已履行完毕”，不能再记录"):
        st.record_plan_payment(ctx, case_no, date(2026, 3, 2), "100")
    assert st.plan_status(ctx, case_no, date(2026, 3, 2)).payments == ()


def test_status_needs_a_saved_settlement(ctx):
    number = create_case(ctx, new_case()).case_no
    walk(ctx, number, *TO_SIGNED)
    with pytest.raises(DomainError, match="还没有保存调解方案"):
        st.plan_status(ctx, number, date(2026, 3, 2))


def test_a_real_recalculation_feeds_the_settlement(ctx):
    from app.services.recalc.service import recalculate

    number = create_case(ctx, new_case()).case_no
    snap = recalculate(ctx, number, date(2026, 3, 1))
    info = st.save_settlement(ctx, number, {"waive_penalty": "100"}, LUMP, TERMS)
    lawful = snap.output["views"]["lawful"]
    assert info.snapshot_id == snap.id and info.snapshot_sha256 == snap.sha256
    assert info.lawful_total == D(lawful["total"])
    assert info.settled_total == D(lawful["total"]) - D(lawful["penalty"])


def test_payment_method_and_other_clauses_are_kept_for_the_agreement(ctx, case_no):
    clauses = ["债务人按期还款的，债权人不再主张其他费用。", "  ", "本协议一式三份。"]
    method = "转入债权人账户：滨江农村商业银行营业部 6217000010001234567"
    info = st.save_settlement(
        ctx, case_no, {}, LUMP, TERMS, payment_method=f" {method} ", extra_terms=clauses
    )
    assert info.payment_method == method
    assert info.extra_terms == ("债务人按期还款的，债权人不再主张其他费用。", "本协议一式三份。")
    assert st.get_settlement(ctx, case_no) == info
    with pytest.raises(InputError) as caught:
        st.save_settlement(
            ctx, case_no, {}, LUMP, TERMS, payment_method="账" * 301, extra_terms=["约" * 501]
        )
    assert problems(caught) == {
        "payment_method": "最多 300 字",
        "extra_terms[0]": "每条最多 500 字",
    }
