"""Batch intake through the service on a real store: what the checks from outside rely on
(intake.md): bad rows and duplicates reported exactly, nothing written on a dry run, a
second import adds nothing, a GB18030 CSV with other accepted header names works."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.services.cases.service import create_case, get_case
from app.services.intake.reader import FileRefused
from app.services.intake.service import IntakeOptions, check_file, import_file
from app.store.models import Batch, Case, Claim, Party, Payment
from app.store.records import AuditEvent
from tests.intake_fixtures import CREDITOR, HEADERS, IDS, row, write_csv, write_xlsx
from tests.store_fixtures import new_case


def counts(ctx: Any) -> dict[str, int]:
    with ctx.read() as uow:
        return {
            model.__tablename__: int(uow.session.scalar(select(func.count()).select_from(model)))
            for model in (Case, Party, Claim, Payment, AuditEvent, Batch)
        }


def problems_of(report: Any) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.value) for p in report.problems]


def test_a_good_file_becomes_cases_with_their_audit_events(ctx: Any, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "good.xlsx", [row(1), row(2), row(3)])
    report = import_file(ctx, path, IntakeOptions(court="滨江市滨江区人民法院"))
    assert (report.rows, report.valid, report.imported, report.exit_code) == (3, 3, 3, 0)
    assert report.problems == [] and report.duplicates == []
    detail = get_case(ctx, "TJ-2026-000002")
    assert detail.summary.status == "intake" and detail.summary.court == "滨江市滨江区人民法院"
    assert detail.loan is not None and detail.loan.contract_no == "HT-002"
    assert detail.loan.annual_rate == Decimal("0.18") and detail.loan.term_months == 12
    assert detail.claim is not None and detail.claim.as_of == date(2025, 6, 30)
    assert (detail.claim.principal, detail.claim.interest) == (
        Decimal("30000.50"),
        Decimal("1234.56"),
    )
    debtor = next(p for p in detail.parties if p.role == "debtor")
    assert (debtor.name, debtor.id_number, debtor.phone) == ("借款人2", IDS[2], "13912340002")
    with ctx.read() as uow:
        created = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.created")
        ).all()
        assert len(created) == 3 and all(e.case_id is not None for e in created)
        assert uow.audit.verify() == []
        batch = uow.session.scalars(select(Batch)).one()
        assert (batch.status, batch.imported, batch.rows, batch.file_name) == (
            "complete",
            3,
            3,
            "good.xlsx",
        )


def test_an_imported_row_is_stored_as_the_new_case_dialog_would_store_it(
    ctx: Any, tmp_path: Path
) -> None:
    extra = {
        "contract_no": "A-1",
        "claim_as_of": "2025-06-30",
        "claimed_principal": "30000.50",
        "claimed_interest": "1234.56",
    }
    typed = create_case(ctx, new_case(batch="", extra=extra))
    same = row(
        1,
        合同编号="A-2",
        债权人="滨江农村商业银行股份有限公司",
        借款人姓名="王建国",
        身份证号="11010519491231002X",
        手机号="13912345678",
        地址="北京市东城区建设路1号",
        出借人类型="银行",
        合同日期=date(2021, 3, 15),
        借款本金=100000,
        还款方式="到期一次还本付息",
        期数="",
        到期日="2022-03-15",
    )
    headers = [*HEADERS, "统一社会信用代码"]
    path = write_xlsx(
        tmp_path / "one.xlsx", [{**same, "统一社会信用代码": "91350100M000100Y43"}], headers=headers
    )
    assert import_file(ctx, path, IntakeOptions(batch="批")).imported == 1

    def comparable(case_no: str) -> Any:
        detail = get_case(ctx, case_no)
        assert detail.loan is not None
        parties = [
            (p.role, p.kind, p.name, p.id_type, p.id_number, p.phone, p.address)
            for p in detail.parties
        ]
        loan = {**detail.loan.__dict__, "contract_no": ""}
        return parties, loan, detail.claims, detail.payments, detail.summary.status

    assert comparable("TJ-2026-000002") == comparable(typed.case_no)


def test_bad_rows_are_reported_exactly_and_nothing_is_imported(ctx: Any, tmp_path: Path) -> None:
    rows = [
        row(1),
        row(2, 身份证号=4.20106198503124e17),  # Excel made the ID a number
        row(3, 身份证号="110105198502030016", 借款本金="12,345.678"),  # check digit, 3 decimals
        row(4, 合同日期="2023-13-40", 年利率="18"),  # no such date; 18 % or 18 分?
        row(5, 还款方式="等额本息", 期数=""),  # instalments without a term
    ]
    before = counts(ctx)
    report = import_file(ctx, write_xlsx(tmp_path / "bad.xlsx", rows), IntakeOptions())
    assert problems_of(report) == [
        (3, "身份证号", "4.20106198503124e+17"),
        (4, "身份证号", "110105198502030016"),
        (4, "借款本金", "12,345.678"),
        (5, "合同日期", "2023-13-40"),
        (5, "年利率", "18"),
        (6, "期数", ""),
    ]
    reasons = [p.reason for p in report.problems]
    assert "文本" in reasons[0] and "重新导出" in reasons[0]
    assert "校验码" in reasons[1] and "两位小数" in reasons[2]
    assert all("110105198502030016" not in r for r in reasons)  # no full ID in a reason
    assert (report.rows, report.valid, report.imported, report.exit_code) == (5, 1, 0, 1)
    assert report.bad_rows == [3, 4, 5, 6]
    assert counts(ctx) == before


def test_skip_bad_imports_the_good_rows_and_reports_the_rest(ctx: Any, tmp_path: Path) -> None:
    rows = [row(1), row(2, 身份证号="12345"), row(3)]
    path = write_xlsx(tmp_path / "some.xlsx", rows)
    report = import_file(ctx, path, IntakeOptions(skip_bad=True))
    assert (report.valid, report.imported, report.exit_code) == (2, 2, 1)
    assert problems_of(report) == [(3, "身份证号", "12345")]
    assert counts(ctx)["case"] == 2


def test_duplicates_earlier_in_the_file_and_in_the_store(ctx: Any, tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "first.xlsx", [row(1), row(2)])
    assert import_file(ctx, first, IntakeOptions()).imported == 2
    rows = [row(2), row(3), row(3, 借款人姓名="另一人"), row(4)]
    report = import_file(ctx, write_xlsx(tmp_path / "second.xlsx", rows), IntakeOptions())
    assert [(d.row, d.contract_no, d.of) for d in report.duplicates] == [
        (2, "HT-002", "TJ-2026-000002"),
        (4, "HT-003", "row 3"),
    ]
    assert (report.valid, report.imported, report.exit_code) == (4, 2, 1)
    assert counts(ctx)["case"] == 4


def test_a_second_import_of_the_same_file_adds_nothing(ctx: Any, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "same.xlsx", [row(n) for n in range(1, 6)])
    assert import_file(ctx, path, IntakeOptions()).exit_code == 0
    before = counts(ctx)
    again = import_file(ctx, path, IntakeOptions())
    assert again.imported == 0 and len(again.duplicates) == 5 and again.exit_code == 1
    assert counts(ctx) == before


def test_a_dry_run_writes_nothing(ctx: Any, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "dry.xlsx", [row(1), row(2)])
    before = counts(ctx)
    report = check_file(ctx, path, IntakeOptions())
    assert (report.dry_run, report.valid, report.imported, report.exit_code) == (True, 2, 0, 0)
    assert counts(ctx) == before


def test_a_gb18030_csv_with_other_accepted_headers(ctx: Any, tmp_path: Path) -> None:
    headers = [
        "借款合同编号",
        "出借人",
        "客户姓名",
        "证件号码",
        "联系电话",
        "机构类型",
        "借款日期",
        "贷款金额",
        "月利率",
        "还款方式",
        "借款期限（月）",
        "统计日期",
        "欠款本金",
        "利息",
        "违约金",
        "紧急联系人",
        "客户经理",
    ]
    rows = [
        headers,
        [
            "GB-1",
            "滨江小额贷款有限公司",
            "张三",
            IDS[0],
            "139 1234 5678",
            "小额贷款公司",
            "2023/3/10",
            "20,000.00元",
            "1.5%",
            "先息后本",
            "12",
            "2025年6月30日",
            "20000",
            "300",
            "0",
            "李四",
            "王经理",
        ],
        [
            "GB-2",
            "滨江小额贷款有限公司",
            "李梅",
            IDS[1],
            "",
            "小额贷款公司",
            "20230310",
            "8000",
            "1分5",
            "等额本金",
            "6",
            "2025.6.30",
            "5000",
            "",
            "",
            "",
            "",
        ],
    ]
    path = write_csv(tmp_path / "gbk.csv", rows, encoding="gb18030")
    report = import_file(ctx, path, IntakeOptions())
    assert report.problems == [] and report.encoding == "GB18030"
    assert (report.rows, report.imported, report.exit_code) == (2, 2, 0)
    first = get_case(ctx, "TJ-2026-000001")
    assert first.loan is not None and first.loan.annual_rate == Decimal("0.18")
    assert first.loan.contract_date == date(2023, 3, 10)
    assert first.loan.repayment_method == "interest_only" and first.loan.principal == Decimal(
        "20000.00"
    )
    assert first.claim is not None and first.claim.as_of == date(2025, 6, 30)
    second = get_case(ctx, "TJ-2026-000002")
    assert second.loan is not None and second.loan.annual_rate == Decimal("0.18")
    with ctx.read() as uow:
        notes = uow.session.scalars(select(Case.notes).order_by(Case.id)).first()
    assert notes == {
        "columns": {"客户经理": "王经理"},
        "emergency_contact": {"name": "李四", "phone": ""},
    }


def test_utf8_csv_with_a_byte_order_mark(ctx: Any, tmp_path: Path) -> None:
    rows = [list(HEADERS), [str(v) for v in row(1).values()]]
    report = check_file(ctx, write_csv(tmp_path / "bom.csv", rows, bom=True), IntakeOptions())
    assert report.problems == [] and report.encoding == "UTF-8-BOM"


def test_a_csv_in_another_encoding_is_refused_naming_the_encodings(
    ctx: Any, tmp_path: Path
) -> None:
    path = tmp_path / "utf16.csv"
    path.write_bytes("合同编号,债权人\r\nA,B\r\n".encode("utf-16"))
    with pytest.raises(FileRefused, match=r"UTF-8.*GB18030"):
        check_file(ctx, path, IntakeOptions())


def test_a_missing_required_column_refuses_the_file(ctx: Any, tmp_path: Path) -> None:
    headers = [h for h in HEADERS if h != "身份证号"]
    path = write_xlsx(tmp_path / "noid.xlsx", [row(1)], headers=headers)
    with pytest.raises(FileRefused, match=r"身份证号.*证件号码"):
        check_file(ctx, path, IntakeOptions())


def test_batch_level_creditor_and_lender_type_when_the_sheet_has_none(
    ctx: Any, tmp_path: Path
) -> None:
    headers = [h for h in HEADERS if h not in ("债权人", "出借人类型")]
    path = write_xlsx(tmp_path / "bank.xlsx", [row(1)], headers=headers)
    with pytest.raises(FileRefused, match="--creditor"):
        check_file(ctx, path, IntakeOptions())
    options = IntakeOptions(creditor="滨江银行股份有限公司", lender_type="银行")
    assert import_file(ctx, path, options).imported == 1
    detail = get_case(ctx, "TJ-2026-000001")
    assert detail.summary.creditor_name == "滨江银行股份有限公司"
    assert detail.loan is not None and detail.loan.lender_type == "bank"


def test_a_lenders_own_headers_through_a_mapping(ctx: Any, tmp_path: Path) -> None:
    headers = ["借据号", *HEADERS[1:3], "客户证件号", *HEADERS[4:]]
    rows = [{**row(1), "借据号": "JJ-9", "客户证件号": IDS[1]}]
    path = write_xlsx(tmp_path / "own.xlsx", rows, headers=headers)
    with pytest.raises(FileRefused):
        check_file(ctx, path, IntakeOptions())
    mapping = {"借据号": "contract number", "客户证件号": "debtor ID"}
    report = import_file(ctx, path, IntakeOptions(mapping=mapping))
    assert report.imported == 1
    detail = get_case(ctx, "TJ-2026-000001")
    assert detail.loan is not None and detail.loan.contract_no == "JJ-9"


def test_full_width_characters_trailing_spaces_and_text_dates(ctx: Any, tmp_path: Path) -> None:
    rows = [
        row(
            1,
            身份证号=" " + "".join(chr(ord(c) + 0xFEE0) for c in IDS[1]) + "  ",
            借款本金="５０，０００．００",
            合同日期="2022年3月10日 ",
            年利率="１８％",
            主张截止日="2025/6/30 0:00:00",
            借款人姓名="王芳\u3000",
        ),
        row(2, 合同日期="2022.3.10", 主张截止日="20250630"),
    ]
    report = import_file(ctx, write_xlsx(tmp_path / "fw.xlsx", rows), IntakeOptions())
    assert report.problems == [] and report.imported == 2
    detail = get_case(ctx, "TJ-2026-000001")
    debtor = next(p for p in detail.parties if p.role == "debtor")
    assert (debtor.name, debtor.id_number) == ("王芳", IDS[1])
    assert detail.loan is not None and detail.loan.principal == Decimal("50000.00")


def test_a_title_row_merged_above_the_header_keeps_the_sheets_row_numbers(
    ctx: Any, tmp_path: Path
) -> None:
    rows = [row(1), row(2, 身份证号="1234")]
    path = write_xlsx(tmp_path / "title.xlsx", rows, title="滨江消费金融 2026 年 3 月逾期清单")
    report = check_file(ctx, path, IntakeOptions())
    assert problems_of(report) == [(4, "身份证号", "1234")]


def test_the_repayment_sheet_joins_payments_by_contract_number(ctx: Any, tmp_path: Path) -> None:
    payments = [
        ("HT-001", date(2022, 4, 10), 4583.33),
        ("HT-001", "2022/5/10", "4,583.33"),
        ("HT-009", date(2022, 4, 10), 100),  # no such contract in the case sheet
    ]
    path = write_xlsx(tmp_path / "pay.xlsx", [row(1), row(2)], payments=payments)
    report = import_file(ctx, path, IntakeOptions(skip_bad=True))
    assert [(p.sheet, p.row, p.column, p.value) for p in report.problems] == [
        ("还款明细", 4, "合同编号", "HT-009")
    ]
    assert report.imported == 2
    detail = get_case(ctx, "TJ-2026-000001")
    assert [(p.date, p.amount) for p in detail.payments] == [
        (date(2022, 4, 10), Decimal("4583.33")),
        (date(2022, 5, 10), Decimal("4583.33")),
    ]


def test_a_bad_payment_holds_its_case_back(ctx: Any, tmp_path: Path) -> None:
    payments = [("HT-002", date(2026, 1, 10), 100)]  # after 主张截止日
    path = write_xlsx(tmp_path / "late.xlsx", [row(1), row(2)], payments=payments)
    report = check_file(ctx, path, IntakeOptions())
    assert [(p.sheet, p.row, p.column) for p in report.problems] == [
        ("", 3, "还款明细"),
        ("还款明细", 2, "还款日期"),
    ]
    assert report.valid == 1


def test_the_search_index_finds_imported_cases(ctx: Any, tmp_path: Path) -> None:
    from app.store import search

    import_file(ctx, write_xlsx(tmp_path / "s.xlsx", [row(1), row(2)]), IntakeOptions())
    clause = search.matching_ids("借款人2")
    assert clause is not None
    with ctx.read() as uow:
        ids = list(uow.session.execute(clause[0], clause[1]).scalars())
        number = uow.session.scalar(select(Case.case_no).where(Case.id == ids[0]))
    assert len(ids) == 1 and number == "TJ-2026-000002"


def test_the_problem_rows_go_back_to_the_lender_in_an_xlsx(ctx: Any, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    from app.services.intake.export import export_problem_rows

    rows = [row(1), row(2, 身份证号="12345", 借款本金="abc"), row(3), row(4, 合同日期="昨天")]
    source = write_xlsx(tmp_path / "src.xlsx", rows)
    report = check_file(ctx, source, IntakeOptions())
    out = tmp_path / "问题行.xlsx"
    assert export_problem_rows(source, report, out) == 2
    with CalamineWorkbook.from_path(str(out)) as book:
        back = book.get_sheet_by_index(0).to_python()
    assert back[0][0] == "原行号" and back[0][1:4] == ["合同编号", "债权人", "借款人姓名"]
    assert [r[0] for r in back[1:]] == [3.0, 5.0]
    assert back[1][1] == "HT-002" and back[1][4] == "12345"
    assert "身份证号：" in back[1][-1] and "借款本金：" in back[1][-1]


def test_a_mapping_is_saved_per_creditor(ctx: Any) -> None:
    from app.services.intake.mappings import save_mapping, saved_mapping

    assert saved_mapping(ctx, CREDITOR) is None
    save_mapping(ctx, CREDITOR, {"客户证件号": "debtor ID"})
    save_mapping(ctx, CREDITOR, {"客户证件号": "debtor ID", "借据号": "contract number"})
    assert saved_mapping(ctx, " " + CREDITOR) == {
        "客户证件号": "debtor ID",
        "借据号": "contract number",
    }
    assert saved_mapping(ctx, "别的债权人") is None
