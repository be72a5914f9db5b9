"""A mediation session (the wizard): starting or resuming it, each field saved as typed,
parties, attendees and payments, the agreement signed, the documents rendered and the
session closed (with progress), the agreement sealed by the organisation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.ops import in_store, in_store_with_progress
from ui.tasks import Op

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.documents.service import RenderedDocument
    from app.services.documents.signatures import SigningProgress
    from app.services.organisation.accounts import SignedIn
    from app.services.sessions.close import ClosedSession
    from app.services.sessions.service import SessionState
    from ui.services import Core
    from ui.tasks import Progress


def start(core: Core, case_no: str) -> Op[SessionState]:
    """The case's open session, resumed, or one started now (the case moves to 调解中)."""

    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions.service import start_or_resume

        return start_or_resume(ctx, case_no)

    return in_store(core, work)


def state(core: Core, session_id: int) -> Op[SessionState]:
    """The session as it stands now."""

    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions.service import get_state

        return get_state(ctx, session_id)

    return in_store(core, work)


def remember_step(core: Core, case_no: str, step: int) -> Op[int]:
    def work(ctx: AppContext) -> int:
        from app.services.sessions.service import set_step

        return int(set_step(ctx, case_no, step))

    return in_store(core, work)


def save_field(core: Core, session_id: int, path: str, value: str | bool) -> Op[SessionState]:
    """One field as typed (an `InputError` says why it is refused)."""

    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions.service import save_field

        return save_field(ctx, session_id, path, value)

    return in_store(core, work)


def add_party(
    core: Core, case_no: str, session_id: int, role: str, name: str
) -> Op[SessionState]:
    """Add a co-debtor or guarantor to the case, then the session's new state."""

    def work(ctx: AppContext) -> SessionState:
        from app.services.cases import service as cases
        from app.services.sessions import service as sessions

        cases.add_party(ctx, case_no, role, name)
        return sessions.get_state(ctx, session_id)

    return in_store(core, work)


def remove_party(core: Core, case_no: str, session_id: int, party_id: int) -> Op[SessionState]:
    def work(ctx: AppContext) -> SessionState:
        from app.services.cases import service as cases
        from app.services.sessions import service as sessions

        cases.remove_party(ctx, case_no, party_id)
        return sessions.get_state(ctx, session_id)

    return in_store(core, work)


def add_attendee(
    core: Core, session_id: int, capacity: str, party_id: int | None
) -> Op[SessionState]:
    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions import service as sessions

        return sessions.add_attendee(ctx, session_id, capacity, party_id)

    return in_store(core, work)


def remove_attendee(core: Core, session_id: int, index: int) -> Op[SessionState]:
    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions import service as sessions

        return sessions.remove_attendee(ctx, session_id, index)

    return in_store(core, work)


def add_payment(
    core: Core, session_id: int, day: str, amount: str, note: str
) -> Op[SessionState]:
    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions import service as sessions

        return sessions.add_payment(ctx, session_id, day, amount, note)

    return in_store(core, work)


def remove_payment(core: Core, session_id: int, payment_id: int) -> Op[SessionState]:
    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions import service as sessions

        return sessions.remove_payment(ctx, session_id, payment_id)

    return in_store(core, work)


def add_charge(
    core: Core, session_id: int, day: str, amount: str, kind: str
) -> Op[SessionState]:
    """A dated fee or cost the lender charged (`InputError` at `charge.date` / `.amount`)."""

    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions import service as sessions

        return sessions.add_charge(ctx, session_id, day, amount, kind)

    return in_store(core, work)


def remove_charge(core: Core, session_id: int, charge_id: int) -> Op[SessionState]:
    def work(ctx: AppContext) -> SessionState:
        from app.services.sessions import service as sessions

        return sessions.remove_charge(ctx, session_id, charge_id)

    return in_store(core, work)


def prepare_agreement(core: Core, case_no: str) -> Op[SigningProgress]:
    """The agreement made final as the case stands (or that version found again)."""

    def work(ctx: AppContext) -> SigningProgress:
        from app.services.sessions.signing import prepare_agreement

        return prepare_agreement(ctx, case_no)

    return in_store(core, work)


def sign_on_pad(
    core: Core,
    document_id: int,
    party_id: int | None,
    name: str,
    png: bytes,
    strokes: dict[str, Any],
) -> Op[SigningProgress]:
    def work(ctx: AppContext) -> SigningProgress:
        from app.services.sessions.signing import sign_on_pad

        return sign_on_pad(ctx, document_id, party_id, name, png, strokes)

    return in_store(core, work)


def sign_on_paper(
    core: Core, document_id: int, scan: bytes, filename: str
) -> Op[SigningProgress]:
    def work(ctx: AppContext) -> SigningProgress:
        from app.services.sessions.signing import sign_on_paper

        return sign_on_paper(ctx, document_id, scan, filename)

    return in_store(core, work)


def preview_documents(core: Core, case_no: str, outcome: str) -> Op[list[RenderedDocument]]:
    """Every document the outcome needs, or one `InputError` listing what each lacks."""

    def work(ctx: AppContext, progress: Progress) -> list[RenderedDocument]:
        from app.domain.errors import InputError, Problem
        from app.services.sessions.close import documents_missing, preview_documents

        missing = documents_missing(ctx, case_no, outcome)
        if missing:
            raise InputError([Problem("documents", text) for text in missing])
        return preview_documents(ctx, case_no, outcome, progress.report)

    return in_store_with_progress(core, work)


def close(core: Core, case_no: str, outcome: str) -> Op[ClosedSession]:
    """End the session: the case moves on, the documents are rendered and kept."""

    def work(ctx: AppContext, progress: Progress) -> ClosedSession:
        from app.services.sessions.close import close_session

        return close_session(ctx, case_no, outcome, progress.report)

    return in_store_with_progress(core, work)


def seal_closed(
    core: Core, closed: ClosedSession, passphrase: str | None = None, by: SignedIn | None = None
) -> Op[ClosedSession]:
    """`closed` with its pad-signed agreement sealed by the organisation; without a
    passphrase, as now stored (sealed meanwhile from the 文书 tab)."""

    def work(ctx: AppContext) -> ClosedSession:
        from app.services.sessions.close import seal_closed

        if passphrase is None:
            return seal_closed(ctx, closed)
        return seal_closed(ctx, closed, passphrase=passphrase, by=by)

    return in_store(core, work)
