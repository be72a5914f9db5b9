"""Document versions in the case store: their bytes, status, signing evidence, amendments.

    doc = create_version(ctx, "TJ-2026-000007", "agreement", pdf, final=True)
    mark_printed(ctx, doc.id, copies=3, printer="HP LaserJet")         # audited
    attach_signed_scan(ctx, doc.id, jpeg, "协议签字页.jpg")             # wet ink → signed
    attach_signed_pdf(ctx, doc.id, pades_pdf, how="digital")           # organisation's seal
    new = amend(ctx, doc.id, corrected_pdf)                            # v2 cites v1
    find_by_sha256(ctx, hashlib.sha256(pdf_from_court).hexdigest())   # for `verify`

The bytes live in the database (`document.content`, `document_attachment.content`), so
they are encrypted with it; each with its SHA-256. The two ways to "signed" are the same
final state: the wet-ink path (print, sign on paper, attach the scan) and the handwritten
path (`app.services.documents.signatures`: every party and the mediator sign on the pad);
the organisation's digital signature (`how="digital"`) also signs a version, or adds its
PAdES copy to one already signed. See `document_records` for statuses and locking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.domain.errors import DomainError, InputError, Problem
from app.services.documents import evidence as evidence
from app.services.documents.records import (
    ATTACHMENT_ROLES,
    AttachmentInfo,
    DocumentInfo,
    facts,
    info_of,
    kind_labels,
    refuse_draft,
    refuse_if_locked,
    require_bytes,
    require_document,
    sha256_hex,
    sign,
    title,
)

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.records import Document
    from app.store.unit_of_work import UnitOfWork

__all__ = [
    "AttachmentInfo",
    "DocumentInfo",
    "DocumentMatch",
    "amend",
    "attach_signed_pdf",
    "attach_signed_scan",
    "create_version",
    "find_by_sha256",
    "get_attachment_content",
    "get_document",
    "get_document_content",
    "latest_version",
    "list_documents",
    "mark_final",
    "mark_printed",
    "mark_signed",
    "replace_content",
]


@dataclass(frozen=True)
class DocumentMatch:
    """The store's record of a file found by its SHA-256: which version, and which of its
    files matched (`matched`: "content", or an attachment role: scan, signed_pdf, …)."""

    document_id: int
    case_no: str
    kind: str
    kind_label: str
    version: int
    status: str
    status_label: str
    matched: str
    matched_label: str
    filename: str
    document_sha256: str
    created_at: datetime
    supersedes: int | None
    superseded_by: int | None
    signed_via: str | None
    signed_at: datetime | None


# -- versions ------------------------------------------------------------------------------------


def create_version(
    ctx: AppContext, case_no: str, kind: str, content: bytes, *, final: bool = False
) -> DocumentInfo:
    """A new version of `kind` for the case (version numbers count per case and kind); it
    cites the latest earlier version, if any. Draft unless `final`."""
    if kind not in kind_labels():
        known = "、".join(kind_labels())
        raise InputError([Problem("kind", f"文书种类“{kind}”不存在：可选 {known}")])
    data = require_bytes(content, "content", "文书内容")
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        previous = _latest(uow, case.id, kind)
        doc = _add_version(uow, case, kind, data, previous, "final" if final else "draft")
        uow.record("document.created", case=case, detail={**facts(doc), "status": doc.status})
        return info_of(uow, doc, case.case_no)


def amend(
    ctx: AppContext, document_id: int, new_content: bytes, *, final: bool = False
) -> DocumentInfo:
    """A new version replacing `document_id` (which must be the latest of its kind); the
    old version stays as it is, signed or not."""
    data = require_bytes(new_content, "content", "修订后的文书内容")
    with ctx.write() as uow:
        old, case = require_document(uow, document_id)
        latest = _latest(uow, case.id, old.kind)
        if latest is not None and latest.id != old.id:
            raise DomainError(f"{title(old)}已有更新的第 {latest.version} 版：请在最新版本上修订。")
        doc = _add_version(uow, case, old.kind, data, old, "final" if final else "draft")
        detail = {**facts(doc), "supersedes_id": old.id, "old_sha256": old.file_sha256}
        uow.record("document.amended", case=case, detail=detail)
        return info_of(uow, doc, case.case_no)


def replace_content(ctx: AppContext, document_id: int, content: bytes) -> DocumentInfo:
    """Put new bytes into a draft or final version (re-rendered); a printed or signed one
    is refused with a DomainError saying to make an amendment."""
    data = require_bytes(content, "content", "文书内容")
    with ctx.write() as uow:
        doc, case = require_document(uow, document_id)
        refuse_if_locked(doc)
        old = doc.file_sha256
        doc.content, doc.file_sha256 = data, sha256_hex(data)
        uow.record("document.content_replaced", case=case, detail={**facts(doc), "old_sha256": old})
        return info_of(uow, doc, case.case_no)


def mark_final(ctx: AppContext, document_id: int) -> DocumentInfo:
    """Draft → final; a version already final, printed or signed is left as it is."""
    with ctx.write() as uow:
        doc, case = require_document(uow, document_id)
        if doc.status == "draft":
            doc.status = "final"
            uow.record("document.finalised", case=case, detail=facts(doc))
        return info_of(uow, doc, case.case_no)


def mark_printed(ctx: AppContext, document_id: int, copies: int, printer: str) -> DocumentInfo:
    """Note that `copies` were printed on `printer` (an audit event). A final version
    becomes printed (locked: paper copies exist); a signed one stays signed."""
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= 999:
        raise InputError([Problem("copies", "打印份数应为 1 到 999 之间的整数。")])
    with ctx.write() as uow:
        doc, case = require_document(uow, document_id)
        refuse_draft(doc, "打印交签")
        if doc.status == "final":
            doc.status = "printed"
        detail = {**facts(doc), "copies": copies, "printer": printer.strip()}
        uow.record("document.printed", case=case, detail=detail)
        return info_of(uow, doc, case.case_no)


def mark_signed(ctx: AppContext, document_id: int, how: str) -> DocumentInfo:
    """Mark a version signed (`how`: handwritten, wet_ink, digital) once its evidence is in
    the store: every signature on the pad, the scan of the signed paper, or the digitally
    signed PDF. Already signed: left as it is."""
    evidence.check_how(how)
    with ctx.write() as uow:
        doc, case = require_document(uow, document_id)
        if doc.status != "signed":
            evidence.require_evidence(uow, doc, case, how)
            sign(uow, doc, case, how)
        return info_of(uow, doc, case.case_no)


# -- signing evidence -----------------------------------------------------------------------------


def attach_signed_scan(
    ctx: AppContext, document_id: int, image_or_pdf: bytes, filename: str
) -> DocumentInfo:
    """The wet-ink path: keep the scan or photo of the signed paper; the version is signed."""
    return attach_signed_pdf(ctx, document_id, image_or_pdf, how="wet_ink", filename=filename)


def attach_signed_pdf(
    ctx: AppContext, document_id: int, data: bytes, *, how: str, filename: str = ""
) -> DocumentInfo:
    """Keep evidence that the version was signed `how`, and sign it if it is not yet:
    wet_ink a scan (PDF or image); handwritten the PDF with every pad signature placed;
    digital the PAdES-signed PDF, which must be this version (or its handwritten-signed
    PDF) with the signature appended. The same file twice is kept once."""
    evidence.check_how(how)
    blob = require_bytes(data, "file", "文件")
    media_type = evidence.media_type(blob, how)
    if len(blob) > evidence.MAX_FILE_BYTES:
        raise InputError([Problem("file", "文件超过 50 MB：请降低扫描分辨率后重试。")])
    with ctx.write() as uow:
        doc, case = require_document(uow, document_id)
        refuse_draft(doc, "附加签署文件")
        role = evidence.EVIDENCE_ROLE[how]
        digest = sha256_hex(blob)
        if digest not in {a.sha256 for a in evidence.attachments(uow, doc.id, role)}:
            if how == "handwritten" and doc.status != "signed":
                evidence.require_evidence(uow, doc, case, how)
            if how == "digital" and not evidence.derived_from(blob, doc, uow):
                raise DomainError(
                    f"这份数字签名的 PDF 不是由{title(doc)}签署而来：请对案件库中的这一版重新签名。"
                )
            evidence.add_attachment(uow, doc, case, role, blob, media_type, filename)
            sign(uow, doc, case, how)
        return info_of(uow, doc, case.case_no)


# -- reading ---------------------------------------------------------------------------------------


def list_documents(ctx: AppContext, case_no: str) -> list[DocumentInfo]:
    """Every version of every document of the case, by kind then version."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import defer

    from app.store.records import Document

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        stmt = (
            select(Document, func.length(Document.content))
            .where(Document.case_id == case.id)
            .options(defer(Document.content))
            .order_by(Document.kind, Document.version)
        )
        rows = uow.session.execute(stmt).all()
        return [info_of(uow, doc, case.case_no, size or 0) for doc, size in rows]


