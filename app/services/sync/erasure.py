"""An erasure of a case's personal data made elsewhere (the office, or the laptop that held
the case before), carried out on this laptop's copy with the same code as a local erasure
(`app.services.personal_data.erasure.erase_in`), inside the transaction that applies it.

The erasure keeps the uid and times of the original `case_erasure` row, so both sides hold
one erasure. The pending rows it makes here are dropped again (the office made the same
changes); a change waiting from before stays pending and is pushed, scrubbed, under the
erasure's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select

from app.store.contacts import CaseErasure
from app.store.models import Case
from app.store.sync_tables import SyncPending
from app.store.unit_of_work import UnitOfWork


def carry_out(uow: UnitOfWork, case_uid: str, body: Mapping[str, Any]) -> bool:
    """Erase this laptop's copy of the case as `body` (a finished `case_erasure`) says;
    False when there is no copy here or it is erased already."""
    from app.services.personal_data.erasure import erase_in

    session = uow.session
    found = session.execute(select(Case.id, Case.case_no).where(Case.uid == case_uid)).first()
    if found is None:
        return False
    if session.scalar(select(CaseErasure.id).where(CaseErasure.case_id == found.id)):
        return False
    before = _pending(session, case_uid)
    erase_in(uow, found.case_no, reason=str(body.get("reason", "request")),
             requested_by=str(body.get("requested_by", "")), record=dict(body),
             require_closed=False)
    made = _pending(session, case_uid) - before
    for entity, uid in made:
        session.execute(delete(SyncPending).where(SyncPending.entity == entity,
                                                  SyncPending.uid == uid))
    return True


def _pending(session: Any, case_uid: str) -> set[tuple[str, str]]:
    query = select(SyncPending.entity, SyncPending.uid).where(SyncPending.case_uid == case_uid)
    return {(str(e), str(u)) for e, u in session.execute(query).all()}


def erasure_of(session: Any, case_ids: list[int]) -> dict[int, str]:
    """case id → uid of its finished erasure, for these cases."""
    if not case_ids:
        return {}
    return {cid: str(uid) for cid, uid in session.execute(
        select(CaseErasure.case_id, CaseErasure.uid).where(
            CaseErasure.case_id.in_(case_ids), CaseErasure.state == "done"))}
