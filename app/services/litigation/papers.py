"""The court papers of a case: their data from the store, rendered to PDF.

    data = court_document_data(ctx, "TJ-2026-000004", "complaint", on=date(2026, 7, 1))
    doc = render_court_document(ctx, "TJ-2026-000004", "complaint")   # InputError: what lacks

Kinds (`COURT_KINDS`): complaint (民事起诉状) and its calculation statement (债权金额计算说明)
for a case whose mediation failed or whose unconfirmed agreement was broken; evidence
(证据目录) and certificate (证据保全证书) for a case with evidence; enforcement (强制执行申请书)
for a case whose confirmed agreement was broken. `on` is the filing or application date
(today by default): the document's date and the date the amounts are computed to. The
certificate is made by `app.services.litigation.certificate` (it is sealed and kept).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.documents.pdf.court_model import COURT_KINDS, CourtPapers, EvidenceEntry, Ruling
from app.domain.errors import InputError, Problem

if TYPE_CHECKING:
    from app.documents.pdf.model import DocumentData
    from app.services.context import AppContext
    from app.services.documents.service import RenderedDocument
    from app.services.litigation.evidence import EvidenceInfo

CAUSES = {
    "bank": "金融借款合同纠纷",
    "consumer_finance": "金融借款合同纠纷",
    "financial_other": "金融借款合同纠纷",
    "small_loan": "小额借款合同纠纷",
    "credit_card": "信用卡纠纷",
    "private": "民间借贷纠纷",
}
NEEDS_CLAIM = ("complaint", "calculation")


def court_document_data(
    ctx: AppContext,
    case_no: str,
    kind: str,
    *,
    on: date | None = None,
    court: str = "",
    issued_at: datetime | None = None,
) -> DocumentData:
    """The data of a court paper; InputError listing everything the case lacks for it."""
    from app.documents.pdf import missing_fields
    from app.services.documents.service import gather

    if kind not in COURT_KINDS:
        known = "、".join(COURT_KINDS)
        raise InputError([Problem("kind", f"文书种类“{kind}”不存在：可选 {known}")])
    day = on or ctx.today()
    when: datetime | date = issued_at if issued_at is not None else day
    base = gather(ctx, case_no, kind, as_of=when, court=court)
    data = replace(base, papers=papers_of(ctx, case_no, kind, day, issued_at))
    if kind == "enforcement" and data.papers and data.papers.ruling:
        data = replace(data, court=data.papers.ruling.court)
    missing = missing_fields(kind, data)
    if missing:
        raise InputError([Problem("", m) for m in missing])
    return data


def render_court_document(
    ctx: AppContext, case_no: str, kind: str, *, on: date | None = None, court: str = ""
) -> RenderedDocument:
    """Render a court paper (not kept: the creditor files it)."""
    import hashlib

    from app.documents.pdf import content_hash, render_pdf
    from app.services.documents.service import RenderedDocument

    data = court_document_data(ctx, case_no, kind, on=on, court=court)
    pdf = render_pdf(kind, data)
    return RenderedDocument(
        kind, data.number, pdf, hashlib.sha256(pdf).hexdigest(), content_hash(data)
    )


def papers_of(
    ctx: AppContext, case_no: str, kind: str, on: date, issued_at: datetime | None
) -> CourtPapers:
    from app.services.litigation.claim import case_stage, filing_claim, plan_outcome
    from app.services.litigation.evidence import case_evidence
    from app.services.litigation.rulings import confirmation_ruling

    stage = case_stage(ctx, case_no)
    ruling = confirmation_ruling(ctx, case_no)
    broken = stage in ("broken", "broken_confirmed")
    return CourtPapers(
        cause=_cause(ctx, case_no),
        evidence=tuple(entries(case_evidence(ctx, case_no))),
        ruling=Ruling(ruling.ruling_no, ruling.ruled_on, ruling.court) if ruling else None,
        claim=filing_claim(ctx, case_no, on) if kind in NEEDS_CLAIM else None,
        outcome=plan_outcome(ctx, case_no, on) if broken else None,
        failed_on=_failed_on(ctx, case_no) if stage == "failed" else None,
        issued_at=issued_at,
    )


def entries(items: list[EvidenceInfo]) -> list[EvidenceEntry]:
    """The evidence as the list and the certificate number it (export names included)."""
    from app.services.litigation.evidence import export_name

    return [
        EvidenceEntry(
            n=n,
            title=e.title,
            kind_label=e.kind_label,
            source=e.source,
            purpose=e.purpose,
            file_name=export_name(n, e),
            media_type=e.media_type,
            size=e.size,
            sha256=e.sha256,
            added_at=e.added_at,
            added_by=e.added_by,
            for_batch=e.for_batch,
        )
        for n, e in enumerate(items, start=1)
    ]


def _cause(ctx: AppContext, case_no: str) -> str:
    with ctx.read() as uow:
        loan = uow.cases.require(case_no).loan
        return CAUSES.get(loan.lender_type, "借款合同纠纷") if loan else "借款合同纠纷"


def _failed_on(ctx: AppContext, case_no: str) -> date | None:
    """The day the case moved to 调解终结 (China time), from its audit log."""
    from app.services.clock import china_date

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        days = [
            china_date(e.at)
            for e in uow.audit.for_case(case.id)
            if e.action == "case.status_changed" and e.detail.get("to") == "terminated"
        ]
        return days[-1] if days else None
