"""What must still be filled in before a step of the session (or the session) is done.

`missing_for_step(state, step)` lists, in Chinese, what the mediator still has to fill in
on that step; an empty list means the step is complete. `missing_for_finish` collects the
steps an outcome needs: an agreement needs everything from check-in to the signatures; no
agreement needs the check-in, the parties and the record; an adjournment only the record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from app.domain.identifiers import check_credit_code, check_resident_id
from app.domain.session_record import (
    CAPACITIES,
    CREDITOR_SIDE,
    DEBTOR_SIDE,
    NEEDS_AUTHORISATION,
    OUTCOMES,
    SIDES,
    STATEMENT_PROMPTS,
    STEP_KEYS,
    STEPS,
)
from app.services.sessions.state import SettlementSummary, SnapshotSummary

if TYPE_CHECKING:
    from app.services.cases.service import PartyInfo
    from app.services.sessions.state import Attendee, SessionState

NEEDED_STEPS: dict[str, tuple[str, ...]] = {
    "agreed": ("checkin", "parties", "debt", "recalc", "settlement", "record", "signatures"),
    "not_agreed": ("checkin", "parties", "debt", "recalc", "record"),
    "adjourned": ("record",),
}


def missing_for_step(state: SessionState, step: int | str) -> list[str]:
    """What is missing on `step` (index 0–8 or key such as "checkin"), in Chinese."""
    key = step if isinstance(step, str) else STEP_KEYS[step]
    return CHECKS[key](state)


def missing_for_finish(state: SessionState, outcome: str) -> list[tuple[str, str]]:
    """(step key, what is missing) for every step `outcome` needs."""
    found = []
    for key in NEEDED_STEPS.get(outcome, ("record",)):
        title = STEPS[STEP_KEYS.index(key)][1]
        found += [(key, f"{title}：{text}") for text in missing_for_step(state, key)]
    return found


def _checkin(state: SessionState) -> list[str]:
    out = [] if state.place.strip() else ["请填写调解地点。"]
    if not state.attendees:
        return [*out, "请登记出席人员（谁到场、以什么身份）。"]
    for n, person in enumerate(state.attendees, start=1):
        out += [f"{_who(n, person)}：{text}" for text in _attendee_problems(person, state)]
    capacities = {a.capacity for a in state.attendees}
    if not capacities & set(DEBTOR_SIDE):
        out.append("出席人员中还没有债务人一方（债务人、共同债务人或保证人）。")
    if not capacities & set(CREDITOR_SIDE):
        out.append("出席人员中还没有债权人一方（债权人本人或其委托代理人）。")
    return out


def _who(n: int, person: Attendee) -> str:
    return f"第 {n} 位出席人员" + (f"（{person.name}）" if person.name.strip() else "")


def _attendee_problems(person: Attendee, state: SessionState) -> list[str]:
    out = []
    if not person.name.strip():
        out.append("请填写姓名。")
    if person.capacity not in CAPACITIES:
        out.append("请选择出席身份。")
    if not person.id_number:
        out.append("请填写证件号码。")
    elif person.id_type == "resident_id":
        reason = check_resident_id(person.id_number, today=state.today)
        if reason:
            out.append(reason)
    if not person.identity_checked:
        out.append("请核对身份证件后勾选“已核对身份”。")
    if person.capacity in NEEDS_AUTHORISATION and not person.authorisation.strip():
        out.append("请记录授权委托书（代理权限、期限）。")
    return out


def _parties(state: SessionState) -> list[str]:
    out = []
    for party in state.case.parties:
        out += [f"{_party_title(party)}：{text}" for text in _party_problems(party, state)]
    if not any(p.role == "debtor" for p in state.case.parties):
        out.append("案件还没有债务人。")
    if not state.case.summary.mediator_name:
        out.append("案件还没有指定承办调解员。")
    return out


def _party_title(party: PartyInfo) -> str:
    from app.domain.vocab import PARTY_ROLES

    return f"{PARTY_ROLES.get(party.role, party.role)}（{party.name or '未填姓名'}）"


def _party_problems(party: PartyInfo, state: SessionState) -> list[str]:
    if party.role == "agent":
        return []
    out = [] if party.name.strip() else ["请填写姓名或名称。"]
    if party.kind == "organisation":
        if not party.id_number:
            out.append("请填写统一社会信用代码。")
        elif party.id_type == "uscc" and (reason := check_credit_code(party.id_number)):
            out.append(reason)
        if not party.legal_representative.strip():
            out.append("请填写法定代表人或负责人。")
        if not party.address.strip():
            out.append("请填写住所地。")
        return out
    if not party.id_number:
        out.append("请填写身份证号码。")
    elif party.id_type == "resident_id" and (
        reason := check_resident_id(party.id_number, today=state.today)
    ):
        out.append(reason)
    if not party.address.strip():
        out.append("请填写住址（协议送达地址）。")
    return out


def _debt(state: SessionState) -> list[str]:
    loan, claim = state.case.loan, state.case.claim
    if loan is None:
        return ["案件还没有借款合同信息（本金、利率、合同日期）。"]
    out = []
    if loan.repayment_method == "bullet" and loan.maturity is None:
        out.append("请填写到期日（到期一次性还本付息）。")
    if loan.repayment_method not in ("bullet", "explicit") and not loan.term_months:
        out.append("请填写还款期数（月）。")
    if loan.disbursement_date < loan.contract_date:
        out.append("放款日期早于合同日期，请核对。")
    if claim is None or claim.total <= 0:
        out.append("请录入债权人主张的金额（本金、利息、罚息等）。")
    return out


def _recalc(state: SessionState) -> list[str]:
    if state.snapshot is None:
        return ["请进行重新计算（三种口径对比）。"]
    if state.snapshot.stale:
        return ["债权债务信息在上次计算后有修改，请重新计算。"]
    return []


def _settlement(state: SessionState) -> list[str]:
    if state.settlement is None:
        return ["请确定调解方案（减免与还款计划）并保存。"]
    return []


def _record(state: SessionState) -> list[str]:
    out = []
    if state.outcome not in OUTCOMES:
        out.append("请选择调解结果（达成协议、未达成协议或改期继续调解）。")
    if state.outcome == "adjourned":
        if state.next_date is None:
            out.append("请填写下次调解日期。")
        elif state.next_date <= state.held_on:
            out.append("下次调解日期应晚于本次调解日期。")
        return out
    if state.outcome == "not_agreed" and not state.notes.strip():
        out.append("请在备注中写明未能达成协议的原因（调解终结书载明）。")
    for side, prompts in STATEMENT_PROMPTS.items():
        if not any(state.statements.get(f"{side}.{key}", "").strip() for key, _ in prompts):
            out.append(f"请记录{SIDES[side]}的陈述。")
    return out


def _documents(state: SessionState) -> list[str]:
    """Documents are rendered from what the other steps hold; they depend on the outcome."""
    if state.outcome not in OUTCOMES:
        return ["请先在“调解笔录”中选择调解结果，才知道需要哪些文书。"]
    return []


def _signatures(state: SessionState) -> list[str]:
    """Only an agreement is signed: its latest version, by every party and the mediator."""
    if state.outcome not in OUTCOMES:
        return ["请先在“调解笔录”中选择调解结果。"]
    if state.outcome != "agreed":
        return []
    agreement = state.agreement
    if agreement is None:
        return ["请在本步生成协议书定稿，再由各方签名。"]
    changed = [t for t in (state.settlement, state.snapshot) if t is not None]
    if any(_changed_at(t) > agreement.created_at for t in changed):
        return ["调解方案或计算结果在协议书定稿后有修改：请在本步重新生成协议书并签名。"]
    if agreement.status == "signed":
        return []
    return [f"{who}尚未签名。" for who in agreement.missing] or ["协议书尚未签署。"]


def _changed_at(thing: SettlementSummary | SnapshotSummary) -> datetime:
    return thing.updated_at if isinstance(thing, SettlementSummary) else thing.created_at


def _finish(state: SessionState) -> list[str]:
    if state.outcome not in OUTCOMES:
        return ["请在“调解笔录”中选择调解结果。"]
    return [text for _key, text in missing_for_finish(state, state.outcome)]


CHECKS: dict[str, Callable[[SessionState], list[str]]] = {
    "checkin": _checkin,
    "parties": _parties,
    "debt": _debt,
    "recalc": _recalc,
    "settlement": _settlement,
    "record": _record,
    "documents": _documents,
    "signatures": _signatures,
    "finish": _finish,
}
