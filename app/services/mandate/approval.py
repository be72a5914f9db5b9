"""What goes to the creditor: the approval request PDF of one exception, and an .xlsx with
one row per pending exception for a batch's approvals (the creditor fills in its answer).

    pdf = approval_request_pdf(ctx, exception_id)
    approvals_xlsx(ctx, Path("待批准.xlsx"))            # every pending one (or `ids`)
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from app.documents.approval_request import ApprovalRequest, Breach, render_approval_request
from app.domain.errors import DomainError, InputError, Problem
from app.domain.money import fmt_grouped
from app.services.clock import CHINA_TZ

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.mandate.exceptions import ExceptionInfo
    from app.services.settlement.terms import SettlementInfo

XLSX_HEADERS = (
    "申请编号",
    "案号",
    "委托批次",
    "债务人",
    "依法应还（元）",
    "和解金额（元）",
    "超出授权事项",
    "申请日期",
    "方案指纹",
    "债权人意见（同意/不同意）",
    "经办人",
    "日期",
)


def approval_request_pdf(ctx: AppContext, exception_id: int, reason: str = "") -> bytes:
    """The request for one exception (pending or decided), as a PDF."""
    return render_approval_request(request_data(ctx, exception_id, reason))


def request_data(ctx: AppContext, exception_id: int, reason: str = "") -> ApprovalRequest:
    from app.services.cases.service import get_case
    from app.services.mandate.exceptions import get_exception
    from app.services.organisation.service import get_profile
    from app.services.settlement.service import get_settlement

    info = get_exception(ctx, exception_id)
    if not info.current:
        raise DomainError(f"第 {info.id} 号申请针对的方案已被修改：请为现在的方案重新生成申请。")
    case = get_case(ctx, info.case_no)
    settlement = get_settlement(ctx, info.case_no)
    if settlement is None:
        raise DomainError(f"案件 {info.case_no} 还没有保存调解方案。")
    org = get_profile(ctx)
    debtor = next((p.name for p in case.parties if p.role == "debtor"), "")
    return ApprovalRequest(
        number=f"{info.case_no}-SP-{info.id:02d}",
        organisation=org.name,
        organisation_phone=org.phone,
        creditor=info.creditor,
        case_no=info.case_no,
        debtor=debtor,
        batch=info.batch,
        lawful_total=settlement.lawful_total,
        settled_total=settlement.settled_total,
        plan=_plan_text(settlement),
        breaches=tuple(_breach(b) for b in info.breaches),
        reason=reason.strip(),
        mediator=case.summary.mediator_name,
        fingerprint=info.fingerprint,
        made=info.requested_at.astimezone(CHINA_TZ),
    )


def approvals_xlsx(ctx: AppContext, path: Path, ids: Sequence[int] = ()) -> Path:
    """One row per exception (every pending one unless `ids`) for the creditor to answer."""
    from app.services.mandate.exceptions import get_exception, pending_exceptions

    if path.suffix.lower() != ".xlsx":
        raise InputError([Problem("path", "请保存为 .xlsx 文件。")])
    found = [get_exception(ctx, i) for i in ids] if ids else pending_exceptions(ctx)
    if not found:
        raise DomainError("没有待债权人批准的授权例外申请。")
    _write(path, [_row(ctx, info) for info in found])
    return path


def _row(ctx: AppContext, info: ExceptionInfo) -> list[str]:
    data = request_data(ctx, info.id)
    breaches = "；".join(
        f"{b.label}：授权{b.limit_text}，本方案{b.proposed}" for b in data.breaches
    )
    asked = f"{info.requested_at.astimezone(CHINA_TZ):%Y-%m-%d}"
    totals = [fmt_grouped(data.lawful_total), fmt_grouped(data.settled_total)]
    head = [str(info.id), info.case_no, info.batch, data.debtor, *totals, breaches, asked]
    return [*head, info.fingerprint[:16], "", "", ""]


def _write(path: Path, rows: list[list[str]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    try:
        sheet = book.add_worksheet("待批准")
        text = book.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})
        head = book.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1})
        sheet.write_row(0, 0, XLSX_HEADERS, head)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                sheet.write_string(r, c, value, text)
        for c, width in enumerate((8, 16, 20, 10, 14, 14, 60, 12, 18, 20, 10, 12)):
            sheet.set_column(c, c, width)
        sheet.freeze_panes(1, 0)
    finally:
        book.close()


def _breach(item: dict[str, str]) -> Breach:
    unit = item.get("unit", "元")
    used, over = item.get("used", ""), item.get("over", "")
    if unit == "元":
        used, over = f"{fmt_grouped(_dec(used))} 元", f"{fmt_grouped(_dec(over))} 元"
    else:
        used, over = f"{used} {unit}", f"{over} {unit}"
    return Breach(item.get("label", ""), item.get("limit_text", ""), used, over)


def _dec(text: str) -> Decimal:
    return Decimal(text)


def _plan_text(settlement: SettlementInfo) -> str:
    from app.domain.plan import describe

    return describe(settlement.plan)
