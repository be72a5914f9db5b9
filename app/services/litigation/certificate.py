"""The preservation certificate (证据保全证书): rendered, the list embedded, sealed, kept.

    result = issue_certificate(ctx, "TJ-2026-000004")   # passphrase: keyring, env or prompt
    export_package(ctx, "TJ-2026-000004", Path("存证"), result)  # files + certificate

The certificate lists each preserved file (as `case_evidence` numbers it) with its SHA-256,
size and the time it entered the store; the same list is embedded as `manifest.json`; then
the organisation's PAdES signature seals the whole. The sealed PDF is kept with the case as
a version of kind `certificate` (the unsealed rendering as its content, the sealed one as
its digital signature), so `verify` also finds it in the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.documents.pdf.model import DocumentData
    from app.services.context import AppContext
    from app.services.organisation.accounts import SignedIn

KIND = "certificate"
REASON = "证据保全"


@dataclass(frozen=True)
class CertificateResult:
    case_no: str
    document_no: str
    document_id: int
    pdf: bytes
    sha256: str
    items: int


def manifest_of(data: DocumentData) -> dict[str, Any]:
    from app.documents.evidence_manifest import FORMAT

    papers = data.papers
    assert papers is not None and papers.issued_at is not None
    return {
        "format": FORMAT,
        "case_no": data.case_no,
        "certificate_no": data.number,
        "issued_at": papers.issued_at.isoformat(),
        "organisation": data.organisation.name,
        "items": [
            {
                "n": e.n,
                "file": e.file_name,
                "title": e.title,
                "sha256": e.sha256,
                "size": e.size,
                "added_at": e.added_at.isoformat(),
                "source": e.source,
            }
            for e in papers.evidence
        ],
    }


def issue_certificate(
    ctx: AppContext,
    case_no: str,
    *,
    passphrase: str | None = None,
    interactive: bool = False,
    prompt: Callable[[str], str] | None = None,
    by: SignedIn | None = None,
) -> CertificateResult:
    """Render, embed the list, seal with the organisation's signature and keep."""
    from app.documents.evidence_manifest import embed
    from app.documents.pdf import render_pdf
    from app.documents.pdf.model import document_number
    from app.services.documents import store
    from app.services.litigation.papers import court_document_data
    from app.services.organisation.service import get_profile
    from app.services.organisation.signing import sign_document

    now = ctx.now()
    data = court_document_data(ctx, case_no, KIND, issued_at=now)
    latest = store.latest_version(ctx, case_no, KIND)
    data = replace(data, number=document_number(case_no, KIND, latest.version + 1 if latest else 1))
    pdf = embed(render_pdf(KIND, data), manifest_of(data))
    sealed = sign_document(
        ctx.data_dir,
        pdf,
        passphrase=passphrase,
        interactive=interactive,
        prompt=prompt,
        org_name=get_profile(ctx).name or None,
        now=now,
        by=by,
        reason=REASON,
    )
    doc = store.create_version(ctx, case_no, KIND, pdf, final=True)
    store.attach_signed_pdf(ctx, doc.id, sealed.pdf, how="digital", filename=f"{data.number}.pdf")
    assert data.papers is not None
    return CertificateResult(
        case_no, data.number, doc.id, sealed.pdf, sealed.sha256, len(data.papers.evidence)
    )


def export_package(
    ctx: AppContext, case_no: str, folder: Path, certificate: CertificateResult
) -> list[Path]:
    """The evidence files and the sealed certificate in one folder, as `verify` checks them."""
    from app.services.litigation.evidence import export_evidence
    from app.services.organisation.signing import save_document

    files = export_evidence(ctx, case_no, folder)
    path = folder / f"{certificate.document_no}-证据保全证书.pdf"
    save_document(path, certificate.pdf)
    return [*files, path]
