"""Signing the agreement in a session: one final version of it, which every party and the
mediator sign on the pad, or which is printed, signed on paper and scanned back.

    progress = prepare_agreement(ctx, "TJ-2026-000008")       # the version to sign
    progress = sign_on_pad(ctx, progress.document.id, party_id, "田婷", png, strokes)
    progress = sign_on_paper(ctx, progress.document.id, jpeg, "签字页.jpg")
    pdf = signed_agreement_pdf(ctx, progress.document.id)     # with the signatures placed
    info = seal_agreement(ctx, progress.document.id, passphrase=pw)  # + the organisation's

The version is rendered from the case as it stands and kept in the documents store as
final (the same bytes as the latest version reuse it; different bytes make a new version
that cites the old one, which stays as it was). When the last pad signature is given the
version is signed, and the agreement with every signature placed on its signature lines is
kept with it as the evidence of the handwritten signing.

`seal_agreement` then applies the organisation's PAdES signature to that pad-signed PDF
(never re-rendered: the signature is an incremental update appended to its bytes) and keeps
the result with the version (`digital_pdf`); `final_pdf` gives the most complete signed
form of any version. A version signed on paper is not sealed: the scan is the evidence,
and a digital signature on the unsigned PDF would certify nothing the parties signed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.documents.records import DocumentInfo
    from app.services.documents.signatures import SigningProgress
    from app.services.organisation.accounts import SignedIn

KIND = "agreement"
SIGNED_PDF = "signed_pdf"  # the agreement with the pad signatures placed
DIGITAL_PDF = "digital_pdf"  # that PDF with the organisation's PAdES signature appended


def prepare_agreement(ctx: AppContext, case_no: str) -> SigningProgress:
    """The agreement version to sign (made final now, or the one already made)."""
    from app.services.documents import store as store
    from app.services.documents.service import render_document
    from app.services.documents.signatures import signing_progress
    from app.services.mandate.exceptions import require_within_mandate

    with ctx.read() as uow:  # refused before anything is made final
        require_within_mandate(uow, uow.cases.require(case_no))
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
    from app.services.documents.signatures import record_signature

    progress = record_signature(ctx, document_id, party_id, name, png, strokes)
    if progress.complete:
        _keep_signed_pdf(ctx, progress)
    return progress


def sign_on_paper(ctx: AppContext, document_id: int, scan: bytes, filename: str) -> SigningProgress:
    """The wet-ink path: the scan or photo of the signed paper signs the version."""
    from app.services.documents.signatures import signing_progress
    from app.services.documents.store import attach_signed_scan

    attach_signed_scan(ctx, document_id, scan, filename)
    return signing_progress(ctx, document_id)


def signed_agreement_pdf(ctx: AppContext, document_id: int) -> bytes:
    """The agreement as signed: see `final_pdf`."""
    return final_pdf(ctx, document_id)


def final_pdf(ctx: AppContext, document_id: int) -> bytes:
    """The most complete PDF of a version: with the organisation's digital signature, else
    with the pad signatures placed, else the version as rendered."""
    from app.services.documents import store as store

    info = store.get_document(ctx, document_id)
    for role in (DIGITAL_PDF, SIGNED_PDF):
        kept = [a for a in info.attachments if a.role == role]
        if kept:
            return store.get_attachment_content(ctx, kept[-1].id)
    return store.get_document_content(ctx, document_id)


def is_sealed(info: DocumentInfo) -> bool:
    """The version carries the organisation's digital signature."""
    return any(a.role == DIGITAL_PDF for a in info.attachments)


def sealable(info: DocumentInfo) -> bool:
    """Signed by everyone on the pad (the signed PDF kept) and not yet digitally signed."""
    roles = {a.role for a in info.attachments}
    return info.status == "signed" and SIGNED_PDF in roles and DIGITAL_PDF not in roles


def seal_agreement(
    ctx: AppContext,
    document_id: int,
    *,
    passphrase: str | None = None,
    interactive: bool = False,
    prompt: Callable[[str], str] | None = None,
    by: SignedIn | None = None,
) -> DocumentInfo:
    """Apply the organisation's PAdES signature to the version's pad-signed PDF and keep
    it (`digital_pdf`); creates the organisation's key and certificate on first use. A
    version already sealed is returned as it is. The passphrase as `signing.sign_document`
    takes it (given, or from the keyring, the environment or `prompt`)."""
    from app.services.documents import store as store
    from app.services.organisation.service import get_profile
    from app.services.organisation.signing import sign_document

    info = store.get_document(ctx, document_id)
    if is_sealed(info):
        return info
    _require_sealable(info)
    pdf = final_pdf(ctx, document_id)
    result = sign_document(
        ctx.data_dir,
        pdf,
        passphrase=passphrase,
        interactive=interactive,
        prompt=prompt,
        org_name=get_profile(ctx).name or None,
        now=ctx.now(),
        by=by,
    )
    name = f"{_number(info)}-sealed.pdf"
    return store.attach_signed_pdf(ctx, document_id, result.pdf, how="digital", filename=name)


def _require_sealable(info: DocumentInfo) -> None:
    from app.domain.errors import DomainError

    what = f"{info.kind_label}（第 {info.version} 版）"
    if info.status != "signed":
        raise DomainError(f"{what}还没有签署完毕：请先请各方在签名板上签名，再加盖电子签章。")
    if not sealable(info):
        raise DomainError(
            f"{what}是在纸面上签署的，以签字页扫描件为准，不加盖电子签章："
            "电子签章只加在各方于签名板上签署的协议上。"
        )


def _number(info: DocumentInfo) -> str:
    from app.documents.pdf.model import document_number

    return document_number(info.case_no, info.kind, info.version)


def _keep_signed_pdf(ctx: AppContext, progress: SigningProgress) -> None:
    """Render the agreement with the signature images on their lines and keep it."""
    from app.documents.pdf import render_pdf
    from app.services.cases.service import get_case
    from app.services.clock import china_date
    from app.services.documents.service import document_data
    from app.services.documents.store import attach_signed_pdf

    case_no = progress.document.case_no
    data = document_data(ctx, case_no, KIND)
    images = {s.party_id: s.png for s in progress.signatures}
    days = {s.party_id: china_date(s.signed_at) for s in progress.signatures}
    ids = [p.id for p in get_case(ctx, case_no).parties]
    parties = tuple(
        replace(party, signature_png=images.get(party_id), signed_on=days.get(party_id))
        for party, party_id in zip(data.parties, ids, strict=True)
    )
    signed = replace(data, parties=parties, mediator_signature_png=images.get(None),
                     mediator_signed_on=days.get(None))  # fmt: skip
    name = f"{data.number}-signed.pdf"
    attach_signed_pdf(
        ctx, progress.document.id, render_pdf(KIND, signed), how="handwritten", filename=name
    )
