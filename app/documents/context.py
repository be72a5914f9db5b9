"""The values a template's placeholders read: `{debtor.name}`, `{settlement.total}`...

Every text value is escaped for reportlab's paragraph markup here, so a name with `&` or
`<` prints as typed and templates may use `<b>`. Amounts are `Money`: `{x}` prints both
forms ("12,345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）"), `{x.fig}` the figures and
`{x.upper}` the capitals. Dates print as 2026年12月15日.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from app.documents.model import (
    DOCUMENT_KINDS,
    KIND_LABELS,
    KINDS,
    DocumentData,
    KindAmounts,
    Party,
    Session,
    Settlement,
)
from app.domain.numerals import format_amount, format_date_cn, rmb_upper

CHINA = timezone(timedelta(hours=8), "CST")
CONFIRMATION_DAYS = 30  # People's Mediation Law art. 33; Civil Procedure Law art. 205
OUTCOMES = {"agreed": "达成调解协议", "not_agreed": "未达成调解协议", "adjourned": "改期继续调解"}
SMALL_DIGITS = "〇一二三四五六七八九"
BLANK_DATE = "　　　　年　　月　　日"  # filled in by hand when signed


class Ns:
    """Read-only attributes over a dict; an unknown name is a template bug (AttributeError)."""

    def __init__(this, **values: Any) -> None:
        this._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __bool__(self) -> bool:
        return bool(self._values)


@dataclass(frozen=True)
class Money:
    value: Decimal

    @property
    def fig(self) -> str:
        return format_amount(self.value)

    @property
    def upper(self) -> str:
        return rmb_upper(self.value)

    @property
    def both(self) -> str:
        return f"{self.fig}元（大写：{self.upper}）"

    def __str__(self) -> str:
        return self.both

    def __format__(self, spec: str) -> str:
        return self.both

    def __bool__(self) -> bool:
        return self.value != 0


def esc(text: str) -> str:
    return escape(text or "")


def cn_date(d: date | None) -> str:
    return format_date_cn(d) if d else ""


def cn_small(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (counts of copies, instalments)."""
    if n < 10:
        return SMALL_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else SMALL_DIGITS[tens]
        return head + "十" + (SMALL_DIGITS[ones] if ones else "")
    return str(n)


def china_time(moment: datetime) -> datetime:
    return moment.astimezone(CHINA)


def names(parties: tuple[Party, ...]) -> str:
    return "、".join(esc(p.name) for p in parties)


def party_ns(party: Party | None) -> Ns:
    if party is None:
        return Ns(name="", role="", id_type="", id_number="", address="", phone="")
    return Ns(
        name=esc(party.name), role=esc(party.role_label), id_type=esc(party.id_type),
        id_number=esc(party.id_number), address=esc(party.address), phone=esc(party.phone),
        legal_representative=esc(party.legal_representative),
    )


def kinds_ns(amounts: KindAmounts | None) -> Ns:
    if amounts is None:
        return Ns()
    values = {k: Money(amounts.of(k)) for k in KINDS}
    return Ns(total=Money(amounts.total), **values)


def session_ns(session: Session | None) -> Ns:
    if session is None:
        return Ns()
    start = china_time(session.starts)
    end = china_time(session.ends) if session.ends else None
    span = f"{start.hour}时{start.minute:02d}分"
    if end is not None:
        span += f"至{end.hour}时{end.minute:02d}分"
    return Ns(
        date=format_date_cn(start.date()), time=f"{start.hour}时{start.minute:02d}分",
        span=span, place=esc(session.place), recorder=esc(session.recorder),
        outcome=OUTCOMES.get(session.outcome, esc(session.outcome)), notes=esc(session.notes),
        reply_by=cn_date(session.reply_by),
    )


def settlement_ns(s: Settlement | None, parties: int, own_number: str) -> Ns:
    if s is None:
        return Ns()
    rows = s.rows
    copies = s.copies if s.copies is not None else parties + 1
    deadline = s.agreed_on + timedelta(days=CONFIRMATION_DAYS) if s.agreed_on else None
    return Ns(
        total=Money(s.total), waived=kinds_ns(s.waived), count=len(rows),
        count_cn=cn_small(len(rows)), single=len(rows) == 1, instalments=len(rows) > 1,
        first_due=cn_date(rows[0].due) if rows else "",
        first_amount=Money(rows[0].amount) if rows else Money(Decimal(0)),
        last_due=cn_date(rows[-1].due) if rows else "",
        rows_total=Money(sum((r.amount for r in rows), Decimal(0))),
        acceleration_days=s.acceleration_days, payment_method=esc(s.payment_method),
        has_waiver=s.waived.total > 0, revives=s.revival and s.waived.total > 0,
        no_revival=not s.revival and s.waived.total > 0,
        agreed_on=cn_date(s.agreed_on), deadline=cn_date(deadline),
        sign_date=cn_date(s.agreed_on) or BLANK_DATE,
        agreement_no=esc(s.agreement_no or own_number), copies_cn=cn_small(copies),
    )


