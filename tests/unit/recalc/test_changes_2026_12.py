"""The page's changes of 2026-12-01 (issue 16), each worked by hand from the rule:
`lender_person` and the formation date, `allocation`, the 6 % default before 2020-08-20,
unknown keys refused, each cap's basis, the two readings."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.errors import InputError
from app.domain.lpr import parse_lpr_csv
from app.domain.recalc import parse_input
from tests.unit.recalc.helpers import LPR, case, lines, run, view

# -- 1. lender_person and the formation date ---------------------------------------------------

HANDED_OVER_LATER = case(
    lender_type="private", contract_date="2021-12-01", disbursement_date="2022-01-25",
    principal="100000.00", annual_rate="0.24",
    repayment={"method": "bullet", "maturity": "2022-07-25"}, as_of="2022-07-25",
)  # fmt: skip


def test_a_natural_person_lenders_loan_is_formed_when_the_money_is_handed_over() -> None:
    """Contract 2021-12-01 (one-year LPR 3.85 %), money handed over 2022-01-25 (LPR 3.70 %),
    100000.00 at 24 %, bullet due 2022-07-25: 31+28+31+30+31+30 = 181 days.
    Contract view: 100000 × 0.24 × 181/360 = 4344000/360 = 12066.67.
    lender_person true: formed 2022-01-25, cap 4 × 3.70 % = 14.8 %:
      interest 100000 × 0.148 × 181/360 = 2678800/360 = 7441.11; total 107441.11.
    lender_person false: formed 2021-12-01, cap 4 × 3.85 % = 15.4 %:
      interest 100000 × 0.154 × 181/360 = 2787400/360 = 7742.78; total 107742.78."""
    person = run({**HANDED_OVER_LATER, "lender_person": True})
    company = run({**HANDED_OVER_LATER, "lender_person": False})
    assert view(person, "contract")["interest"] == view(company, "contract")["interest"]
    assert view(person, "contract")["interest"] == "12066.67"
    assert [c["annual_rate"] for c in person["regime"]["caps"]] == ["0.148"]
    assert (view(person, "lawful")["interest"], view(person, "lawful")["total"]) == (
        "7441.11", "107441.11")  # fmt: skip
    assert [c["annual_rate"] for c in company["regime"]["caps"]] == ["0.154"]
    assert (view(company, "lawful")["interest"], view(company, "lawful")["total"]) == (
        "7742.78", "107742.78")  # fmt: skip
    assert "合同成立日 2022-01-25" in person["regime"]["caps"][0]["basis"]
    assert "第六百七十九条" in person["regime"]["caps"][0]["basis"]
    assert "合同成立日 2021-12-01" in company["regime"]["caps"][0]["basis"]
    assert "第六百七十九条" not in company["regime"]["caps"][0]["basis"]


TRANSITION_BY_FORMATION = case(
    lender_type="private", contract_date="2020-08-01", disbursement_date="2020-08-25",
    principal="10000.00", annual_rate="0.24",
    repayment={"method": "bullet", "maturity": "2021-08-25"}, as_of="2022-09-01",
)  # fmt: skip


def test_the_formation_date_decides_whether_the_loan_is_transitional() -> None:
    """Contract 2020-08-01, money handed over 2020-08-25, 10000.00 at 24 %, due
    2021-08-25 (365 days), as of = filing 2022-09-01 (372 days overdue).
    Contract view: interest 2400 × 365/360 = 2433.33; penalty 2400 × 372/360 = 2480.00.
    lender_person true: formed 2020-08-25 (on or after 2020-08-20): cap 4 × LPR on that
      day 3.85 % = 15.4 %: interest 1540 × 365/360 = 1561.39, penalty 1540 × 372/360
      = 1591.33; total 13152.72.
    lender_person false: formed 2020-08-01: transitional, 4 × LPR on filing 2022-09-01
      (3.65 %) = 14.6 % from 2020-08-20: interest 1460 × 365/360 = 1480.28, penalty
      1460 × 372/360 = 1508.67; total 12988.95."""
    person = run({**TRANSITION_BY_FORMATION, "lender_person": True})
    company = run({**TRANSITION_BY_FORMATION, "lender_person": False})
    for out in (person, company):
        assert (view(out, "contract")["interest"], view(out, "contract")["penalty"]) == (
            "2433.33", "2480.00")  # fmt: skip
    assert [c["annual_rate"] for c in person["regime"]["caps"]] == ["0.154"]
    lw = view(person, "lawful")
    assert (lw["interest"], lw["penalty"], lw["total"]) == ("1561.39", "1591.33", "13152.72")
    assert [c["annual_rate"] for c in company["regime"]["caps"]] == ["0.24", "0.146"]
    lw = view(company, "lawful")
    assert (lw["interest"], lw["penalty"], lw["total"]) == ("1480.28", "1508.67", "12988.95")


def test_lender_person_must_be_true_or_false() -> None:
    with pytest.raises(InputError) as info:
        parse_input(case(lender_person="yes"), LPR)
    assert [str(p) for p in info.value.problems] == [
        "lender_person: not true or false（须为 true 或 false）"
    ]
    assert parse_input(case(lender_person=None), LPR).lender_person is False


# -- 2. allocation: the order the contract agreed -------------------------------------------

ALLOCATED = case(
    annual_rate="0.12", overdue_rate="0.12", compound=True,
    fees=[{"date": "2023-07-01", "amount": "50.00"}],
    costs=[{"date": "2023-07-01", "amount": "200.00", "kind": "lawyer_fee"}],
    payments=[{"date": "2023-07-31", "amount": "1000.00"}], as_of="2023-08-30",
)  # fmt: skip
PRINCIPAL_FIRST = ["principal", "fees", "compound", "penalty", "interest", "costs"]


def test_an_agreed_order_allocates_principal_first() -> None:
    """Bank, 10000.00 at 12 % from 2023-01-01, bullet due 07-01 (181 days: interest
    10000 × 0.12 × 181/360 = 603.33), overdue 12 %, compound; a 50.00 fee and a 200.00
    lawyer's fee on 07-01. On 07-31 (30 days): penalty 10000 × 0.12 × 30/360 = 100.00,
    compound 603.33 × 0.12 × 30/360 = 6.03. 1000.00 paid on 07-31; as of 08-30 (30 days).
    Agreed order, principal first: overdue principal 1000.00 → 9000.00 left; then
    penalty 9000 × 0.12 × 30/360 = 90.00, compound 603.33 × 0.12 × 30/360 = 6.03:
    principal 9000.00, interest 603.33, penalty 190.00, compound 12.06, fees 50.00,
    costs 200.00, total 10055.39.
    The page's order: costs 200.00, interest 603.33, penalty 100.00, compound 6.03,
    fees 50.00, principal 40.64 → 9959.36; penalty 9959.36 × 0.12 × 30/360 = 99.59,
    no interest due, no compound: total 10058.95.
    Lawful (bank, 24 %): budget 10000 × 0.24 × 211/360 + 9000 × 0.24 × 30/360 = 1586.67
    ≥ charges 855.39: the same figures."""
    agreed = run({**ALLOCATED, "allocation": PRINCIPAL_FIRST})
    c = view(agreed, "contract")
    assert (c["principal"], c["interest"], c["penalty"], c["compound"], c["fees"], c["costs"],
            c["total"]) == ("9000.00", "603.33", "190.00", "12.06", "50.00", "200.00",
                            "10055.39")  # fmt: skip
    assert view(agreed, "lawful")["total"] == "10055.39"
    note = lines(agreed, "contract", "payment")[0]["note"]
    assert note == ("还款冲抵：逾期本金 1000.00；冲抵顺序按合同约定（本金→费用→复利→罚息→利息→"
                    "实现债权费用）")  # fmt: skip
    page = run(ALLOCATED)
    c = view(page, "contract")
    assert (c["principal"], c["penalty"], c["compound"], c["total"]) == (
        "9959.36", "99.59", "0.00", "10058.95")  # fmt: skip
    assert "冲抵顺序按民法典第五百六十一条" in lines(page, "lawful", "payment")[0]["note"]


def test_an_agreed_order_reaches_every_kind_and_then_overpays() -> None:
    """The same loan, 11000.00 paid on 07-31 (as of 07-31), principal first: overdue
    principal 10000.00, fees 50.00, compound 6.03, penalty 100.00, interest 603.33, costs
    200.00 = 10959.36; 40.64 overpaid."""
    paid = [{"date": "2023-07-31", "amount": "11000.00"}]
    out = run({**ALLOCATED, "payments": paid, "as_of": "2023-07-31",
               "allocation": PRINCIPAL_FIRST})  # fmt: skip
    note = lines(out, "contract", "payment")[0]["note"]
    assert note.startswith("还款冲抵：逾期本金 10000.00、费用 50.00、复利 6.03、罚息 100.00、"
                           "利息 603.33、实现债权费用 200.00；多付 40.64（债权人应返还）；"
                           "冲抵顺序按合同约定")  # fmt: skip
    assert (view(out, "contract")["total"], view(out, "contract")["overpaid"]) == (
        "0.00", "40.64")  # fmt: skip


def test_principal_covers_overdue_principal_then_principal_not_yet_due() -> None:
    """Equal principal 12000.00 at 12 %, 3 months from 2023-01-01 (4000.00 a month;
    interest 120.00, 80.00, 40.00). As of 02-15, the first instalment overdue: 4000.00 +
    interest 120.00, penalty 4000 × 0.12 × 14/360 = 18.67. 5000.00 paid on 02-15 with
    principal first: overdue 4000.00, then 1000.00 of principal not yet due (the next
    instalment's 4000.00 → 3000.00); interest 120.00 and penalty 18.67 stay owed."""
    out = run(case(principal="12000.00", annual_rate="0.12",
                   repayment={"method": "equal_principal", "term_months": 3},
                   payments=[{"date": "2023-02-15", "amount": "5000.00"}], as_of="2023-02-15",
                   allocation=PRINCIPAL_FIRST))  # fmt: skip
    c = view(out, "contract")
    assert (c["principal_overdue"], c["principal_not_due"], c["interest"], c["penalty"]) == (
        "0.00", "7000.00", "120.00", "18.67")  # fmt: skip
    assert lines(out, "contract", "payment")[0]["note"].startswith(
        "还款冲抵：逾期本金 4000.00、未到期本金（提前还款） 1000.00；冲抵顺序按合同约定")


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("costs", ["allocation: not a list"]),
        (["costs", "interest"], ["allocation: missing penalty、compound、fees、principal"]),
        (["costs", "interest", "penalty", "compound", "fees", "fees"],
         ["allocation[5]: fees more than once"]),
        (["costs", "interest", "penalty", "compound", "fees", "overdue"],
         ["allocation[5]: unknown kind"]),
        (["costs", "interest", "penalty", "compound", "fees", "principal", "costs"],
         ["allocation: 7 kinds, not six"]),
        ([1, "interest", "penalty", "compound", "fees", "principal"],
         ["allocation[0]: unknown kind"]),
    ],
)  # fmt: skip
def test_an_allocation_must_be_all_six_kinds_each_once(order: Any, expected: list[str]) -> None:
    with pytest.raises(InputError) as info:
        parse_input(case(allocation=order), LPR)
    found = [str(p) for p in info.value.problems]
    assert len(found) == len(expected)
    assert all(f.startswith(e) for f, e in zip(found, expected, strict=True)), found


