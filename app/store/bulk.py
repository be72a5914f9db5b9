"""Many cases in one transaction, fast: a batch import's chunk.

The ORM would build and flush an object per row (a case, its two or three parties, loan
terms, claim, payments, an audit event): several milliseconds a case. Here the rows go in
with one `executemany` per table, in the caller's write unit of work, in the same form the
ORM's column types write (integer fen, ISO dates, naive UTC timestamps, JSON text), and
each case gets its `case.created` audit event in the same chain `uow.record` extends.
The search index is filled for the chunk's cases in one statement.

What the ORM would add by itself is added here too: every row gets its `uid` (UUIDv7, the
column default of `uid_column`) and waits in `sync_pending` for the office, one change
number for the chunk (`sync_capture.capture_many`, what a flush records).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from sqlalchemy import select

from app.domain.case_status import CaseStatus
from app.domain.money import to_fen
from app.domain.sync_wire import uuid7_many
from app.store import search, sync_capture, sync_numbers
from app.store.engine import json_dumps
from app.store.models import CaseCounter
from app.store.repositories import CASE_PREFIX, MAX_SEQ, format_case_no

if TYPE_CHECKING:
    from app.store.unit_of_work import UnitOfWork


class PartyRow(NamedTuple):
    role: str
    kind: str
    name: str
    id_type: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""


class LoanRow(NamedTuple):
    """`loan_terms` columns as plain values (amounts `Decimal`, dates `date`)."""

    lender_type: str
    contract_no: str
    contract_date: date
    disbursement_date: date
    principal: Decimal
    disbursed: Decimal
    annual_rate: Decimal
    overdue_rate: Decimal | None
    compound: bool
    repayment_method: str
    term_months: int | None
    maturity: date | None
    accelerated_on: date | None
    day_basis: int
    overdue_since: date | None


ClaimRow = tuple[date, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal]
"""`claim` columns in the order of `CLAIM_COLUMNS`: as_of, then the six amounts."""


@dataclass(slots=True)
class CaseRow:
    """One case as plain values (amounts `Decimal`, dates `date`); built once per row of a
    100,000-row file, so a slotted class rather than a frozen one (cheaper to make)."""

    parties: tuple[PartyRow, ...]
    loan: LoanRow
    claim: ClaimRow | None
    payments: tuple[tuple[date, Decimal], ...] = ()
    court: str = ""
    notes: Mapping[str, Any] | None = None
    audit: Mapping[str, Any] = field(default_factory=dict)


_T = TypeVar("_T")
LOAN_COLUMNS = LoanRow._fields
INTAKE = CaseStatus.INTAKE.value
CLAIM_COLUMNS = ("as_of", "principal", "interest", "penalty", "compound", "fees", "costs")


def stamp(moment: datetime) -> str:
    """A timestamp as `UTCDateTime` stores it."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _loan_values(case_id: int, loan: LoanRow) -> tuple[Any, ...]:
    """A loan as the ORM's column types write it: fen, ISO dates, rates as decimal text."""
    overdue = loan.overdue_rate
    return (
        case_id,
        loan.lender_type,
        loan.contract_no,
        loan.contract_date.isoformat(),
        loan.disbursement_date.isoformat(),
        to_fen(loan.principal),
        to_fen(loan.disbursed),
        str(loan.annual_rate),
        None if overdue is None else str(overdue),
        int(loan.compound),
        loan.repayment_method,
        loan.term_months,
        _iso(loan.maturity),
        _iso(loan.accelerated_on),
        loan.day_basis,
        _iso(loan.overdue_since),
    )


def _claim_values(case_id: int, claim: ClaimRow) -> tuple[Any, ...]:
    as_of, principal, interest, penalty, compound, fees, costs = claim
    return (
        case_id,
        as_of.isoformat(),
        to_fen(principal),
        to_fen(interest),
        to_fen(penalty),
        to_fen(compound),
        to_fen(fees),
        to_fen(costs),
    )


def reserve_case_nos(uow: UnitOfWork, year: int, count: int) -> list[str]:
    """The next `count` case numbers of `year`, taken in this transaction: on a laptop
    enrolled with an office, from the office's blocks (`sync_numbers`), else the store's
    own counter."""
    given = sync_numbers.take_many(uow.session, year, CASE_PREFIX, count)
    if given is not None:
        return given
    counter = uow.session.get(CaseCounter, year)
    if counter is None:
        counter = CaseCounter(year=year, last_seq=0)
        uow.session.add(counter)
    first = counter.last_seq + 1
    if counter.last_seq + count > MAX_SEQ:
        from app.domain.errors import DomainError

        raise DomainError(f"{year} 年的案号不够用了（最多 {MAX_SEQ} 件）。")
    counter.last_seq += count
    uow.session.flush()
    return [format_case_no(year, seq) for seq in range(first, first + count)]


