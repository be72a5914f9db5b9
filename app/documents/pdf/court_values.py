"""The placeholder values and row sources the court papers add (see `court_model`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from app.documents.pdf.court_model import CourtPapers
from app.documents.pdf.model import DEBTOR_ROLES, DocumentData, Party
from app.documents.pdf.values import Values, cn_count, party_values
from app.domain.identifiers import SEX_LABELS, birth_date_of, sex_of
from app.domain.numerals import format_amount, format_date_cn, rmb_upper

ZERO = Decimal("0.00")
CN_ORDINALS = "一二三四五六七八九十"
DEFENDANT_LABELS = {
    "debtor": "被告",
    "co_debtor": "被告（共同借款人）",
    "guarantor": "被告（保证人）",
}
RESPONDENT_LABELS = {"debtor": "被申请人", "co_debtor": "被申请人", "guarantor": "被申请人"}
CHINA_OFFSET_HOURS = 8


def _money(prefix: str, amount: Decimal) -> Values:
    return {prefix: format_amount(amount), f"{prefix}_upper": rmb_upper(amount)}


def _day(d: object) -> str:
    from datetime import date

    return format_date_cn(d) if isinstance(d, date) else ""


def _time(t: datetime) -> str:
    from datetime import timedelta, timezone

    local = t.astimezone(timezone(timedelta(hours=CHINA_OFFSET_HOURS)))
    return f"{format_date_cn(local.date())} {local:%H:%M:%S}"


def person_values(p: Party) -> Values:
    """A party's values with sex and birth date read from a valid resident ID."""
    out = party_values(p)
    out["sex"] = out["birth"] = ""
    if p.kind == "person" and p.id_type == "居民身份证":
        try:
            out["sex"] = SEX_LABELS[sex_of(p.id_number)]
            out["birth"] = format_date_cn(birth_date_of(p.id_number))
        except ValueError:
            pass
    return out


def _claim_values(papers: CourtPapers) -> Values:
    claim = papers.claim
    out: Values = {
        "suit.as_of": "",
        "suit.parts": "",
        "suit.caps": "",
        "suit.calc_sha256": "",
        "suit.engine": "",
        "flag.suit_loan": "",
        "flag.suit_agreement": "",
        "flag.suit_charges": "",
        "flag.suit_claimed": "",
    }
    for key in ("suit.total", "suit.principal", "suit.charges", "suit.paid", "suit.claimed"):
        out |= _money(key, ZERO)
    if claim is None:
        return out
    charges = sum((p.amount for p in claim.parts if p.label != "本金"), ZERO)
    out |= _money("suit.total", claim.total) | _money("suit.principal", claim.principal)
    out |= _money("suit.charges", charges) | _money("suit.paid", claim.paid)
    out |= _money("suit.claimed", claim.claimed_total or ZERO)
    out["flag.suit_claimed"] = "1" if claim.claimed_total is not None else ""
    out["suit.as_of"] = format_date_cn(claim.as_of)
    out["suit.parts"] = "、".join(
        f"{p.label}{format_amount(p.amount)}元" for p in claim.parts if p.label != "本金"
    )
    out["flag.suit_charges"] = "1" if charges > 0 else ""
    out["suit.caps"] = "；".join(claim.caps)
    out["suit.calc_sha256"] = claim.calc_sha256
    out["suit.engine"] = claim.engine_version
    out["flag.suit_loan"] = "1" if claim.basis == "loan" else ""
    out["flag.suit_agreement"] = "1" if claim.basis == "agreement" else ""
    return out


def _outcome_values(papers: CourtPapers) -> Values:
    o = papers.outcome
    keys = (
        "as_of",
        "defaulted_on",
        "default_installment",
        "acceleration_days",
        "agreed_on",
        "count",
    )
    out: Values = {f"outcome.{k}": "" for k in keys} | {"flag.revived": "", "flag.outcome": ""}
    for key in ("agreed_total", "paid_total", "remaining", "revived", "claimable", "lawful_total"):
        out |= _money(f"outcome.{key}", ZERO)
    if o is None:
        return out
    out["flag.outcome"] = "1"
    out["outcome.as_of"] = format_date_cn(o.as_of)
    out["outcome.defaulted_on"] = _day(o.defaulted_on)
    out["outcome.agreed_on"] = _day(o.agreed_on)
    out["outcome.count"] = str(len(o.installments))
    out["outcome.default_installment"] = str(o.default_installment or "")
    out["outcome.acceleration_days"] = str(o.acceleration_days)
    for key in ("agreed_total", "paid_total", "remaining", "revived", "claimable", "lawful_total"):
        out |= _money(f"outcome.{key}", getattr(o, key))
    out["flag.revived"] = "1" if o.revived > 0 else ""
    return out


