"""Fill a case store with realistic demo cases (`python -m app demo`).

Deterministic: the same seed gives the same people, loans, claims and case history, and
the cases are taken in at fixed times between October 2025 and June 2026 (so numbers run
TJ-2025-… then TJ-2026-…). Every case goes through `validate_new_case` like one typed in
the dialog, then gets its payments, charges and claim, then walks the state machine to its
status, one audited transaction per step. Running it on a store that has cases does
nothing unless `force` is given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from app.domain.case_status import transition
from app.domain.errors import DomainError
from app.services.cases.service import NewCase, store_new_case
from app.services.cases.validation import validate_new_case
from app.services.clock import CHINA_TZ
from app.services.demo.court import add_batch_evidence, after_walk
from app.services.demo.loans import LoanMaker, LoanSpec
from app.services.demo.people import People, Person, credit_code, mobile
from app.services.demo.sessions import (
    court_for,
    hold_session,
    open_session,
    org_address,
    plan_session,
)
from app.store.models import Case, Charge, Claim, Mediator, Organisation, Party, Payment

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.unit_of_work import UnitOfWork

DEMO_SEED = 20260630
DEMO_TODAY = date(2026, 6, 30)
FIRST_INTAKE = datetime(2025, 10, 9, 9, 30, tzinfo=CHINA_TZ)
LENDER_MIX = (
    ["bank"] * 4
    + ["consumer_finance"] * 5
    + ["small_loan"] * 4
    + ["credit_card"] * 4
    + ["private"] * 4
    + ["financial_other"] * 3
)
HAPPY = ("contacting", "scheduled", "in_session", "agreed", "signed")
PATHS: dict[str, tuple[str, ...]] = {
    "fulfilled": (*HAPPY, "performing", "fulfilled"),
    "litigation": (*HAPPY, "performing", "defaulted", "litigation"),
    "defaulted": (*HAPPY, "performing"),
    "confirmed": (*HAPPY, "confirmation_applied", "confirmed"),
    "confirmed_defaulted": (*HAPPY, "confirmation_applied", "confirmed", "performing"),
    "confirmation_applied": (*HAPPY, "confirmation_applied"),
    "performing": (*HAPPY, "performing"),
    "signed": HAPPY,
    "agreed": HAPPY[:4],
    "terminated": (*HAPPY[:3], "terminated"),
    "in_session": HAPPY[:3],
    "scheduled": HAPPY[:2],
    "contacting": HAPPY[:1],
    "intake": (),
}
STATUS_MIX = (
    "litigation",
    "fulfilled",
    "defaulted",
    "confirmed",
    "performing",
    "confirmed_defaulted",
    "confirmation_applied",
    "signed",
    "signed",
    "agreed",
    "agreed",
    "terminated",
    "in_session",
    "in_session",
    "scheduled",
    "scheduled",
    "scheduled",
    "contacting",
    "contacting",
    "contacting",
    "contacting",
    "intake",
    "intake",
    "intake",
)


RANK = {"defaulted": 7, "confirmed_defaulted": 6}
"""The order cases are taken in by story (longest path first): the two broken agreements
keep the places they had before their default came from the plan tracker."""


@dataclass(frozen=True)
class DemoResult:
    created: tuple[str, ...]
    """Case numbers added (empty when skipped)."""
    existing: int
    """Cases the store had before."""

    @property
    def skipped(self) -> bool:
        return not self.created


def seed_demo(ctx: AppContext, *, force: bool = False, seed: int = DEMO_SEED) -> DemoResult:
    """Add 24 demo cases (and the organisation and two mediators when there are none)."""
    with ctx.read() as uow:
        existing = uow.cases.count()
    if existing and not force:
        return DemoResult((), existing)
    rng = random.Random(seed)
    people = People(rng)
    mediators = _ensure_organisation(ctx, rng, people)
    loans = LoanMaker(rng, people)
    lender_types = list(LENDER_MIX)
    rng.shuffle(lender_types)
    created: list[str] = []
    ordered = sorted(STATUS_MIX, key=lambda s: -RANK.get(s, len(PATHS[s])))
    try:
        for i, (lender_type, status) in enumerate(zip(lender_types, ordered, strict=True)):
            intake = FIRST_INTAKE + timedelta(days=11 * i, minutes=rng.randint(0, 420))
            as_of = intake.date() - timedelta(days=rng.randint(3, 20))
            spec = loans.make(lender_type, as_of)
            mediator = mediators[i % 2] if status != "intake" else ""
            case_no = _take_in(ctx, spec, intake, as_of, mediator, rng)
            created.append(case_no)  # committed: it stays, whatever comes next
            _walk(ctx, case_no, PATHS[status], intake, mediator or "demo")
            after_walk(ctx, case_no, status, intake, mediator or "demo")
        _batch_evidence(ctx, created)
    except DomainError as error:  # a full disk half-way: say what was saved
        if not created:
            raise
        raise DemoPartlySaved(_partly(created, len(ordered), error)) from error
    return DemoResult(tuple(created), existing)


def _batch_evidence(ctx: AppContext, created: list[str]) -> None:
    """The entrustment letter of the terminated case's batch (or the first batch)."""
    from app.services.cases.service import get_case

    summaries = [get_case(ctx, n).summary for n in created]
    with_batch = [s for s in summaries if s.batch]
    if not with_batch:
        return
    chosen = next((s for s in with_batch if s.status == "terminated"), with_batch[0])
    add_batch_evidence(ctx, chosen.batch, FIRST_INTAKE + timedelta(days=1), "demo")


