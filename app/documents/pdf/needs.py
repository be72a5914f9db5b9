"""What each kind of document needs and a case may lack, in Chinese."""

from __future__ import annotations

from collections.abc import Callable

from app.documents.pdf.court_needs import COURT_NEEDS
from app.documents.pdf.model import DOCUMENT_KINDS, DocumentData


def _common(data: DocumentData) -> list[str]:
    out: list[str] = []
    if not data.organisation.name.strip():
        out.append("调解组织名称：尚未设置（请在“设置”中填写调解组织信息）")
    if not data.creditors:
        out.append("债权人：尚未登记")
    if not data.debtors:
        out.append("债务人：尚未登记")
    for i, party in enumerate(data.parties):
        if not party.name.strip():
            out.append(f"第{i + 1}位当事人的姓名或名称：缺失")
    if not data.mediator.strip():
        out.append("调解员：尚未指定")
    return out


def _party_details(data: DocumentData) -> list[str]:
    """People's Mediation Law art. 29 (1): each party's basic information."""
    out: list[str] = []
    for p in data.parties:
        who = f"{p.role_label}{p.name}"
        if not p.id_number.strip():
            out.append(f"{who}的{p.id_type or '证件'}号码：缺失")
        if not p.address.strip():
            out.append(f"{who}的{'住所地' if p.kind == 'organisation' else '住址'}：缺失")
    return out


def _claim(data: DocumentData) -> list[str]:
    if not data.amounts or data.claim_as_of is None:
        return ["债权人的请求金额：尚未登记"]
    return []


def _amounts(data: DocumentData) -> list[str]:
    """The claim and the lawful figure (the agreement shows both)."""
    out = _claim(data)
    if data.lawful_as_of is None:
        out.append("依法核算结果：尚未重新计算（请先在“重新计算”中保存核算结果）")
    return out


def _settlement(data: DocumentData) -> list[str]:
    s = data.settlement
    if s is None:
        return ["调解方案：尚未保存（请先在“调解方案”中确定还款总额和还款计划）"]
    out = []
    if not s.rows:
        out.append("还款计划：尚未确定")
    if s.total <= 0:
        out.append("调解确认的还款总额：尚未确定")
    return out


def _notice(data: DocumentData) -> list[str]:
    out = _claim(data)
    if data.session is None or not data.session.place.strip():
        out.append("调解时间和地点：尚未安排")
    if not data.organisation.phone.strip():
        out.append("调解组织联系电话：尚未设置")
    if not data.organisation.address.strip():
        out.append("调解组织地址：尚未设置")
    return out


def _record(data: DocumentData) -> list[str]:
    s = data.session
    if s is None:
        return ["调解记录：尚未进行调解"]
    out = []
    if not s.place.strip():
        out.append("调解地点：缺失")
    if not s.attendees:
        out.append("到场人员：尚未登记")
    if not s.outcome.strip():
        out.append("调解结果：尚未填写")
    return out


def _agreement(data: DocumentData) -> list[str]:
    out = _party_details(data) + _amounts(data) + _settlement(data)
    if data.contract_date is None or data.loan_principal is None:
        out.append("借款合同（纠纷的主要事实）：尚未登记")
    return out


def _confirmation(data: DocumentData) -> list[str]:
    out = _party_details(data) + _settlement(data)
    if data.settlement is not None and data.settlement.agreed_on is None:
        out.append("调解协议生效日期：协议尚未签署")
    if not data.court.strip():
        out.append("受理司法确认的人民法院：尚未填写（在调解向导“当事人”一步填写“委派法院”）")
    return out


def _termination(data: DocumentData) -> list[str]:
    out = _party_details(data) + _claim(data)
    if not data.termination_reason.strip():
        out.append("调解终结的原因：尚未填写")
    return out


_NEEDS: dict[str, Callable[[DocumentData], list[str]]] = {
    "notice": _notice,
    "record": _record,
    "agreement": _agreement,
    "plan": _settlement,
    "confirmation": _confirmation,
    "termination": _termination,
    **COURT_NEEDS,
}


def missing_fields(kind: str, data: DocumentData) -> list[str]:
    """What `kind` needs and `data` lacks, in Chinese: `["还款计划：尚未确定", ...]`."""
    if kind not in _NEEDS:
        return [f"文书种类“{kind}”不存在：可选 {'、'.join(DOCUMENT_KINDS)}"]
    return list(dict.fromkeys(_common(data) + _NEEDS[kind](data)))
