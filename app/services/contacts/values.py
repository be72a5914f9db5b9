"""The values a message template's placeholders take for one person of a case: the
organisation, the names, the last session and the next instalment due
(`app.domain.contact_messages` renders them). Shared by the contact log and the messages.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain.contacts import CHINA_TZ
from app.domain.money import fmt_grouped

if TYPE_CHECKING:
    from app.services.contacts.records import Whom
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork


def message_values(uow: UnitOfWork, case: Case, whom: Whom) -> dict[str, str]:
    """Every placeholder's value for `whom` in `case` ("" where the case has none)."""
    org = uow.organisation.profile()
    debtor = case.debtor
    values = {
        "org": org.name if org else "",
        "org_phone": org.phone if org else "",
        "name": whom.name,
        "creditor": case.creditor.name if case.creditor else "",
        "case_no": case.case_no,
        "mediator": case.mediator.name if case.mediator else "调解员",
        "debtor_name": debtor.name if debtor else "",
    }
    return values | _session_values(uow, case) | _instalment_values(uow, case)


def _session_values(uow: UnitOfWork, case: Case) -> dict[str, str]:
    from app.store.records import MediationSession

    stmt = (
        select(MediationSession)
        .where(MediationSession.case_id == case.id)
        .order_by(MediationSession.started_at.desc())
        .limit(1)
    )
    row = uow.session.scalars(stmt).first()
    if row is None:
        return {"session_time": "", "place": ""}
    local = row.started_at.astimezone(CHINA_TZ)
    return {"session_time": f"{local:%Y年%m月%d日 %H:%M}", "place": row.place}


def _instalment_values(uow: UnitOfWork, case: Case) -> dict[str, str]:
    """The first instalment due from today on (China time) of the signed settlement."""
    from app.store.records import Settlement

    row = uow.session.scalars(select(Settlement).where(Settlement.case_id == case.id)).first()
    today = uow.now.astimezone(CHINA_TZ).date()
    rows = row.terms.get("installments", []) if row is not None else []
    for item in rows:
        due = date.fromisoformat(item["due"])
        if due >= today:
            amount = fmt_grouped(Decimal(item["amount"]))
            return {"due": f"{due:%Y年%m月%d日}", "n": str(item["n"]), "amount": amount}
    return {"due": "", "n": "", "amount": ""}