def latest_version(ctx: AppContext, case_no: str, kind: str) -> DocumentInfo | None:
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        doc = _latest(uow, case.id, kind)
        return None if doc is None else info_of(uow, doc, case.case_no)


def get_document(ctx: AppContext, document_id: int) -> DocumentInfo:
    with ctx.read() as uow:
        doc, case = require_document(uow, document_id)
        return info_of(uow, doc, case.case_no)


def get_document_content(ctx: AppContext, document_id: int) -> bytes:
    """The bytes of a version (the PDF as rendered)."""
    with ctx.read() as uow:
        doc, _case = require_document(uow, document_id)
        if not doc.content:
            raise DomainError(f"{title(doc)}没有保存内容。")
        return bytes(doc.content)


def get_attachment_content(ctx: AppContext, attachment_id: int) -> bytes:
    from app.store.records import DocumentAttachment

    with ctx.read() as uow:
        row = uow.session.get(DocumentAttachment, attachment_id)
        if row is None:
            raise DomainError(f"找不到编号为 {attachment_id} 的签署文件。")
        return bytes(row.content)


def find_by_sha256(ctx: AppContext, sha256: str) -> DocumentMatch | None:
    """The version whose content, or one of whose signing files, has this SHA-256."""
    from sqlalchemy import select

    from app.store.records import Document, DocumentAttachment

    digest = sha256.strip().lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        return None
    with ctx.read() as uow:
        by_content = select(Document.id).where(Document.file_sha256 == digest)
        found = uow.session.scalars(by_content.order_by(Document.id)).first()
        if found is not None:
            return _match(uow, found, "content", "")
        by_file = select(DocumentAttachment).where(DocumentAttachment.sha256 == digest)
        row = uow.session.scalars(by_file.order_by(DocumentAttachment.id)).first()
        return None if row is None else _match(uow, row.document_id, row.role, row.filename)


