"""The creditor's mandate over a real store: a settlement outside it cannot reach
signatures (pad, paper, status) until the creditor's approval for exactly its terms is
recorded; the approval request as PDF and xlsx; the list of pending exceptions."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError, InputError
from app.services.cases import service as cases
from app.services.mandate import approval, exceptions
from app.services.mandate.service import assess_saved, mandate_view, set_mandate
from app.services.recalc import service as recalculation
from app.services.sessions import service as sessions
from app.services.sessions.signing import prepare_agreement, sign_on_pad, sign_on_paper
from app.services.settlement import service as settlement
from tests.session_fixtures import (
    LUMP_SUM,
    SESSION_START,
    STROKES,
    TERMS,
    WAIVE,
    check_in,
    copy_demo,
    fill_parties,
    fill_record,
    make_demo,
    scheduled_case,
    sign_everyone,
    signature_png,
)
from tests.store_fixtures import FixedClock

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64  # enough of a JPEG for its magic


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("mandate") / "data")


@pytest.fixture
def ctx(demo_template: Path, tmp_path: Path) -> Iterator[Any]:
    from app.services.context import open_context

    folder = copy_demo(demo_template, tmp_path / "data")
    with open_context(folder, actor="测试调解员", clock=FixedClock(SESSION_START)) as context:
        yield context


@pytest.fixture
def settled(ctx: Any) -> str:
    """A case in session with a settlement saved: penalty, compound and fees waived wholly."""
    case_no = scheduled_case(ctx)
    state = sessions.start_or_resume(ctx, case_no)
    check_in(ctx, state.session_id)
    fill_parties(ctx, state.session_id)
    recalculation.recalculate(ctx, case_no, ctx.today())
    settlement.save_settlement(ctx, case_no, WAIVE, LUMP_SUM, TERMS)
    fill_record(ctx, state.session_id, "agreed")
    return case_no


def test_limits_per_creditor_batch_and_case(ctx: Any, settled: str) -> None:
    set_mandate(ctx, settled, "creditor", {"floor": "1000", "waive_penalty": "20%"})
    set_mandate(ctx, settled, "batch", {"waive_penalty": "100%", "max_instalments": "6"})
    view = mandate_view(ctx, settled)
    assert view.batch and view.source == {"floor": "creditor", "waive_penalty": "batch",
                                          "max_instalments": "batch"}  # fmt: skip
    view = set_mandate(ctx, settled, "case", {"floor": "2000"})
    assert view.effective.floor == Decimal("2000.00") and view.source["floor"] == "case"
    assert set_mandate(ctx, settled, "case", {}).source["floor"] == "creditor"  # removed


def test_a_breach_cannot_reach_signatures_without_an_approval(ctx: Any, settled: str) -> None:
    set_mandate(ctx, settled, "creditor", {"waive_penalty": "50%", "waive_fees": "100%"})
    check = assess_saved(ctx, settled)
    assert [b.rule for b in check.assessment.breaches] == ["waive_penalty"]
    refusal = "超出债权人授权，不能签署（尚未提出批准申请）"
    with pytest.raises(DomainError, match=refusal) as refused:
        prepare_agreement(ctx, settled)
    assert "罚息减免上限" in str(refused.value)
    cases.change_status(ctx, settled, "agreed")
    with pytest.raises(DomainError, match="超出债权人授权"):
        cases.change_status(ctx, settled, "signed")
    assert cases.get_case(ctx, settled).summary.status == "agreed"

    pending = exceptions.request_exception(ctx, settled)
    assert pending.state == "pending" and [e.id for e in exceptions.pending_exceptions(ctx)] == [
        pending.id
    ]
    assert exceptions.request_exception(ctx, settled).id == pending.id  # one per set of terms
    with pytest.raises(DomainError, match=f"第 {pending.id} 号批准申请尚待债权人答复"):
        prepare_agreement(ctx, settled)
    with pytest.raises(InputError) as missing:
        exceptions.record_decision(ctx, pending.id, approved=True, approver="", how="scan",
                                   decided_on=date(2026, 7, 8))  # fmt: skip
    assert sorted(p.path for p in missing.value.problems) == ["approver", "scan"]
    done = exceptions.record_decision(
        ctx, pending.id, approved=True, approver="李经理（风险管理部）", how="scan",
        decided_on=date(2026, 7, 8), scan=JPEG, scan_name="批复.jpg",
    )  # fmt: skip
    assert (done.state, done.how_label, done.current) == ("approved", "盖章扫描件", True)
    assert exceptions.pending_exceptions(ctx) == []
    assert exceptions.scan_of(ctx, pending.id) == JPEG
    progress = sign_everyone(ctx, settled)
    assert progress.complete


def test_an_approval_holds_for_exactly_the_terms_approved(ctx: Any, settled: str) -> None:
    set_mandate(ctx, settled, "case", {"waive_penalty": "50%"})
    asked = exceptions.request_exception(ctx, settled)
    exceptions.record_decision(ctx, asked.id, approved=True, approver="李经理", how="phone",
                               decided_on=date(2026, 7, 8))  # fmt: skip
    settlement.save_settlement(ctx, settled, {**WAIVE, "waive_interest": "10"}, LUMP_SUM, TERMS)
    assert not exceptions.get_exception(ctx, asked.id).current
    with pytest.raises(DomainError, match="尚未提出批准申请"):
        prepare_agreement(ctx, settled)


def test_a_rejection_keeps_it_unsigned_and_every_way_to_sign_is_closed(
    ctx: Any, settled: str
) -> None:
    progress = prepare_agreement(ctx, settled)  # made final while within the mandate
    set_mandate(ctx, settled, "case", {"waive_penalty": "50%"})
    asked = exceptions.request_exception(ctx, settled)
    exceptions.record_decision(ctx, asked.id, approved=False, approver="李经理", how="letter",
                               decided_on=date(2026, 7, 8), scan=JPEG)  # fmt: skip
    signer = progress.required[0]
    with pytest.raises(DomainError, match="债权人未批准"):
        sign_on_pad(ctx, progress.document.id, signer.party_id, signer.name or "周律师",
                    signature_png(), STROKES)  # fmt: skip
    with pytest.raises(DomainError, match="债权人未批准"):
        sign_on_paper(ctx, progress.document.id, JPEG, "签字页.jpg")
    with pytest.raises(DomainError, match="已于"):
        exceptions.record_decision(ctx, asked.id, approved=True, approver="x", how="phone",
                                   decided_on=date(2026, 7, 9))  # fmt: skip


def test_the_approval_request_as_pdf_and_as_an_xlsx_row(
    ctx: Any, settled: str, tmp_path: Path
) -> None:
    from tests.unit.documents.pdf_checks import all_text

    set_mandate(ctx, settled, "batch", {"waive_penalty": "50%", "floor": "999999"})
    asked = exceptions.request_exception(ctx, settled)
    pdf = approval.approval_request_pdf(ctx, asked.id, reason="债务人失业，家庭困难")
    text = all_text(pdf)
    assert "超出授权调解方案批准申请" in text and settled in text
    assert "最低回收总额" in text and "罚息减免上限" in text and "债务人失业" in text
    assert "□同意按上述方案调解" in text and asked.fingerprint in text
    out = approval.approvals_xlsx(ctx, tmp_path / "待批准.xlsx")
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("待批准").to_python()
    assert rows[0][:2] == ["申请编号", "案号"] and rows[1][1] == settled
    assert "罚息减免上限" in rows[1][6] and rows[1][9] == ""
    shutil.copy(out, tmp_path / "copy.xlsx")
