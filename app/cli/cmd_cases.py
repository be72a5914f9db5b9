"""`python -m app cases list [--query Q] [--json] [--unmasked]`,
`cases show CASE_NO [--json] [--unmasked]`, `cases assign CASE_NO --mediator NAME` and
`cases set-status CASE_NO STATUS [--date D] [--ruling-no N] [--reason TEXT]`.

Tables in Chinese for people; JSON (amounts and rates as exact strings) for scripts.
Persons' ID and phone numbers are masked (4201**********1234, 138****5678) unless
`--unmasked` is given: the CLI acts as the holder of the store's key, a supervisor
(`accounts.key_holder`), so it may, and each unmasked export is an `export.unmasked` event
in the audit log. An unknown case number exits 2 with a message naming it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.cli.output import clip, jsonable, local_time, percent, print_json, table
from app.domain.money import ZERO, fmt_grouped

if TYPE_CHECKING:
    from app.services.cases.service import CaseDetail, CaseSummary, ClaimInfo, LoanInfo

LIST_HEADERS = (
    "案号",
    "状态",
    "债权人",
    "债务人",
    "身份证号",
    "手机号",
    "出借人类型",
    "本金",
    "主张金额",
    "调解员",
)


def _vocab() -> Any:
    from app.services.cases import service as cases

    return cases


def summary_row(case: CaseSummary) -> list[str]:
    words = _vocab()
    return [
        case.case_no,
        case.status_label,
        clip(case.creditor_name, 28),
        case.debtor_name,
        case.debtor_id_number,
        case.debtor_phone,
        words.LENDER_TYPES.get(case.lender_type, case.lender_type),
        fmt_grouped(case.principal),
        fmt_grouped(case.claimed_total),
        case.mediator_name,
    ]


def run_list(args: argparse.Namespace) -> int:
    from app.services.cases.service import list_cases
    from app.services.context import open_context

    with open_context(args.data_dir) as ctx:
        found = list_cases(ctx, args.query or "")
        found = _shown(ctx, args, "cases list", found, [c.case_no for c in found])
    if args.json:
        print_json(found)
        return 0
    if not found:
        hint = f"没有与“{args.query}”相符的案件。" if args.query else "案件库里还没有案件。"
        print(hint)
        return 0
    print(table(LIST_HEADERS, [summary_row(c) for c in found], right={7, 8}))
    print(f"共 {len(found)} 件")
    return 0


def _shown(ctx: Any, args: argparse.Namespace, what: str, found: Any, case_nos: list[str]) -> Any:
    """`found` (a case list or a case) masked, or in full with `--unmasked` (audited)."""
    from app.services.cases import privacy as privacy
    from app.services.organisation.accounts import key_holder

    if args.unmasked:
        privacy.record_unmasked_export(ctx, key_holder(), what, case_nos)
        return found
    if isinstance(found, list):
        return [privacy.masked_summary(case) for case in found]
    return privacy.masked_detail(found)


def _loan_lines(loan: LoanInfo) -> list[str]:
    words = _vocab()
    term = (
        f"到期日 {loan.maturity}"
        if loan.maturity
        else f"{loan.term_months} 期"
        if loan.term_months
        else ""
    )
    lines = [
        f"出借人类型：{words.LENDER_TYPES.get(loan.lender_type, loan.lender_type)}"
        f"    合同编号：{loan.contract_no or '（无）'}",
        f"合同日期：{loan.contract_date}    放款日期：{loan.disbursement_date}",
        f"合同本金：{fmt_grouped(loan.principal)} 元    实际放款：{fmt_grouped(loan.disbursed)} 元",
        f"年利率：{percent(loan.annual_rate)}    逾期利率：{percent(loan.overdue_rate) or '未约定'}"
        f"    复利：{'计收' if loan.compound else '不计'}    计息基数：{loan.day_basis} 天",
        f"还款方式：{words.REPAYMENT_METHODS.get(loan.repayment_method, loan.repayment_method)}"
        f"    {term}",
    ]
    if loan.accelerated_on:
        lines.append(f"宣布提前到期：{loan.accelerated_on}")
    return lines


def _claim_lines(claim: ClaimInfo) -> list[str]:
    parts = (
        ("本金", claim.principal),
        ("利息", claim.interest),
        ("罚息", claim.penalty),
        ("复利", claim.compound),
        ("费用", claim.fees),
        ("实现债权费用", claim.costs),
        ("合计", claim.total),
    )
    rows = [[name, fmt_grouped(amount)] for name, amount in parts]
    if claim.floor is not None:
        rows.append(["可接受的最低金额", fmt_grouped(claim.floor)])
    return [f"截至 {claim.as_of}：", table(("项目", "金额（元）"), rows, right={1})]


def _party_table(detail: CaseDetail) -> str:
    words = _vocab()
    rows = [
        [
            words.PARTY_ROLES.get(p.role, p.role),
            words.PARTY_KINDS.get(p.kind, p.kind),
            p.name,
            words.ID_TYPES.get(p.id_type, p.id_type),
            p.id_number,
            p.phone,
            p.address,
        ]
        for p in detail.parties
    ]
    return table(("角色", "类别", "姓名/名称", "证件", "证件号码", "电话", "地址"), rows)


def detail_text(detail: CaseDetail) -> str:
    words = _vocab()
    s = detail.summary
    out = [
        f"案件 {s.case_no}    状态：{s.status_label}",
        f"批次：{s.batch or '（无）'}    调解员：{s.mediator_name or '（未分配）'}",
        f"受理：{local_time(s.created_at)}    更新：{local_time(s.updated_at)}",
        "",
        "【当事人】",
        _party_table(detail),
    ]
    if detail.loan:
        out += ["", "【借款】", *_loan_lines(detail.loan)]
    if detail.claim:
        out += ["", "【债权人主张】", *_claim_lines(detail.claim)]
    if detail.payments:
        rows = [[str(p.date), fmt_grouped(p.amount), p.note] for p in detail.payments]
        paid = sum((p.amount for p in detail.payments), ZERO)
        out += [
            "",
            "【还款记录】",
            table(("日期", "金额（元）", "备注"), rows, right={1}),
            f"已还合计：{fmt_grouped(paid)} 元",
        ]
    for title, charges in (("【费用】", detail.fees), ("【实现债权费用】", detail.costs)):
        if charges:
            rows = [
                [
                    str(c.date),
                    fmt_grouped(c.amount),
                    words.FEE_KINDS.get(c.kind) or words.COST_KINDS.get(c.kind, c.kind),
                ]
                for c in charges
            ]
            out += ["", title, table(("日期", "金额（元）", "类别"), rows, right={1})]
    return "\n".join(out)


def detail_json(detail: CaseDetail) -> Any:
    """`jsonable(detail)` plus each claim's `total`."""
    data = jsonable(detail)
    pairs = [(data["claim"], detail.claim), *zip(data["claims"], detail.claims, strict=True)]
    for claim, source in pairs:
        if claim is not None and source is not None:
            claim["total"] = str(source.total)
    return data


