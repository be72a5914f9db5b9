"""After `demo`: the failed case, the broken unconfirmed agreement and the broken confirmed
one each get their court papers, with the parties, the amounts (figures and capitals)
computed by the engine or the plan tracker, the ruling and the court; a case that has not
come that far is refused, naming what it lacks (CLI exit 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.domain.numerals import format_amount, format_date_cn, rmb_upper
from tests.session_fixtures import make_demo
from tests.unit.documents.pdf_checks import all_text

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("court-papers") / "data")


@pytest.fixture
def ctx(demo: Path) -> Iterator[Any]:
    from app.services.context import open_context

    with open_context(demo, actor="检查", migrate=False) as context:
        yield context


def stage_cases(ctx: Any) -> dict[str, str]:
    from app.services.cases.service import list_cases
    from app.services.litigation.claim import case_stage

    found: dict[str, str] = {}
    for case in sorted(list_cases(ctx), key=lambda c: c.case_no):
        stage = case_stage(ctx, case.case_no)
        if stage and case.status in ("terminated", "defaulted"):
            found.setdefault(stage, case.case_no)
    return found


def render(ctx: Any, case_no: str, kind: str) -> str:
    from app.services.litigation.papers import render_court_document

    return all_text(render_court_document(ctx, case_no, kind, on=ON).pdf)


def test_the_demo_has_a_failed_case_and_two_broken_agreements(ctx: Any) -> None:
    from app.services.litigation.evidence import case_evidence

    stages = stage_cases(ctx)
    assert set(stages) == {"failed", "broken", "broken_confirmed"}
    for case_no in stages.values():
        kinds = {e.kind for e in case_evidence(ctx, case_no)}
        assert {"loan_contract", "transfer", "repayment", "notice", "recording"} <= kinds


def test_the_failed_case_sues_for_the_lawful_figure_on_the_filing_day(ctx: Any) -> None:
    from app.services.cases.service import get_case
    from app.services.recalc.service import build_input, preview

    case_no = stage_cases(ctx)["failed"]
    detail = get_case(ctx, case_no)
    inp = build_input(ctx, case_no, ON)
    assert "filing_date" not in inp  # the demo stores none: the complaint files on ON
    lawful = preview(ctx, case_no, ON)["views"]["lawful"]
    total, principal = Decimal(lawful["total"]), Decimal(lawful["principal"])
    text = render(ctx, case_no, "complaint")
    for party in detail.parties:
        assert party.name in text and party.id_number in text
    assert f"原告：{detail.summary.creditor_name}" in text
    assert f"合计{format_amount(total)}元（{rmb_upper(total)}）" in text
    assert f"借款本金{format_amount(principal)}元（{rmb_upper(principal)}）" in text
    assert "诉讼请求" in text and "事实与理由" in text and "此致" in text
    assert f"此致{detail.summary.court}" in text and format_date_cn(ON) in text
    assert "终结调解" in text and "具状人（原告）" in text
    assert "《中华人民共和国民法典》第五百七十七条、第六百七十五条、第六百七十六条" in text


def test_the_broken_agreement_counts_the_payments_made_under_it(ctx: Any) -> None:
    from app.services.litigation.claim import filing_claim
    from app.services.recalc.service import preview
    from app.services.settlement.plan_tracking import plan_status

    case_no = stage_cases(ctx)["broken"]
    plan = plan_status(ctx, case_no, ON)
    assert plan.defaulted and plan.paid_total > 0
    claim = filing_claim(ctx, case_no, ON)
    assert claim is not None and claim.basis == "loan"  # the demo's waivers revive
    without = Decimal(preview(ctx, case_no, ON)["views"]["lawful"]["total"])
    assert claim.total < without  # the plan's payments were counted
    text = render(ctx, case_no, "complaint")
    assert f"合计{format_amount(claim.total)}元（{rmb_upper(claim.total)}）" in text
    assert f"被告共支付{format_amount(plan.paid_total)}元" in text
    assert "该调解协议未经人民法院司法确认" in text
    assert "《中华人民共和国人民调解法》第三十一条、第三十二条" in text
    calc = render(ctx, case_no, "calculation")
    assert claim.calc_sha256 in calc and format_amount(claim.total) in calc


def test_waivers_that_do_not_revive_keep_the_claim_to_the_agreement(ctx: Any) -> None:
    from dataclasses import replace

    from app.services.litigation import claim as claims

    case_no = stage_cases(ctx)["broken"]
    outcome = claims.plan_outcome(ctx, case_no, ON)
    original = claims.plan_outcome
    try:
        claims.plan_outcome = lambda *a: replace(original(*a), revival=False)  # type: ignore[assignment]
        claim = claims.filing_claim(ctx, case_no, ON)
    finally:
        claims.plan_outcome = original  # type: ignore[assignment]
    assert claim is not None and claim.basis == "agreement"
    assert claim.total == outcome.claimable


def test_the_broken_confirmed_agreement_asks_for_enforcement(ctx: Any) -> None:
    from app.services.cases.service import get_case
    from app.services.litigation.rulings import confirmation_ruling
    from app.services.settlement.plan_tracking import plan_status

    case_no = stage_cases(ctx)["broken_confirmed"]
    ruling = confirmation_ruling(ctx, case_no)
    assert ruling is not None and ruling.ruling_no.startswith("（2025）浙01")
    plan = plan_status(ctx, case_no, ON)
    owed = plan.claimable
    assert plan.defaulted and owed == plan.remaining + plan.revived and plan.revived > 0
    text = render(ctx, case_no, "enforcement")
    detail = get_case(ctx, case_no)
    for party in detail.parties:
        assert party.name in text
    assert f"执行依据：{ruling.court}{ruling.ruling_no}民事裁定书" in text
    assert f"{ruling.court}于{format_date_cn(ruling.ruled_on)}作出{ruling.ruling_no}" in text
    assert f"支付{format_amount(owed)}元（{rmb_upper(owed)}）" in text
    assert f"已于{format_date_cn(plan.defaulted_on)}构成违约" in text  # type: ignore[arg-type]
    assert "《中华人民共和国民事诉讼法》第二百零六条、第二百四十七条" in text
    assert f"此致{ruling.court}" in text


def test_the_evidence_list_names_every_item(ctx: Any) -> None:
    from app.services.litigation.evidence import case_evidence

    case_no = stage_cases(ctx)["failed"]
    text = render(ctx, case_no, "evidence")
    items = case_evidence(ctx, case_no)
    assert items[0].for_batch  # the batch's entrustment letter comes first
    for item in items:
        assert item.title in text and item.purpose.replace(" ", "") in text
    assert f"以上证据共{len(items)}项" in text


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_the_cli_refuses_what_a_case_cannot_have_yet(ctx: Any, demo: Path, tmp_path: Path) -> None:
    stages = stage_cases(ctx)
    out = tmp_path / "x.pdf"
    done = run_cli("--data-dir", demo, "render", stages["failed"], "enforcement", "--out", out)
    assert done.returncode == 2 and "司法确认裁定：尚未登记" in done.stderr
    done = run_cli(
        "--data-dir", demo, "render", stages["broken_confirmed"], "complaint", "--out", out
    )
    assert done.returncode == 2 and "申请强制执行" in done.stderr
    assert not out.exists()
    done = run_cli(
        "--data-dir",
        demo,
        "render",
        stages["broken"],
        "complaint",
        "--on",
        ON.isoformat(),
        "--out",
        out,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
