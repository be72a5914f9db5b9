"""The stored documents of a case: each render kept as a version, and prints audited.

    saved = save_rendered(ctx, case_no, render_document(ctx, case_no, "agreement"))
    list_documents(ctx, case_no)            # newest first, with status and print count
    get_version(ctx, saved.id)              # one of them

A render whose bytes equal the latest version of its kind is not stored again. Printing is
recorded by `app.services.documents.store.mark_printed` (the one rule: a final version,
1–999 copies); it locks the version (已打印): the paper exists, so its content must not
change, and a new render becomes a new version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import DomainError

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.documents.service import RenderedDocument

PRINTED = "document.printed"
CREATED = "document.created"


@dataclass(frozen=True)
class DocumentVersion:
    """One stored version of a case's document (the PDF itself via `document_pdf`)."""

    id: int
    case_no: str
    kind: str
    kind_label: str
    number: str
    version: int
    status: str
    status_label: str
    sha256: str
    size: int
    created_at: datetime
    printed: int  # how many times it was printed (audit events)


def list_documents(ctx: AppContext, case_no: str) -> list[DocumentVersion]:
    """The case's document versions, newest first."""
    from sqlalchemy import select

    from app.store.records import Document

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        rows = uow.session.scalars(
            select(Document)
            .where(Document.case_id == case.id)
            .order_by(Document.created_at.desc(), Document.id.desc())
        ).all()
        counts = _print_counts(uow, case.id)
        return [_version(case_no, row, counts.get(row.id, 0)) for row in rows]


def save_rendered(ctx: AppContext, case_no: str, doc: RenderedDocument) -> DocumentVersion:
    """Keep `doc` as a new draft version of its kind (or the latest, if it is the same PDF)."""
    from sqlalchemy import func, select

    from app.store.records import Document

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        latest = uow.session.scalars(
            select(Document)
            .where(Document.case_id == case.id, Document.kind == doc.kind)
            .order_by(Document.version.desc())
            .limit(1)
        ).first()
        if latest is not None and latest.file_sha256 == doc.sha256:
            return _version(case_no, latest, _print_counts(uow, case.id).get(latest.id, 0))
        top = uow.session.scalar(
            select(func.max(Document.version)).where(
                Document.case_id == case.id, Document.kind == doc.kind
            )
        )
        row = Document(
            case_id=case.id, kind=doc.kind, version=(top or 0) + 1, status="draft",
            file_sha256=doc.sha256, content=doc.pdf, created_at=uow.now,
            supersedes_id=latest.id if latest is not None else None,
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        uow.record(CREATED, case=case, detail=_detail(row, doc.document_no))
        return _version(case_no, row, 0)


def document_pdf(ctx: AppContext, document_id: int) -> bytes:
    """The stored PDF of a document version."""
    from app.store.records import Document

    with ctx.read() as uow:
        row = uow.session.get(Document, document_id)
        if row is None or row.content is None:
            raise DomainError(f"文书 {document_id} 不存在或没有保存 PDF")
        return bytes(row.content)


def get_version(ctx: AppContext, document_id: int) -> DocumentVersion:
    """One version as the documents list shows it."""
    from app.store.models import Case
    from app.store.records import Document

    with ctx.read() as uow:
        row = uow.session.get(Document, document_id)
        if row is None:
            raise DomainError(f"文书 {document_id} 不存在")
        case = uow.session.get(Case, row.case_id)
        counts = _print_counts(uow, row.case_id)
        return _version(case.case_no if case else "", row, counts.get(row.id, 0))


def _detail(row: Any, number: str) -> dict[str, Any]:
    detail = {"document_id": row.id, "kind": row.kind, "version": row.version}
    detail["sha256"] = row.file_sha256
    if number:
        detail["number"] = number
    return detail


def _print_counts(uow: Any, case_id: int) -> dict[int, int]:
    """Document id → number of `document.printed` events in the case's audit log."""
    counts: dict[int, int] = {}
    for event in uow.audit.for_case(case_id):
        if event.action == PRINTED:
            key = int((event.detail or {}).get("document_id", 0))
            counts[key] = counts.get(key, 0) + 1
    return counts


def _version(case_no: str, row: Any, printed: int) -> DocumentVersion:
    from app.documents.pdf.model import document_number
    from app.domain.vocab import DOCUMENT_STATUSES
    from app.services.documents.records import kind_labels

    known = row.kind in kind_labels()
    return DocumentVersion(
        id=int(row.id), case_no=case_no, kind=row.kind,
        kind_label=str(kind_labels().get(row.kind, row.kind)),
        number=document_number(case_no, row.kind, int(row.version)) if known else "",
        version=int(row.version), status=row.status,
        status_label=DOCUMENT_STATUSES.get(row.status, row.status), sha256=row.file_sha256,
        size=len(row.content or b""), created_at=row.created_at, printed=printed,
    )  # fmt: skip
