"""What the six documents are made from: plain, frozen input data.

A service maps a case (parties, claim, recalculation snapshot, settlement, session) to a
`DocumentData`; `app.documents.render.render_pdf(kind, data)` turns it into a PDF. Amounts
are `Decimal` yuan, dates `datetime.date`, the session's times timezone-aware.
`missing_fields(kind, data)` says what a kind needs and the data
lacks, so a renderer never produces a half-filled document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app.domain.settlement import KIND_LABELS, KINDS, KindAmounts

__all__ = [
    "DOCUMENT_KINDS",
    "KINDS",
    "KIND_LABELS",
    "PARTY_ROLES",
    "Agent",
    "Attendee",
    "Claim",
    "Dispute",
    "DocumentData",
    "DocumentMeta",
    "KindAmounts",
    "Organisation",
    "Party",
    "PlanRow",
    "Recalculation",
    "Session",
    "Settlement",
    "Statement",
    "Termination",
]

DOCUMENT_KINDS: dict[str, str] = {
    "notice": "调解通知书",
    "record": "调解笔录",
    "agreement": "人民调解协议书",
    "plan": "还款计划表",
    "confirmation": "司法确认申请书",
    "termination": "调解终结书",
}
PARTY_ROLES: dict[str, str] = {
    "creditor": "债权人",
    "debtor": "债务人",
    "co_debtor": "共同债务人",
    "guarantor": "保证人",
}
CREDITOR_ROLES = ("creditor",)
DEBTOR_ROLES = ("debtor", "co_debtor", "guarantor")
PARTY_KINDS = ("person", "organisation")


@dataclass(frozen=True)
class Organisation:
    """The mediation organisation's profile, set once in Settings."""

    name: str
    address: str = ""
    registration_no: str = ""
    phone: str = ""
    seal_png: bytes | None = None
    mediators: tuple[str, ...] = ()
    self_name: str = "本委员会"  # how its documents refer to it ("本委员会", "本中心")


@dataclass(frozen=True)
class Agent:
    """A party's authorised agent (委托代理人)."""

    name: str
    id_type: str = "居民身份证"
    id_number: str = ""
    phone: str = ""
    authority: str = "一般授权"  # or 特别授权


@dataclass(frozen=True)
class Party:
    """A party: `role` in PARTY_ROLES, `kind` "person" or "organisation"."""

    role: str
    kind: str
    name: str
    id_type: str = "居民身份证"  # 统一社会信用代码 for an organisation
    id_number: str = ""
    phone: str = ""
    address: str = ""
    legal_representative: str = ""  # organisations: 法定代表人 / 负责人
    agent: Agent | None = None
    signature_png: bytes | None = None

    @property
    def role_label(self) -> str:
        return PARTY_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class Dispute:
    """Art. 29 (2): the main facts, the disputed items and each side's responsibility."""

    facts: str
    disputed: tuple[str, ...] = ()
    responsibility: str = ""
    cause: str = "借款合同纠纷"  # 案由


@dataclass(frozen=True)
class Claim:
    """What the creditor claims, per kind, as of a date, and on what contract."""

    amounts: KindAmounts
    as_of: date
    contract: str = ""  # e.g. "2023年3月1日签订的《个人借款合同》（编号 JK-2023-0456）"
    filed_on: date | None = None  # when the creditor applied for mediation


@dataclass(frozen=True)
class Recalculation:
    """The recalculation's lawful view and what it cut from the claim, with the rules."""

    lawful: KindAmounts
    reductions: KindAmounts
    as_of: date
    basis: tuple[str, ...] = ()  # one sentence per rule applied, with its legal source


@dataclass(frozen=True)
class PlanRow:
    n: int
    due: date
    amount: Decimal
    note: str = ""  # e.g. "首付款"


@dataclass(frozen=True)
class Settlement:
    """The agreed terms: settled total, waived amounts per kind, instalments, default terms."""

    total: Decimal
    waived: KindAmounts
    rows: tuple[PlanRow, ...]
    acceleration_days: int = 30
    revival: bool = True
    payment_method: str = ""  # how the debtor pays, e.g. the creditor's account
    agreed_on: date | None = None  # the day the agreement took effect (all signed)
    agreement_no: str = ""  # the agreement's document number, for the confirmation
    copies: int | None = None  # None: one per party and one for the organisation
    extra_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attendee:
    name: str
    capacity: str  # e.g. 债务人, 债权人委托代理人
    id_type: str = "居民身份证"
    id_number: str = ""
    id_checked: bool = False