PARTLY_SAVED = (
    "已保存 {saved} 个演示案件（{first} … {last}），其余 {missing} 个没有添加：{reason}\n"
    "{saved} demo cases were saved ({first} … {last}); the other {missing} were not added."
)


class DemoPartlySaved(DomainError):
    """The demo stopped half-way (a full disk): some cases were saved, the rest not."""


def _partly(created: list[str], total: int, error: DomainError) -> str:
    return PARTLY_SAVED.format(
        saved=len(created),
        first=created[0],
        last=created[-1],
        missing=total - len(created),
        reason=str(error),
    )


def _ensure_organisation(ctx: AppContext, rng: random.Random, people: People) -> list[str]:
    with ctx.store.write("demo", FIRST_INTAKE - timedelta(days=30)) as uow:
        found = uow.organisation.mediators()
        if found:
            return [m.name for m in found[:2]]
        org = Organisation(
            name="滨江市金融纠纷人民调解委员会",
            address="滨江市滨江区金融街8号金融服务中心3楼",
            registration_no=credit_code(rng, "330108", kind="52"),
            phone="0571-8888" + "".join(rng.choice("0123456789") for _ in range(4)),
        )
        names = [people.name(female=True), people.name(female=False)]
        org.mediators = [
            Mediator(name=names[0], phone=mobile(rng), role="supervisor"),
            Mediator(name=names[1], phone=mobile(rng), role="mediator"),
        ]
        uow.session.add(org)
        uow.record("organisation.created", detail={"name": org.name, "mediators": names})
        return names


def _new_case(spec: LoanSpec, intake: datetime, mediator: str) -> NewCase:
    extra = {"contract_no": spec.contract_no}
    if spec.disbursed is not None:
        extra["disbursed"] = str(spec.disbursed)
    if spec.overdue_rate is not None:
        extra["overdue_rate"] = str(spec.overdue_rate)
    if mediator:
        extra["mediator"] = mediator
    short = spec.creditor
    for cut in ("股份", "有限", "（"):
        short = short.split(cut)[0]
    return NewCase(
        creditor_name=spec.creditor,
        lender_type=spec.lender_type,
        debtor_name=spec.debtor.name,
        debtor_id_number=spec.debtor.id_number,
        debtor_phone=spec.debtor.phone,
        principal=str(spec.principal),
        contract_date=spec.contract_date.isoformat(),
        annual_rate=spec.annual_rate,
        creditor_credit_code=spec.creditor_code,
        debtor_address=spec.debtor.address,
        batch="" if spec.lender_type == "private" else f"{intake:%Y年%m月}{short}委托批次",
        court=court_for(spec.debtor.id_number),
        repayment_method=spec.method,
        maturity=spec.maturity.isoformat() if spec.maturity else "",
        term_months=str(spec.term_months or ""),
        extra=extra,
    )


