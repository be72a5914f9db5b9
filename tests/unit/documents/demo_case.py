"""A demo case made ready for every document: seeded, recalculated, settled, one session.

Built through the services (seed_demo, recalculate, save_settlement); only what the store
has no service for yet (the creditor's address on a demo case, a held session) is written
directly, as the session wizard would.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

CASE_NO = "TJ-2026-000003"  # 已达成协议 in the demo set: its settlement can be saved
BARE_CASE_NO = "TJ-2026-000004"  # 调解终结: no snapshot, no settlement
AS_OF = date(2026, 6, 20)
CREDITOR_ADDRESS = "重庆市渝北区龙溪街道金开大道1号"
LEVERS = {"waive_penalty": "100", "waive_compound": "100", "waive_fees": "100"}
PLAN = {
    "frequency": "monthly",
    "first_due": "2026-08-15",
    "count": 6,
    "down_payment": {"amount": "5000.00", "due": "2026-07-10"},
    "round_to": "1",
}
TERMS = {"acceleration_days": 15, "waiver_revives_on_default": True}
NOW = datetime(2026, 7, 2, 3, 30, tzinfo=UTC)


def prepare(data_dir: Path) -> None:
    """Seed the demo into `data_dir` and make CASE_NO ready for all six documents."""
    from app.services.demo.service import seed_demo
    from app.services.organisation.accounts import key_holder
    from app.services.organisation.service import set_seal_image
    from app.services.recalc.service import recalculate
    from app.services.settlement.service import save_settlement
    from app.services.startup import open_context

    with open_context(data_dir, actor="测试员", clock=lambda: NOW) as ctx:
        seed_demo(ctx)
        set_seal_image(ctx, seal_png(), by=key_holder(ctx))
        _complete_parties(ctx)
        recalculate(ctx, CASE_NO, _claim_date(ctx))
        save_settlement(ctx, CASE_NO, LEVERS, PLAN, TERMS)
        _add_session(ctx)


def _claim_date(ctx: Any) -> date:
    """The date of the creditor's latest claim: the lawful figures compare with it."""
    from app.services.cases.service import get_case

    claim = get_case(ctx, CASE_NO).claim
    return claim.as_of if claim is not None else AS_OF


def _complete_parties(ctx: Any) -> None:
    with ctx.write() as uow:
        case = uow.cases.require(CASE_NO)
        for party in case.parties:
            if not party.address:
                party.address = CREDITOR_ADDRESS
        uow.record("test.party_address", case=case)


def _add_session(ctx: Any) -> None:
    from app.store.records import MediationSession

    with ctx.write() as uow:
        case = uow.cases.require(CASE_NO)
        debtor = next(p for p in case.parties if p.role == "debtor")
        uow.session.add(
            MediationSession(
                case_id=case.id,
                started_at=datetime(2026, 7, 2, 1, 30, tzinfo=UTC),
                ended_at=datetime(2026, 7, 2, 3, 15, tzinfo=UTC),
                place="第二调解室",
                attendees=[
                    {
                        "name": debtor.name,
                        "capacity": "debtor",
                        "id_number": debtor.id_number,
                        "identity_checked": True,
                    },
                    {
                        "name": "李明",
                        "capacity": "creditor_agent",
                        "id_number": "440524198001010013",
                        "identity_checked": True,
                    },
                ],
                statements=[
                    {"side": "creditor", "prompt": "claim", "text": "请求偿还全部欠款。"},
                    {"side": "debtor", "prompt": "ability", "text": "愿意分期偿还。"},
                ],
                outcome="agreed",
                notes="",
            )
        )
        uow.record("test.session_added", case=case)


def seal_png(size: int = 300) -> bytes:
    """A red round seal on a transparent background (a stand-in for a scanned seal)."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from app.paths import resource

    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (200, 20, 20, 220)
    draw.ellipse((6, 6, size - 6, size - 6), outline=red, width=10)
    star = [(150, 95), (163, 135), (205, 135), (171, 160), (184, 200)]
    star += [(150, 175), (116, 200), (129, 160), (95, 135), (137, 135)]
    draw.polygon([(x * size / 300, y * size / 300) for x, y in star], fill=red)
    font = ImageFont.truetype(str(resource("fonts", "wqy-microhei.ttc")), size // 10, index=0)
    draw.text((size / 2, size * 0.78), "调解专用章", fill=red, font=font, anchor="mm")
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def signature_png(width: int = 360, height: int = 120) -> bytes:
    """A handwritten-looking stroke on a transparent background."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    points = [(20 + i * 10, 60 + ((i * 37) % 50) - 25) for i in range(33)]
    draw.line(points, fill=(10, 10, 60, 255), width=5, joint="curve")
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
