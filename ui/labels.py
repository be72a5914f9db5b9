"""Words for the codes the services use (lender types, roles, methods…), through Qt's
translation mechanism: the source text is Simplified Chinese, `mediation_desk_en.ts`
holds the English.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.domain import case_status
from ui import i18n


def lender_types() -> dict[str, str]:
    """The six lender types of `recalculation.md`, in the order a mediator expects."""
    return {
        "bank": QCoreApplication.translate("labels", "银行"),
        "consumer_finance": QCoreApplication.translate("labels", "消费金融公司"),
        "small_loan": QCoreApplication.translate("labels", "小额贷款公司"),
        "financial_other": QCoreApplication.translate("labels", "其他持牌金融机构"),
        "credit_card": QCoreApplication.translate("labels", "信用卡"),
        "private": QCoreApplication.translate("labels", "民间借贷"),
    }


def repayment_methods() -> dict[str, str]:
    return {
        "bullet": QCoreApplication.translate("labels", "到期一次性还本付息"),
        "equal_installment": QCoreApplication.translate("labels", "等额本息"),
        "equal_principal": QCoreApplication.translate("labels", "等额本金"),
        "interest_only": QCoreApplication.translate("labels", "先息后本"),
        "explicit": QCoreApplication.translate("labels", "按约定还款计划"),
    }


def party_roles() -> dict[str, str]:
    return {
        "creditor": QCoreApplication.translate("labels", "债权人"),
        "debtor": QCoreApplication.translate("labels", "债务人"),
        "co_debtor": QCoreApplication.translate("labels", "共同债务人"),
        "guarantor": QCoreApplication.translate("labels", "保证人"),
        "agent": QCoreApplication.translate("labels", "代理人"),
    }


def party_kinds() -> dict[str, str]:
    return {
        "person": QCoreApplication.translate("labels", "自然人"),
        "organisation": QCoreApplication.translate("labels", "单位"),
    }


def id_types() -> dict[str, str]:
    return {
        "resident_id": QCoreApplication.translate("labels", "居民身份证"),
        "uscc": QCoreApplication.translate("labels", "统一社会信用代码"),
        "passport": QCoreApplication.translate("labels", "护照"),
        "other": QCoreApplication.translate("labels", "其他证件"),
    }


def charge_kinds() -> dict[str, str]:
    """Fee kinds and cost kinds (costs of realising the claim)."""
    return {
        "late_fee": QCoreApplication.translate("labels", "逾期费/滞纳金"),
        "management_fee": QCoreApplication.translate("labels", "管理费"),
        "service_fee": QCoreApplication.translate("labels", "服务费"),
        "liquidated_damages": QCoreApplication.translate("labels", "违约金"),
        "collection_fee": QCoreApplication.translate("labels", "催收费"),
        "other": QCoreApplication.translate("labels", "其他费用"),
        "litigation_fee": QCoreApplication.translate("labels", "诉讼费"),
        "preservation_fee": QCoreApplication.translate("labels", "保全费"),
        "announcement_fee": QCoreApplication.translate("labels", "公告费"),
        "lawyer_fee": QCoreApplication.translate("labels", "律师费"),
    }


def lookup(table: dict[str, str], code: str) -> str:
    """The word for `code`, or the code itself when it is new to this version."""
    return table.get(code, code)


def status_label(status: str, service_label: str = "") -> str:
    """A case status in the UI language; the services give the Chinese label."""
    if i18n.current_language() == "en":
        try:
            return case_status.LABELS_EN[case_status.CaseStatus(status)]
        except ValueError:
            return service_label or status
    return service_label or _status_zh(status)


def status_tone(status: str) -> str:
    """`alert` for statuses that need attention, `done` for settled ones, else `normal`."""
    if status in ("defaulted", "litigation", "terminated"):
        return "alert"
    if status in ("fulfilled", "confirmed"):
        return "done"
    return "normal"


def _status_zh(status: str) -> str:
    try:
        return case_status.label(status)
    except ValueError:
        return status


def date_text(day: date | None) -> str:
    """`2021-03-05` → `2021年3月5日` (English: `2021-03-05`)."""
    if day is None:
        return ""
    pattern = QCoreApplication.translate("labels", "{year}年{month}月{day}日")
    return pattern.format(year=day.year, month=day.month, day=day.day)


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("labels", "是")
    return QCoreApplication.translate("labels", "否")
