"""After `demo`, each of the six documents renders for the demo cases that have come far
enough for it, and holds what it is for; the command line renders one of them too."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain.numerals import format_amount, format_date_cn, rmb_upper
from app.services.demo.sessions import NOT_AGREED_REASON
from tests.session_fixtures import make_demo
from tests.unit.documents.pdf_checks import all_text

ROOT = Path(__file__).resolve().parents[2]
# Which documents a case has, by how far it came (see app.services.demo.sessions).
READY: dict[str, tuple[str, ...]] = {
    "scheduled": ("notice",),
    "in_session": ("notice",),
    "agreed": ("notice", "record", "agreement", "plan"),
    "signed": ("notice", "record", "agreement", "plan", "confirmation"),
    "confirmation_applied": ("notice", "record", "agreement", "plan", "confirmation"),
    "confirmed": ("notice", "record", "agreement", "plan", "confirmation"),
    "performing": ("notice", "record", "agreement", "plan", "confirmation"),
    "terminated": ("notice", "record", "termination"),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("demo-documents") / "data")


@pytest.fixture
def ctx(demo: Path) -> Iterator[Any]:
    from app.services.context import open_context

    with open_context(demo, actor="检查", migrate=False) as context:
        yield context


def cases_by_status(ctx: Any) -> dict[str, str]:
    """The first demo case (by number) of each status."""
    from app.services.cases.service import list_cases

    found: dict[str, str] = {}
    for case in sorted(list_cases(ctx), key=lambda c: c.case_no):
        found.setdefault(case.status, case.case_no)
    return found


def test_every_kind_renders_for_every_case_far_enough_along(ctx: Any) -> None:
    from app.services.documents.service import render_document

    rendered: set[str] = set()
    for status, case_no in cases_by_status(ctx).items():
        for kind in READY.get(status, ()):
            doc = render_document(ctx, case_no, kind)
            assert doc.pdf.startswith(b"%PDF") and doc.document_no.startswith(case_no)
            rendered.add(kind)
    assert rendered == {"notice", "record", "agreement", "plan", "confirmation", "termination"}


def test_a_case_not_yet_scheduled_has_no_notice(ctx: Any) -> None:
    from app.domain.errors import InputError
    from app.services.documents.service import render_document

    with pytest.raises(InputError) as refused:
        render_document(ctx, cases_by_status(ctx)["contacting"], "notice")
    assert [p.reason for p in refused.value.problems] == ["调解时间和地点：尚未安排"]


def test_the_agreed_case_has_its_settlement_in_the_agreement_and_the_plan(ctx: Any) -> None:
    from app.services.cases.service import get_case
    from app.services.documents.service import render_document
    from app.services.settlement.service import get_settlement

    case_no = cases_by_status(ctx)["signed"]
    debtor = next(p for p in get_case(ctx, case_no).parties if p.role == "debtor")
    info = get_settlement(ctx, case_no)
    assert info is not None and info.signed
    total = info.proposal.settled_total
    agreement = all_text(render_document(ctx, case_no, "agreement").pdf)
    assert debtor.name in agreement and debtor.id_number in agreement
    assert format_amount(total) in agreement and rmb_upper(total) in agreement
    plan = all_text(render_document(ctx, case_no, "plan").pdf)
    assert len(info.plan.installments) == 12
    for row in info.plan.installments:
        assert format_date_cn(row.due) in plan and format_amount(row.amount) in plan


def test_the_confirmation_goes_to_the_court_that_entrusted_the_case(ctx: Any) -> None:
    from app.services.cases.service import get_case
    from app.services.documents.service import render_document

    case_no = cases_by_status(ctx)["confirmation_applied"]
    court = get_case(ctx, case_no).summary.court
    assert court.endswith("人民法院")
    text = all_text(render_document(ctx, case_no, "confirmation").pdf)
    assert court in text and "此致" in text
    # the stored court entrusted the case before filing (委派调解): the current articles
    cited = ["《中华人民共和国民事诉讼法》第二百零五条、第二百零六条",
             "《中华人民共和国人民调解法》第三十三条",
             "《最高人民法院关于人民法院特邀调解的规定》第十九条、第二十四条"]  # fmt: skip
    assert f"本纠纷系{court}在立案前委派" in text
    assert [c for c in cited if c not in text] == []
    agreement = all_text(render_document(ctx, case_no, "agreement").pdf)
    assert f"共同向{court}申请司法确认（《中华人民共和国民事诉讼法》第二百零五条" in agreement


def test_the_terminated_case_says_why_in_its_record_and_termination(ctx: Any) -> None:
    from app.services.documents.service import latest_session, render_document

    case_no = cases_by_status(ctx)["terminated"]
    session = latest_session(ctx, case_no)
    assert session is not None and session.outcome == "not_agreed"
    debtor = next(a for a in session.attendees if a.capacity == "债务人")
    assert debtor.id_checked
    squeeze = NOT_AGREED_REASON.replace(" ", "")
    for kind in ("termination", "record"):
        text = all_text(render_document(ctx, case_no, kind).pdf).replace(" ", "")
        assert debtor.name in text and squeeze[:30] in text


def test_the_command_line_renders_the_demo_agreement(ctx: Any, demo: Path, tmp_path: Path) -> None:
    case_no = cases_by_status(ctx)["agreed"]
    out = tmp_path / "agreement.pdf"
    env = {**os.environ, "MEDIATION_DESK_PASSPHRASE": os.environ["MEDIATION_DESK_PASSPHRASE"]}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(demo), "render", case_no, "agreement",
         "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "人民调解协议书" in all_text(out.read_bytes())
