"""A complete DocumentData for every kind, built by hand (no store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from app.documents.pdf import (
    AmountRow,
    Attendee,
    DocumentData,
    Organisation,
    Party,
    PlanRow,
    Session,
    Settlement,
    Statement,
)
from app.documents.pdf.model import document_number

CHINA = timezone(timedelta(hours=8))
CASE_NO = "TJ-2026-000003"
CREDITOR_USCC = "91350100M000100Y43"
DEBTOR_ID = "11010519491231002X"
PLAN_DATES = (date(2026, 7, 10), date(2026, 8, 15), date(2026, 9, 15), date(2026, 10, 15))
PLAN_AMOUNTS = (Decimal("10000.50"), Decimal("34699.83"), Decimal("34699.83"), Decimal("34699.84"))
SETTLED = Decimal("114100.00")
LAWFUL = Decimal("118550.00")
WAIVED = Decimal("4450.00")
CLAIMED = Decimal("131200.00")


def amounts() -> tuple[AmountRow, ...]:
    d = Decimal
    return (
        AmountRow("本金", d("95000.00"), d("95000.00"), d("0.00"), d("95000.00")),
        AmountRow("利息", d("25000.00"), d("17100.00"), d("0.00"), d("17100.00")),
        AmountRow("逾期利息（罚息）", d("6500.00"), d("3900.00"), d("3900.00"), d("0.00")),
        AmountRow("复利", d("1200.00"), d("250.00"), d("250.00"), d("0.00")),
        AmountRow("费用", d("1500.00"), d("300.00"), d("300.00"), d("0.00")),
        AmountRow("实现债权费用", d("2000.00"), d("2000.00"), d("0.00"), d("2000.00")),
    )


def sample(kind: str = "agreement", **changes: object) -> DocumentData:
    created = datetime(2026, 7, 2, 11, 30, tzinfo=CHINA)
    rows = tuple(
        PlanRow(i + 1, due, amount, "首付款" if i == 0 else "")
        for i, (due, amount) in enumerate(zip(PLAN_DATES, PLAN_AMOUNTS, strict=True))
    )
    session = Session(
        starts=datetime(2026, 7, 2, 9, 30, tzinfo=CHINA),
        ends=datetime(2026, 7, 2, 11, 15, tzinfo=CHINA),
        place="滨江区人民调解委员会第二调解室",
        attendees=(
            Attendee("李明", "债权人委托代理人", "440524198001010013", True),
            Attendee("王建国", "债务人", DEBTOR_ID, True),
        ),
        statements=(
            Statement("债权人", "债务人自2025年1月起未再还款，请求偿还全部欠款。"),
            Statement("债务人", "因失业暂时无力一次还清，愿意分期偿还，请求减免罚息。"),
        ),
        outcome="agreed",
    )
    data = DocumentData(
        kind=kind,
        number=document_number(CASE_NO, kind),
        case_no=CASE_NO,
        created=created,
        organisation=Organisation(
            name="滨江区金融纠纷人民调解委员会",
            address="杭州市滨江区江南大道100号3楼",
            registration_no="TJW-330108-0001",
            phone="0571-88886666",
        ),
        parties=(
            Party(
                "creditor",
                "滨江农村商业银行股份有限公司",
                "organisation",
                "统一社会信用代码",
                CREDITOR_USCC,
                "0571-87001234",
                "杭州市滨江区西兴街道江陵路1号",
                "张为民",
            ),
            Party(
                "debtor",
                "王建国",
                "person",
                "居民身份证",
                DEBTOR_ID,
                "13912345678",
                "浙江省杭州市西湖区文三路88号2幢301室",
            ),
        ),
        mediator="陈静",
        contract_no="JK-2021-0456",
        contract_date=date(2021, 3, 15),
        loan_principal=Decimal("100000.00"),
        claim_as_of=date(2026, 6, 20),
        lawful_as_of=date(2026, 6, 20),
        amounts=amounts(),
        settlement=Settlement(SETTLED, rows, 15, True, date(2026, 7, 2)),
        session=session,
        court="杭州市滨江区人民法院",
        termination_reason="债务人明确表示不同意调解方案，双方分歧较大，经多次协商未能达成一致。",
    )
    return replace(data, **changes)  # type: ignore[arg-type]
