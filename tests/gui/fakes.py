"""An in-memory stand-in for the core (`ui.services.Core`), with the same methods and errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import DomainError, InputError, Problem
from app.services.cases.service import (
    CaseDetail,
    CaseSummary,
    ClaimInfo,
    LoanInfo,
    NewCase,
    PartyInfo,
    PaymentInfo,
)

if TYPE_CHECKING:
    from app.services.cases.privacy import Revealed
    from app.services.context import AppContext
    from app.services.maintenance.backup import BackupResult, RestoreResult
    from app.services.organisation.accounts import SignedIn

NO_STORE = "这个测试替身没有案件库。"

BASE_TIME = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check_char(first17: str) -> str:
    """GB 11643 check character of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def valid_id(number: str) -> bool:
    return len(number) == 18 and number[:17].isdigit() and id_check_char(number[:17]) == number[17]


def make_id(first17: str) -> str:
    return first17 + id_check_char(first17)


def summary(n: int, **changes: object) -> CaseSummary:
    base = CaseSummary(
        id=n,
        case_no=f"TJ-2026-{n:06d}",
        status="intake",
        status_label="待受理",
        creditor_name="招商银行股份有限公司武汉分行",
        debtor_name=f"债务人{n}",
        debtor_id_number=make_id(f"42010219900307{n:03d}"),
        debtor_phone=f"1381234{n:04d}",
        lender_type="bank",
        principal=Decimal("10000.00"),
        claimed_total=Decimal("12000.00"),
        mediator_name="李调解",
        batch="",
        updated_at=BASE_TIME + timedelta(hours=n),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def detail_for(case: CaseSummary) -> CaseDetail:
    parties = (
        PartyInfo(
            1,
            "creditor",
            "organisation",
            case.creditor_name,
            "uscc",
            "91420100MA4K0XXX1X",
            "027-88886666",
            "武汉市江汉区建设大道 1 号",
            "王行长",
        ),
        PartyInfo(
            2,
            "debtor",
            "person",
            case.debtor_name,
            "resident_id",
            case.debtor_id_number,
            case.debtor_phone,
            "湖北省武汉市洪山区珞喻路 100 号",
        ),
    )
    loan = LoanInfo(
        lender_type=case.lender_type,
        contract_no="HT-2021-0315",
        contract_date=date(2021, 3, 15),
        disbursement_date=date(2021, 3, 15),
        principal=case.principal,
        disbursed=case.principal,
        annual_rate=Decimal("0.18"),
        overdue_rate=Decimal("0.27"),
        compound=False,
        repayment_method="bullet",
        term_months=None,
        maturity=date(2022, 3, 15),
        accelerated_on=None,
    )
    claim = ClaimInfo(
        as_of=date(2024, 6, 30),
        principal=case.principal,
        interest=Decimal("1500.00"),
        penalty=Decimal("500.00"),
        compound=Decimal("0.00"),
        fees=Decimal("0.00"),
        costs=Decimal("0.00"),
    )
    payments = (PaymentInfo(date(2021, 5, 20), Decimal("5000.00"), "银行转账"),)
    return CaseDetail(case, parties, loan, claim, payments)


class FakeCaseService:
    """Holds cases in memory; validates a few fields the way the real service does. What
    needs a store (the operations of `ui.ops`, backups, revealing) is refused calmly."""

    def __init__(self, cases: list[CaseSummary] | None = None) -> None:
        self.cases: dict[str, CaseDetail] = {}
        self.created: list[NewCase] = []
        self.signed_in: SignedIn | None = None
        self.closed = False
        for case in cases or []:
            self.cases[case.case_no] = detail_for(case)

    @property
    def data_dir(self) -> Path | None:
        return None

    @property
    def actor(self) -> str:
        return "测试调解员"

    def context(self) -> AppContext:
        raise DomainError(NO_STORE)

    def reveal(self, case_no: str, party_id: int, field: str) -> Revealed:
        raise DomainError(NO_STORE)

    def backup_create(self, to: Path | None = None) -> BackupResult:
        raise DomainError(NO_STORE)

    def backup_restore(self, source: Path) -> RestoreResult:
        raise DomainError(NO_STORE)

    def close(self) -> None:
        self.closed = True

    def list_cases(self, query: str = "") -> list[CaseSummary]:
        rows = [d.summary for d in self.cases.values()]
        rows = [r for r in rows if query in (r.debtor_name + r.case_no)]
        return sorted(rows, key=lambda r: r.updated_at, reverse=True)

    def get_case(self, case_no: str) -> CaseDetail:
        try:
            return self.cases[case_no]
        except KeyError:
            raise DomainError(f"没有案号为 {case_no} 的案件。") from None

    def create_case(self, new: NewCase) -> CaseSummary:
        problems = self._problems(new)
        if problems:
            raise InputError(problems)
        self.created.append(new)
        n = len(self.cases) + 1
        case = summary(
            n,
            creditor_name=new.creditor_name,
            debtor_name=new.debtor_name,
            debtor_id_number=new.debtor_id_number,
            debtor_phone=new.debtor_phone,
            lender_type=new.lender_type,
            principal=Decimal(new.principal.replace(",", "")),
            claimed_total=Decimal("0.00"),
            updated_at=BASE_TIME + timedelta(days=30),
        )
        self.cases[case.case_no] = detail_for(case)
        return case

    @staticmethod
    def _problems(new: NewCase) -> list[Problem]:
        problems = []
        for name in ("creditor_name", "debtor_name", "principal"):
            if not getattr(new, name):
                problems.append(Problem(name, "必填，请填写。"))
        if not valid_id(new.debtor_id_number):
            problems.append(Problem("debtor_id_number", "身份证号校验位不对，请核对第 18 位。"))
        if not (len(new.debtor_phone) == 11 and new.debtor_phone.startswith("1")):
            problems.append(Problem("debtor_phone", "手机号应为 11 位数字，以 1 开头。"))
        return problems