# -- 3. 6 % before 2020-08-20 for a private loan with no rate agreed ------------------------

NO_RATE = case(lender_type="private", contract_date="2019-01-01", principal="10000.00",
               repayment={"method": "bullet", "maturity": "2019-07-01"},
               as_of="2020-12-01")  # fmt: skip


def test_six_percent_until_2020_08_20_then_the_lpr_of_that_day() -> None:
    """Private, formed 2019-01-01, no rate at all, 10000.00 due 2019-07-01 (before the
    LPR table's first row), as of = filing 2020-12-01.
    2019-07-01 → 2020-08-20: 366 + 30 + 20 = 416 days at 6 %: 10000 × 0.06 × 416/360
    = 249600/360 = 693.33. From 2020-08-20 the LPR on the later of 2019-07-01 and
    2020-08-20, i.e. 3.85 %: 103 days (31 + 30 + 31 + 11): 10000 × 0.0385 × 103/360
    = 39655/360 = 110.15. Penalty 803.48 in both views (24 % and 15.4 % are above both
    rates; no interest was agreed); total 10803.48."""
    out = run(NO_RATE)
    spans = [(ln["from"], ln["to"], ln["days"], ln["rate"], ln["amount"])
             for ln in lines(out, "contract", "accrual")]  # fmt: skip
    assert spans == [("2019-07-01", "2020-08-20", 416, "0.06", "693.33"),
                     ("2020-08-20", "2020-12-01", 103, "0.0385", "110.15")]  # fmt: skip
    for name in ("contract", "lawful"):
        assert (view(out, name)["penalty"], view(out, name)["total"]) == ("803.48", "10803.48")


