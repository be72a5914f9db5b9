"""Demo loans typical of each lender type, with the creditor's claim as the trade writes it.

Each profile returns a `LoanSpec`: the "New case" form fields plus what intake adds later
(overdue rate, compound interest, acceleration, payments, fees and costs, the claim).
Claimed amounts follow the contract roughly, the way creditors' statements do; several
charge more than the 24 % cap allows (consumer finance overdue rates, 月息3分 loans).

Loans whose borrower paid interest every month and the principal at the end are stored
as 先息后本 (`interest_only` with `term_months`), so the recalculation reads those
payments as interest, not as early repayment of principal. Only the interest-free private
loan is a bullet loan: its one payment is a part of the principal.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from app.domain.dates import add_months
from app.domain.money import ZERO, round_fen
from app.services.demo.people import REGIONS, People, Person, credit_code

D = Decimal


@dataclass
class LoanSpec:
    lender_type: str
    creditor: str
    creditor_code: str
    debtor: Person
    principal: Decimal
    contract_date: date
    annual_rate: str
    method: str
    maturity: date | None = None
    term_months: int | None = None
    disbursed: Decimal | None = None
    contract_no: str = ""
    overdue_rate: Decimal | None = None
    compound: bool = False
    accelerated_on: date | None = None
    payments: list[tuple[date, Decimal, str]] = field(default_factory=list)
    charges: list[tuple[str, date, Decimal, str]] = field(default_factory=list)
    claim: dict[str, Decimal] = field(default_factory=dict)
    claim_floor: Decimal | None = None
    creditor_person: Person | None = None
    legal_representative: str = ""
    others: list[tuple[str, Person]] = field(default_factory=list)


LENDERS: dict[str, tuple[str, ...]] = {
    "bank": ("滨江农村商业银行股份有限公司", "华东商业银行股份有限公司杭州分行"),
    "consumer_finance": ("恒信消费金融有限公司", "安诚消费金融股份有限公司"),
    "small_loan": ("重庆市锦程网络小额贷款有限公司", "深圳市安鑫小额贷款有限公司"),
    "credit_card": ("华东商业银行股份有限公司信用卡中心", "长江银行股份有限公司信用卡中心"),
    "financial_other": ("通达汽车金融有限公司", "远信融资租赁（上海）有限公司"),
}




def random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def instalment(principal: Decimal, annual: Decimal, months: int) -> Decimal:
    i = annual / 12
    growth = (1 + i) ** months
    return round_fen(principal * i * growth / (growth - 1))


def accrued(base: Decimal, rate: Decimal, start: date, end: date) -> Decimal:
    return round_fen(base * rate * max((end - start).days, 0) / 360)


class LoanMaker:
    """Draws loans; `as_of` is the date of the creditor's statement."""

    def __init__(self, rng: random.Random, people: People) -> None:
        self.rng = rng
        self.people = people
        self.counts: dict[str, int] = {}

    def make(self, lender_type: str, as_of: date) -> LoanSpec:
        n = self.counts.get(lender_type, 0)
        self.counts[lender_type] = n + 1
        spec = getattr(self, f"_{lender_type}")(n, as_of)
        assert isinstance(spec, LoanSpec)
        if spec.creditor_person is None:
            spec.legal_representative = self.people.name(female=self.rng.random() < 0.3)
        spec.contract_no = spec.contract_no or self._contract_no(spec)
        self.finish_claim(spec, as_of)
        for category, part in (("fee", "fees"), ("cost", "costs")):
            spec.claim[part] = sum((c[2] for c in spec.charges if c[0] == category), ZERO)
        if self.rng.random() < 0.5:
            spec.claim_floor = round_fen(spec.claim["principal"] * D("0.7"))
        return spec

    def _contract_no(self, spec: LoanSpec) -> str:
        letters = {
            "bank": "JK",
            "consumer_finance": "XF",
            "small_loan": "XD",
            "credit_card": "XYK",
            "financial_other": "RZ",
            "private": "",
        }
        prefix = letters[spec.lender_type]
        if not prefix:
            return ""
        return f"{prefix}{spec.contract_date:%Y%m%d}{self.rng.randint(100000, 999999)}"

    def _institution(self, lender_type: str, n: int) -> tuple[str, str]:
        names = LENDERS[lender_type]
        name = names[n % len(names)]
        region = REGIONS[(len(name) * 7 + n) % len(REGIONS)][0]
        seeded = random.Random(f"{name}")  # one code per lender, whatever the draw order
        return name, credit_code(seeded, region)

    def _amortised(
        self, spec: LoanSpec, annual: Decimal, months: int, paid: int, as_of: date
    ) -> tuple[Decimal, Decimal, date]:
        """Pay `paid` instalments; return (balance, unpaid scheduled interest, default date)."""
        amount = instalment(spec.principal, annual, months)
        balance, day = spec.principal, spec.contract_date
        for k in range(1, paid + 1):
            day = add_months(spec.contract_date, k)
            balance -= amount - round_fen(balance * annual / 12)
            spec.payments.append((day, amount, f"第{k}期还款"))
        missed = round_fen(balance * annual / 12 * 3)
        spec.accelerated_on = min(add_months(day, 3) + timedelta(days=5), as_of)
        return balance, missed, add_months(day, 1)

    def _instalment_claim(
        self, spec: LoanSpec, annual: Decimal, months: int, paid: int, as_of: date
    ) -> None:
        balance, missed, overdue_from = self._amortised(spec, annual, months, paid, as_of)
        rate = spec.overdue_rate or annual
        penalty = accrued(balance, rate, overdue_from, as_of)
        spec.claim = {
            "principal": round_fen(balance),
            "interest": missed,
            "penalty": penalty,
            "compound": accrued(missed, rate, overdue_from, as_of) if spec.compound else ZERO,
        }

    def _bank(self, n: int, as_of: date) -> LoanSpec:
        rng = self.rng
        name, code = self._institution("bank", n)
        annual = D(rng.choice(["0.0435", "0.0525", "0.0612", "0.0750"]))
        spec = LoanSpec(
            "bank",
            name,
            code,
            self.people.person(),
            D(rng.choice([50000, 80000, 100000, 150000, 200000, 300000])),
            random_day(rng, date(2019, 1, 1), date(2022, 6, 30)),
            f"{annual * 100}%",
            "equal_installment",
            term_months=36,
            overdue_rate=annual * D("1.5"),
            compound=True,
        )
        self._instalment_claim(spec, annual, 36, rng.randint(6, 20), as_of)
        if n % 2 == 0:
            spec.others.append(("co_debtor", self.people.person()))
        return spec

    def _consumer_finance(self, n: int, as_of: date) -> LoanSpec:
        rng = self.rng
        name, code = self._institution("consumer_finance", n)
        annual = D(rng.choice(["0.18", "0.216", "0.2399"]))
        months = rng.choice([12, 24])
        spec = LoanSpec(
            "consumer_finance",
            name,
            code,
            self.people.person(born_between=(1985, 2002)),
            D(rng.choice([8000, 12000, 20000, 30000, 50000])),
            random_day(rng, date(2021, 3, 1), date(2024, 3, 31)),
            f"年化{annual * 100}%",
            "equal_installment",
            term_months=months,
            overdue_rate=annual * D("1.5"),
            compound=True,
        )
        paid = rng.randint(2, months // 2)
        self._instalment_claim(spec, annual, months, paid, as_of)
        start = add_months(spec.contract_date, paid + 1)
        for k in range(3):
            spec.charges.append(
                ("fee", add_months(start, k), D(rng.choice([50, 80, 100])), "late_fee")
            )
        spec.charges.append(
            ("fee", spec.contract_date, round_fen(spec.principal * D("0.03")), "service_fee")
        )
        spec.charges.append(("fee", add_months(start, 2), D(200), "collection_fee"))
        return spec

    def _small_loan(self, n: int, as_of: date) -> LoanSpec:
        rng = self.rng
        name, code = self._institution("small_loan", n)
        monthly = ("2分", D("0.24")) if n % 2 else ("3分", D("0.36"))
        principal = D(rng.choice([30000, 50000, 100000, 200000]))
        contract = random_day(rng, date(2020, 9, 1), date(2023, 12, 31))
        spec = LoanSpec(
            "small_loan",
            name,
            code,
            self.people.person(),
            principal,
            contract,
            f"月息{monthly[0]}",
            "interest_only",
            term_months=12,
            overdue_rate=D("0.36"),
        )
        if n % 2 == 0:  # two months' interest kept back at disbursement (砍头息)
            spec.disbursed = principal - round_fen(principal * monthly[1] / 12 * 2)
        self._interest_payments(spec, monthly[1], rng.randint(2, 8))
        spec.charges.append(
            ("fee", final_due(spec), round_fen(principal / 10), "liquidated_damages")
        )
        spec.charges.append(("cost", as_of - timedelta(days=20), D(5000), "lawyer_fee"))
        spec.others.append(("guarantor", self.people.person()))
        return spec

    def _credit_card(self, n: int, as_of: date) -> LoanSpec:
        rng = self.rng
        name, code = self._institution("credit_card", n)
        months = rng.choice([12, 24])
        spec = LoanSpec(
            "credit_card",
            name,
            code,
            self.people.person(born_between=(1975, 1998)),
            D(rng.choice([15000, 30000, 50000, 80000])),
            random_day(rng, date(2019, 6, 1), date(2023, 6, 30)),
            "日万5",
            "equal_installment",
            term_months=months,
            overdue_rate=D("0.18"),
            compound=True,
        )
        paid = rng.randint(1, months // 2)
        self._instalment_claim(spec, D("0.18"), months, paid, as_of)
        start = add_months(spec.contract_date, paid + 1)
        minimum = round_fen(spec.principal / 10)
        for k in range(rng.randint(2, 5)):
            spec.charges.append(
                ("fee", add_months(start, k), round_fen(minimum * D("0.05")), "late_fee")
            )
        fee = round_fen(spec.principal * D("0.0066") * months)
        spec.charges.append(("fee", spec.contract_date, fee, "service_fee"))
        return spec

    def _financial_other(self, n: int, as_of: date) -> LoanSpec:
        rng = self.rng
        name, code = self._institution("financial_other", n)
        annual = D(rng.choice(["0.088", "0.105", "0.12"]))
        spec = LoanSpec(
            "financial_other",
            name,
            code,
            self.people.person(),
            D(rng.choice([80000, 120000, 160000])),
            random_day(rng, date(2020, 1, 1), date(2022, 12, 31)),
            f"年利率{annual * 100}%",
            "equal_installment",
            term_months=36,
            overdue_rate=annual * D("1.5"),
        )
        self._instalment_claim(spec, annual, 36, rng.randint(10, 24), as_of)
        spec.charges.append(("fee", spec.accelerated_on or as_of, D(500), "late_fee"))
        return spec

    def _private(self, n: int, as_of: date) -> LoanSpec:
        rng = self.rng
        lender = self.people.person(born_between=(1960, 1985))
        early = n % 2 == 0  # contracts before 2020-08-20 (the old 24 %/36 % rules)
        contract = (
            random_day(rng, date(2018, 3, 1), date(2020, 7, 31))
            if early
            else random_day(rng, date(2021, 1, 1), date(2024, 6, 30))
        )
        rate_text, annual = [
            ("月息2分", D("0.24")),
            ("月息3分", D("0.36")),
            ("月利率1%", D("0.12")),
            ("", ZERO),
        ][n % 4]
        principal = D(rng.choice([20000, 50000, 100000, 150000, 300000]))
        debtor = self.people.person()
        months = rng.choice([6, 12])  # drawn after the debtor, as always: same demo people
        spec = LoanSpec(
            "private",
            lender.name,
            "",
            debtor,
            principal,
            contract,
            rate_text,
            "interest_only" if annual else "bullet",  # monthly interest, principal at the end
            maturity=None if annual else add_months(contract, months),
            term_months=months if annual else None,
            creditor_person=lender,
        )
        if n == 1:  # the lender kept 10 % back on the day of lending
            spec.disbursed = round_fen(principal * D("0.9"))
        if annual:
            self._interest_payments(spec, annual, rng.randint(1, 6))
        else:
            spec.payments.append((add_months(contract, 3), round_fen(principal / 10), "还款"))
            spec.claim["interest"] = ZERO
        spec.charges.append(("cost", as_of - timedelta(days=10), D(3000), "lawyer_fee"))
        return spec

    def _interest_payments(self, spec: LoanSpec, annual: Decimal, months: int) -> None:
        """Monthly interest paid for `months` months (of a 先息后本 loan), then nothing.

        The claim asks the unpaid interest to the end of the term by days, as creditors'
        statements do (the contract charges whole months: a few yuan apart).
        """
        monthly = round_fen(spec.principal * annual / 12)
        last = spec.contract_date
        for k in range(1, min(months, spec.term_months or months) + 1):
            last = add_months(spec.contract_date, k)
            spec.payments.append((last, monthly, f"第{k}个月利息"))
        spec.claim = {
            "principal": spec.principal,
            "interest": accrued(spec.principal, annual, last, final_due(spec)),
        }

    def finish_claim(self, spec: LoanSpec, as_of: date) -> None:
        """Penalty interest after the principal fell due (bullet and 先息后本 loans)."""
        if spec.method not in ("bullet", "interest_only"):
            return
        rate = spec.overdue_rate or max(D(_rate_of(spec.annual_rate)), D("0.0385") * 4)
        spec.claim.setdefault("principal", spec.principal)
        spec.claim["penalty"] = accrued(spec.principal, rate, final_due(spec), as_of)


def final_due(spec: LoanSpec) -> date:
    """The day the principal falls due: the maturity, or the last month of the term."""
    if spec.maturity is not None:
        return spec.maturity
    assert spec.term_months is not None
    return add_months(spec.contract_date, spec.term_months)


def _rate_of(text: str) -> str:
    from app.domain.rates import parse_rate

    return str(parse_rate(text) if text else ZERO)
