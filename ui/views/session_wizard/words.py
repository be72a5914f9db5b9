"""The wizard's vocabularies in the UI language (Chinese source text, English in the .ts).

The codes are those of `app.domain.session_record`; the Chinese must match its labels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def steps() -> list[str]:
    return [
        QCoreApplication.translate("session_wizard", "签到"),
        QCoreApplication.translate("session_wizard", "当事人"),
        QCoreApplication.translate("session_wizard", "债权债务"),
        QCoreApplication.translate("session_wizard", "重新计算"),
        QCoreApplication.translate("session_wizard", "调解方案"),
        QCoreApplication.translate("session_wizard", "调解笔录"),
        QCoreApplication.translate("session_wizard", "文书"),
        QCoreApplication.translate("session_wizard", "签名"),
        QCoreApplication.translate("session_wizard", "完成"),
    ]


def capacities() -> dict[str, str]:
    return {
        "debtor": QCoreApplication.translate("session_wizard", "债务人"),
        "co_debtor": QCoreApplication.translate("session_wizard", "共同债务人"),
        "guarantor": QCoreApplication.translate("session_wizard", "保证人"),
        "creditor": QCoreApplication.translate("session_wizard", "债权人"),
        "creditor_agent": QCoreApplication.translate("session_wizard", "债权人委托代理人"),
        "other": QCoreApplication.translate("session_wizard", "其他人员"),
    }


def attendee_id_types() -> dict[str, str]:
    return {
        "resident_id": QCoreApplication.translate("session_wizard", "居民身份证"),
        "passport": QCoreApplication.translate("session_wizard", "护照"),
        "other": QCoreApplication.translate("session_wizard", "其他证件"),
    }


def outcomes() -> dict[str, str]:
    return {
        "agreed": QCoreApplication.translate("session_wizard", "达成协议"),
        "not_agreed": QCoreApplication.translate("session_wizard", "未达成协议"),
        "adjourned": QCoreApplication.translate("session_wizard", "改期继续调解"),
    }


def sides() -> dict[str, str]:
    return {
        "creditor": QCoreApplication.translate("session_wizard", "债权人一方"),
        "debtor": QCoreApplication.translate("session_wizard", "债务人一方"),
    }


def prompts() -> dict[str, list[tuple[str, str]]]:
    return {
        "creditor": [
            ("claim", QCoreApplication.translate("session_wizard", "请求事项及理由")),
            ("facts", QCoreApplication.translate("session_wizard", "对借款事实与还款情况的陈述")),
            (
                "concessions",
                QCoreApplication.translate("session_wizard", "可以接受的减免与还款安排"),
            ),
        ],
        "debtor": [
            ("facts", QCoreApplication.translate("session_wizard", "对借款事实和欠款金额的意见")),
            ("ability", QCoreApplication.translate("session_wizard", "还款能力与实际困难")),
            ("proposal", QCoreApplication.translate("session_wizard", "还款意向与方案")),
        ],
    }


def attendee_headings() -> list[str]:
    return [
        QCoreApplication.translate("session_wizard", "姓名"),
        QCoreApplication.translate("session_wizard", "出席身份"),
        QCoreApplication.translate("session_wizard", "证件类型"),
        QCoreApplication.translate("session_wizard", "证件号码"),
        QCoreApplication.translate("session_wizard", "身份核对"),
        QCoreApplication.translate("session_wizard", "授权委托情况"),
        "",
    ]


def document_kinds() -> dict[str, str]:
    return {
        "notice": QCoreApplication.translate("session_wizard", "调解通知书"),
        "record": QCoreApplication.translate("session_wizard", "调解笔录"),
        "agreement": QCoreApplication.translate("session_wizard", "人民调解协议书"),
        "plan": QCoreApplication.translate("session_wizard", "还款计划表"),
        "confirmation": QCoreApplication.translate("session_wizard", "司法确认申请书"),
        "termination": QCoreApplication.translate("session_wizard", "调解终结书"),
    }