def test_the_rate_changes_on_2020_08_20_under_a_local_cap_too() -> None:
    """The same loan with cap.annual_rate 5 % (no cap change on 2020-08-20, the rate
    changes all the same): lawful penalty min(6 %, 5 %): 10000 × 0.05 × 416/360 = 577.78,
    then 3.85 %: 110.15 → 687.93. Budget 500 × (181 + 416 + 103)/360 in spans: 251.39 +
    577.78 + 143.06 = 972.23 ≥ 687.93: no cut. Contract penalty 803.48 as above."""
    out = run({**NO_RATE, "cap": {"annual_rate": "0.05"}})
    spans = [(ln["to"], ln["rate"], ln["amount"]) for ln in lines(out, "lawful", "accrual")]
    assert spans == [("2020-08-20", "0.05", "577.78"), ("2020-12-01", "0.0385", "110.15")]
    assert view(out, "lawful")["penalty"] == "687.93"
    assert view(out, "contract")["penalty"] == "803.48"


def test_an_amount_overdue_after_2020_08_20_uses_its_own_days_lpr() -> None:
    """Formed 2020-06-01, no rate, due 2021-12-25 (LPR 3.80 % from 2021-12-20), as of
    2022-01-24 (30 days): 10000 × 0.038 × 30/360 = 31.67; no 6 % span."""
    out = run(case(lender_type="private", contract_date="2020-06-01", principal="10000.00",
                   repayment={"method": "bullet", "maturity": "2021-12-25"},
                   as_of="2022-01-24"))  # fmt: skip
    spans = [(ln["days"], ln["rate"], ln["amount"]) for ln in lines(out, "contract", "accrual")]
    assert spans == [(30, "0.038", "31.67")]