@dataclass(frozen=True)
class Statement:
    side: str  # "creditor" or "debtor"
    topic: str  # e.g. 请求事项及理由
    text: str


@dataclass(frozen=True)
class Session:
    """A mediation session: planned (for the notice) or held (for the record)."""

    starts: datetime
    place: str
    ends: datetime | None = None
    recorder: str = ""
    attendees: tuple[Attendee, ...] = ()
    statements: tuple[Statement, ...] = ()
    outcome: str = ""  # agreed / not_agreed / adjourned
    notes: str = ""
    reply_by: date | None = None  # notice: answer whether you accept mediation by then


@dataclass(frozen=True)
class Termination:
    """Why mediation ended without agreement, and when."""

    ended_on: date
    reason: str


@dataclass(frozen=True)
class DocumentMeta:
    """`number` is the document's id, printed in every footer and held by the QR code."""

    number: str  # e.g. TJ-2026-000123-XY-01
    kind: str
    version: int
    created: datetime  # timezone-aware; the PDF's creation date and the document's date
    template_version: int = 1  # resources/templates/<kind>.v<n>.toml, kept for re-rendering


@dataclass(frozen=True)
class DocumentData:
    meta: DocumentMeta
    case_no: str
    organisation: Organisation
    parties: tuple[Party, ...]
    mediator: str = ""
    mediator_signature_png: bytes | None = None
    dispute: Dispute | None = None
    claim: Claim | None = None
    recalculation: Recalculation | None = None
    settlement: Settlement | None = None
    session: Session | None = None
    court: str = ""
    termination: Termination | None = None

    def of_roles(self, roles: tuple[str, ...]) -> tuple[Party, ...]:
        return tuple(p for p in self.parties if p.role in roles)

    @property
    def creditors(self) -> tuple[Party, ...]:
        return self.of_roles(CREDITOR_ROLES)

    @property
    def debtors(self) -> tuple[Party, ...]:
        return self.of_roles(DEBTOR_ROLES)


def zero_amounts() -> KindAmounts:
    return KindAmounts.zero()


def amounts_of(values: dict[str, Decimal]) -> KindAmounts:
    """`{"principal": Decimal("100")}` → KindAmounts with the other kinds zero."""
    unknown = set(values) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds: {sorted(unknown)}")
    zero = Decimal("0.00")
    return KindAmounts(**{k: values.get(k, zero) for k in KINDS})


# --- what each kind needs -------------------------------------------------------------

Need = tuple[str, str]  # (field path, Chinese message "label：reason")


def _common(data: DocumentData) -> list[Need]:
    out: list[Need] = []
    if not data.organisation.name.strip():
        out.append(("organisation.name", "调解组织名称：尚未设置（请在“设置”中填写机构信息）"))
    if not data.case_no.strip():
        out.append(("case_no", "案件编号：缺失"))
    if not data.meta.number.strip():
        out.append(("meta.number", "文书编号：缺失"))
    if not data.creditors:
        out.append(("parties", "债权人：尚未登记"))
    if not data.debtors:
        out.append(("parties", "债务人：尚未登记"))
    for i, party in enumerate(data.parties):
        if not party.name.strip():
            out.append((f"parties[{i}].name", f"第{i + 1}位当事人的姓名或名称：缺失"))
    if not data.mediator.strip():
        out.append(("mediator", "调解员：尚未指定"))
    return out


def _party_details(data: DocumentData, *, phone: bool = False) -> list[Need]:
    """Art. 29 (1): each party's basic information, in full."""
    out: list[Need] = []
    for i, p in enumerate(data.parties):
        who = f"{p.role_label}{p.name}"
        if not p.id_number.strip():
            out.append((f"parties[{i}].id_number", f"{who}的{p.id_type or '证件'}号码：缺失"))
        if not p.address.strip():
            label = "住所地" if p.kind == "organisation" else "住址"
            out.append((f"parties[{i}].address", f"{who}的{label}：缺失"))
        if p.kind == "organisation" and not p.legal_representative.strip():
            out.append((f"parties[{i}].legal_representative", f"{who}的法定代表人：缺失"))
        if phone and not p.phone.strip():
            out.append((f"parties[{i}].phone", f"{who}的联系电话：缺失"))
    return out


