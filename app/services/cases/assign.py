"""The mediator in charge of a case (承办调解员): who can be chosen, assigning, reassigning.

    mediator_names(ctx)                          # ["刘涛", "王芳", …] to choose from
    assign_mediator(ctx, "TJ-2026-000007", "王芳")  # audited as case.mediator_assigned

The names are the organisation's mediators (Settings → 调解组织) and the app's active
accounts (each account's display name). Choosing an account that is not yet one of the
organisation's mediators adds it to them (the role follows the account's), so a mediator
who signs in can be given cases, and is the default for the cases they create, without a
supervisor first typing their name twice. Adding needs the organisation's profile saved.
Who can be chosen is `app.services.cases.mediators`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.errors import InputError, Problem
from app.services.cases.mediators import mediator_for, unknown_mediator
from app.services.cases.mediators import mediator_names as mediator_names

if TYPE_CHECKING:
    from app.services.cases.service import CaseSummary
    from app.services.context import AppContext


def assign_mediator(ctx: AppContext, case_no: str, name: str) -> CaseSummary:
    """Make `name` the case's mediator (assign or reassign); InputError at `mediator` when no
    mediator or account has that name. Audited with the previous mediator."""
    from app.services.cases.service import summary_of

    if not name.strip():
        raise InputError([Problem("mediator", "请选择承办调解员。")])
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        mediator = mediator_for(uow, name)
        if mediator is None:
            raise unknown_mediator(uow, name, "mediator")
        before = case.mediator.name if case.mediator is not None else ""
        if before != mediator.name:
            case.mediator = mediator
            detail = {"from": before, "to": mediator.name}
            uow.record("case.mediator_assigned", case=case, detail=detail)
        return summary_of(case)
