"""Closed vocabularies the store enforces with CHECK constraints, with Chinese labels.

They live here (not in the UI) so the database, the services and the forms agree; the
services re-export what the GUI and CLI need.
"""

from __future__ import annotations

LENDER_TYPES: dict[str, str] = {
    "bank": "银行",
    "consumer_finance": "消费金融公司",
    "small_loan": "小额贷款公司",
    "credit_card": "信用卡",
    "financial_other": "其他持牌金融机构",
    "private": "民间借贷",
}

PARTY_ROLES: dict[str, str] = {
    "creditor": "债权人",
    "debtor": "债务人",
    "co_debtor": "共同债务人",
    "guarantor": "保证人",
    "agent": "代理人",
}

PARTY_KINDS: dict[str, str] = {"person": "自然人", "organisation": "单位"}

ID_TYPES: dict[str, str] = {
    "resident_id": "居民身份证",
    "uscc": "统一社会信用代码",
    "passport": "护照",
    "other": "其他证件",
}

REPAYMENT_METHODS: dict[str, str] = {
    "bullet": "到期一次性还本付息",
    "equal_installment": "等额本息",
    "equal_principal": "等额本金",
    "interest_only": "先息后本",
    "explicit": "按约定还款计划",
}

FEE_KINDS: dict[str, str] = {
    "late_fee": "逾期费/滞纳金",
    "management_fee": "管理费",
    "service_fee": "服务费",
    "liquidated_damages": "违约金",
    "collection_fee": "催收费",
    "other": "其他费用",
}

COST_KINDS: dict[str, str] = {
    "litigation_fee": "诉讼费",
    "preservation_fee": "保全费",
    "announcement_fee": "公告费",
    "lawyer_fee": "律师费",
}

MEDIATOR_ROLES: dict[str, str] = {"mediator": "调解员", "supervisor": "主任调解员"}

DOCUMENT_STATUSES: dict[str, str] = {
    "draft": "草稿",
    "final": "定稿",
    "signed": "已签署",
    "printed": "已打印",
}

SIGNING_METHODS: dict[str, str] = {
    "handwritten": "手写签名",
    "wet_ink": "纸质签字（扫描件）",
    "digital": "数字签名",
}

ATTACHMENT_ROLES: dict[str, str] = {
    "scan": "签字纸本的扫描件或照片",
    "signed_pdf": "带手写签名的 PDF",
    "digital_pdf": "数字签名的 PDF",
}

DAY_BASES: tuple[int, ...] = (360, 365)

BATCH_STATUSES: dict[str, str] = {
    "importing": "导入未完成",
    "complete": "已导入",
    "withdrawn": "已撤回",
}
