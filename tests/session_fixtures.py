"""Helpers for session tests: a demo store made once and copied, a clock after the demo's
last day, and service-level steps that fill a session the way a mediator would."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.store_fixtures import GOOD_ID_2

# The demo's cases run to 30 June 2026; the sessions happen a week later (China time 10:00).
SESSION_START = datetime(2026, 7, 6, 2, 0, tzinfo=UTC)
AGENT_ID = GOOD_ID_2
PLACE = "滨江区金融街8号调解室"
CREDITOR_ADDRESS = "浙江省杭州市上城区解放东路18号"
LUMP_SUM = {"frequency": "lump_sum", "first_due": "2026-08-31"}
TERMS = {"acceleration_days": 15, "waiver_revives_on_default": True}
WAIVE = {"waive_penalty": "100", "waive_compound": "100", "waive_fees": "100"}


def make_demo(folder: Path) -> Path:
    from app.services.demo.service import seed_demo
    from app.services.startup import open_context

    with open_context(folder, actor="演示") as ctx:
        seed_demo(ctx)
    return folder


def copy_demo(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def scheduled_case(ctx: Any, lender_type: str = "") -> str:
    """The first demo case that is 已排期 (of `lender_type` when given)."""
    from app.services.cases.service import list_cases

    for case in sorted(list_cases(ctx), key=lambda c: c.case_no):
        if case.status == "scheduled" and lender_type in ("", case.lender_type):
            return str(case.case_no)
    raise AssertionError("the demo has no scheduled case")


def check_in(ctx: Any, session_id: int) -> Any:
    """Place, the debtor (from the case) and the creditor's agent, identities checked."""
    from app.services.sessions import service as sessions

    state = sessions.get_state(ctx, session_id)
    debtor = next(p for p in state.case.parties if p.role == "debtor")
    sessions.save_field(ctx, session_id, "place", PLACE)
    sessions.add_attendee(ctx, session_id, "debtor", party_id=debtor.id)
    sessions.save_field(ctx, session_id, "attendees[0].identity_checked", True)
    sessions.add_attendee(ctx, session_id, "creditor_agent")
    for field, value in (
        ("name", "周律师"),
        ("id_number", AGENT_ID),
        ("identity_checked", True),
        ("authorisation", "授权委托书一份，特别授权，有权代为和解"),
    ):
        state = sessions.save_field(ctx, session_id, f"attendees[1].{field}", value)
    return state


def fill_parties(ctx: Any, session_id: int) -> Any:
    """Give every party without an address one (the demo's creditors have none)."""
    from app.services.sessions import service as sessions

    state = sessions.get_state(ctx, session_id)
    for party in state.case.parties:
        if not party.address:
            path = f"parties[{party.id}].address"
            state = sessions.save_field(ctx, session_id, path, CREDITOR_ADDRESS)
    return state


def fill_record(ctx: Any, session_id: int, outcome: str, notes: str = "") -> Any:
    from app.services.sessions import service as sessions

    sessions.save_field(ctx, session_id, "statements.creditor.claim", "请求偿还全部欠款。")
    sessions.save_field(ctx, session_id, "statements.debtor.ability", "失业半年，可分期偿还。")
    if notes:
        sessions.save_field(ctx, session_id, "notes", notes)
    return sessions.save_field(ctx, session_id, "outcome", outcome)


def signature_png() -> bytes:
    """A small transparent PNG with a stroke, as the signature pad exports."""
    from io import BytesIO

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (120, 40), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(5, 30), (40, 8), (80, 32), (115, 10)], fill=(20, 30, 90, 255))
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


STROKES = {"width": 400, "height": 160, "strokes": [[[5, 30, 0.5], [40, 8, 0.5]]]}


def sign_everyone(ctx: Any, case_no: str) -> Any:
    """The agreement made final, then signed on the pad by every party and the mediator
    (the creditor, an organisation, through its agent)."""
    from app.services.sessions.signing import prepare_agreement, sign_on_pad

    progress = prepare_agreement(ctx, case_no)
    for signer in progress.required:
        name = "周律师" if signer.role == "creditor" else signer.name
        progress = sign_on_pad(
            ctx, progress.document.id, signer.party_id, name, signature_png(), STROKES
        )
    return progress


def agree(ctx: Any, case_no: str, session_id: int) -> Any:
    """Recalculate, settle (charges waived, lump sum), record "agreed", everyone signs."""
    from app.services.recalc import service as recalculation
    from app.services.sessions import service as sessions
    from app.services.settlement import service as settlement

    check_in(ctx, session_id)
    fill_parties(ctx, session_id)
    recalculation.recalculate(ctx, case_no, ctx.today())
    settlement.save_settlement(ctx, case_no, WAIVE, LUMP_SUM, TERMS)
    fill_record(ctx, session_id, "agreed")
    sign_everyone(ctx, case_no)
    return sessions.get_state(ctx, session_id)


def audit_events(ctx: Any, case_no: str, action: str = "") -> list[tuple[str, dict[str, Any]]]:
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        return [
            (e.action, dict(e.detail))
            for e in uow.audit.for_case(case.id)
            if not action or e.action == action
        ]
