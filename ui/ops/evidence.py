"""Evidence and court papers of a case: which papers its stage allows, rendering one and
keeping it as a version in 文书, the sealed preservation certificate, adding a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import InputError, Problem
from ui.ops import in_store
from ui.tasks import Op

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.documents.versions import DocumentVersion
    from app.services.litigation.evidence import EvidenceInfo
    from app.services.organisation.accounts import SignedIn
    from ui.services import Core

STAGE_PAPERS: dict[str, tuple[str, ...]] = {
    "failed": ("complaint", "calculation", "evidence", "certificate"),
    "broken": ("complaint", "calculation", "evidence", "certificate"),
    "broken_confirmed": ("enforcement", "evidence", "certificate"),
}
"""The court papers a case may have at each stage (`app.services.litigation.claim`)."""


def court_papers(core: Core, case_no: str) -> Op[tuple[str, ...]]:
    """The court papers the case's status allows (none before mediation failed or an
    agreement was broken)."""

    def work(ctx: AppContext) -> tuple[str, ...]:
        from app.services.litigation.claim import case_stage

        return STAGE_PAPERS.get(case_stage(ctx, case_no), ())

    return in_store(core, work)


def generate_paper(core: Core, case_no: str, kind: str) -> Op[DocumentVersion]:
    """Render a court paper as of today and keep it as a draft version of the case
    (an `InputError` lists what the case still lacks)."""

    def work(ctx: AppContext) -> DocumentVersion:
        from app.services.documents.versions import save_rendered
        from app.services.litigation.papers import render_court_document

        return save_rendered(ctx, case_no, render_court_document(ctx, case_no, kind))

    return in_store(core, work)


def issue_certificate(core: Core, case_no: str, passphrase: str, by: SignedIn) -> Op[int]:
    """The preservation certificate, sealed with the organisation's signature; its id."""

    def work(ctx: AppContext) -> int:
        from app.services.litigation.certificate import issue_certificate as issue

        return issue(ctx, case_no, passphrase=passphrase, by=by).document_id

    return in_store(core, work)


def add_evidence(core: Core, case_no: str, path: Path, kind: str, source: str) -> Op[EvidenceInfo]:
    """Keep the file at `path` as evidence of the case (read on the database thread)."""

    def work(ctx: AppContext) -> EvidenceInfo:
        from app.services.litigation.evidence import add_evidence as add

        try:
            data = path.read_bytes()
        except OSError as error:
            raise InputError([Problem("file", f"无法读取文件“{path.name}”：{error}")]) from error
        return add(ctx, data, path.name, kind, case_no=case_no, source=source)

    return in_store(core, work)
