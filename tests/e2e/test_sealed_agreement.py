"""A whole session to the end, as the wizard runs it through the services: every party and
the mediator sign the agreement on the pad, the session finishes, the organisation's PAdES
signature goes on the pad-signed PDF. The stored final PDF is then exported and checked by
`python -m app verify` (with the store's record), by pyhanko's own `sign validate`, for the
parties' names and the signature images, and one changed byte is caught."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.domain.errors import DomainError
from tests.session_fixtures import (
    SESSION_START,
    STROKES,
    check_in,
    copy_demo,
    fill_parties,
    fill_record,
    make_demo,
    scheduled_case,
)
from tests.store_fixtures import FixedClock
from tests.unit.documents.pdf_checks import all_text
from tests.unit.signing.pdfs import flip

ROOT = Path(__file__).resolve().parents[2]
PYHANKO = Path(sys.executable).with_name("pyhanko")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("sealed") / "data")


@pytest.fixture
def ctx(demo_template: Path, tmp_path: Path) -> Any:
    from app.services.startup import open_context

    folder = copy_demo(demo_template, tmp_path / "data")
    with open_context(folder, actor="测试调解员", clock=FixedClock(SESSION_START)) as context:
        yield context


def finished_session(ctx: Any) -> tuple[str, Any]:
    """A scheduled demo case mediated to an agreement that every party and the mediator
    sign on the pad (each their own stroke), then finished as agreed."""
    from app.services.sessions import service as sessions
    from app.services.sessions.close import close_session
    from app.services.sessions.signing import prepare_agreement, sign_on_pad

    case_no = scheduled_case(ctx)
    state = sessions.start_or_resume(ctx, case_no)
    check_in(ctx, state.session_id)
    fill_parties(ctx, state.session_id)
    agree_without_signing(ctx, case_no, state.session_id)
    progress = prepare_agreement(ctx, case_no)
    for n, signer in enumerate(progress.required):
        name = "周律师" if signer.role == "creditor" else signer.name
        png = stroke_png(n)
        progress = sign_on_pad(ctx, progress.document.id, signer.party_id, name, png, STROKES)
    assert progress.complete
    return case_no, close_session(ctx, case_no, "agreed")


def stroke_png(n: int) -> bytes:
    """A transparent signature image, different for each signer."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (120, 40), (0, 0, 0, 0))
    points = [(5, 30), (30 + 7 * n, 8), (80, 32 - 3 * n), (115, 10)]
    ImageDraw.Draw(image).line(points, fill=(20, 30, 90, 255), width=2)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def image_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def run_app(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        env=dict(os.environ),  # the test passphrase opens the case store for the record
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def pyhanko_validate(pdf: Path, cert: Path) -> subprocess.CompletedProcess[str]:
    args = ["sign", "validate", "--no-revocation-check", "--trust-replace", "--trust", cert]
    return subprocess.run(
        [str(PYHANKO), *map(str, args), str(pdf)], capture_output=True, text=True, timeout=60
    )


def test_a_finished_session_ends_with_a_sealed_agreement_that_verifies(ctx, tmp_path, capsys):
    from app.services.cases.service import get_case
    from app.services.documents.store import get_document_content
    from app.services.sessions.close import agreement_to_seal, seal_closed
    from app.services.sessions.signing import final_pdf, is_sealed

    case_no, closed = finished_session(ctx)
    version = agreement_to_seal(closed)
    assert version is not None and version.signed_via == "handwritten"
    sealed = seal_closed(ctx, closed)  # the passphrase from MEDIATION_DESK_PASSPHRASE
    assert agreement_to_seal(sealed) is None and is_sealed(sealed.versions[0])
    assert final_pdf(ctx, version.id) == sealed.documents[0].pdf
    out = tmp_path / "协议书.pdf"
    out.write_bytes(final_pdf(ctx, version.id))  # the stored final PDF, exported

    done = run_app("verify", out, "--data-dir", ctx.data_dir)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["intact"] is True and report["signature_count"] == 1
    assert report["signatures"][0]["signed_by_organisation"] is True
    record = report["store_record"]
    assert (record["case_no"], record["kind"], record["matched"]) == (case_no, "agreement",
                                                                     "digital_pdf")  # fmt: skip
    assert record["document_id"] == version.id and record["status"] == "signed"

    checked = pyhanko_validate(out, ctx.data_dir / "signing" / "org-cert.pem")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert ":INTACT:TRUSTED,UNTOUCHED" in checked.stdout

    text = all_text(out.read_bytes())
    parties = get_case(ctx, case_no).parties
    assert parties and all(p.name in text for p in parties)
    signers = len(agreement_signers(ctx, version.id))
    unsigned = get_document_content(ctx, version.id)
    assert image_count(out.read_bytes()) == image_count(unsigned) + signers

    tampered = tmp_path / "改过的协议书.pdf"
    tampered.write_bytes(flip(out.read_bytes(), len(unsigned) // 2))
    assert main(["verify", str(tampered), "--data-dir", str(ctx.data_dir)]) == 1
    assert json.loads(capsys.readouterr().out)["intact"] is False
    assert pyhanko_validate(tampered, ctx.data_dir / "signing" / "org-cert.pem").returncode != 0


def agreement_signers(ctx: Any, document_id: int) -> list[Any]:
    from app.services.documents.signatures import signatures_for

    return signatures_for(ctx, document_id)


def test_a_wrong_passphrase_loses_nothing_and_sealing_later_works(ctx):
    from app.services.documents import store as store
    from app.services.organisation.signing import ensure_identity
    from app.services.sessions.close import agreement_to_seal, seal_closed

    ensure_identity(ctx.data_dir, "滨江调解中心", passphrase="the-right-one")
    case_no, closed = finished_session(ctx)
    with pytest.raises(DomainError, match="口令不正确"):
        seal_closed(ctx, closed, passphrase="a-wrong-one")
    kept = store.latest_version(ctx, case_no, "agreement")
    assert kept is not None and kept.status == "signed"
    assert [a.role for a in kept.attachments] == ["signed_pdf"]
    assert agreement_to_seal(closed) is not None
    sealed = seal_closed(ctx, closed, passphrase="the-right-one")
    roles = [a.role for a in sealed.versions[0].attachments]
    assert roles == ["signed_pdf", "digital_pdf"]


def test_an_agreement_signed_on_paper_finishes_without_a_digital_signature(ctx):
    from app.services.sessions import service as sessions
    from app.services.sessions.close import agreement_to_seal, close_session, seal_closed
    from app.services.sessions.signing import prepare_agreement, seal_agreement, sign_on_paper

    case_no = scheduled_case(ctx)
    state = sessions.start_or_resume(ctx, case_no)
    check_in(ctx, state.session_id)
    fill_parties(ctx, state.session_id)
    agree_without_signing(ctx, case_no, state.session_id)
    progress = prepare_agreement(ctx, case_no)
    sign_on_paper(ctx, progress.document.id, b"\xff\xd8\xff\xe0 a photo", "签字页.jpg")
    closed = close_session(ctx, case_no, "agreed")
    assert closed.result.status == "signed"
    assert agreement_to_seal(closed) is None
    assert seal_closed(ctx, closed) is closed  # nothing to seal, nothing asked
    with pytest.raises(DomainError, match="纸面上签署"):
        seal_agreement(ctx, progress.document.id, passphrase="any")
    assert not (ctx.data_dir / "signing").exists()  # no key was made for it


def agree_without_signing(ctx: Any, case_no: str, session_id: int) -> None:
    from app.services.recalc import service as recalculation
    from app.services.settlement import service as settlement
    from tests.session_fixtures import LUMP_SUM, TERMS, WAIVE

    recalculation.recalculate(ctx, case_no, ctx.today())
    settlement.save_settlement(ctx, case_no, WAIVE, LUMP_SUM, TERMS)
    fill_record(ctx, session_id, "agreed")
