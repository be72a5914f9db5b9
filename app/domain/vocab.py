"""The closed vocabularies of the app, code → Chinese label, in the order a mediator
expects them: one home for the store's CHECK constraints, the services' checks, the CLI,
the documents and the GUI.

The labels are marked for Qt's translation tools with `QT_TRANSLATE_NOOP(context, text)`
(a plain function here: the domain imports no Qt). `pyside6-lupdate` reads this file, so
the English of each label lives in `resources/translations/mediation_desk_en.ts`, and the
GUI shows `QCoreApplication.translate(context, label)` (`ui.labels`).
"""

from __future__ import annotations

LABELS = "labels"
"""The translation context of the case vocabularies."""
ROLES = "roles"
"""The translation context of the account roles."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text` as it is; marks it for `pyside6-lupdate` in `context`."""
    return text


LENDER_TYPES: dict[str, str] = {
    "bank": QT_TRANSLATE_NOOP("labels", "银行"),
    "consumer_finance": QT_TRANSLATE_NOOP("labels", "消费金融公司"),
    "small_loan": QT_TRANSLATE_NOOP("labels", "小额贷款公司"),
    "financial_other": QT_TRANSLATE_NOOP("labels", "其他持牌金融机构"),
    "credit_card": QT_TRANSLATE_NOOP("labels", "信用卡"),
    "private": QT_TRANSLATE_NOOP("labels", "民间借贷"),
}

PARTY_ROLES: dict[str, str] = {
    "creditor": QT_TRANSLATE_NOOP("labels", "债权人"),
    "debtor": QT_TRANSLATE_NOOP("labels", "债务人"),
    "co_debtor": QT_TRANSLATE_NOOP("labels", "共同债务人"),
    "guarantor": QT_TRANSLATE_NOOP("labels", "保证人"),
    "agent": QT_TRANSLATE_NOOP("labels", "代理人"),
}

PARTY_KINDS: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("labels", "自然人"),
    "organisation": QT_TRANSLATE_NOOP("labels", "单位"),
}

ID_TYPES: dict[str, str] = {
    "resident_id": QT_TRANSLATE_NOOP("labels", "居民身份证"),
    "uscc": QT_TRANSLATE_NOOP("labels", "统一社会信用代码"),
    "passport": QT_TRANSLATE_NOOP("labels", "护照"),
    "other": QT_TRANSLATE_NOOP("labels", "其他证件"),
}

REPAYMENT_METHODS: dict[str, str] = {
    "bullet": QT_TRANSLATE_NOOP("labels", "到期一次性还本付息"),
    "equal_installment": QT_TRANSLATE_NOOP("labels", "等额本息"),
    "equal_principal": QT_TRANSLATE_NOOP("labels", "等额本金"),
    "interest_only": QT_TRANSLATE_NOOP("labels", "先息后本"),
    "explicit": QT_TRANSLATE_NOOP("labels", "按约定还款计划"),
}

FEE_KINDS: dict[str, str] = {
    "late_fee": QT_TRANSLATE_NOOP("labels", "逾期费/滞纳金"),
    "management_fee": QT_TRANSLATE_NOOP("labels", "管理费"),
    "service_fee": QT_TRANSLATE_NOOP("labels", "服务费"),
    "liquidated_damages": QT_TRANSLATE_NOOP("labels", "违约金"),
    "collection_fee": QT_TRANSLATE_NOOP("labels", "催收费"),
    "other": QT_TRANSLATE_NOOP("labels", "其他费用"),
}

COST_KINDS: dict[str, str] = {
    "litigation_fee": QT_TRANSLATE_NOOP("labels", "诉讼费"),
    "preservation_fee": QT_TRANSLATE_NOOP("labels", "保全费"),
    "announcement_fee": QT_TRANSLATE_NOOP("labels", "公告费"),
    "lawyer_fee": QT_TRANSLATE_NOOP("labels", "律师费"),
}

MEDIATOR_ROLES: dict[str, str] = {
    "mediator": QT_TRANSLATE_NOOP("labels", "调解员"),
    "supervisor": QT_TRANSLATE_NOOP("labels", "主任调解员"),
}

ACCOUNT_ROLES: dict[str, str] = {
    "mediator": QT_TRANSLATE_NOOP("roles", "调解员"),
    "supervisor": QT_TRANSLATE_NOOP("roles", "主管"),
}

DOCUMENT_KINDS: dict[str, str] = {
    "notice": QT_TRANSLATE_NOOP("labels", "调解通知书"),
    "record": QT_TRANSLATE_NOOP("labels", "调解笔录"),
    "agreement": QT_TRANSLATE_NOOP("labels", "人民调解协议书"),
    "plan": QT_TRANSLATE_NOOP("labels", "还款计划表"),
    "confirmation": QT_TRANSLATE_NOOP("labels", "司法确认申请书"),
    "termination": QT_TRANSLATE_NOOP("labels", "调解终结书"),
}

COURT_DOCUMENT_KINDS: dict[str, str] = {
    "complaint": QT_TRANSLATE_NOOP("labels", "民事起诉状"),
    "calculation": QT_TRANSLATE_NOOP("labels", "债权金额计算说明"),
    "evidence": QT_TRANSLATE_NOOP("labels", "证据目录"),
    "certificate": QT_TRANSLATE_NOOP("labels", "证据保全证书"),
    "enforcement": QT_TRANSLATE_NOOP("labels", "强制执行申请书"),
}

DOCUMENT_STATUSES: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("labels", "草稿"),
    "final": QT_TRANSLATE_NOOP("labels", "定稿"),
    "signed": QT_TRANSLATE_NOOP("labels", "已签署"),
    "printed": QT_TRANSLATE_NOOP("labels", "已打印"),
}

SIGNING_METHODS: dict[str, str] = {
    "handwritten": QT_TRANSLATE_NOOP("labels", "手写签名"),
    "wet_ink": QT_TRANSLATE_NOOP("labels", "纸质签字（扫描件）"),
    "digital": QT_TRANSLATE_NOOP("labels", "数字签名"),
}

ATTACHMENT_ROLES: dict[str, str] = {
    "scan": QT_TRANSLATE_NOOP("labels", "签字纸本的扫描件或照片"),
    "signed_pdf": QT_TRANSLATE_NOOP("labels", "带手写签名的 PDF"),
    "digital_pdf": QT_TRANSLATE_NOOP("labels", "数字签名的 PDF"),
}

VOCABULARIES: dict[str, dict[str, str]] = {
    "lender_type": LENDER_TYPES,
    "party_role": PARTY_ROLES,
    "party_kind": PARTY_KINDS,
    "id_type": ID_TYPES,
    "repayment_method": REPAYMENT_METHODS,
    "fee_kind": FEE_KINDS,
    "cost_kind": COST_KINDS,
    "mediator_role": MEDIATOR_ROLES,
    "account_role": ACCOUNT_ROLES,
    "document_kind": DOCUMENT_KINDS,
    "document_status": DOCUMENT_STATUSES,
    "signing_method": SIGNING_METHODS,
    "attachment_role": ATTACHMENT_ROLES,
}
"""Every vocabulary by name (a test checks each code has a label and a translation)."""

DAY_BASES: tuple[int, ...] = (360, 365)
