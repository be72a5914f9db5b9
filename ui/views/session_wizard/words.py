"""The wizard's vocabularies in the UI language (Chinese source text, English in the .ts).

The codes are those of `app.domain.session_record`; the Chinese must match its labels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("session_wizard", text)


def steps() -> list[str]:
    return [
        _t("签到"), _t("当事人"), _t("债权债务"), _t("重新计算"), _t("调解方案"),
        _t("调解笔录"), _t("文书"), _t("签名"), _t("完成"),
    ]  # fmt: skip


def capacities() -> dict[str, str]:
    return {
        "debtor": _t("债务人"),
        "co_debtor": _t("共同债务人"),
        "guarantor": _t("保证人"),
        "creditor": _t("债权人"),
        "creditor_agent": _t("债权人委托代理人"),
        "other": _t("其他人员"),
    }


def attendee_id_types() -> dict[str, str]:
    return {"resident_id": _t("居民身份证"), "passport": _t("护照"), "other": _t("其他证件")}


def outcomes() -> dict[str, str]:
    return {
        "agreed": _t("达成协议"),
        "not_agreed": _t("未达成协议"),
        "adjourned": _t("改期继续调解"),
    }


def sides() -> dict[str, str]:
    return {"creditor": _t("债权人一方"), "debtor": _t("债务人一方")}


def prompts() -> dict[str, list[tuple[str, str]]]:
    return {
        "creditor": [
            ("claim", _t("请求事项及理由")),
            ("facts", _t("对借款事实与还款情况的陈述")),
            ("concessions", _t("可以接受的减免与还款安排")),
        ],
        "debtor": [
            ("facts", _t("对借款事实和欠款金额的意见")),
            ("ability", _t("还款能力与实际困难")),
            ("proposal", _t("还款意向与方案")),
        ],
    }


def attendee_headings() -> list[str]:
    return [_t("姓名"), _t("出席身份"), _t("证件类型"), _t("证件号码"), _t("身份核对"),
            _t("授权委托情况"), ""]  # fmt: skip


def document_kinds() -> dict[str, str]:
    return {
        "notice": _t("调解通知书"),
        "record": _t("调解笔录"),
        "agreement": _t("人民调解协议书"),
        "plan": _t("还款计划表"),
        "confirmation": _t("司法确认申请书"),
        "termination": _t("调解终结书"),
    }
