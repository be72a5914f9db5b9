"""The kinds of evidence a lender hands over, and what each proves by default (证明目的)."""

from __future__ import annotations

EVIDENCE_KINDS: dict[str, str] = {
    "loan_contract": "借款合同",
    "transfer": "放款（转账）凭证",
    "repayment": "还款记录",
    "notice": "催告通知及送达记录",
    "recording": "录音录像",
    "identity": "主体身份证明",
    "other": "其他证据",
}
PURPOSES: dict[str, str] = {
    "loan_contract": "证明原告与被告之间借款合同关系成立，以及借款金额、利率、期限和还款方式等约定",
    "transfer": "证明原告已依约向被告发放借款，以及实际出借的金额和日期",
    "repayment": "证明被告的还款情况及尚欠的款项",
    "notice": "证明原告已向被告催告还款并送达通知",
    "recording": "证明被告对借款事实及欠款金额的确认",
    "identity": "证明原告、被告的诉讼主体资格",
    "other": "",
}