def insert_cases(
    uow: UnitOfWork,
    cases: Sequence[CaseRow],
    *,
    year: int,
    batch_id: int | None,
    batch_name: str,
    action: str = "case.created",
) -> list[tuple[int, str]]:
    """Insert the cases (status 待受理) with everything that hangs off them; (id, case_no)."""
    from app.store.models import Case

    if not cases:
        return []
    numbers = reserve_case_nos(uow, year, len(cases))
    conn = uow.session.connection()
    last = uow.session.scalar(select(Case.id).order_by(Case.id.desc()).limit(1)) or 0
    ids = list(range(last + 1, last + 1 + len(cases)))
    uids = uuid7_many(len(cases))
    now = stamp(uow.now)
    conn.exec_driver_sql(
        'INSERT INTO "case" (id, uid, case_no, status, source_batch, court, mediator_id,'
        " created_at, updated_at, wizard_step, batch_id, withdrawn_at, notes)"
        " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, 0, ?, NULL, ?)",
        [
            (
                i,
                uid,
                no,
                INTAKE,
                batch_name,
                c.court,
                now,
                now,
                batch_id,
                json_dumps(c.notes) if c.notes else None,
            )
            for i, uid, no, c in zip(ids, uids, numbers, cases, strict=True)
        ],
    )
    pending = [("case", uid, uid) for uid in uids]
    _children(conn, list(zip(ids, uids, strict=True)), cases, pending)
    sync_capture.capture_many(conn, pending)
    events = [
        (action, i, {"case_no": no, **c.audit})
        for i, no, c in zip(ids, numbers, cases, strict=True)
    ]
    uow.recorded += uow.audit.append_many(actor=uow.actor, at=uow.now, events=events)
    search.refresh_range(conn, ids[0], ids[-1])
    return list(zip(ids, numbers, strict=True))


def _children(
    conn: Any,
    keys: list[tuple[int, str]],
    cases: Sequence[CaseRow],
    pending: list[tuple[str, str, str]],
) -> None:
    """Parties, loans, claims and payments of the cases (`keys`: each case's id and uid);
    each row's (entity, uid, case uid) is added to `pending`."""
    owned = list(zip(keys, cases, strict=True))
    parties = _with_uids([(i, case_uid, p) for (i, case_uid), c in owned for p in c.parties])
    conn.exec_driver_sql(
        "INSERT INTO party (uid, case_id, role, kind, name, id_type, id_number, phone, address,"
        " legal_representative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
        [
            (uid, i, p.role, p.kind, p.name, p.id_type, p.id_number, p.phone, p.address)
            for uid, (i, _, p) in parties
        ],
    )
    pending += [("party", uid, case_uid) for uid, (_, case_uid, _) in parties]
    columns = ", ".join(LOAN_COLUMNS)
    marks = ", ".join("?" for _ in LOAN_COLUMNS)
    loans = _with_uids([(case_uid, _loan_values(i, c.loan)) for (i, case_uid), c in owned])
    conn.exec_driver_sql(
        f"INSERT INTO loan_terms (uid, case_id, {columns}) VALUES (?, ?, {marks})",
        [(uid, *values) for uid, (_, values) in loans],
    )
    pending += [("loan_terms", uid, case_uid) for uid, (case_uid, _) in loans]
    claims = _with_uids(
        [(case_uid, _claim_values(i, c.claim)) for (i, case_uid), c in owned if c.claim is not None]
    )
    if claims:
        conn.exec_driver_sql(
            f"INSERT INTO claim (uid, case_id, {', '.join(CLAIM_COLUMNS)}) VALUES (?, ?, ?, ?,"
            " ?, ?, ?, ?, ?)",
            [(uid, *values) for uid, (_, values) in claims],
        )
        pending += [("claim", uid, case_uid) for uid, (case_uid, _) in claims]
    payments = _with_uids([
        (case_uid, (i, day.isoformat(), to_fen(amount)))
        for (i, case_uid), c in owned
        for day, amount in c.payments
    ])
    if payments:
        conn.exec_driver_sql(
            "INSERT INTO payment (uid, case_id, date, amount, note) VALUES (?, ?, ?, ?, '')",
            [(uid, *values) for uid, (_, values) in payments],
        )
        pending += [("payment", uid, case_uid) for uid, (case_uid, _) in payments]


def _with_uids(rows: list[_T]) -> list[tuple[str, _T]]:
    """Each row with a new uid (made all at once: `uuid7_many`)."""
    return list(zip(uuid7_many(len(rows)), rows, strict=True))


def existing_contracts(uow: UnitOfWork, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """{(creditor name, contract number): case number} for those of `keys` a live case has.

    Looked up by contract number (its index: `CROSS JOIN` keeps SQLite from walking every
    live case in id order instead), 500 at a time, so the cost follows the file, not the
    store. When several cases match, the first (lowest id) is named.
    """
    numbers = sorted({contract_no for _, contract_no in keys if contract_no})
    found: dict[tuple[str, str], tuple[int, str]] = {}
    conn = uow.session.connection()
    for start in range(0, len(numbers), 500):
        part = numbers[start : start + 500]
        marks = ", ".join("?" for _ in part)
        rows = conn.exec_driver_sql(
            "SELECT p.name, l.contract_no, c.id, c.case_no FROM loan_terms l"
            ' CROSS JOIN "case" c ON c.id = l.case_id'
            " JOIN party p ON p.case_id = c.id AND p.role = 'creditor'"
            f" WHERE l.contract_no IN ({marks}) AND c.withdrawn_at IS NULL",
            tuple(part),
        )
        for name, contract_no, case_id, case_no in rows:
            key = (name, contract_no)
            if key in keys and (key not in found or case_id < found[key][0]):
                found[key] = (case_id, case_no)
    return {key: case_no for key, (_, case_no) in found.items()}
