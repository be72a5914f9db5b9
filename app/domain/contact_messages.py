"""Message templates for the centre's SMS platform, and what a third party may be told.

The app sends nothing: a message is rendered from a template, previewed, then copied or
exported (CSV/XLSX) for the centre's own SMS platform, and the attempt is logged.

Templates (`TEMPLATES`): notice of mediation, session reminder and instalment reminder go
to a party; `callback_request` is the only one for an emergency contact or anyone else
who is not a party. It asks them to pass on a request to call back, and says nothing of
the debt, the creditor, an amount — nor the centre's name, which says "dispute" (the
mediator's name and phone are enough to call back).

`third_party_problems(text, creditor)` finds what a message to a third party must not
carry: words of debt (欠、债、贷、逾期、还款 …), an amount (digits or Chinese numerals with
元/块/万, or after ¥/人民币), the creditor's name or its short forms. A best effort on
the wording, not a proof: the rule stands in the service, and the mediator's note says
what was said.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.errors import DomainError

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class MessageTemplate:
    code: str
    label: str
    text: str
    third_party: bool = False

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_PLACEHOLDER.findall(self.text)))


TEMPLATES: dict[str, MessageTemplate] = {
    t.code: t
    for t in (
        MessageTemplate(
            "notice_of_mediation",
            "调解通知",
            "【{org}】{name}您好：{creditor}与您的借款合同纠纷已由本会受理调解（案号{case_no}）。"
            "调解自愿、免费。请致电{org_phone}联系调解员{mediator}，商定调解时间和地点。",
        ),
        MessageTemplate(
            "session_reminder",
            "调解提醒",
            "【{org}】{name}您好：提醒您于{session_time}在{place}参加案号{case_no}的调解。"
            "如需改期，请致电{org_phone}。",
        ),
        MessageTemplate(
            "instalment_reminder",
            "还款提醒",
            "【{org}】{name}您好：按调解协议（案号{case_no}），您应于{due}前支付第{n}期款项"
            "{amount}元。已支付的请忽略；如有困难请致电{org_phone}。",
        ),
        MessageTemplate(
            "callback_request",
            "请转告回电",
            "您好，我是{mediator}，有事需与{debtor_name}联系，请转告其方便时回电{org_phone}。谢谢！",
            third_party=True,
        ),
    )
}
PLACEHOLDER_LABELS: dict[str, str] = {
    "org": "调解组织名称",
    "org_phone": "调解组织电话",
    "name": "收信人姓名",
    "creditor": "债权人",
    "case_no": "案号",
    "session_time": "调解时间",
    "place": "调解地点",
    "mediator": "调解员",
    "due": "应付日期",
    "n": "期数",
    "amount": "应付金额",
    "debtor_name": "当事人姓名",
}

DEBT_WORDS = (
    "欠", "债", "贷", "借款", "借钱", "逾期", "还款", "还钱", "催收", "催款", "利息", "罚息",
    "本金", "违约", "起诉", "诉讼", "执行", "征信", "信用卡", "分期", "账单", "额度",
)  # fmt: skip
_AMOUNT = re.compile(
    r"(?:[¥￥]|RMB|人民币)\s*[\d零一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]"
    r"|\d[\d,，.]*\s*(?:元|圆|块|万|千|百)"
    r"|[零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+\s*(?:元|圆|块)"
)
_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "公司", "分行", "支行")
_INDUSTRY = (
    "农村商业银行", "农村信用合作联社", "商业银行", "银行", "消费金融", "小额贷款",
    "融资担保", "网络小额贷款", "金融服务", "金融", "信托", "资产管理",
)  # fmt: skip


def template(code: str) -> MessageTemplate:
    found = TEMPLATES.get(code.strip())
    if found is None:
        for t in TEMPLATES.values():
            if code.strip() == t.label:
                return t
        known = "、".join(f"{t.code}（{t.label}）" for t in TEMPLATES.values())
        raise DomainError(f"template：没有名为“{code}”的短信模板。可选：{known}。")
    return found


def render(code: str, values: Mapping[str, str]) -> str:
    """The template's text with its placeholders filled; DomainError naming the empty ones."""
    chosen = template(code)
    missing = [p for p in chosen.placeholders if not str(values.get(p, "")).strip()]
    if missing:
        names = "、".join(PLACEHOLDER_LABELS.get(p, p) for p in missing)
        raise DomainError(f"“{chosen.label}”缺少：{names}。请先在案件中补全再生成短信。")
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]).strip(), chosen.text)


def creditor_terms(name: str) -> list[str]:
    """The creditor's name and the short forms a message could use instead."""
    full = "".join(name.split())
    if not full:
        return []
    terms = [full]
    core = full
    for suffix in _SUFFIXES:
        core = core.removesuffix(suffix)
    core = re.sub(r"[（(].*?[)）]", "", core)
    terms.append(core)
    brand = core
    for word in _INDUSTRY:
        brand = brand.replace(word, "")
    if len(brand) >= 2:
        terms.append(brand)
    return [t for t in dict.fromkeys(terms) if len(t) >= 2]


def third_party_problems(text: str, creditor: str = "", allowed: tuple[str, ...] = ()) -> list[str]:
    """What `text` must not say to a third party (empty when it may be sent). Names in
    `allowed` (the debtor's, the mediator's) are not searched for debt words."""
    body = "".join(text.split())
    for name in allowed:
        if name:
            body = body.replace("".join(name.split()), "□")
    out: list[str] = []
    found = [w for w in DEBT_WORDS if w in body]
    if found:
        out.append(f"信息中不能提及债务（出现“{'”“'.join(found)}”）")
    amount = _AMOUNT.search(body)
    if amount:
        out.append(f"信息中不能出现金额（“{amount.group(0)}”）")
    names = [t for t in creditor_terms(creditor) if t in body]
    if names:
        out.append(f"信息中不能出现债权人（“{names[0]}”）")
    return out