def _take_in(
    ctx: AppContext,
    spec: LoanSpec,
    intake: datetime,
    as_of: date,
    mediator: str,
    rng: random.Random,
) -> str:
    valid = validate_new_case(_new_case(spec, intake, mediator), DEMO_TODAY)
    with ctx.store.write("demo", intake) as uow:
        case = store_new_case(uow, valid)
        _add_details(uow, case, spec, as_of, rng)
        return case.case_no


def _party(role: str, person: Person) -> Party:
    return Party(
        role=role,
        kind="person",
        name=person.name,
        id_type="resident_id",
        id_number=person.id_number,
        phone=person.phone,
        address=person.address,
    )


def _add_details(
    uow: UnitOfWork, case: Case, spec: LoanSpec, as_of: date, rng: random.Random
) -> None:
    assert case.loan is not None
    case.loan.compound = spec.compound
    case.loan.accelerated_on = spec.accelerated_on
    creditor = case.creditor
    if spec.creditor_person is not None and creditor is not None:
        lender = spec.creditor_person
        creditor.id_type, creditor.id_number = "resident_id", lender.id_number
        creditor.phone, creditor.address = lender.phone, lender.address
    elif creditor is not None:
        creditor.legal_representative = spec.legal_representative or "王建国"
        if not creditor.address:
            creditor.address = org_address(creditor.name)
        digits = "".join(rng.choice("0123456789") for _ in range(7))
        creditor.phone = f"400-{digits[:3]}-{digits[3:]}"
    case.parties.extend(_party(role, person) for role, person in spec.others)
    case.payments = [Payment(date=d, amount=a, note=n) for d, a, n in spec.payments]
    case.charges = [Charge(category=c, date=d, amount=a, kind=k) for c, d, a, k in spec.charges]
    claim = {k: spec.claim.get(k) for k in ("principal", "interest", "penalty", "compound")}
    case.claims = [
        Claim(
            as_of=as_of,
            floor=spec.claim_floor,
            fees=spec.claim["fees"],
            costs=spec.claim["costs"],
            **{k: v for k, v in claim.items() if v},
        )
    ]
    uow.record(
        "case.details_added",
        case=case,
        detail={
            "payments": len(spec.payments),
            "charges": len(spec.charges),
            "parties": len(case.parties),
            "claim_as_of": as_of,
        },
    )


def _walk(
    ctx: AppContext, case_no: str, path: tuple[str, ...], intake: datetime, actor: str
) -> None:
    """Move the case along `path`, one audited transaction every few days, with its
    session: held before it is agreed or terminated, else under way or planned."""
    for step, target in enumerate(path, start=1):
        at = intake + timedelta(days=3 * step, hours=2)
        if target in ("agreed", "terminated"):
            hold_session(ctx, case_no, at, actor, agreed=target == "agreed")
        with ctx.store.write(actor, at) as uow:
            case = uow.cases.require(case_no)
            before = case.status
            case.status = transition(before, target).value
            uow.record("case.status_changed", case=case, detail={"from": before, "to": target})
    last = intake + timedelta(days=3 * len(path), hours=2)
    if path[-1:] == ("in_session",):
        open_session(ctx, case_no, last + timedelta(hours=1), actor)
    elif path[-1:] == ("scheduled",):
        plan_session(ctx, case_no, last, actor)
