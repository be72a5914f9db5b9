"""The court confirmed a case's mediation agreement: the status move with its ruling.

    confirm_case(ctx, "TJ-2026-000007", "（2026）浙0108民特123号", date(2026, 5, 20))

The same status move as `cases set-status … 已司法确认` (`app.services.cases.status`), which
keeps the ruling where the court papers read it (`app.services.litigation.rulings`) in the
same transaction.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.domain.case_status import CaseStatus
from app.services.cases.status import set_status
from app.services.litigation.rulings import RulingInfo, confirmation_ruling

if TYPE_CHECKING:
    from app.services.context import AppContext


def confirm_case(
    ctx: AppContext, case_no: str, ruling_no: str, ruled_on: date, court: str = ""
) -> RulingInfo:
    """已申请司法确认 → 已司法确认, with the court's ruling (court: the case's by default)."""
    set_status(ctx, case_no, CaseStatus.CONFIRMED, on=ruled_on, ruling_no=ruling_no, court=court)
    ruling = confirmation_ruling(ctx, case_no)
    assert ruling is not None  # kept by set_status in the same transaction
    return ruling
