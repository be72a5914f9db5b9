"""Words for the recalculation panel: row names, statement line kinds, and why each amount
was reduced, in plain Chinese with the rule named.

Pure functions over the spec's input and output objects (`app.services.recalc.service`);
the figures are the engine's, only the sentences are made here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui import formatting

NO_LAWFUL_COMPOUND = ("private", "credit_card")
translate = QCoreApplication.translate  # lupdate reads translate("RecalcPanel", "…")


def yuan(text: str | None) -> str:
    """An engine amount ("54600.00") grouped for people ("54,600.00")."""
    return "" if text is None else formatting.money(Decimal(text))


def rate(text: str | None) -> str:
    """An engine rate ("0.24") as a percentage ("24%")."""
    return "" if text is None else formatting.percent(Decimal(text))


def view_rows() -> list[tuple[str, str]]:
    """The rows of the three-view table: (key in the output's views, label)."""
    return [
        ("principal", translate("RecalcPanel", "本金")),
        ("interest", translate("RecalcPanel", "利息")),
        ("penalty", translate("RecalcPanel", "罚息（逾期利息）")),
        ("compound", translate("RecalcPanel", "复利")),
        ("fees", translate("RecalcPanel", "费用（违约金、服务费等）")),
        ("costs", translate("RecalcPanel", "实现债权费用（律师费等）")),
        ("total", translate("RecalcPanel", "合计应还")),
        ("paid", translate("RecalcPanel", "已还款")),
        ("overpaid", translate("RecalcPanel", "多付应退还")),
    ]


def view_names() -> dict[str, str]:
    return {
        "claimed": translate("RecalcPanel", "债权人主张"),
        "contract": translate("RecalcPanel", "按合同计算"),
        "lawful": translate("RecalcPanel", "依法应还"),
    }


def line_kind(kind: str, amount: str) -> str:
    """A statement line's kind in Chinese (a cap line that gives back reads differently)."""
    if kind == "cap":
        return (
            translate("RecalcPanel", "超上限核减")
            if Decimal(amount) < 0
            else translate("RecalcPanel", "上限内恢复")
        )
    names = {
        "accrual": translate("RecalcPanel", "计息"),
        "due": translate("RecalcPanel", "到期"),
        "fee": translate("RecalcPanel", "费用"),
        "cost": translate("RecalcPanel", "实现债权费用"),
        "acceleration": translate("RecalcPanel", "提前到期"),
        "payment": translate("RecalcPanel", "还款"),
        "warning": translate("RecalcPanel", "提示"),
    }
    return names.get(kind, kind)


@dataclass(frozen=True)
class Reason:
    """One reduced kind: its name, the amount taken off (yuan text) and why."""

    kind: str
    amount: str
    text: str


def cap_rule(inp: dict[str, Any], out: dict[str, Any]) -> str:
    """The cap in one plain sentence (which rule, which rate)."""
    caps = out["regime"]["caps"]
    if "cap" in inp:
        return translate(
            "RecalcPanel", "按当地法院的做法，利息、罚息、复利和费用合计以年利率 %1 为限。"
        ).replace("%1", rate(caps[0]["annual_rate"]))
    if out["regime"]["lender_class"] == "financial":
        return translate(
            "RecalcPanel", "金融借款的利息、罚息、复利、违约金和其他费用合计以年利率 %1 为限。"
        ).replace("%1", rate(caps[0]["annual_rate"]))
    if len(caps) == 1:
        text = translate(
            "RecalcPanel",
            "民间借贷的利率以合同成立时一年期贷款市场报价利率（LPR）的四倍，即年利率 %1 为限。",
        )
        return text.replace("%1", rate(caps[0]["annual_rate"]))
    text = translate(
        "RecalcPanel",
        "民间借贷：2020年8月20日前以年利率 %1 为限，"
        "此后以起诉时一年期LPR的四倍，即年利率 %2 为限。",
    )
    first, last = rate(caps[0]["annual_rate"]), rate(caps[-1]["annual_rate"])
    return text.replace("%1", first).replace("%2", last)


def reasons(inp: dict[str, Any], out: dict[str, Any]) -> list[Reason]:
    """Why the lawful view is lower than the contract's, kind by kind (only reduced kinds)."""
    reduction = out["reduction"]
    cap = min(Decimal(c["annual_rate"]) for c in out["regime"]["caps"])
    found: list[Reason] = []
    explain = {
        "principal": _principal_reason(inp, Decimal(reduction.get("principal") or 0)),
        "interest": _rate_reason(
            translate("RecalcPanel", "合同年利率 %1 超过上限，依法按 %2 计算"),
            inp,
            "annual_rate",
            cap,
        ),
        "penalty": _rate_reason(
            translate("RecalcPanel", "约定逾期利率 %1 超过上限，依法按 %2 计算"),
            inp,
            "overdue_rate",
            cap,
        ),
        "compound": _compound_reason(inp),
        "fees": translate("RecalcPanel", "违约金、服务费等费用与利息合计超过上限的部分不予支持"),
    }
    for key, name in view_rows()[:5]:
        amount = reduction.get(key)
        if amount is not None and Decimal(amount) > 0:
            text = explain[key] or translate(
                "RecalcPanel", "利息、罚息、复利和费用合计超过上限的部分不予支持"
            )
            found.append(Reason(name, yuan(amount), text))
    return found


def _principal_reason(inp: dict[str, Any], reduced: Decimal) -> str:
    """Interest deducted in advance, money paid above the cap that went to principal, or both."""
    principal, lent = Decimal(inp["principal"]), Decimal(inp.get("disbursed", inp["principal"]))
    repaid = translate(
        "RecalcPanel", "按上限多付的利息、费用，依《民法典》第五百六十一条的顺序冲抵了本金"
    )
    if lent >= principal:
        return repaid
    text = translate(
        "RecalcPanel",
        "预先扣除的利息不计入本金（《民法典》第六百七十条）：合同写 %1 元，实际只出借 %2 元",
    )
    deducted = text.replace("%1", yuan(inp["principal"])).replace("%2", yuan(str(lent)))
    if reduced <= principal - lent:
        return deducted
    both = translate("RecalcPanel", "%1；%2")  # two reasons in one sentence
    return both.replace("%1", deducted, 1).replace("%2", repaid, 1)


def _rate_reason(template: str, inp: dict[str, Any], key: str, cap: Decimal) -> str:
    agreed = inp.get(key) or (inp.get("annual_rate") if key == "overdue_rate" else None)
    if agreed is None or Decimal(agreed) <= cap:
        return ""
    return template.replace("%1", rate(agreed)).replace("%2", rate(str(cap)))


def _compound_reason(inp: dict[str, Any]) -> str:
    if inp.get("lender_type") in NO_LAWFUL_COMPOUND:
        return translate("RecalcPanel", "民间借贷和信用卡欠款在依法口径下不计复利")
    return translate("RecalcPanel", "复利按上限利率计算，与利息、费用合计超过上限的部分不予支持")


def basis_lines(out: dict[str, Any]) -> list[str]:
    """Each cap period's legal basis as the engine names it, with its rate and dates."""
    lines = []
    for cap in out["regime"]["caps"]:
        when = ""
        if cap["from"] and cap["to"]:
            when = (
                translate("RecalcPanel", "%1 至 %2：")
                .replace("%1", cap["from"])
                .replace("%2", cap["to"])
            )
        elif cap["from"]:
            when = translate("RecalcPanel", "%1 起：").replace("%1", cap["from"])
        elif cap["to"]:
            when = translate("RecalcPanel", "%1 前：").replace("%1", cap["to"])
        lines.append(when + cap["basis"])
    return lines


def formation_line(inp: dict[str, Any]) -> str:
    """The formation date the private regime used, with why (empty for other lenders)."""
    from app.services.recalc.service import formation

    if inp.get("lender_type") != "private":
        return ""
    found = formation(inp)
    if found.by_handover:
        text = translate(
            "RecalcPanel",
            "借款合同成立日：%1（出借人为自然人，借款合同自提供借款时成立，"
            "《民法典》第六百七十九条；上限和过渡期按此日确定）",
        )
    else:
        text = translate("RecalcPanel", "借款合同成立日：%1（合同日期；上限和过渡期按此日确定）")
    return text.replace("%1", found.day.isoformat())


def order_line(inp: dict[str, Any]) -> str:
    """Which order payments were allocated in (the statement's payment lines say it too)."""
    from app.domain.recalc.model import ALLOCATION_KINDS
    from app.domain.recalc.order import order_words

    agreed = inp.get("allocation")
    if agreed:
        text = translate("RecalcPanel", "还款冲抵顺序：按合同约定，%1")
        return text.replace("%1", order_words(tuple(agreed)))
    text = translate("RecalcPanel", "还款冲抵顺序：按《民法典》第五百六十一条，%1")
    return text.replace("%1", order_words(ALLOCATION_KINDS))
