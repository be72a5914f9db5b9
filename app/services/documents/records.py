"""Document versions as plain data, and the rules shared by `documents_store` and
`document_signatures`: finding a version, refusing to change a locked one, signing it.

Statuses: draft (草稿) → final (定稿) → printed (已打印, paper copies exist) → signed
(已签署). Printed and signed versions are locked: their content never changes (SQLite
triggers refuse it too); a signed version stays signed. A change is an amendment: a new
version that cites the old one (`supersedes`), both kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import DomainError, InputError, Problem
from app.domain.vocab import ATTACHMENT_ROLES, DOCUMENT_STATUSES, SIGNING_METHODS
from app.store.records import LOCKED_DOCUMENT_STATUSES

if TYPE_CHECKING:
    from app.store.models import Case
    from app.store.records import Document, DocumentAttachment
    from app.store.unit_of_work import UnitOfWork

__all__ = [
    "ATTACHMENT_ROLES",
    "DOCUMENT_STATUSES",
    "SIGNING_METHODS",
    "AttachmentInfo",
    "DocumentInfo",
]


@dataclass(frozen=True)
class AttachmentInfo:
    """Evidence of signing kept with a version: a scan, or a signed PDF (`role`)."""

    id: int
    role: str
    role_label: str
    filename: str
    media_type: str
    sha256: str
    size: int
    created_at: datetime


@dataclass(frozen=True)
class DocumentInfo:
    """One version of a document of a case, without its bytes."""

    id: int
    case_no: str
    kind: str
    kind_label: str
    version: int
    status: str
    status_label: str
    sha256: str
    size: int
    created_at: datetime
    supersedes: int | None
    superseded_by: int | None
    signed_via: str | None
    signed_via_label: str
    signed_at: datetime | None
    attachments: tuple[AttachmentInfo, ...] = ()

    @property
    def locked(self) -> bool:
        """Printed or signed: the content can only change through an amendment."""
        return self.status in LOCKED_DOCUMENT_STATUSES


def kind_labels() -> dict[str, str]:
    """Every document kind's label: the mediation documents' and the court papers'."""
    from app.domain.vocab import COURT_DOCUMENT_KINDS, DOCUMENT_KINDS

    return DOCUMENT_KINDS | COURT_DOCUMENT_KINDS


def kind_label(kind: str) -> str:
    return kind_labels().get(kind, kind)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def require_bytes(data: bytes, path: str, what: str) -> bytes:
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise InputError([Problem(path, f"{what}为空：请重新生成或选择文件。")])
    return bytes(data)


def require_document(uow: UnitOfWork, document_id: int) -> tuple[Document, Case]:
    """The version and its case, or a DomainError naming the id."""
    from app.store.models import Case
    from app.store.records import Document

    doc = uow.session.get(Document, document_id)
    if doc is None:
        raise DomainError(f"找不到编号为 {document_id} 的文书。请刷新文书列表后再试。")
    case = uow.session.get(Case, doc.case_id)
    assert case is not None  # a foreign key
    return doc, case


def title(doc: Document) -> str:
    return f"{kind_label(doc.kind)}（第 {doc.version} 版）"


def refuse_if_locked(
    doc: Document, doing: str = "修改", statuses: tuple[str, ...] = LOCKED_DOCUMENT_STATUSES
) -> None:
    """A printed or signed version cannot change: say how to change it instead."""
    if doc.status in statuses:
        raise DomainError(
            f"{title(doc)}{DOCUMENT_STATUSES[doc.status]}，不能{doing}。"
            "如需更改，请制作修订版：生成一个新版本，原版本保留。"
        )


def refuse_draft(doc: Document, doing: str) -> None:
    if doc.status == "draft":
        raise DomainError(f"{title(doc)}还是草稿，不能{doing}：请先定稿。")


def refuse_outside_mandate(uow: UnitOfWork, doc: Document, case: Case) -> None:
    """An agreement whose settlement is outside the creditor's mandate is not signed
    without the creditor's approval (`app.services.mandate.exceptions`)."""
    if doc.kind == "agreement":
        from app.services.mandate.exceptions import require_within_mandate

        require_within_mandate(uow, case)


def sign(uow: UnitOfWork, doc: Document, case: Case, how: str) -> None:
    """Move a final or printed version to signed (`how`), audited; no-op when signed."""
    if doc.status == "signed":
        return
    refuse_draft(doc, "签署")
    refuse_outside_mandate(uow, doc, case)
    doc.status, doc.signed_via, doc.signed_at = "signed", how, uow.now
    uow.record("document.signed", case=case, detail={**facts(doc), "how": how})


def facts(doc: Document) -> dict[str, Any]:
    """What an audit event says about a version."""
    return {
        "document_id": doc.id,
        "kind": doc.kind,
        "version": doc.version,
        "sha256": doc.file_sha256,
    }


def attachment_info(row: DocumentAttachment) -> AttachmentInfo:
    return AttachmentInfo(
        id=row.id,
        role=row.role,
        role_label=ATTACHMENT_ROLES.get(row.role, row.role),
        filename=row.filename,
        media_type=row.media_type,
        sha256=row.sha256,
        size=row.size,
        created_at=row.created_at,
    )


def info_of(uow: UnitOfWork, doc: Document, case_no: str, size: int | None = None) -> DocumentInfo:
    """The plain picture of a version (with its attachments and its successor, if any);
    pass `size` when the content was not loaded."""
    from sqlalchemy import select

    from app.store.records import Document, DocumentAttachment

    newer = select(Document.id).where(Document.supersedes_id == doc.id).order_by(Document.id)
    files = select(DocumentAttachment).where(DocumentAttachment.document_id == doc.id)
    rows = uow.session.scalars(files.order_by(DocumentAttachment.id))
    return DocumentInfo(
        id=doc.id,
        case_no=case_no,
        kind=doc.kind,
        kind_label=kind_label(doc.kind),
        version=doc.version,
        status=doc.status,
        status_label=DOCUMENT_STATUSES.get(doc.status, doc.status),
        sha256=doc.file_sha256,
        size=len(doc.content or b"") if size is None else size,
        created_at=doc.created_at,
        supersedes=doc.supersedes_id,
        superseded_by=uow.session.scalars(newer).first(),
        signed_via=doc.signed_via,
        signed_via_label=SIGNING_METHODS.get(doc.signed_via or "", ""),
        signed_at=doc.signed_at,
        attachments=tuple(attachment_info(r) for r in rows),
    )
