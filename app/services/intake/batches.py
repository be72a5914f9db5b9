"""Batches as a person works with them: list, show, withdraw, assign to mediators.

- `withdraw_batch`: only a batch nobody has worked on: every live case still 待受理 at
  wizard step 0, with no session, settlement, document or recalculation, and no audit
  event but its creation and assignment. Its cases keep their numbers (the audit log
  names them) but lose their parties, loan, claim and payments, and leave every list.
- `assign_batch`: the batch's cases without a mediator are shared among the named
  mediators, evenly (in case-number order, round robin) or by region: cases of one region
  (the first four digits of the debtor's ID number, i.e. the city; the address's first
  three characters when there is no ID) stay with one mediator, and regions are dealt out
  largest first to whoever has the fewest cases so far.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import DomainError
from app.domain.vocab import BATCH_STATUSES

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Batch
    from app.store.unit_of_work import UnitOfWork

UNTOUCHED_ACTIONS = ("case.created", "case.assigned", "party.revealed", "export.unmasked")
WORK_TABLES = ("session", "settlement", "document", "recalc_snapshot", "plan_payment")
WITHDRAWN_TABLES = ("party", "loan_terms", "claim", "payment", "charge")


@dataclass(frozen=True)
class BatchInfo:
    id: int
    name: str
    creditor: str
    lender_type: str
    court: str
    received_on: date
    file_name: str
    file_sha256: str
    sheet: str
    rows: int
    valid: int
    imported: int
    bad: int
    duplicates: int
    status: str
    status_label: str
    created_at: datetime
    created_by: str
    withdrawn_at: datetime | None
    cases: int
    """Live cases of the batch now."""
    assigned: int
    """Of which assigned to a mediator."""


def _info(uow: UnitOfWork, batch: Batch) -> BatchInfo:
    conn = uow.session.connection()
    live, assigned = conn.exec_driver_sql(
        'SELECT count(*), count(mediator_id) FROM "case"'
        " WHERE batch_id = ? AND withdrawn_at IS NULL",
        (batch.id,),
    ).one()
    return BatchInfo(
        batch.id, batch.name, batch.creditor, batch.lender_type, batch.court, batch.received_on,
        batch.file_name, batch.file_sha256, batch.sheet, batch.rows, batch.valid,
        batch.imported, batch.bad, batch.duplicates, batch.status,
        BATCH_STATUSES.get(batch.status, batch.status), batch.created_at, batch.created_by,
        batch.withdrawn_at, int(live), int(assigned),
    )  # fmt: skip


def _require(uow: UnitOfWork, ref: int | str) -> Batch:
    from sqlalchemy import select

    from app.store.models import Batch

    text = str(ref).strip()
    found = uow.session.get(Batch, int(text)) if text.isdigit() else None
    if found is None:
        stmt = select(Batch).where(Batch.name == text).order_by(Batch.id.desc())
        found = uow.session.scalars(stmt).first()
    if found is None:
        raise DomainError(f"没有编号或名称为“{text}”的批次：请用 batch list 查看现有批次。")
    return found


def list_batches(ctx: AppContext) -> list[BatchInfo]:
    """Every batch, newest first."""
    from sqlalchemy import select

    from app.store.models import Batch

    with ctx.read() as uow:
        rows = uow.session.scalars(select(Batch).order_by(Batch.id.desc()))
        return [_info(uow, b) for b in rows]


def get_batch(ctx: AppContext, ref: int | str) -> BatchInfo:
    with ctx.read() as uow:
        return _info(uow, _require(uow, ref))


def batch_case_ids(uow: UnitOfWork, batch_id: int) -> list[int]:
    rows = uow.session.connection().exec_driver_sql(
        'SELECT id FROM "case" WHERE batch_id = ? AND withdrawn_at IS NULL ORDER BY id',
        (batch_id,),
    )
    return [int(r[0]) for r in rows]


def _worked_on(uow: UnitOfWork, batch_id: int) -> list[str]:
    """Case numbers of the batch someone has started work on (at most ten)."""
    conn = uow.session.connection()
    work = " OR ".join(f"EXISTS (SELECT 1 FROM {t} WHERE {t}.case_id = c.id)" for t in WORK_TABLES)
    allowed = ", ".join(f"'{a}'" for a in UNTOUCHED_ACTIONS)
    rows = conn.exec_driver_sql(
        'SELECT c.case_no FROM "case" c WHERE c.batch_id = ? AND c.withdrawn_at IS NULL AND ('
        f"c.status <> 'intake' OR c.wizard_step > 0 OR {work} OR EXISTS (SELECT 1 FROM"
        f" audit_event e WHERE e.case_id = c.id AND e.action NOT IN ({allowed}))) LIMIT 10",
        (batch_id,),
    )
    return [str(r[0]) for r in rows]


def withdraw_batch(ctx: AppContext, ref: int | str, reason: str = "") -> BatchInfo:
    """Withdraw a batch nobody has worked on (see the module docstring); DomainError if not."""
    from app.store import search

    with ctx.write() as uow:
        batch = _require(uow, ref)
        if batch.status == "withdrawn":
            raise DomainError(f"批次“{batch.name}”已经撤回过了。")
        worked = _worked_on(uow, batch.id)
        if worked:
            raise DomainError(
                f"批次“{batch.name}”中已有案件开始办理（如 {'、'.join(worked)}），不能整批撤回："
                "请逐件处理，或先终结这些案件。"
            )
        ids = batch_case_ids(uow, batch.id)
        conn = uow.session.connection()
        marks = stamp_of(uow.now)
        for start in range(0, len(ids), 500):
            part = ",".join(str(i) for i in ids[start : start + 500])
            _capture_withdrawal(conn, part)
            for table in WITHDRAWN_TABLES:
                conn.exec_driver_sql(f"DELETE FROM {table} WHERE case_id IN ({part})")
            conn.exec_driver_sql(
                f'UPDATE "case" SET withdrawn_at = ?, updated_at = ? WHERE id IN ({part})',
                (marks, marks),
            )
        search.refresh(conn, ids)
        batch.status, batch.withdrawn_at = "withdrawn", uow.now
        events = [("case.withdrawn", i, {"batch_id": batch.id}) for i in ids]
        uow.recorded += uow.audit.append_many(actor=uow.actor, at=uow.now, events=events)
        detail = {"batch_id": batch.id, "name": batch.name, "cases": len(ids), "reason": reason}
        uow.record("batch.withdrawn", detail=detail)
        uow.session.flush()
        return _info(uow, batch)


def _capture_withdrawal(conn: Any, part: str) -> None:
    """The rows a withdrawal deletes (and its cases, changed) wait for the office, as the
    flush would leave them: the statements go around the ORM."""
    from app.store.sync_capture import capture_many

    gone = []
    for table in WITHDRAWN_TABLES:
        gone += conn.exec_driver_sql(
            f"SELECT '{table}', t.uid, c.uid FROM {table} t JOIN \"case\" c ON c.id = t.case_id"
            f" WHERE t.case_id IN ({part}) AND t.uid IS NOT NULL AND c.uid IS NOT NULL"
        ).all()
    capture_many(conn, [tuple(r) for r in gone], op="del")
    cases = conn.exec_driver_sql(
        f'SELECT uid FROM "case" WHERE id IN ({part}) AND uid IS NOT NULL'
    ).all()
    capture_many(conn, [("case", uid, uid) for (uid,) in cases])


def stamp_of(moment: datetime) -> str:
    from app.store.bulk import stamp

    return stamp(moment)


def _region(id_number: str, address: str) -> str:
    if len(id_number) == 18 and id_number[:4].isdigit():
        return id_number[:4]
    return address.strip()[:3] or "（未知）"


def plan_assignment(
    cases: list[tuple[int, str, str]], mediators: list[str], by_region: bool
) -> dict[int, str]:
    """{case id: mediator} for cases (id, debtor ID number, address)."""
    if not by_region:
        return {case_id: mediators[i % len(mediators)] for i, (case_id, _, _) in enumerate(cases)}
    regions: dict[str, list[int]] = {}
    for case_id, number, address in cases:
        regions.setdefault(_region(number, address), []).append(case_id)
    load = Counter({m: 0 for m in mediators})
    out: dict[int, str] = {}
    for _, ids in sorted(regions.items(), key=lambda item: (-len(item[1]), item[0])):
        who = min(mediators, key=lambda m: (load[m], mediators.index(m)))
        load[who] += len(ids)
        out.update(dict.fromkeys(ids, who))
    return out


def assign_batch(
    ctx: AppContext, ref: int | str, mediators: list[str], *, by_region: bool = False
) -> dict[str, int]:
    """Share the batch's unassigned cases among `mediators`; how many each received."""
    if not mediators:
        raise DomainError("请至少指定一名调解员。")
    with ctx.write() as uow:
        batch = _require(uow, ref)
        if batch.status == "withdrawn":
            raise DomainError(f"批次“{batch.name}”已撤回，不能再分配。")
        people = {}
        for name in mediators:
            found = uow.organisation.mediator_named(name)
            if found is None:
                names = "、".join(m.name for m in uow.organisation.mediators()) or "（还没有）"
                raise DomainError(f"没有名为“{name}”的调解员。现有调解员：{names}。")
            people[name] = found.id
        conn = uow.session.connection()
        cases = [
            (int(r[0]), str(r[1] or ""), str(r[2] or ""))
            for r in conn.exec_driver_sql(
                'SELECT c.id, p.id_number, p.address FROM "case" c LEFT JOIN party p ON'
                " p.case_id = c.id AND p.role = 'debtor' WHERE c.batch_id = ? AND"
                " c.withdrawn_at IS NULL AND c.mediator_id IS NULL GROUP BY c.id ORDER BY c.id",
                (batch.id,),
            )
        ]
        chosen = plan_assignment(cases, mediators, by_region)
        now = stamp_of(uow.now)
        conn.exec_driver_sql(
            'UPDATE "case" SET mediator_id = ?, updated_at = ? WHERE id = ?',
            [(people[who], now, case_id) for case_id, who in chosen.items()],
        )
        events = [("case.assigned", i, {"mediator": who, "batch_id": batch.id})
                  for i, who in chosen.items()]  # fmt: skip
        uow.recorded += uow.audit.append_many(actor=uow.actor, at=uow.now, events=events)
        counts = dict(Counter(chosen.values()))
        detail = {"batch_id": batch.id, "by": "region" if by_region else "even", "counts": counts}
        uow.record("batch.assigned", detail=detail)
        return {m: counts.get(m, 0) for m in mediators}
