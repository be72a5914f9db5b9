"""Cases: the list, one case, a new case, a full number revealed (audited)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.tasks import Op, op

if TYPE_CHECKING:
    from app.services.cases.privacy import Revealed
    from app.services.cases.service import CaseDetail, CaseSummary, NewCase
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