def build_context(kind: str, data: DocumentData) -> dict[str, Any]:
    """Every placeholder's value for rendering `kind` from `data`."""
    org = data.organisation
    dispute, claim, recalc = data.dispute, data.claim, data.recalculation
    own = data.meta.number if kind == "agreement" else ""
    return {
        "doc": Ns(number=esc(data.meta.number), title=DOCUMENT_KINDS.get(kind, kind),
                  date=format_date_cn(china_time(data.meta.created).date()),
                  version=data.meta.version, copies_cn=cn_small(len(data.parties) + 1),
                  blank_date=BLANK_DATE),
        "case": Ns(no=esc(data.case_no)),
        "org": Ns(name=esc(org.name), address=esc(org.address), phone=esc(org.phone),
                  registration_no=esc(org.registration_no), self=esc(org.self_name)),
        "mediator": esc(data.mediator),
        "creditors": Ns(names=names(data.creditors)),
        "debtors": Ns(names=names(data.debtors), many=len(data.debtors) > 1),
        "creditor": party_ns(data.creditors[0] if data.creditors else None),
        "debtor": party_ns(data.debtors[0] if data.debtors else None),
        "dispute": Ns(cause=esc(dispute.cause if dispute else "借款合同纠纷"),
                      facts=esc(dispute.facts if dispute else ""),
                      responsibility=esc(dispute.responsibility if dispute else "")),
        "claim": Ns(amounts=kinds_ns(claim.amounts if claim else None),
                    total=Money(claim.amounts.total if claim else Decimal(0)),
                    as_of=cn_date(claim.as_of if claim else None),
                    filed_on=cn_date(claim.filed_on if claim else None),
                    contract=esc(claim.contract if claim else "")),
        "lawful": kinds_ns(recalc.lawful if recalc else None),
        "reduction": kinds_ns(recalc.reductions if recalc else None),
        "recalc": Ns(as_of=cn_date(recalc.as_of if recalc else None), present=bool(recalc),
                     has_reduction=bool(recalc and recalc.reductions.total > 0)),
        "settlement": settlement_ns(data.settlement, len(data.parties), own),
        "session": session_ns(data.session),
        "court": esc(data.court),
        "termination": Ns(ended_on=cn_date(data.termination.ended_on if data.termination else None),
                          reason=esc(data.termination.reason if data.termination else "")),
    }


def list_items(source: str, data: DocumentData) -> list[dict[str, Any]]:
    """Rows of a template's `list` block: each a dict of placeholders (`n`, `text`...)."""
    texts: tuple[str, ...] = ()
    if source == "dispute.disputed" and data.dispute:
        texts = data.dispute.disputed
    elif source == "recalc.basis" and data.recalculation:
        texts = data.recalculation.basis
    elif source == "settlement.extra_terms" and data.settlement:
        texts = data.settlement.extra_terms
    elif source in ("settlement.waived", "reduction", "claim.amounts"):
        return _kind_items(_amounts(source, data))
    elif source.startswith("statements."):
        return _statements(source.removeprefix("statements."), data)
    elif source not in ("dispute.disputed", "recalc.basis", "settlement.extra_terms"):
        raise KeyError(f"unknown list source: {source}")
    return [{"n": i, "n_cn": cn_small(i), "text": esc(t)} for i, t in enumerate(texts, 1)]


def _statements(side: str, data: DocumentData) -> list[dict[str, Any]]:
    said = [s for s in data.session.statements if s.side == side] if data.session else []
    return [
        {"n": i, "n_cn": cn_small(i), "topic": esc(s.topic), "text": esc(s.text)}
        for i, s in enumerate(said, 1)
    ]


def _amounts(source: str, data: DocumentData) -> KindAmounts | None:
    if source == "settlement.waived":
        return data.settlement.waived if data.settlement else None
    if source == "reduction":
        return data.recalculation.reductions if data.recalculation else None
    return data.claim.amounts if data.claim else None


def _kind_items(amounts: KindAmounts | None) -> list[dict[str, Any]]:
    if amounts is None:
        return []
    kinds = [k for k in KINDS if amounts.of(k) != 0]
    return [
        {"n": i, "n_cn": cn_small(i), "label": KIND_LABELS[k], "amount": Money(amounts.of(k))}
        for i, k in enumerate(kinds, 1)
    ]
