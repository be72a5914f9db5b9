"""Cases: the list, one case, a new case, a full number revealed (audited), the case's
mediator and its status moved by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import in_store
from ui.tasks import Op, op

if TYPE_CHECKING:
    from app.services.cases.privacy import Revealed
    from app.services.cases.service import CaseDetail, CaseSummary, NewCase
    from app.services.cases.status import StatusOption
    from app.services.context import AppContext
    from ui.services import Core


def list_cases(core: Core, query: str = "") -> Op[list[CaseSummary]]:
    return op(lambda: core.list_cases(query))


def get_case(core: Core, case_no: str) -> Op[CaseDetail]:
    return op(lambda: core.get_case(case_no))


def create_case(core: Core, new: NewCase) -> Op[CaseSummary]:
    """Validate and store a new case (`InputError` lists every problem by field)."""
    return op(lambda: core.create_case(new))


def reveal(core: Core, case_no: str, party_id: int, field: str) -> Op[Revealed]:
    """One party's full ID or phone number, written to the audit log."""
    return op(lambda: core.reveal(case_no, party_id, field))


def mediator_names(core: Core) -> Op[list[str]]:
    """The organisation's mediators and the accounts, to choose a case's mediator among."""

    def work(ctx: AppContext) -> list[str]:
        from app.services.cases.assign import mediator_names

        return mediator_names(ctx)

    return in_store(core, work)


def assign_mediator(core: Core, case_no: str, name: str) -> Op[CaseSummary]:
    """Assign or reassign the case's mediator (audited)."""

    def work(ctx: AppContext) -> CaseSummary:
        from app.services.cases.assign import assign_mediator

        return assign_mediator(ctx, case_no, name)

    return in_store(core, work)


def status_options(core: Core, case_no: str) -> Op[list[StatusOption]]:
    """The moves the state machine allows the case now, each with what it asks for."""

    def work(ctx: AppContext) -> list[StatusOption]:
        from app.services.cases.status import status_options

        return status_options(ctx, case_no)

    return in_store(core, work)


def set_status(
    core: Core, case_no: str, status: str, on: str, ruling_no: str, reason: str
) -> Op[CaseSummary]:
    """Move the case to `status` (`InputError` at `date`, `ruling_no`, `reason`)."""

    def work(ctx: AppContext) -> CaseSummary:
        from app.services.cases.status import set_status

        return set_status(ctx, case_no, status, on=on, ruling_no=ruling_no, reason=reason)

    return in_store(core, work)
