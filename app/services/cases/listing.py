"""The case list at 100,000 cases: a count and one page at a time, never every case.

    found = case_page(ctx, CaseFilter(query="王", status="intake"), offset=0, limit=100)
    found.total, found.rows      # how many match, and the first 100 as `CaseSummary`

Filters: status, mediator (name, or `NO_MEDIATOR`), batch, lender type, days overdue (from
`loan_terms.overdue_since` to today, falling back to the acceleration or maturity date),
and a search over names, ID and phone numbers, case and contract numbers through the
FTS5 trigram index (`app.store.search`). Sorting is done by the database on the column
shown. Withdrawn cases never appear. Rows are plain `CaseSummary` (unmasked: the list
model masks personal numbers when it shows them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.case_status import label
from app.domain.money import from_fen
from app.services.cases.service import CaseSummary

if TYPE_CHECKING:
    from app.services.context import AppContext

NO_MEDIATOR = "__none__"
CACHE_KB = 65_536
COUNT_CAP = 10_000
"""A filtered list counts up to this many (the status bar then says "10000+")."""
SORTS = {
    "case_no": "c.case_no",
    "debtor": "d.name",
    "creditor": "k.name",
    "lender_type": "l.lender_type",
    "principal": "l.principal",
    "claimed": "claimed_total",
    "status": "c.status",
    "mediator": "m.name",
    "updated": "c.updated_at",
    "id_number": "d.id_number",
    "phone": "d.phone",
}
CLAIMED = (
    "(SELECT principal + interest + penalty + compound + fees + costs FROM claim"
    " WHERE claim.case_id = c.id ORDER BY as_of DESC, id DESC LIMIT 1)"
)
OVERDUE = "COALESCE(l.overdue_since, l.accelerated_on, l.maturity)"


@dataclass(frozen=True)
class CaseFilter:
    query: str = ""
    status: str = ""
    mediator: str = ""
    batch_id: int | None = None
    lender_type: str = ""
    overdue_min: int | None = None
    """At least this many days overdue."""
    overdue_max: int | None = None
    """At most this many days overdue."""


@dataclass(frozen=True)
class CasePage:
    total: int
    offset: int
    rows: list[CaseSummary]


def _where(flt: CaseFilter, today: date, withdrawn: bool) -> tuple[str, dict[str, Any]]:
    """The WHERE clause; `withdrawn`: some cases are withdrawn (else that test is skipped,
    which lets counts use an index instead of reading every row)."""
    from app.store import search

    parts = ["c.withdrawn_at IS NULL"] if withdrawn else ["1"]
    params: dict[str, Any] = {}
    if flt.status:
        parts.append("c.status = :status")
        params["status"] = flt.status
    if flt.mediator == NO_MEDIATOR:
        parts.append("c.mediator_id IS NULL")
    elif flt.mediator:
        parts.append("c.mediator_id IN (SELECT id FROM mediator WHERE name = :mediator)")
        params["mediator"] = flt.mediator
    if flt.batch_id is not None:
        parts.append("c.batch_id = :batch")
        params["batch"] = flt.batch_id
    if flt.lender_type:
        parts.append("l.lender_type = :lender")
        params["lender"] = flt.lender_type
    if flt.overdue_min is not None:
        parts.append(f"{OVERDUE} <= :since_max")
        params["since_max"] = (today - timedelta(days=flt.overdue_min)).isoformat()
    if flt.overdue_max is not None:
        parts.append(f"{OVERDUE} >= :since_min")
        params["since_min"] = (today - timedelta(days=flt.overdue_max)).isoformat()
    found = search.matching_ids(flt.query)
    if found is not None:
        clause, words = found
        if "case_search_content" in clause.text:  # short words: common, checked row by row
            sql = clause.text.replace("WHERE", "WHERE case_search_content.id = c.id AND", 1)
            parts.append(f"EXISTS ({sql})")
        else:
            parts.append(f"c.id IN ({clause.text})")
        params.update(words)
    return " AND ".join(parts), params


FROM = (
    'FROM "case" c LEFT JOIN loan_terms l ON l.case_id = c.id'
    " LEFT JOIN party d ON d.id = (SELECT id FROM party WHERE case_id = c.id AND role = 'debtor'"
    " ORDER BY id LIMIT 1)"
    " LEFT JOIN party k ON k.case_id = c.id AND k.role = 'creditor'"
    " LEFT JOIN mediator m ON m.id = c.mediator_id"
)
COUNT_FROM = 'FROM "case" c LEFT JOIN loan_terms l ON l.case_id = c.id'
CASES = 'FROM "case" c'
ANY_WITHDRAWN = 'SELECT 1 FROM "case" WHERE withdrawn_at IS NOT NULL LIMIT 1'
COLUMNS = (
    "c.id, c.case_no, c.status, k.name, d.name, d.id_number, d.phone, l.lender_type,"
    f" l.principal, {CLAIMED} AS claimed_total, m.name, c.source_batch, c.updated_at,"
    " c.created_at, c.wizard_step, c.court"
)


NEEDS = {
    "debtor": " LEFT JOIN party d ON d.case_id = c.id AND d.role = 'debtor'",
    "id_number": " LEFT JOIN party d ON d.case_id = c.id AND d.role = 'debtor'",
    "phone": " LEFT JOIN party d ON d.case_id = c.id AND d.role = 'debtor'",
    "creditor": " LEFT JOIN party k ON k.case_id = c.id AND k.role = 'creditor'",
    "mediator": " LEFT JOIN mediator m ON m.id = c.mediator_id",
}


def case_page(
    ctx: AppContext,
    flt: CaseFilter,
    offset: int = 0,
    limit: int = 100,
    sort: str = "updated",
    descending: bool = True,
) -> CasePage:
    """How many cases match `flt`, and `limit` of them from `offset` in the chosen order.

    Three short queries: the count; the page's case ids in order (only what the order
    needs is joined); then those cases' columns.
    """
    from sqlalchemy import text

    loans = flt.lender_type or flt.overdue_min is not None or flt.overdue_max is not None
    from_cases = COUNT_FROM if loans else CASES
    ids_from = COUNT_FROM if loans or sort in ("lender_type", "principal") else CASES
    order = "claimed_total" if sort == "claimed" else SORTS.get(sort, "c.updated_at")
    way = "DESC" if descending else "ASC"
    joins = NEEDS.get(sort, "") + (f", {CLAIMED} AS claimed_total" if sort == "claimed" else "")
    select_ids = (
        f"SELECT c.id{joins if sort == 'claimed' else ''} {{from_cases}}"
        f"{'' if sort == 'claimed' else joins} WHERE {{where}}"
        f" ORDER BY {order} {way}, c.id {way} LIMIT :limit OFFSET :offset"
    )
    with ctx.read() as uow:
        session = uow.session
        # keep the list's pages decrypted in memory between keystrokes (64 MB at most)
        session.connection().exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KB}")
        withdrawn = session.execute(text(ANY_WITHDRAWN)).first() is not None
        where, params = _where(flt, ctx.today(), withdrawn)
        select_ids = select_ids.format(from_cases=ids_from, where=where)
        count = text(
            f"SELECT count(*) FROM (SELECT 1 {from_cases} WHERE {where} LIMIT {COUNT_CAP + 1})"
            if where != "1"
            else f"SELECT count(*) {from_cases}"
        )
        total = int(session.execute(count, params).scalar_one())
        paged = {**params, "limit": limit, "offset": offset}
        ids = [int(r[0]) for r in session.execute(text(select_ids), paged)]
        rows = _rows(session, ids)
    return CasePage(total, offset, rows)


def _rows(session: Any, ids: list[int]) -> list[CaseSummary]:
    from sqlalchemy import text

    if not ids:
        return []
    marks = ",".join(str(i) for i in ids)
    found = {
        r[0]: _summary(r)
        for r in session.execute(text(f"SELECT {COLUMNS} {FROM} WHERE c.id IN ({marks})"))
    }
    return [found[i] for i in ids if i in found]


def _time(value: Any) -> datetime:
    from datetime import UTC

    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC)


def _summary(r: Any) -> CaseSummary:
    return CaseSummary(
        id=r[0],
        case_no=r[1],
        status=r[2],
        status_label=label(r[2]),
        creditor_name=r[3] or "",
        debtor_name=r[4] or "",
        debtor_id_number=r[5] or "",
        debtor_phone=r[6] or "",
        lender_type=r[7] or "",
        principal=from_fen(r[8]) if r[8] is not None else Decimal("0.00"),
        claimed_total=from_fen(r[9]) if r[9] is not None else Decimal("0.00"),
        mediator_name=r[10] or "",
        batch=r[11] or "",
        updated_at=_time(r[12]),
        created_at=_time(r[13]) if r[13] else None,
        wizard_step=r[14] or 0,
        court=r[15] or "",
    )


@dataclass(frozen=True)
class FilterChoices:
    """What the list's filters offer: mediators and batches by name."""

    mediators: list[str]
    batches: list[tuple[int, str]]


def filter_choices(ctx: AppContext) -> FilterChoices:
    with ctx.read() as uow:
        conn = uow.session.connection()
        mediators = [
            str(r[0]) for r in conn.exec_driver_sql("SELECT name FROM mediator ORDER BY id")
        ]
        batches = [
            (int(r[0]), str(r[1]))
            for r in conn.exec_driver_sql(
                "SELECT id, name FROM batch WHERE status <> 'withdrawn' ORDER BY id DESC"
            )
        ]
    return FilterChoices(mediators, batches)
