"""What each court paper needs and a case may lack, in Chinese (as `needs` for the six)."""

from __future__ import annotations

from collections.abc import Callable

from app.documents.pdf.court_model import CourtPapers
from app.documents.pdf.model import DocumentData


def _papers(data: DocumentData) -> CourtPapers:
    return data.papers or CourtPapers()


def _parties(data: DocumentData) -> list[str]:
    """A complaint names each party with its details (住所 and an identity number)."""
    out: list[str] = []
    for p in data.parties:
        who = f"{p.role_label}{p.name}"
        if not p.id_number.strip():
            out.append(f"{who}的{p.id_type or '证件'}号码：缺失")
        if not p.address.strip():
            out.append(f"{who}的{'住所地' if p.kind == 'organisation' else '住址'}：缺失")
        if p.kind == "organisation" and not p.legal_representative.strip():
            out.append(f"{who}的法定代表人：缺失")
    return out


def _court(data: DocumentData, what: str) -> list[str]:
    if data.court.strip():
        return []
    return [f"{what}：尚未填写（案件的“委派法院”，或渲染时用 --court 指定）"]


def _evidence(data: DocumentData) -> list[str]:
    if _papers(data).evidence:
        return []
    return ["证据：尚未添加（python -m app evidence add，或在“证据”页添加证据文件）"]


def _complaint(data: DocumentData) -> list[str]:
    papers = _papers(data)
    out = _parties(data) + _court(data, "受诉人民法院")
    if papers.claim is None and papers.ruling is not None and papers.outcome is not None:
        out.append("诉讼请求：经司法确认的调解协议已违约，应向法院申请强制执行，不再起诉")
    elif papers.claim is None:
        out.append(
            "诉讼请求：案件尚未走到起诉这一步（调解终结，或未经司法确认的调解协议已违约后，"
            "才能依法核算起诉金额）"
        )
    if data.contract_date is None or data.loan_principal is None:
        out.append("借款合同（事实与理由）：尚未登记")
    return out


def _calculation(data: DocumentData) -> list[str]:
    if _papers(data).claim is None:
        return ["债权金额计算：案件尚未走到起诉这一步（调解终结，或调解协议违约后才核算）"]
    return []


def _enforcement(data: DocumentData) -> list[str]:
    papers = _papers(data)
    out = _parties(data)
    if papers.ruling is None:
        out.append("司法确认裁定：尚未登记（法院的民事裁定书文号和日期）")
    outcome = papers.outcome
    if outcome is None or outcome.defaulted_on is None:
        out.append("调解协议的违约：尚未发生（经司法确认的调解协议违约后，才能申请强制执行）")
    elif outcome.claimable <= 0:
        out.append("申请执行的金额：调解协议项下已无未履行的款项")
    return out


def _certificate(data: DocumentData) -> list[str]:
    return _evidence(data)


COURT_NEEDS: dict[str, Callable[[DocumentData], list[str]]] = {
    "complaint": _complaint,
    "calculation": _calculation,
    "evidence": _evidence,
    "certificate": _certificate,
    "enforcement": _enforcement,
}
