"""Words for people: Chinese names of fee and cost kinds, and the engine's warnings."""

from __future__ import annotations

from datetime import date

from app.domain.recalc.arith import fen_text, to_fen
from app.domain.recalc.model import RecalcInput
from app.domain.recalc.result import ViewTotals

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
) -> tuple[str, ...]:
    """Deducted interest, an out-of-date LPR table, a claim above the contract, money to
    return, ignored fields — in that order."""
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
    if inp.ignored_fields:
        out.append(f"以下字段未被识别，已忽略（请检查拼写）：{'、'.join(inp.ignored_fields)}")
    return tuple(out)