def run_show(args: argparse.Namespace) -> int:
    import json

    from app.services.cases.service import get_case
    from app.services.context import open_context

    with open_context(args.data_dir) as ctx:
        detail = get_case(ctx, args.case_no)
        detail = _shown(ctx, args, "cases show", detail, [detail.summary.case_no])
    if args.json:
        print(json.dumps(detail_json(detail), ensure_ascii=False, indent=2))
    else:
        print(detail_text(detail))
    return 0


def run_assign(args: argparse.Namespace) -> int:
    from app.services.cases.assign import assign_mediator
    from app.services.context import open_context

    with open_context(args.data_dir) as ctx:
        summary = assign_mediator(ctx, args.case_no, args.mediator)
    print(f"案件 {summary.case_no} 的承办调解员：{summary.mediator_name}")
    return 0


def run_set_status(args: argparse.Namespace) -> int:
    from app.services.cases.status import set_status
    from app.services.context import open_context

    with open_context(args.data_dir) as ctx:
        summary = set_status(
            ctx, args.case_no, args.status, on=args.date, ruling_no=args.ruling_no,
            reason=args.reason,
        )  # fmt: skip
    print(f"案件 {summary.case_no} 的状态：{summary.status_label}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("cases", help="list and show cases")
    actions = parser.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="cases, newest first")
    listing.add_argument(
        "--query", "-q", default="", help="part of a name, case number, ID number or phone"
    )
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="one case in full")
    show.add_argument("case_no", metavar="CASE_NO", help="e.g. TJ-2026-000123")
    show.set_defaults(handler=run_show)
    assign = actions.add_parser("assign", help="assign or reassign the case's mediator")
    assign.add_argument("case_no", metavar="CASE_NO")
    assign.add_argument("--mediator", required=True, help="the mediator's name (承办调解员)")
    assign.set_defaults(handler=run_assign)
    status = actions.add_parser(
        "set-status", help="move the case to STATUS (its code or Chinese label, e.g. 已司法确认)"
    )
    status.add_argument("case_no", metavar="CASE_NO")
    status.add_argument("status", metavar="STATUS")
    status.add_argument("--date", default=None, help="the day it happened (YYYY-MM-DD)")
    status.add_argument("--ruling-no", default="", help="the court's ruling number (已司法确认)")
    status.add_argument("--reason", default="", help="why (已违约, 调解终结)")
    status.set_defaults(handler=run_set_status)
    for action in (listing, show):
        action.add_argument("--json", action="store_true", help="print JSON")
        action.add_argument(
            "--unmasked",
            action="store_true",
            help="full ID and phone numbers (recorded in the audit log)",
        )
