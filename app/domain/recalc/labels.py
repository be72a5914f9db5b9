"""Words for people: Chinese names of fee and cost kinds, and the engine's warnings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from app.domain.recalc.arith import fen_text, to_fen
from app.domain.recalc.model import PRIVATE, TRANSITION, RecalcInput
from app.domain.recalc.result import Line, ViewTotals

READING = "本计算采用的解读（并非法律明文，今后可能改变）："
"""The start of a warning that states one of the two readings the spec chose."""
ONE_BUDGET = READING + (
    "上限是整个借款期间（本金未还的全部时间）利息、罚息、复利和费用合计的一个额度"
    "（法发〔2017〕22号第二条讲的是“总计”），而不是对逾期期间另设一个额度"
    "（对民间借贷规定第二十九条更严格的理解）。"
)
PAID_BEFORE = READING + (
    "2020年8月20日前已支付的、年利率在24%至36%之间的利息和费用，与其他超出上限的部分一样核减"
    "（按民法典第五百六十一条的顺序冲抵）；而2015年的民间借贷规定（该文本第三十一条）"
    "不允许借款人请求返还这部分已付利息。"
)

KIND_LABELS = {
    "late_fee": "滞纳金",
    "management_fee": "管理费",
    "service_fee": "服务费",
    "liquidated_damages": "违约金",
    "collection_fee": "催收费",
    "other": "其他费用",
    "litigation_fee": "诉讼费",
    "preservation_fee": "保全费",
    "announcement_fee": "公告费",
    "lawyer_fee": "律师费",
}


def warnings_for(
    inp: RecalcInput,
    contract: ViewTotals,
    lawful: ViewTotals,
    stale_since: date | None,
    no_table: bool,
    lawful_lines: Sequence[Line] = (),
) -> tuple[str, ...]:
    """Deducted interest, an out-of-date LPR table, a claim above the contract, money to
    return, then the readings the result depends on — in that order."""
    out: list[str] = []
    deducted = to_fen(inp.principal) - to_fen(inp.disbursed)
    if deducted:
        out.append(
            f"预先扣除利息：合同本金 {inp.principal}，实际出借 {inp.disbursed}，"
            f"差额 {fen_text(deducted)} 不计入本金（民法典第六百七十条），"
            "法定视图按实际出借金额计算。"
        )
    if no_table:
        out.append("LPR 表为空：请在应用中导入 LPR 表。")
    elif stale_since is not None:
        out.append(
            f"LPR 表最后一行为 {stale_since.isoformat()}，计算日 {inp.as_of.isoformat()} 已晚于其"
            "45 天以上，表可能已过时：请在应用中更新 LPR 表后再核对。"
        )
    if inp.claimed is not None and inp.claimed.total > contract.total:
        gap = inp.claimed.total - contract.total
        out.append(
            f"债权人主张合计 {inp.claimed.total} 高于按合同计算的 {contract.total}，差额 {gap}。"
        )
    if lawful.overpaid > 0:
        out.append(f"按法定标准，借款人已多付 {lawful.overpaid} 元，债权人应予返还。")
    out.extend(readings(inp, lawful_lines))
    return tuple(out)


def readings(inp: RecalcInput, lawful_lines: Sequence[Line]) -> list[str]:
    """The spec's two readings, each where it can change the lawful figure.

    One budget over the whole time: where the cap cut or gave back a charge, or an overdue
    charge (penalty, compound) accrued — without either, a separate budget for the overdue
    period gives the same figure. Charges paid before 2020-08-20: a private loan formed
    before that day, with a payment before it, whose lawful view reduced a charge (an
    agreed rate above 24 %, or a cap line) — otherwise nothing between 24 % and 36 % was
    paid."""
    out = []
    capped = any(line.kind == "cap" for line in lawful_lines)
    if capped or any(line.kind == "accrual" for line in lawful_lines):
        out.append(ONE_BUDGET)
    transitional = inp.lender_type == PRIVATE and inp.formation_date < TRANSITION
    above = max(inp.annual_rate, inp.overdue_rate or 0) > Decimal("0.24")
    paid_before = any(p.date < TRANSITION for p in inp.payments)
    if transitional and paid_before and (above or capped):
        out.append(PAID_BEFORE)
    return out
