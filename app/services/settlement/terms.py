"""A settlement as plain data: what the service returns, how its terms are kept as JSON, and
the pure steps from input (levers, plan spec, default terms) to a checked settlement.

No store access here, so the settlement page can compute live totals and the plan table
on the GUI thread with the very functions `save_settlement` uses.

Choices:

- Field paths of problems: `levers.<name>` (`levers.agreed_sum`), `plan.<path>`
  (`plan.first_due`, `plan.installments[2].amount`, `plan.interest.annual_rate`) and
  `terms.<name>` (`terms.waiver_revives_on_default`), so a form can show each by its field.
- The plan spec is the input form of `python -m app plan` (`app.domain.plan_input`)
  without `total`: the plan's total is always the settled total. A spec that names a
  different total is refused. Plan interest without `cap_rate` takes the cap of the
  recalculation the settlement is built on (the rate the lawful view was capped at).
- The stored terms keep the inputs that rebuild the settlement exactly (lawful figures,
  levers, floor, plan input, default terms) and, for readers that do not recompute, the
  results (settled and waived per kind, each lever's effect, the plan rows).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.case_status import CaseStatus, label
from app.domain.errors import DomainError, InputError, Problem
from app.domain.money import fmt, fmt_grouped, parse_money
from app.domain.performance import DefaultTerms, terms_from_dict
from app.domain.plan import Installment, Plan, PlanInterest, PlanMethod, describe
from app.domain.plan_input import plan_from_dict, plan_to_dict, plan_to_input
from app.domain.settlement import (
    KINDS,
    KindAmounts,
    LawfulFigures,
    LeverEffect,
    Levers,
    SettlementProposal,
    levers_from_dict,
    levers_to_dict,
    propose,
)

if TYPE_CHECKING:
    from app.store.models import Case
    from app.store.records import Settlement

TERMS_FORMAT = 1
MAX_PAYMENT_METHOD = 300
MAX_EXTRA_TERMS = 20
MAX_CLAUSE = 500
S = CaseStatus
EDITABLE = frozenset({S.INTAKE, S.CONTACTING, S.SCHEDULED, S.IN_SESSION, S.AGREED})
"""Statuses before signing: a settlement may be saved, or replaced."""
SIGNED_STATES = frozenset(
    {S.SIGNED, S.CONFIRMATION_APPLIED, S.CONFIRMED, S.PERFORMING, S.FULFILLED, S.DEFAULTED}
)
"""Statuses after signing (before any litigation): the terms are fixed."""
KEEP_PATHS = ("lawful", "creditor_floor")  # problems of the basis, not of the levers


def require_editable(case: Case) -> None:
    """DomainError when the case is past the point where its settlement may change."""
    if case.status in EDITABLE:
        return
    if case.status in SIGNED_STATES:
        raise DomainError(
            f"案件 {case.case_no} 的调解协议已签署（当前状态：{label(case.status)}），"
            "已签署协议的条款不能修改。"
        )
    raise DomainError(f"案件 {case.case_no} 当前为“{label(case.status)}”，不能再保存调解方案。")


@dataclass(frozen=True)
class SettlementInfo:
    """A stored settlement: what it was built on, the proposal, the plan and the default terms.

    `proposal` carries the lawful figures, the levers, each lever's effect (with its Chinese
    label), the waived and settled amounts per kind and the creditor's floor; `plan` the
    method, its parameters and rows; `plan_input` the plan in its JSON input form.
    """

    case_no: str
    case_status: str
    snapshot_id: int
    snapshot_sha256: str
    snapshot_as_of: date
    proposal: SettlementProposal
    plan: Plan
    plan_input: dict[str, Any]
    terms: DefaultTerms
    created_at: datetime
    updated_at: datetime
    signed: bool = False
    payment_method: str = ""
    """How the debtor pays (e.g. the creditor's receiving account), as the agreement states."""
    extra_terms: tuple[str, ...] = ()
    """Other terms the parties agreed, one clause each."""

    @property
    def levers(self) -> Levers:
        return self.proposal.levers

    @property
    def lawful_total(self) -> Decimal:
        return self.proposal.lawful.total

    @property
    def settled_total(self) -> Decimal:
        return self.proposal.settled_total

    @property
    def waived_total(self) -> Decimal:
        return self.proposal.waived_total

    @property
    def effects(self) -> tuple[LeverEffect, ...]:
        return self.proposal.effects

    @property
    def below_floor(self) -> bool:
        return self.proposal.below_floor

    @property
    def method(self) -> PlanMethod:
        return self.plan.method

    @property
    def rows(self) -> tuple[Installment, ...]:
        """The plan's instalments: `n`, `due`, `amount` (principal part + plan interest)."""
        return self.plan.installments

    @property
    def grace_days(self) -> int:
        return self.plan.grace_days

    @property
    def plan_interest(self) -> PlanInterest | None:
        return self.plan.interest

    @property
    def description(self) -> str:
        """The plan in one Chinese sentence (`app.domain.plan.describe`)."""
        return describe(self.plan)


@dataclass(frozen=True)
class Checked:
    """A settlement input that passed every check, ready to store."""

    proposal: SettlementProposal
    plan: Plan
    terms: DefaultTerms
    payment_method: str = ""
    extra_terms: tuple[str, ...] = ()


# -- from input to a checked settlement (pure) -------------------------------------------------


def proposal_for(
    lawful: LawfulFigures, levers: Levers | Mapping[str, Any], floor: Decimal | None
) -> SettlementProposal:
    """The levers (a `Levers` or their JSON form) applied; problems at `levers.<name>`."""
    try:
        parsed = levers if isinstance(levers, Levers) else levers_from_dict(levers)
        return propose(lawful, parsed, creditor_floor=floor)
    except InputError as error:
        raise InputError(_prefixed(error.problems, "levers", keep=KEEP_PATHS)) from None


def build_plan(total: Decimal, spec: Mapping[str, Any], cap_rate: Decimal | None) -> Plan:
    """The plan of `spec` (the plan input form without `total`) for `total`; problems at
    `plan.<path>`."""
    data = dict(spec)
    given = data.pop("total", None)
    problems: list[Problem] = []
    if given is not None and parse_money(given) != total:
        problems.append(Problem("plan.total", f"须等于和解金额 {fmt_grouped(total)} 元"))
    data["total"] = fmt(total)
    interest = data.get("interest")
    if isinstance(interest, Mapping) and interest.get("cap_rate") is None and cap_rate:
        data["interest"] = {**interest, "cap_rate": str(cap_rate)}
    try:
        plan = plan_from_dict(data)
    except InputError as error:
        problems += _prefixed(error.problems, "plan")
    if problems:
        raise InputError(problems)
    return plan


def default_terms(terms: DefaultTerms | Mapping[str, Any]) -> DefaultTerms:
    """Default terms from their JSON form (both fields required); problems at `terms.<name>`."""
    if isinstance(terms, DefaultTerms):
        return terms
    try:
        return terms_from_dict(terms)
    except InputError as error:
        raise InputError(_prefixed(error.problems, "terms")) from None


def check_settlement(
    lawful: LawfulFigures,
    floor: Decimal | None,
    cap_rate: Decimal | None,
    levers: Levers | Mapping[str, Any],
    plan_spec: Mapping[str, Any],
    terms: DefaultTerms | Mapping[str, Any],
    payment_method: str = "",
    extra_terms: Sequence[str] = (),
) -> Checked:
    """Every check at once: InputError lists the problems of levers, plan, terms and the
    written clauses together (the plan is checked only when the levers give a settled total)."""
    problems = clause_problems(payment_method, extra_terms)
    proposal = plan = checked_terms = None
    try:
        proposal = proposal_for(lawful, levers, floor)
    except InputError as error:
        problems += error.problems
    if proposal is not None:
        try:
            plan = build_plan(proposal.settled_total, plan_spec, cap_rate)
        except InputError as error:
            problems += error.problems
    try:
        checked_terms = default_terms(terms)
    except InputError as error:
        problems += error.problems
    if problems:
        raise InputError(problems)
    assert proposal is not None and plan is not None and checked_terms is not None
    clauses = tuple(t.strip() for t in extra_terms if t.strip())
    return Checked(proposal, plan, checked_terms, payment_method.strip(), clauses)


def clause_problems(payment_method: str, extra_terms: Sequence[str]) -> list[Problem]:
    """Length limits of the written clauses (`payment_method`, `extra_terms[i]`)."""
    out: list[Problem] = []
    if len(payment_method.strip()) > MAX_PAYMENT_METHOD:
        out.append(Problem("payment_method", f"最多 {MAX_PAYMENT_METHOD} 字"))
    clauses = [t.strip() for t in extra_terms if t.strip()]
    if len(clauses) > MAX_EXTRA_TERMS:
        out.append(Problem("extra_terms", f"其他约定最多 {MAX_EXTRA_TERMS} 条"))
    for i, clause in enumerate(clauses):
        if len(clause) > MAX_CLAUSE:
            out.append(Problem(f"extra_terms[{i}]", f"每条最多 {MAX_CLAUSE} 字"))
    return out


def _prefixed(problems: list[Problem], prefix: str, keep: tuple[str, ...] = ()) -> list[Problem]:
    """Problems with `prefix.` before their path (except paths starting with one in `keep`)."""
    out = []
    for problem in problems:
        head = problem.path.split(".")[0].split("[")[0]
        if problem.path and head in keep:
            out.append(problem)
        else:
            path = f"{prefix}.{problem.path}" if problem.path else prefix
            out.append(Problem(path, problem.reason))
    return out


# -- the stored JSON form ------------------------------------------------------------------------


def terms_json(
    checked: Checked, snapshot_id: int, snapshot_sha256: str, snapshot_as_of: date
) -> dict[str, Any]:
    """The `settlement.terms` object of a checked settlement."""
    proposal, plan, terms = checked.proposal, checked.plan, checked.terms
    floor = proposal.creditor_floor
    return {
        "format": TERMS_FORMAT,
        "snapshot": {"id": snapshot_id, "sha256": snapshot_sha256,
                     "as_of": snapshot_as_of.isoformat()},
        "lawful": _amounts(proposal.lawful),
        "creditor_floor": None if floor is None else fmt(floor),
        "levers": levers_to_dict(proposal.levers),
        "plan": plan_to_input(plan),
        "default_terms": {"acceleration_days": terms.acceleration_days,
                          "waiver_revives_on_default": terms.waiver_revives_on_default},
        "settled": _amounts(proposal.settled),
        "waived": _amounts(proposal.waived),
        "effects": [{"lever": e.lever, "label": e.label_zh, "amount": fmt(e.amount)}
                    for e in proposal.effects],
        "below_floor": proposal.below_floor,
        "installments": plan_to_dict(plan)["installments"],
        "description": describe(plan),
        "payment_method": checked.payment_method,
        "extra_terms": list(checked.extra_terms),
    }  # fmt: skip


def _amounts(amounts: KindAmounts) -> dict[str, str]:
    out = {kind: fmt(amounts.of(kind)) for kind in KINDS}
    out["total"] = fmt(amounts.total)
    return out


def info_of(row: Settlement, case: Case) -> SettlementInfo:
    """The plain data of a settlement row (inside a unit of work)."""
    return info_from_json(
        row.terms,
        case_no=case.case_no,
        case_status=case.status,
        settled_total=row.settled_total,
        created_at=row.created_at,
        updated_at=row.updated_at,
        signed=case.status in SIGNED_STATES,
    )


def info_from_json(
    terms: Mapping[str, Any],
    *,
    case_no: str,
    case_status: str,
    settled_total: Decimal,
    created_at: datetime,
    updated_at: datetime,
    signed: bool,
) -> SettlementInfo:
    """Rebuild a stored settlement from its inputs; a mismatch with the stored total is a bug
    (or a hand-edited database) and raises ValueError rather than show a wrong figure."""
    lawful = LawfulFigures.from_view(terms["lawful"])
    floor_text = terms.get("creditor_floor")
    floor = None if floor_text is None else Decimal(floor_text)
    proposal = propose(lawful, levers_from_dict(terms["levers"]), creditor_floor=floor)
    plan = plan_from_dict(terms["plan"])
    if proposal.settled_total != settled_total or plan.total != settled_total:
        raise ValueError(f"settlement of {case_no}: stored total {settled_total} does not rebuild")
    snap = terms["snapshot"]
    return SettlementInfo(
        case_no=case_no,
        case_status=case_status,
        snapshot_id=int(snap["id"]),
        snapshot_sha256=str(snap["sha256"]),
        snapshot_as_of=date.fromisoformat(snap["as_of"]),
        proposal=proposal,
        plan=plan,
        plan_input=dict(terms["plan"]),
        terms=terms_from_dict(terms["default_terms"]),
        created_at=created_at,
        updated_at=updated_at,
        signed=signed,
        payment_method=str(terms.get("payment_method", "")),
        extra_terms=tuple(str(t) for t in terms.get("extra_terms", ())),
    )


def cap_rate_of(output: Mapping[str, Any]) -> Decimal | None:
    """The cap (annual fraction) in force at the end of a recalculation's period."""
    caps = output.get("regime", {}).get("caps") or []
    if not caps:
        return None
    return Decimal(str(caps[-1]["annual_rate"]))
