"""Documents: a case's stored versions, rendering and keeping one, a version's final PDF,
printing recorded, the organisation's digital signature, and verifying a PDF file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import DomainError
from ui.ops import in_store
from ui.tasks import Op, op

if TYPE_CHECKING:
    from app.documents.verify import VerifyReport
    from app.services.context import AppContext
    from app.services.documents.records import DocumentInfo
    from app.services.documents.versions import DocumentVersion
    from app.services.organisation.accounts import SignedIn
    from ui.services import Core

MAX_PDF_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class FinalPdf:
    """A version in its most complete signed form; `sealable`: signed on the pad, no
    digital signature yet; `sealed`: the organisation's digital signature applied."""

    document: DocumentVersion
    pdf: bytes
    sealable: bool
    sealed: bool


def versions(core: Core, case_no: str) -> Op[list[DocumentVersion]]:
    def work(ctx: AppContext) -> list[DocumentVersion]:
        from app.services.documents.versions import list_documents

        return list_documents(ctx, case_no)

    return in_store(core, work)


def final_pdf(core: Core, document: DocumentVersion) -> Op[FinalPdf]:
    def work(ctx: AppContext) -> FinalPdf:
        from app.services.documents.store import get_document
        from app.services.sessions.signing import final_pdf, is_sealed, sealable

        pdf = final_pdf(ctx, document.id)
        info = get_document(ctx, document.id)
        return FinalPdf(document, pdf, sealable(info), is_sealed(info))

    return in_store(core, work)


def generate(core: Core, case_no: str, kind: str) -> Op[DocumentVersion]:
    """Render `kind` for the case and keep it as a new version (an `InputError` lists
    what the document still lacks)."""

    def work(ctx: AppContext) -> DocumentVersion:
        from app.services.documents.service import render_document
        from app.services.documents.versions import save_rendered

        return save_rendered(ctx, case_no, render_document(ctx, case_no, kind))

    return in_store(core, work)


def mark_printed(
    core: Core, document: DocumentVersion, copies: int, printer: str
) -> Op[DocumentVersion]:
    """Record a print of `document` (1–999 copies); a draft is made final first (the button
    says 定稿并打印): only a final version is printed on record."""
    draft = document.status == "draft"

    def work(ctx: AppContext) -> DocumentVersion:
        from app.services.documents.store import mark_final, mark_printed
        from app.services.documents.versions import get_version

        if draft:
            mark_final(ctx, document.id)
        mark_printed(ctx, document.id, copies=copies, printer=printer)
        return get_version(ctx, document.id)

    return in_store(core, work)


def seal_agreement(
    core: Core, document_id: int, passphrase: str, by: SignedIn
) -> Op[DocumentInfo]:
    """The organisation's PAdES signature on a pad-signed agreement."""

    def work(ctx: AppContext) -> DocumentInfo:
        from app.services.sessions.signing import seal_agreement

        return seal_agreement(ctx, document_id, passphrase=passphrase, by=by)

    return in_store(core, work)


def verify_file(path: Path, data_dir: Path | None) -> Op[VerifyReport]:
    """The verification report of the PDF at `path` (with the case store's record)."""

    def work() -> VerifyReport:
        from app.services.organisation.signing import is_pdf, verify_document

        try:
            size = path.stat().st_size
            if size > MAX_PDF_BYTES:
                raise DomainError(
                    f"文件 {path.name} 过大（{size // (1024 * 1024)} MB），不像本软件生成的文书。"
                )
            data = path.read_bytes()
        except OSError as error:
            raise DomainError(f"无法读取文件 {path}：{error.strerror or error}") from error
        if not is_pdf(data):
            raise DomainError(f"{path.name} 不是 PDF 文件：请选择要核验的 PDF 文书。")
        return verify_document(data, data_dir=data_dir)

    return op(work)
