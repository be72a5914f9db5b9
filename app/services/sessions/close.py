"""The end of a session: the documents its outcome needs, checked, previewed and rendered.

    missing = documents_missing(ctx, "TJ-2026-000007", "agreed")      # [] when all can render
    docs = preview_documents(ctx, "TJ-2026-000007", "agreed")        # nothing stored
    closed = close_session(ctx, "TJ-2026-000007", "agreed")          # status moves on

An agreement needs the agreement, its repayment plan and the session record; no agreement
the record of termination (调解终结书) and the session record; an adjournment the session
record. `close_session` refuses (InputError, everything at once) before changing anything
when a step or a document lacks something; then it finishes the session (the case moves
on) and keeps each document as a final version in the documents store: the agreement as
the parties signed it (see `session_signing`), the others rendered as the case now stands.

    if agreement_to_seal(closed) is not None:                         # signed on the pad
        closed = seal_closed(ctx, closed, passphrase=pw)              # + organisation's PAdES

`seal_closed` is a step of its own, after the session is finished, so that a missing or
wrong passphrase never undoes a finished session: the pad-signed agreement stays signed and
can be sealed later (`session_signing.seal_agreement`). An agreement signed on paper is
kept as its scan and not sealed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.documents.pdf import DOCUMENT_KINDS
from app.domain.errors import DomainError, InputError, Problem

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.documents.service import RenderedDocument
    from app.services.documents.store import DocumentInfo
    from app.services.organisation.accounts import SignedIn
    from app.services.sessions.service import FinishResult

Progress = Callable[[int, int], None]

OUTCOME_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "agreed": ("agreement", "plan", "record"),
    "not_agreed": ("termination", "record"),
    "adjourned": ("record",),
}


@dataclass(frozen=True)
class ClosedSession:
    """A finished session: where the case went, and the documents rendered for it."""

    result: FinishResult
    documents: tuple[RenderedDocument, ...]
    versions: tuple[DocumentInfo, ...] = ()
    """The stored version of each document, in the same order."""


def documents_for(outcome: str) -> tuple[str, ...]:
    return OUTCOME_DOCUMENTS.get(outcome, ())


def documents_missing(ctx: AppContext, case_no: str, outcome: str) -> list[str]:
    """What the outcome's documents lack, each prefixed with the document's name."""
    from app.services.documents.service import document_data

    found: list[str] = []
    for kind in documents_for(outcome):
        try:
            document_data(ctx, case_no, kind)
        except InputError as error:
            found += [f"{DOCUMENT_KINDS[kind]}：{p.reason}" for p in error.problems]
    return list(dict.fromkeys(found))


def preview_documents(
    ctx: AppContext, case_no: str, outcome: str, progress: Progress | None = None
) -> list[RenderedDocument]:
    """Render the outcome's documents as the case stands now; nothing is stored."""
    from app.services.documents.service import render_document

    kinds = documents_for(outcome)
    rendered = []
    for done, kind in enumerate(kinds):
        if progress is not None:
            progress(done, len(kinds))
        rendered.append(render_document(ctx, case_no, kind))
    if progress is not None:
        progress(len(kinds), len(kinds))
    return rendered


def close_session(
    ctx: AppContext, case_no: str, outcome: str, progress: Progress | None = None
) -> ClosedSession:
    """Finish the open session with `outcome` and render its documents (see the module)."""
    from app.services.sessions import service as sessions
    from app.services.sessions.state import open_session, state_of

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        row = open_session(uow, case)
        state = None if row is None else state_of(uow, case, row)
    problems = [] if state is None else sessions.missing_for_finish(state, outcome)
    found = [Problem(key, text) for key, text in problems]
    found += [Problem("documents", text) for text in documents_missing(ctx, case_no, outcome)]
    if found:
        raise InputError(found)
    result = sessions.finish(ctx, case_no, outcome)
    kinds = documents_for(outcome)
    kept: list[tuple[RenderedDocument, DocumentInfo]] = []
    for done, kind in enumerate(kinds):
        if progress is not None:
            progress(done, len(kinds))
        kept.append(
            _signed_agreement(ctx, case_no) if kind == "agreement" else _keep(ctx, case_no, kind)
        )
    if progress is not None:
        progress(len(kinds), len(kinds))
    _record(ctx, case_no, result.session_id, kept)
    return ClosedSession(result, tuple(d for d, _ in kept), tuple(v for _, v in kept))


def agreement_to_seal(closed: ClosedSession) -> DocumentInfo | None:
    """The session's agreement version when it still needs the organisation's digital
    signature (signed on the pad, not sealed); None otherwise (no agreement, sealed, or
    signed on paper)."""
    from app.services.sessions.signing import sealable

    for document, version in zip(closed.documents, closed.versions, strict=False):
        if document.kind == "agreement" and sealable(version):
            return version
    return None


def seal_closed(
    ctx: AppContext,
    closed: ClosedSession,
    *,
    passphrase: str | None = None,
    by: SignedIn | None = None,
) -> ClosedSession:
    """The finished session with its pad-signed agreement also carrying the organisation's
    PAdES signature (see `session_signing.seal_agreement`); unchanged when nothing needs
    sealing. DomainError (e.g. a wrong passphrase) leaves the stored agreement as it was."""
    from app.services.sessions.signing import seal_agreement

    version = agreement_to_seal(closed)
    if version is None:
        return closed
    seal_agreement(ctx, version.id, passphrase=passphrase, by=by)
    document, sealed = _signed_agreement(ctx, version.case_no)
    documents = tuple(document if d.kind == "agreement" else d for d in closed.documents)
    versions = tuple(sealed if v.id == sealed.id else v for v in closed.versions)
    return replace(closed, documents=documents, versions=versions)


def _keep(ctx: AppContext, case_no: str, kind: str) -> tuple[RenderedDocument, DocumentInfo]:
    """Render `kind` and keep it as a final version (the latest, when it is the same PDF)."""
    from app.services.documents import store as store
    from app.services.documents.service import render_document

    rendered = render_document(ctx, case_no, kind)
    latest = store.latest_version(ctx, case_no, kind)
    if latest is not None and latest.sha256 == rendered.sha256:
        return rendered, latest
    return rendered, store.create_version(ctx, case_no, kind, rendered.pdf, final=True)


def _signed_agreement(ctx: AppContext, case_no: str) -> tuple[RenderedDocument, DocumentInfo]:
    """The agreement as the parties signed it (the version, with the signatures placed when
    they were given on the pad) — never re-rendered after signing."""
    import hashlib

    from app.documents.pdf.model import document_number
    from app.services.documents import store as store
    from app.services.documents.service import RenderedDocument
    from app.services.sessions.signing import signed_agreement_pdf

    version = store.latest_version(ctx, case_no, "agreement")
    if version is None or version.status != "signed":
        raise DomainError(f"案件 {case_no} 的调解协议书还没有签署。")
    pdf = signed_agreement_pdf(ctx, version.id)
    number = document_number(case_no, "agreement")
    sha = hashlib.sha256(pdf).hexdigest()
    return RenderedDocument("agreement", number, pdf, sha, ""), version


def _record(
    ctx: AppContext,
    case_no: str,
    session_id: int,
    kept: list[tuple[RenderedDocument, DocumentInfo]],
) -> None:
    """Note in the audit log which documents the session produced and where they are kept."""
    listed = [
        {"kind": d.kind, "number": d.document_no, "sha256": d.sha256, "document_id": v.id}
        for d, v in kept
    ]
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        detail = {"session_id": session_id, "documents": listed}
        uow.record("session.documents_rendered", case=case, detail=detail)
