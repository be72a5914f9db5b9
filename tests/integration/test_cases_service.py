"""`app.services.cases.service` on a real store: numbering, validation, search, status, audit."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from app.domain.errors import DomainError, InputError
from app.services.cases import service as cases
from app.services.cases.service import CaseNotFound
from app.store.audit import GENESIS, hash_of
from tests.store_fixtures import GOOD_ID_2, FixedClock, new_case

pytest.importorskip("app.domain.identifiers")  # create_case validates IDs with it


def problems(error: InputError) -> dict[str, str]:
    return {p.path: p.reason for p in error.problems}


# -- numbering -----------------------------------------------------------------------------------


def test_case_numbers_run_per_year_of_intake(ctx: Any, clock: FixedClock) -> None:
    first = cases.create_case(ctx, new_case())
    second = cases.create_case(ctx, new_case(debtor_name="李芳"))
    clock.now = datetime(2027, 1, 5, 2, 0, tzinfo=UTC)
    next_year = cases.create_case(ctx, new_case())
    clock.now = datetime(2026, 12, 30, 2, 0, tzinfo=UTC)  # a late entry for the old year
    late = cases.create_case(ctx, new_case())
    assert [first.case_no, second.case_no, next_year.case_no, late.case_no] == [
        "TJ-2026-000001",
        "TJ-2026-000002",
        "TJ-2027-000001",
        "TJ-2026-000003",
    ]


def test_the_intake_year_is_the_year_in_china_not_in_utc(ctx: Any, clock: FixedClock) -> None:
    clock.now = datetime(2026, 12, 31, 17, 0, tzinfo=UTC)  # 2027-01-01 01:00 in Beijing
    assert (
        cases.create_case(ctx, new_case(contract_date="2026-12-01", maturity="2027-12-01")).case_no
        == "TJ-2027-000001"
    )


# -- create and read back ----------------------------------------------------------------------


def test_a_created_case_reads_back_whole(ctx: Any) -> None:
    made = cases.create_case(
        ctx,
        new_case(
            principal="100,000.05",
            annual_rate="月息1分5",
            extra={"disbursed": "95000", "overdue_rate": "27%", "contract_no": "JK-1"},
        ),
    )
    detail = cases.get_case(ctx, made.case_no.lower())
    loan = detail.loan
    assert loan is not None
    assert (loan.principal, loan.disbursed) == (Decimal("100000.05"), Decimal("95000.00"))
    assert (loan.annual_rate, loan.overdue_rate) == (Decimal("0.18"), Decimal("0.27"))
    assert (loan.contract_date, loan.maturity) == (date(2021, 3, 15), date(2022, 3, 15))
    assert loan.contract_no == "JK-1"
    assert [(p.role, p.kind, p.id_type) for p in detail.parties] == [
        ("creditor", "organisation", "uscc"),
        ("debtor", "person", "resident_id"),
    ]
    assert detail.summary.status == "intake" and detail.summary.status_label == "待受理"
    assert detail.summary.debtor_id_number == "11010519491231002X"
    assert detail.claim is None and detail.payments == ()


def test_identifiers_are_normalised(ctx: Any) -> None:
    made = cases.create_case(
        ctx, new_case(debtor_id_number=" 11010519491231002x ", debtor_phone="+86 139-1234-5678")
    )
    assert (made.debtor_id_number, made.debtor_phone) == ("11010519491231002X", "13912345678")


def test_a_private_lender_without_credit_code_is_a_person(ctx: Any) -> None:
    made = cases.create_case(
        ctx, new_case(lender_type="private", creditor_name="张三", creditor_credit_code="")
    )
    (creditor, _) = cases.get_case(ctx, made.case_no).parties
    assert (creditor.kind, creditor.id_type) == ("person", "")


# -- validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        ({"creditor_name": "  "}, "creditor_name", "请填写债权人名称"),
        ({"lender_type": "pawnshop"}, "lender_type", "无法识别"),
        ({"debtor_name": ""}, "debtor_name", "请填写债务人姓名"),
        ({"debtor_id_number": "110105194912310021"}, "debtor_id_number", "校验码应为X"),
        ({"debtor_id_number": ""}, "debtor_id_number", "身份证号码"),
        ({"debtor_phone": "12345"}, "debtor_phone", "手机号应为 11 位，现在是 5 位"),
        ({"debtor_phone": ""}, "debtor_phone", "请填写债务人的 11 位手机号码"),
        ({"principal": "十万"}, "principal", "不是金额"),
        ({"principal": "0"}, "principal", "必须大于 0"),
        ({"principal": "100.001"}, "principal", "最多两位小数"),
        ({"contract_date": "2021-02-30"}, "contract_date", "不是有效日期"),
        ({"contract_date": "2030-01-01"}, "contract_date", "晚于今天"),
        ({"annual_rate": "18"}, "annual_rate", "18%"),
        ({"creditor_credit_code": "91350100M000100Y44"}, "creditor_credit_code", "校验码应为3"),
        ({"maturity": ""}, "maturity", "请填写到期日"),
        ({"maturity": "2020-01-01"}, "maturity", "必须晚于放款日"),
        ({"repayment_method": "equal_installment", "term_months": "0"}, "term_months", "1 到 600"),
        ({"repayment_method": "balloon"}, "repayment_method", "无法识别"),
        ({"extra": {"disbursed": "200000"}}, "extra.disbursed", "不能大于合同本金"),
        ({"extra": {"colour": "red"}}, "extra.colour", "不认识的附加字段"),
        ({"extra": {"mediator": "无此人"}}, "extra.mediator", "没有名为“无此人”的调解员"),
    ],
)
def test_each_bad_field_is_named_with_a_reason_that_says_the_fix(
    ctx: Any, changes: dict[str, Any], path: str, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        cases.create_case(ctx, new_case(**changes))
    found = problems(caught.value)
    assert list(found) == [path]
    assert words in found[path]
    assert cases.list_cases(ctx) == []


@pytest.mark.parametrize(
    ("written", "annual"),
    [
        ("月息1分5", "0.18"),
        ("年息1分", "0.1"),  # 10 % a year (the stop-gap parser refused it)
        ("月息8厘", "0.096"),
        ("日万5", "0.18"),
        ("百分之十八", "0.18"),
    ],
)
def test_rates_are_read_by_the_domain_parser(ctx: Any, written: str, annual: str) -> None:
    made = cases.create_case(ctx, new_case(annual_rate=written))
    loan = cases.get_case(ctx, made.case_no).loan
    assert loan is not None and loan.annual_rate == Decimal(annual)


@pytest.mark.parametrize(
    ("changes", "path", "start", "fix"),
    [
        ({"annual_rate": "18"}, "annual_rate", "年利率“18”不明确", "“18%”"),
        ({"annual_rate": "8厘"}, "annual_rate", "年利率“8厘”不明确", "月息8厘"),
        (
            {"extra": {"overdue_rate": "千分之5"}},
            "extra.overdue_rate",
            "逾期利率“千分之5”",
            "日万5",
        ),
        ({"extra": {"overdue_rate": "月息2"}}, "extra.overdue_rate", "逾期利率“月息2”", "月利率2%"),
    ],
)
def test_a_refused_rate_names_the_field_and_the_fix(
    ctx: Any, changes: dict[str, Any], path: str, start: str, fix: str
) -> None:
    with pytest.raises(InputError) as caught:
        cases.create_case(ctx, new_case(**changes))
    (reason,) = problems(caught.value).values()
    assert list(problems(caught.value)) == [path]
    assert reason.startswith(start) and fix in reason


def test_all_problems_are_reported_together(ctx: Any) -> None:
    with pytest.raises(InputError) as caught:
        cases.create_case(
            ctx, new_case(debtor_name="", principal="-5", debtor_phone="1", contract_date="昨天")
        )
    assert set(problems(caught.value)) == {
        "debtor_name",
        "principal",
        "debtor_phone",
        "contract_date",
    }


# -- search -------------------------------------------------------------------------------------


@pytest.fixture
def three(ctx: Any, clock: FixedClock) -> list[str]:
    made = []
    for name, id_number, phone, creditor in (
        ("王建国", "11010519491231002X", "13912345678", "滨江农村商业银行股份有限公司"),
        ("李芳", GOOD_ID_2, "13800000001", "恒信消费金融有限公司"),
        ("王芳", GOOD_ID_2, "18600000002", "张三"),
    ):
        made.append(
            cases.create_case(
                ctx,
                new_case(
                    debtor_name=name,
                    debtor_id_number=id_number,
                    debtor_phone=phone,
                    creditor_name=creditor,
                ),
            ).case_no
        )
        clock.advance(hours=1)
    return made


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [2, 1, 0]),  # newest first
        ("王", [2, 0]),
        ("芳", [2, 1]),
        ("恒信", [1]),
        ("张三", [2]),
        ("002X", [0]),
        ("002x", [0]),
        ("198001", [2, 1]),
        ("1380000", [1]),
        ("TJ-2026-000002", [1]),
        ("%", []),
        ("不存在", []),
    ],
)
def test_search_by_name_case_number_id_number_and_phone(
    ctx: Any, three: list[str], query: str, expected: list[int]
) -> None:
    assert [c.case_no for c in cases.list_cases(ctx, query)] == [three[i] for i in expected]


def test_unknown_case_names_the_number(ctx: Any) -> None:
    with pytest.raises(CaseNotFound, match="TJ-2026-999999"):
        cases.get_case(ctx, "TJ-2026-999999")


# -- status and the audit chain -------------------------------------------------------------------


def audit_rows(ctx: Any) -> list[Any]:
    with ctx.store.engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT seq, actor, case_id, action, detail, prev_hash, hash FROM audit_event "
                    "ORDER BY seq"
                )
            )
        )


def test_status_changes_follow_the_state_machine_and_are_audited(
    ctx: Any, clock: FixedClock
) -> None:
    case_no = cases.create_case(ctx, new_case()).case_no
    clock.advance(days=1)
    moved = cases.change_status(ctx, case_no, "contacting")
    assert (moved.status, moved.status_label, moved.updated_at) == (
        "contacting",
        "联系中",
        clock.now,
    )
    with pytest.raises(DomainError, match="不能直接改为“已签署”"):
        cases.change_status(ctx, case_no, "signed")
    assert cases.get_case(ctx, case_no).summary.status == "contacting"
    rows = audit_rows(ctx)
    assert [(r.seq, r.actor, r.action) for r in rows] == [
        (1, "测试员", "case.created"),
        (2, "测试员", "case.status_changed"),
    ]
    assert '"from": "intake"' in rows[1].detail and '"to": "contacting"' in rows[1].detail


def test_audit_events_are_hash_chained(ctx: Any) -> None:
    case_no = cases.create_case(ctx, new_case()).case_no
    cases.change_status(ctx, case_no, "contacting")
    cases.change_status(ctx, case_no, "scheduled")
    rows = audit_rows(ctx)
    assert rows[0].prev_hash == GENESIS
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
    with ctx.read() as uow:
        assert uow.audit.verify() == []
        events = uow.audit.for_case(rows[0].case_id)
        assert [hash_of(e) for e in events] == [r.hash for r in rows]


def test_tampering_with_the_audit_log_is_detected(ctx: Any) -> None:
    case_no = cases.create_case(ctx, new_case()).case_no
    cases.change_status(ctx, case_no, "contacting")
    with ctx.store.engine.begin() as conn:  # a forger who knows to drop the trigger first
        conn.exec_driver_sql("DROP TRIGGER trg_audit_event_no_update")
        conn.exec_driver_sql(
            'UPDATE audit_event SET detail = \'{"to": "fulfilled"}\' WHERE seq = 2'
        )
    with ctx.read() as uow:
        assert uow.audit.verify() == ["seq 2: hash does not match its fields"]


def test_the_entrusting_court_is_kept_with_the_case(ctx: Any) -> None:
    made = cases.create_case(ctx, new_case(court=" 滨江市西湖区人民法院 "))
    assert cases.get_case(ctx, made.case_no).summary.court == "滨江市西湖区人民法院"
    with pytest.raises(InputError) as refused:
        cases.create_case(ctx, new_case(court="西湖区"))
    [problem] = refused.value.problems
    assert problem.path == "court" and "以“法院”结尾" in problem.reason
