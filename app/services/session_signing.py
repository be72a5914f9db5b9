"""Signing the agreement in a session: one final version of it, which every party and the
mediator sign on the pad, or which is printed, signed on paper and scanned back.

    progress = prepare_agreement(ctx, "TJ-2026-000008")       # the version to sign
    progress = sign_on_pad(ctx, progress.document.id, party_id, "田婷", png, strokes)
    progress = sign_on_paper(ctx, progress.document.id, jpeg, "签字页.jpg")
    pdf = signed_agreement_pdf(ctx, progress.document.id)     # with the signatures placed

The version is rendered from the case as it stands and kept in the documents store as
final (the same bytes as the latest version reuse it; different bytes make a new version
that cites the old one, which stays as it was). When the last pad signature is given the
version is signed, and the agreement with every signature placed on its signature lines is
kept with it as the evidence of the handwritten signing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.document_signatures import SigningProgress

KIND = "agreement"


def prepare_agreement(ctx: AppContext, case_no: str) -> SigningProgress:
    """The agreement version to sign (made final now, or the one already made)."""
    from app.services import documents_store as store
    from app.services.document_signatures import signing_progress
    from app.services.documents import render_document

    rendered = render_document(ctx, case_no, KIND)
    latest = store.latest_version(ctx, case_no, KIND)
    if latest is None:
        doc = store.create_version(ctx, case_no, KIND, rendered.pdf, final=True)
    elif latest.sha256 != rendered.sha256:
        doc = store.amend(ctx, latest.id, rendered.pdf, final=True)
    elif latest.status == "draft":
        doc = store.mark_final(ctx, latest.id)
    else:
        doc = latest
    return signing_progress(ctx, doc.id)


def sign_on_pad(
    ctx: AppContext,
    document_id: int,
    party_id: int | None,
    name: str,
    png: bytes,
    strokes: dict[str, Any],
) -> SigningProgress:
    """One signer's pad signature; the last one signs the version and keeps the agreement
    with every signature placed."""
    from app.services.document_signatures import record_signature

    progress = record_signature(ctx, document_id, party_id, name, png, strokes)
    if progress.complete:
        _keep_signed_pdf(ctx, progress)
    return progress


def sign_on_paper(ctx: AppContext, document_id: int, scan: bytes, filename: str) -> SigningProgress:
    """The wet-ink path: the scan or photo of the signed paper signs the version."""
    from app.services.document_signatures import signing_progress
    from app.services.documents_store import attach_signed_scan

    attach_signed_scan(ctx, document_id, scan, filename)
    return signing_progress(ctx, document_id)


def signed_agreement_pdf(ctx: AppContext, document_id: int) -> bytes:
    """The agreement with the pad signatures placed, when signed so; else the version."""
    from app.services import documents_store as store

    info = store.get_document(ctx, document_id)
    placed = [a for a in info.attachments if a.role == "signed_pdf"]
    if placed:
        return store.get_attachment_content(ctx, placed[-1].id)
    return store.get_document_content(ctx, document_id)


def _keep_signed_pdf(ctx: AppContext, progress: SigningProgress) -> None:
    """Render the agreement with the signature images on their lines and keep it."""
    from app.documents.pdf import render_pdf
    from app.services.cases import get_case
    from app.services.documents import document_data
    from app.services.documents_store import attach_signed_pdf

    case_no = progress.document.case_no
    data = document_data(ctx, case_no, KIND)
    images = {s.party_id: s.png for s in progress.signatures}
    ids = [p.id for p in get_case(ctx, case_no).parties]
    parties = tuple(
        replace(party, signature_png=images.get(party_id))
        for party, party_id in zip(data.parties, ids, strict=True)
    )
    signed = replace(data, parties=parties, mediator_signature_png=images.get(None))
    name = f"{data.number}-signed.pdf"
    attach_signed_pdf(
        ctx, progress.document.id, render_pdf(KIND, signed), how="handwritten", filename=name
    )
