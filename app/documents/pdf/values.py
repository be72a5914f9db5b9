"""The placeholder values of a document: one flat mapping, and the rows of each source."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from app.documents.pdf.model import DEBTOR_ROLES, DocumentData, Party, document_number
from app.domain.numerals import format_amount, format_date_cn, rmb_upper

Values = dict[str, str]
ZERO = Decimal("0.00")
DOWN_PAYMENT = "首付款"
CN_SMALL = "零一二三四五六七八九十"
OUTCOMES = {
    "agreed": "经调解，双方当事人自愿达成调解协议。",
    "not_agreed": "经调解，双方当事人未能达成调解协议。",
    "adjourned": "本次调解未能结束，双方同意另行安排时间继续调解。",
}


def cn_count(n: int) -> str:
    """1..99 in ordinary Chinese numerals (份数): 4 → 四, 12 → 十二."""
    if n <= 10:
        return CN_SMALL[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_SMALL[tens]) + "十" + (CN_SMALL[ones] if ones else "")


def cn_time(t: datetime) -> str:
    return f"{format_date_cn(t.date())}{t.hour}时{t.minute:02d}分"


def _money(prefix: str, amount: Decimal) -> Values:
    return {prefix: format_amount(amount), f"{prefix}_upper": rmb_upper(amount)}


def _names(parties: tuple[Party, ...]) -> str:
    return "、".join(p.name for p in parties)


def party_values(p: Party) -> Values:
    return {
        "role": p.role_label,
        "name": p.name,
        "id_type": p.id_type if p.kind == "person" else "统一社会信用代码",
        "id_number": p.id_number,
        "phone": p.phone,
        "address": p.address,
        "legal_representative": p.legal_representative,
        "is_org": "1" if p.kind == "organisation" else "",
    }


def _base(data: DocumentData) -> Values:
    org = data.organisation
    first_debtor = data.debtors[0] if data.debtors else None
    return {
        "org.name": org.name,
        "org.address": org.address,
        "org.phone": org.phone,
        "org.registration_no": org.registration_no,
        "case_no": data.case_no,
        "doc.number": data.number,
        "doc.title": data.title,
        "doc.date": format_date_cn(data.created.date()),
        "creditors.names": _names(data.creditors),
        "debtors.names": _names(data.debtors),
        "borrowers.names": _names(data.of_roles(("debtor", "co_debtor"))),
        "guarantors.names": _names(data.of_roles(("guarantor",))),
        "parties.by_role": data.by_role(),
        "respondents.by_role": data.by_role(DEBTOR_ROLES, sep="、"),
        "agents.names": "、".join(a.name for a in data.agents),
        "loan.accelerated_on": format_date_cn(data.accelerated_on) if data.accelerated_on else "",
        "debtor.name": first_debtor.name if first_debtor else "",
        "debtor.address": first_debtor.address if first_debtor else "",
        "mediator": data.mediator,
        "contract.no": data.contract_no,
        "contract.date": format_date_cn(data.contract_date) if data.contract_date else "",
        "agreement.number": document_number(data.case_no, "agreement"),
        "court": data.court,
        "entrusting.court": data.entrusting_court,
        "flag.entrusted": "1" if data.entrusting_court.strip() else "",
        "termination.reason": data.termination_reason,
        "copies": cn_count(len(data.parties) + 1),
    }


def _amount_values(data: DocumentData) -> Values:
    rows = data.amounts
    out: Values = {
        "claim.as_of": format_date_cn(data.claim_as_of) if data.claim_as_of else "",
        "lawful.as_of": format_date_cn(data.lawful_as_of) if data.lawful_as_of else "",
    }
    claimed = sum((r.claimed for r in rows), ZERO)
    lawful = sum((r.lawful for r in rows), ZERO)
    waived = sum((r.waived for r in rows), ZERO)
    out |= _money("loan.principal", data.loan_principal or ZERO)
    principal, lent = data.loan_principal or ZERO, data.loan_disbursed
    deducted = principal - lent if lent is not None and lent < principal else ZERO
    out |= _money("loan.disbursed", lent or ZERO) | _money("loan.deducted", deducted)
    out["flag.deducted"] = "1" if deducted > 0 else ""
    clauses = data.settlement.extra_terms if data.settlement else ()
    out["flag.clauses"] = "1" if clauses else ""
    out |= _money("claim.total", claimed) | _money("lawful.total", lawful)
    out |= _money("waived.total", waived) | _money("reduced.total", max(claimed - lawful, ZERO))
    out["waived.items"] = "、".join(
        f"{r.label}{format_amount(r.waived)}元" for r in rows if r.waived > 0
    )
    out["flag.waived"] = "1" if waived > 0 else ""
    out["flag.reduced"] = "1" if claimed > lawful else ""
    return out


def _settlement_values(data: DocumentData) -> Values:
    s = data.settlement
    keys = ("count", "first_due", "last_due", "acceleration_days", "agreed_on",
            "payment_method", "down_due", "rest_count", "rest_first_due")  # fmt: skip
    out: Values = {f"settlement.{k}": "" for k in keys} | {"flag.revival": "", "flag.down": ""}
    out |= _money("settlement.total", s.total if s else ZERO)
    out |= _money("settlement.down", ZERO) | _money("settlement.rest", ZERO)
    if s is None:
        return out
    out["settlement.count"] = str(len(s.rows))
    out["settlement.payment_method"] = s.payment_method
    down = s.rows[0] if s.rows and s.rows[0].note == DOWN_PAYMENT else None
    if down is not None and len(s.rows) > 1:
        rest = s.rows[1:]
        out |= _money("settlement.down", down.amount)
        out |= _money("settlement.rest", sum((r.amount for r in rest), ZERO))
        out["settlement.down_due"] = format_date_cn(down.due)
        out["settlement.rest_count"] = str(len(rest))
        out["settlement.rest_first_due"] = format_date_cn(rest[0].due)
        out["flag.down"] = "1"
    if s.rows:
        out["settlement.first_due"] = format_date_cn(s.rows[0].due)
        out["settlement.last_due"] = format_date_cn(s.rows[-1].due)
    out["settlement.acceleration_days"] = str(s.acceleration_days)
    out["settlement.agreed_on"] = format_date_cn(s.agreed_on) if s.agreed_on else ""
    out["flag.revival"] = "1" if s.revival and any(r.waived > 0 for r in data.amounts) else ""
    return out


def _session_values(data: DocumentData) -> Values:
    s = data.session
    out: Values = dict.fromkeys(
        ("session.start", "session.end", "session.place", "session.outcome", "session.notes"), ""
    )
    if s is None:
        return out
    out["session.start"] = cn_time(s.starts)
    out["session.end"] = cn_time(s.ends) if s.ends else ""
    out["session.place"] = s.place
    out["session.outcome"] = OUTCOMES.get(s.outcome, s.outcome)
    out["session.notes"] = s.notes
    return out


def _log_values(data: DocumentData) -> Values:
    return {
        "flag.contacts": "1" if data.contacts else "",
        "flag.notices": "1" if data.notices else "",
    }


def document_values(data: DocumentData) -> Values:
    """Every placeholder value of `data` (empty strings where the case has nothing)."""
    values = _base(data) | _amount_values(data) | _settlement_values(data)
    return values | _session_values(data) | _log_values(data)


def _plan_rows(data: DocumentData) -> list[Values]:
    rows = data.settlement.rows if data.settlement else ()
    return [
        {"n": str(r.n), "due": format_date_cn(r.due), "note": r.note} | _money("amount", r.amount)
        for r in rows
    ]


def _amount_rows(data: DocumentData) -> list[Values]:
    return [
        {"label": r.label}
        | {k: format_amount(getattr(r, k)) for k in ("claimed", "lawful", "waived", "settled")}
        for r in data.amounts
    ]


def _attendee_rows(data: DocumentData) -> list[Values]:
    attendees = data.session.attendees if data.session else ()
    return [
        {"name": a.name, "capacity": a.capacity, "id_number": a.id_number,
         "checked": "已核对" if a.id_checked else "未核对"}
        for a in attendees
    ]  # fmt: skip


def _statement_rows(data: DocumentData) -> list[Values]:
    statements = data.session.statements if data.session else ()
    return [{"speaker": s.speaker, "text": s.text} for s in statements]


def _clause_rows(data: DocumentData) -> list[Values]:
    clauses = data.settlement.extra_terms if data.settlement else ()
    return [{"n": cn_count(i), "text": text} for i, text in enumerate(clauses, start=1)]


def _agent_rows(data: DocumentData) -> list[Values]:
    return [{"name": a.name, "capacity": a.capacity, "id_number": a.id_number}
            for a in data.agents]  # fmt: skip


def _contact_rows(data: DocumentData) -> list[Values]:
    return [
        {"at": cn_time(c.at), "whom": c.whom, "channel": c.channel, "outcome": c.outcome}
        for c in data.contacts
    ]


SOURCES: dict[str, Callable[[DocumentData], list[Values]]] = {
    "contacts": _contact_rows,
    "notices": lambda d: [{"text": t} for t in d.notices],
    "parties": lambda d: [party_values(p) for p in d.parties],
    "creditors": lambda d: [party_values(p) for p in d.creditors],
    "debtors": lambda d: [party_values(p) for p in d.debtors],
    "plan": _plan_rows,
    "amounts": _amount_rows,
    "attendees": _attendee_rows,
    "statements": _statement_rows,
    "clauses": _clause_rows,
    "agents": _agent_rows,
}