# -- helpers ---------------------------------------------------------------------------------------


def _latest(uow: UnitOfWork, case_id: int, kind: str) -> Document | None:
    from sqlalchemy import select

    from app.store.records import Document

    stmt = select(Document).where(Document.case_id == case_id, Document.kind == kind)
    return uow.session.scalars(stmt.order_by(Document.version.desc()).limit(1)).first()


def _add_version(
    uow: UnitOfWork, case: Case, kind: str, data: bytes, previous: Document | None, status: str
) -> Document:
    from app.store.records import Document

    doc = Document(
        case_id=case.id,
        kind=kind,
        version=previous.version + 1 if previous else 1,
        status=status,
        file_sha256=sha256_hex(data),
        content=data,
        supersedes_id=previous.id if previous else None,
        created_at=uow.now,
    )
    uow.session.add(doc)
    uow.session.flush()
    return doc


def _match(uow: UnitOfWork, document_id: int, matched: str, filename: str) -> DocumentMatch:
    doc, case = require_document(uow, document_id)
    info = info_of(uow, doc, case.case_no)
    label = "文书本身" if matched == "content" else ATTACHMENT_ROLES.get(matched, matched)
    return DocumentMatch(
        document_id=info.id,
        case_no=info.case_no,
        kind=info.kind,
        kind_label=info.kind_label,
        version=info.version,
        status=info.status,
        status_label=info.status_label,
        matched=matched,
        matched_label=label,
        filename=filename,
        document_sha256=info.sha256,
        created_at=info.created_at,
        supersedes=info.supersedes,
        superseded_by=info.superseded_by,
        signed_via=info.signed_via,
        signed_at=info.signed_at,
    )