def court_values(data: DocumentData) -> Values:
    """Every placeholder the court papers use (empty strings where the case has nothing)."""
    papers = data.papers or CourtPapers()
    ruling = papers.ruling
    guarantors = data.of_roles(("guarantor",))
    out: Values = {
        "cause": papers.cause,
        "ruling.number": ruling.number if ruling else "",
        "ruling.date": _day(ruling.ruled_on) if ruling else "",
        "ruling.court": ruling.court if ruling else "",
        "failed_on": _day(papers.failed_on),
        "flag.failed": "1" if papers.failed_on else "",
        "flag.guarantor": "1" if guarantors else "",
        "guarantors.names": "、".join(p.name for p in guarantors),
        "defendants.names": "、".join(p.name for p in data.of_roles(DEBTOR_ROLES)),
        "evidence.count": str(len(papers.evidence)),
        "evidence.count_cn": cn_count(min(len(papers.evidence), 99)) if papers.evidence else "",
        "flag.evidence": "1" if papers.evidence else "",
        "certificate.issued_at": _time(papers.issued_at) if papers.issued_at else "",
        "defendant.copies": cn_count(min(len(data.debtors), 99)) if data.debtors else "",
    }
    return out | _claim_values(papers) | _outcome_values(papers)


def _defendants(data: DocumentData) -> list[Values]:
    return [
        person_values(p)
        | {
            "capacity": DEFENDANT_LABELS.get(p.role, "被告"),
            "respondent": RESPONDENT_LABELS.get(p.role, "被申请人"),
        }
        for p in data.debtors
    ]


def _evidence_rows(data: DocumentData) -> list[Values]:
    items = data.papers.evidence if data.papers else ()
    return [
        {
            "n": str(e.n),
            "title": e.title,
            "kind": e.kind_label,
            "source": e.source,
            "purpose": e.purpose or "—",
            "file": e.file_name,
            "size": f"{e.size:,}",
            "sha256": e.sha256,
            "added_at": _time(e.added_at),
            "added_by": e.added_by,
            "scope": "本批次" if e.for_batch else "本案",
        }
        for e in items
    ]


def _claim_rows(data: DocumentData) -> list[Values]:
    claim = data.papers.claim if data.papers else None
    parts = claim.parts if claim else ()
    return [{"label": p.label} | _money("amount", p.amount) for p in parts]


def _calc_rows(data: DocumentData) -> list[Values]:
    claim = data.papers.claim if data.papers else None
    lines = claim.lines if claim else ()
    return [
        {
            "date": ln.date.isoformat(),
            "kind": ln.kind_label,
            "from": ln.start.isoformat() if ln.start and ln.end else "",
            "to": f"至{ln.end.isoformat()}" if ln.start and ln.end else "",
            "days": str(ln.days) if ln.days is not None else "",
            "base": format_amount(ln.base) if ln.base is not None else "",
            "rate": f"{(ln.rate * 100).normalize():f}%" if ln.rate is not None else "",
            "amount": format_amount(ln.amount)
            if ln.amount >= 0
            else f"-{format_amount(-ln.amount)}",
            "note": ln.note,
        }
        for ln in lines
    ]


def _instalment_rows(data: DocumentData) -> list[Values]:
    o = data.papers.outcome if data.papers else None
    rows = o.installments if o else ()
    return [
        {
            "n": str(r.n),
            "due": format_date_cn(r.due),
            "amount": format_amount(r.amount),
            "paid": format_amount(r.paid),
            "outstanding": format_amount(r.outstanding),
            "state": r.state_label,
        }
        for r in rows
    ]


def _claim_items(data: DocumentData) -> list[Values]:
    """The complaint's numbered requests (一、二、…): what applies to this case."""
    papers = data.papers or CourtPapers()
    claim = papers.claim
    if claim is None:
        return []
    v = court_values(data)
    names = v["defendants.names"]
    borrowers = "、".join(p.name for p in data.of_roles(("debtor", "co_debtor")))
    items: list[str] = []
    if claim.basis == "agreement":
        items.append(
            f"判令被告{borrowers}向原告支付人民调解协议项下尚未履行的款项"
            f"{v['suit.total']}元（{v['suit.total_upper']}）"
        )
    else:
        items.append(
            f"判令被告{borrowers}向原告偿还借款本金{v['suit.principal']}元"
            f"（{v['suit.principal_upper']}）"
        )
        if v["flag.suit_charges"]:
            items.append(
                f"判令被告{borrowers}向原告支付截至{v['suit.as_of']}的{v['suit.parts']}，"
                f"合计{v['suit.charges']}元（{v['suit.charges_upper']}）"
            )
        if claim.principal > 0:
            items.append(
                f"判令被告{borrowers}向原告支付自{v['suit.as_of']}次日起至借款本金实际"
                "清偿之日止的逾期利息（以尚欠本金为基数，按合同约定的逾期利率计算，"
                "利息、罚息、复利及费用的总额以法律、司法解释规定的上限为限）"
            )
    if v["flag.guarantor"]:
        items.append(f"判令被告{v['guarantors.names']}对上述债务依法承担保证责任")
    items.append(f"本案诉讼费用由被告{names}负担")
    return [{"n": CN_ORDINALS[i] if i < 10 else str(i + 1), "text": t} for i, t in enumerate(items)]


COURT_SOURCES: dict[str, Callable[[DocumentData], list[Values]]] = {
    "plaintiffs": lambda d: [person_values(p) for p in d.creditors],
    "defendants": _defendants,
    "evidence": _evidence_rows,
    "claim_parts": _claim_rows,
    "calc_lines": _calc_rows,
    "instalments": _instalment_rows,
    "claim_items": _claim_items,
}