def test_a_rate_agreed_is_not_the_six_percent_rule() -> None:
    """With an overdue rate of 5 % agreed the whole span runs at 5 % (split at 2020-08-20,
    where the transitional cap changes): 10000 × 0.05 × 416/360 = 577.78, × 103/360
    = 143.06; 720.84."""
    out = run({**NO_RATE, "overdue_rate": "0.05"})
    assert view(out, "contract")["penalty"] == "720.84"


def test_such_a_loan_needs_the_lpr_of_2020_08_20_only_when_as_of_is_later() -> None:
    """A table that starts 2021-01-01: as of 2020-06-01 the loan needs no LPR at all;
    as of 2021-06-01 it needs the LPR of 2020-08-20, which this table lacks."""
    late = parse_lpr_csv("effective_date,one_year,five_year\n2021-01-01,3.85,4.65\n")
    parse_input({**NO_RATE, "as_of": "2020-06-01"}, late)
    with pytest.raises(InputError) as info:
        parse_input({**NO_RATE, "as_of": "2021-06-01"}, late)
    assert [p.path for p in info.value.problems] == ["overdue_rate"]
    assert "no LPR on 2020-08-20" in str(info.value)


# -- 4. unknown keys ------------------------------------------------------------------------


def test_unknown_keys_are_refused_at_every_level() -> None:
    data = case(
        overdue_rat="0.2",
        repayment={"method": "bullet", "maturity": "2023-07-01", "grace": 3},
        fees=[{"date": "2023-02-01", "amount": "5", "memo": "x"}],
        costs=[{"date": "2023-02-01", "amount": "5", "kind": "lawyer_fee", "payee": "x"}],
        payments=[{"date": "2023-02-01", "amount": "5", "note": "x"}],
        claimed={"interest": "1.00", "total": "1.00"},
        cap={"annual_rate": "0.24", "rate": "0.2"},
    )
    with pytest.raises(InputError) as info:
        parse_input(data, LPR)
    found = {p.path: p.reason for p in info.value.problems}
    assert set(found) == {"overdue_rat", "repayment.grace", "fees[0].memo", "costs[0].payee",
                          "payments[0].note", "claimed.total", "cap.rate"}  # fmt: skip
    assert found["overdue_rat"] == "unknown key（未知字段，是否应为 overdue_rate？）"
    assert all(reason.startswith("unknown key") for reason in found.values())
    rows = [{"due": "2023-07-01", "principal": "10000.00", "intrest": "5.00"}]
    with pytest.raises(InputError) as info:
        parse_input(case(repayment=None, schedule=rows), LPR)
    assert [p.path for p in info.value.problems] == ["schedule[0].intrest"]


