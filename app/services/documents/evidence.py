"""Evidence that a document version was signed: checking and keeping the files.

A scan of the signed paper may be a PDF or a JPEG, PNG, TIFF or WebP image; the PDF with
the handwritten signatures placed and the organisation's digitally signed PDF must be PDFs,
and the latter must be the version's bytes (or its handwritten-signed PDF) with the PAdES
signature appended, as pyhanko's incremental signing writes it.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from app.domain.errors import DomainError, InputError, Problem
from app.services.documents.records import SIGNING_METHODS, facts, sha256_hex, title

if TYPE_CHECKING:
    from app.store.models import Case
    from app.store.records import Document, DocumentAttachment
    from app.store.unit_of_work import UnitOfWork

MAX_FILE_BYTES = 50 * 1024 * 1024
EVIDENCE_ROLE = {"wet_ink": "scan", "handwritten": "signed_pdf", "digital": "digital_pdf"}
SCAN_TYPES = "PDF、JPG、PNG、TIFF 或 WebP"


def check_how(how: str) -> None:
    if how not in SIGNING_METHODS:
        choices = "、".join(f"{k}（{v}）" for k, v in SIGNING_METHODS.items())
        raise InputError([Problem("how", f"签署方式“{how}”不存在：可选 {choices}")])


def media_type(data: bytes, how: str) -> str:
    """PDF for signed PDFs; a scan may also be a JPEG, PNG, TIFF or WebP image."""
    if b"%PDF-" in data[:1024]:
        return "application/pdf"
    if how == "wet_ink":
        for magic, media in (
            (b"\xff\xd8\xff", "image/jpeg"),
            (b"\x89PNG\r\n\x1a\n", "image/png"),
            (b"II*\x00", "image/tiff"),
            (b"MM\x00*", "image/tiff"),
        ):
            if data.startswith(magic):
                return media
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return "image/webp"
        raise InputError([Problem("file", f"不是扫描件或照片：请选择 {SCAN_TYPES} 文件。")])
    raise InputError([Problem("file", "不是 PDF 文件：请选择签署后的 PDF。")])


def attachments(uow: UnitOfWork, document_id: int, role: str) -> list[DocumentAttachment]:
    from sqlalchemy import select

    from app.store.records import DocumentAttachment

    stmt = select(DocumentAttachment).where(
        DocumentAttachment.document_id == document_id, DocumentAttachment.role == role
    )
    return list(uow.session.scalars(stmt.order_by(DocumentAttachment.id)))


def derived_from(signed: bytes, doc: Document, uow: UnitOfWork) -> bool:
    """Whether `signed` is the version's bytes (or its handwritten-signed PDF) plus an
    appended update, as an incremental PAdES signature is."""
    bases = [doc.content or b"", *(a.content for a in attachments(uow, doc.id, "signed_pdf"))]
    return any(base and len(signed) > len(base) and signed.startswith(base) for base in bases)


def require_evidence(uow: UnitOfWork, doc: Document, case: Case, how: str) -> None:
    if how == "handwritten":
        from app.services.documents.signatures import missing_signers

        missing = missing_signers(uow, doc, case)
        if missing:
            names = "、".join(s.label for s in missing)
            raise DomainError(f"{title(doc)}还有人没有签名：{names}。")
    elif not attachments(uow, doc.id, EVIDENCE_ROLE[how]):
        what = "签字纸本的扫描件或照片" if how == "wet_ink" else "数字签名的 PDF"
        raise DomainError(f"{title(doc)}还没有{what}：请先附上，再标记为已签署。")


def add_attachment(
    uow: UnitOfWork, doc: Document, case: Case, role: str, blob: bytes, media: str, name: str
) -> None:
    from app.store.records import DocumentAttachment

    row = DocumentAttachment(
        document_id=doc.id,
        role=role,
        filename=PurePath(name.replace("\\", "/")).name[:260] if name else "",
        media_type=media,
        content=blob,
        sha256=sha256_hex(blob),
        size=len(blob),
        created_at=uow.now,
    )
    uow.session.add(row)
    uow.session.flush()
    detail = {
        **facts(doc),
        "attachment_id": row.id,
        "role": role,
        # not the file name: a name a user chose may carry a person's (the chain hashes it)
        "file_sha256": row.sha256,
        "size": row.size,
    }
    uow.record("document.file_attached", case=case, detail=detail)
