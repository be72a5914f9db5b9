"""Settlement: the basis of a case's settlement, saving it, the signed plan as of a day
(moving a defaulted case to 已违约) and recording a payment under it; the creditor's mandate
that applies and the approvals asked of the creditor for a settlement outside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.ops import in_store
from ui.tasks import Op

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.mandate.exceptions import ExceptionInfo
    from app.services.mandate.service import MandateView
    from app.services.settlement.plan_tracking import PlanPaymentInfo, PlanStatusInfo
    from app.services.settlement.service import SettlementBasis
    from app.services.settlement.terms import SettlementInfo
    from ui.services import Core


@dataclass(frozen=True)
class Terms:
    """A settlement as the page collects it, in the services' JSON form (texts as typed)."""

    levers: Mapping[str, Any]
    plan: Mapping[str, Any]
    default_terms: Mapping[str, Any]
    payment_method: str
    extra_terms: Sequence[str]


@dataclass(frozen=True)
class Followed:
    """What the tracker shows for a case: its plan's status, or why there is none."""

    case_no: str
    case_status: str
    status: PlanStatusInfo | None
    moved: bool
    reason: str = ""  # "unsigned" or "no_settlement" when `status` is None


@dataclass(frozen=True)
class MandateState:
    """The mandate that applies to a case, and its requests for the creditor's approval."""

    view: MandateView | None
    exceptions: list[ExceptionInfo]


def basis(core: Core, case_no: str) -> Op[SettlementBasis]:
    """The latest snapshot's lawful figures, the floor, the cap and the saved settlement."""

    def work(ctx: AppContext) -> SettlementBasis:
        from app.services.settlement.service import settlement_basis

        return settlement_basis(ctx, case_no)

    return in_store(core, work)


def save(core: Core, case_no: str, terms: Terms, snapshot_id: int | None) -> Op[SettlementInfo]:
    """Check and store the settlement (an `InputError` lists every problem by path)."""

    def work(ctx: AppContext) -> SettlementInfo:
        from app.services.settlement.service import save_settlement

        return save_settlement(
            ctx, case_no, terms.levers, terms.plan, terms.default_terms,
            snapshot_id=snapshot_id, payment_method=terms.payment_method,
            extra_terms=terms.extra_terms,
        )  # fmt: skip

    return in_store(core, work)


def follow(core: Core, case_no: str, as_of: date, check: bool) -> Op[Followed]:
    """The plan as of `as_of`, after `check_default` (which may move the case) when `check`."""

    def work(ctx: AppContext) -> Followed:
        from app.services.cases import service as cases
        from app.services.settlement import service as st
        from app.services.settlement.plan_tracking import TRACKED

        current = cases.get_case(ctx, case_no).summary.status
        if current not in TRACKED:
            return Followed(case_no, current, None, False, "unsigned")
        if st.get_settlement(ctx, case_no) is None:
            return Followed(case_no, current, None, False, "no_settlement")
        if check:
            result = st.check_default(ctx, case_no, as_of)
            return Followed(case_no, result.status.case_status, result.status, result.moved)
        status = st.plan_status(ctx, case_no, as_of)
        return Followed(case_no, status.case_status, status, False)

    return in_store(core, work)


def record_payment(
    core: Core, case_no: str, day: date, amount: str, note: str
) -> Op[PlanPaymentInfo]:
    """A payment under the signed plan (problems by field: date, amount, note)."""

    def work(ctx: AppContext) -> PlanPaymentInfo:
        from app.services.settlement.service import record_plan_payment

        return record_plan_payment(ctx, case_no, day, amount, note)

    return in_store(core, work)


def mandate(core: Core, case_no: str) -> Op[MandateState]:
    """The mandate that applies to the case and the case's approval requests."""

    def work(ctx: AppContext) -> MandateState:
        from app.services.mandate.exceptions import exceptions_of
        from app.services.mandate.service import mandate_view

        return MandateState(mandate_view(ctx, case_no), exceptions_of(ctx, case_no))

    return in_store(core, work)


def request_approval(
    core: Core, case_no: str, path: Path
) -> Op[tuple[ExceptionInfo, list[ExceptionInfo]]]:
    """Ask the creditor to approve the saved settlement: the request written as a PDF to
    `path`; the request and the case's approval requests after it."""

    def work(ctx: AppContext) -> tuple[ExceptionInfo, list[ExceptionInfo]]:
        from app.fsutil import write_atomically
        from app.services.mandate.approval import approval_request_pdf
        from app.services.mandate.exceptions import exceptions_of, request_exception

        info = request_exception(ctx, case_no)
        write_atomically(path, approval_request_pdf(ctx, info.id))
        return info, exceptions_of(ctx, case_no)

    return in_store(core, work)


@dataclass(frozen=True)
class Decision:
    """The creditor's answer to a request for approval, as 记录批复 collects it."""

    approved: bool
    approver: str
    how: str
    decided_on: date
    scan_path: str = ""


def pending_approvals(core: Core) -> Op[list[ExceptionInfo]]:
    """Settlements outside the creditor's mandate waiting for the creditor's answer."""

    def work(ctx: AppContext) -> list[ExceptionInfo]:
        from app.services.mandate.exceptions import pending_exceptions

        return pending_exceptions(ctx)

    return in_store(core, work)


def approval_request_pdf(core: Core, exception_id: int, path: Path) -> Op[Path]:
    """The request for the creditor's approval of one settlement, written to `path`."""

    def work(ctx: AppContext) -> Path:
        from app.fsutil import write_atomically
        from app.services.mandate.approval import approval_request_pdf

        write_atomically(path, approval_request_pdf(ctx, exception_id))
        return path

    return in_store(core, work)


def approvals_xlsx(core: Core, path: Path) -> Op[Path]:
    """Every pending approval as a row of an .xlsx for the creditor."""

    def work(ctx: AppContext) -> Path:
        from app.services.mandate.approval import approvals_xlsx

        return approvals_xlsx(ctx, path)

    return in_store(core, work)


def record_decision(core: Core, exception_id: int, decision: Decision) -> Op[ExceptionInfo]:
    """The creditor's answer recorded, its scan (read from `decision.scan_path`) attached."""

    def work(ctx: AppContext) -> ExceptionInfo:
        from app.services.mandate.exceptions import record_decision

        scan_path = Path(decision.scan_path) if decision.scan_path else None
        scan = scan_path.read_bytes() if scan_path is not None else None
        return record_decision(
            ctx, exception_id, approved=decision.approved, approver=decision.approver,
            how=decision.how, decided_on=decision.decided_on, scan=scan,
            scan_name=scan_path.name if scan_path is not None else "",
        )  # fmt: skip

    return in_store(core, work)