# -- 5. each cap's basis ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lender_type", "words"),
    [
        ("bank", ["法发〔2017〕22号）第二条", "依借款人请求适用", "第一条第二款",
                  "第五百六十一条"]),
        ("consumer_finance", ["法发〔2017〕22号）第二条", "第一条第二款"]),
        ("credit_card", ["法发〔2017〕22号）第二条", "第一条第二款"]),
        ("small_loan", ["法发〔2017〕22号）第二条", "法释〔2020〕27号"]),
        ("financial_other", ["法发〔2017〕22号）第二条", "法释〔2020〕27号"]),
        ("private", ["民间借贷案件适用法律若干问题的规定》（2020年第二次修正）第二十五条",
                     "第二十六条", "第二十八条", "第二十九条", "第六百七十条", "第五百六十一条",
                     "依出借人主张"]),
    ],
)  # fmt: skip
def test_each_cap_cites_its_articles(lender_type: str, words: list[str]) -> None:
    basis = run(case(lender_type=lender_type))["regime"]["caps"][0]["basis"]
    assert [w for w in words if w not in basis] == []


def test_the_transitional_caps_cite_article_31_and_the_partys_request() -> None:
    before, after = run(NO_RATE)["regime"]["caps"]
    assert "第三十一条" in before["basis"] and "依当事人请求适用" in before["basis"]
    assert "第二十九条第二款第一项" in before["basis"]  # the 6 % of the 2015 provisions
    assert "第三十一条" in after["basis"] and "起诉日 2020-12-01" in after["basis"]
    assert "第二十八条" in after["basis"]


# -- 6. the two readings ----------------------------------------------------------------------


def test_the_readings_are_stated_where_they_can_change_the_figure() -> None:
    """No overdue charge and no cut: no reading. Penalty accrued: one budget. A private
    loan formed before 2020-08-20 with a payment before that day: charges paid then."""
    assert run(case())["warnings"] == []
    overdue = run(case(annual_rate="0.12", as_of="2023-08-01"))["warnings"]
    assert len(overdue) == 1 and "一个额度" in overdue[0]
    paid_early = [{"date": "2020-01-02", "amount": "100.00"}]
    paid = run({**NO_RATE, "payments": paid_early})  # no rate: nothing above 24 % was paid
    assert len(paid["warnings"]) == 1 and "一个额度" in paid["warnings"][0]
    paid = run({**NO_RATE, "annual_rate": "0.30", "payments": paid_early})
    assert [w[:13] for w in paid["warnings"]] == ["本计算采用的解读（并非法律"] * 2
    assert "24%至36%" in paid["warnings"][1]
    later = run({**NO_RATE, "annual_rate": "0.30",
                 "payments": [{"date": "2020-08-20", "amount": "100.00"}]})  # fmt: skip
    assert not any("24%至36%" in w for w in later["warnings"])