def _settlement(data: DocumentData, *, effective: bool = False) -> list[Need]:
    s = data.settlement
    if s is None:
        return [("settlement", "调解方案：尚未确定")]
    out: list[Need] = []
    if not s.rows:
        out.append(("settlement.rows", "还款计划：尚未确定"))
    if s.total <= 0:
        out.append(("settlement.total", "调解确认的还款总额：尚未确定"))
    if effective and s.agreed_on is None:
        out.append(("settlement.agreed_on", "调解协议生效日期：尚未确定（协议尚未签署）"))
    if effective and not s.agreement_no.strip():
        out.append(("settlement.agreement_no", "调解协议书编号：缺失"))
    return out


def _needs_notice(data: DocumentData) -> list[Need]:
    out: list[Need] = []
    if data.claim is None:
        out.append(("claim", "债权人的请求金额：尚未登记"))
    if data.session is None or not data.session.place.strip():
        out.append(("session", "调解时间和地点：尚未安排"))
    if not data.organisation.phone.strip():
        out.append(("organisation.phone", "调解组织联系电话：尚未设置"))
    if not data.organisation.address.strip():
        out.append(("organisation.address", "调解组织地址：尚未设置"))
    return out


def _needs_record(data: DocumentData) -> list[Need]:
    s = data.session
    if s is None:
        return [("session", "调解记录：尚未开始调解")]
    out: list[Need] = []
    if not s.place.strip():
        out.append(("session.place", "调解地点：缺失"))
    if not s.attendees:
        out.append(("session.attendees", "到场人员：尚未签到"))
    if not s.statements:
        out.append(("session.statements", "各方陈述：尚未记录"))
    if not s.outcome:
        out.append(("session.outcome", "调解结果：尚未填写"))
    if not s.recorder.strip():
        out.append(("session.recorder", "记录人：尚未填写"))
    return out


def _needs_agreement(data: DocumentData) -> list[Need]:
    out = _party_details(data) + _settlement(data)
    if data.dispute is None or not data.dispute.facts.strip():
        out.append(("dispute.facts", "纠纷的主要事实：尚未填写"))
    if data.claim is None:
        out.append(("claim", "债权人的请求金额：尚未登记"))
    if data.recalculation is None:
        out.append(("recalculation", "依法核算结果：尚未重新计算"))
    if data.settlement is not None and not data.settlement.payment_method.strip():
        out.append(("settlement.payment_method", "履行方式（付款方式和收款账户）：尚未填写"))
    return out


def _needs_confirmation(data: DocumentData) -> list[Need]:
    out = _party_details(data, phone=True) + _settlement(data, effective=True)
    if not data.court.strip():
        out.append(("court", "受理司法确认的人民法院：尚未填写"))
    return out


def _needs_termination(data: DocumentData) -> list[Need]:
    out = _party_details(data)
    if data.claim is None:
        out.append(("claim", "债权人的请求金额：尚未登记"))
    if data.termination is None or not data.termination.reason.strip():
        out.append(("termination", "调解终结的原因：尚未填写"))
    return out


_NEEDS = {
    "notice": _needs_notice,
    "record": _needs_record,
    "agreement": _needs_agreement,
    "plan": _settlement,
    "confirmation": _needs_confirmation,
    "termination": _needs_termination,
}


def missing_needs(kind: str, data: DocumentData) -> list[Need]:
    """(field path, Chinese message) for everything `kind` needs and `data` lacks."""
    if kind not in _NEEDS:
        known = "、".join(DOCUMENT_KINDS)
        return [("kind", f"文书种类“{kind}”不存在：可选 {known}")]
    out = _common(data) + _NEEDS[kind](data)
    if data.meta.kind != kind:
        out.append(("meta.kind", f"文书记录的种类（{data.meta.kind}）与要生成的种类（{kind}）不符"))
    return list(dict.fromkeys(out))


def missing_fields(kind: str, data: DocumentData) -> list[str]:
    """What `kind` needs and `data` lacks, in Chinese: ["还款计划：尚未确定", ...]."""
    return [message for _, message in missing_needs(kind, data)]
