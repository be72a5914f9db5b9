"""The draft settlement (issue 13 item 3) on a real store: the page's fields kept as typed,
even what does not check out yet, across a restart; cleared when the settlement is saved;
refused once the case is signed; audited by part, never by value."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.errors import DomainError, InputError
from app.services.cases.service import create_case
from app.services.settlement import draft as drafts
from app.services.settlement import service as st
from app.services.startup import open_context
from tests.settlement_fixtures import EQUAL_SPEC, TERMS, TO_SIGNED, add_snapshot, walk
from tests.store_fixtures import new_case

FORM: dict[str, Any] = {
    "levers": {"waive_penalty": "100.00", "agreed_sum": "九万"},  # not a number yet: kept
    "plan": {"method": "equal", "first_due": "2026-08-10", "count": 10, "has_down": True,
             "down_amount": "3000", "rows": [["2026-09-10", "500"]]},
    "terms": {"acceleration_days": 15, "revives": None},
    "clauses": {"payment_method": "转入债权人账户 6216 6000", "extra_terms": "一\n\n二 "},
}  # fmt: skip


@pytest.fixture
def case_no(ctx: Any) -> str:
    number = str(create_case(ctx, new_case()).case_no)
    add_snapshot(ctx, number)
    return number


def events(ctx: Any) -> list[dict[str, Any]]:
    with ctx.read() as uow:
        found = uow.audit.for_case(1)
        return [dict(e.detail) for e in found if e.action == drafts.AUDIT_DRAFT]


def test_a_draft_comes_back_exactly_after_a_restart(ctx, case_no, data_dir, clock):
    kept = drafts.save_draft(ctx, case_no, FORM)
    assert kept.form == FORM
    ctx.close()
    with open_context(data_dir, actor="另一位调解员", clock=clock) as reopened:
        basis = st.settlement_basis(reopened, case_no)
        assert basis.draft is not None and basis.draft.form == FORM
        assert basis.draft.saved_at == kept.saved_at and basis.saved is None


def test_each_save_is_audited_by_the_parts_that_changed_and_the_same_form_writes_nothing(
    ctx, case_no, clock
):
    drafts.save_draft(ctx, case_no, FORM)
    clock.advance(minutes=1)
    drafts.save_draft(ctx, case_no, FORM)
    clock.advance(minutes=1)
    changed = {**FORM, "clauses": {**FORM["clauses"], "payment_method": "现金交付调解员"}}
    second = drafts.save_draft(ctx, case_no, changed)
    assert events(ctx) == [{"parts": list(drafts.PARTS)}, {"parts": ["clauses"]}]
    assert "现金" not in str(events(ctx))
    assert drafts.get_draft(ctx, case_no) == second


def test_saving_the_settlement_clears_the_draft(ctx, case_no):
    drafts.save_draft(ctx, case_no, FORM)
    with pytest.raises(InputError):
        st.save_settlement(ctx, case_no, {"agreed_sum": "九万"}, EQUAL_SPEC, TERMS)
    assert drafts.get_draft(ctx, case_no) is not None  # refused: the draft stays
    st.save_settlement(ctx, case_no, {"waive_penalty": "100"}, EQUAL_SPEC, TERMS)
    assert drafts.get_draft(ctx, case_no) is None
    assert st.settlement_basis(ctx, case_no).draft is None


@pytest.mark.parametrize(
    ("form", "reason"),
    [
        ([1, 2], "草稿应为各部分"),
        ({"levers": {}, "notes": {}}, "不认识的部分：notes"),
        ({"plan": "equal"}, "每一部分都应为"),
        ({"plan": {"count": float("nan")}}, "只能包含"),
        ({"clauses": {"extra_terms": "条" * 70_000}}, "草稿过大"),
    ],
)
def test_a_form_of_another_shape_or_too_large_is_refused_at_its_path(ctx, case_no, form, reason):
    with pytest.raises(InputError) as refused:
        drafts.save_draft(ctx, case_no, form)
    assert [p.path for p in refused.value.problems] == ["settlement_draft"]
    assert reason in refused.value.problems[0].reason
    assert drafts.get_draft(ctx, case_no) is None


def test_a_signed_case_takes_no_draft(ctx, case_no):
    st.save_settlement(ctx, case_no, {}, EQUAL_SPEC, TERMS)
    walk(ctx, case_no, *TO_SIGNED)
    with pytest.raises(DomainError, match="已签署协议的条款不能修改"):
        drafts.save_draft(ctx, case_no, FORM)
