"""Change capture at flush: every new, changed or deleted synced row waits in sync_pending,
once per row however often it changes; the sync's own apply is not captured."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select

from app.store.models import Payment
from app.store.sync_tables import SyncPending
from tests.store_fixtures import new_case


def _pending(ctx: Any) -> dict[tuple[str, str], tuple[str, int]]:
    with ctx.read() as uow:
        return {(p.entity, p.uid): (p.op, p.local_seq)
                for p in uow.session.scalars(select(SyncPending))}


def test_new_rows_changes_and_deletes_are_pending_once(ctx: Any) -> None:
    from app.services.cases.service import create_case, update_party

    made = create_case(ctx, new_case())
    pending = _pending(ctx)
    assert {e for e, _ in pending} == {"case", "party", "loan_terms"}
    assert len({seq for _, seq in pending.values()}) == 1  # one change number per flush
    with ctx.write() as uow:
        case = uow.cases.require(made.case_no)
        debtor_id, debtor_uid, case_uid = case.debtor.id, case.debtor.uid, case.uid
    for phone in ("13900000001", "13900000002", "13900000003"):
        update_party(ctx, made.case_no, debtor_id, "phone", phone)
    after = _pending(ctx)
    assert len(after) == len(pending)  # coalesced
    assert after[("party", debtor_uid)][1] > pending[("party", debtor_uid)][1]
    with ctx.write() as uow:
        case = uow.cases.require(made.case_no)
        case.payments.append(Payment(date=date(2026, 1, 2), amount=Decimal("5.00")))
        uow.record("test.paid", case=case)
    with ctx.write() as uow:
        case = uow.cases.require(made.case_no)
        (payment,) = case.payments
        uid = payment.uid
        case.payments.remove(payment)  # an orphan removal, not an explicit delete
        uow.record("test.unpaid", case=case)
    final = _pending(ctx)
    assert final[("payment", uid)][0] == "del"
    assert final[("case", case_uid)][0] == "put"


def test_uids_are_made_for_every_synced_row(ctx: Any) -> None:
    from app.services.cases.service import create_case
    from app.services.sync.rows import table

    create_case(ctx, new_case())
    with ctx.read() as uow:
        for name in ("case", "party", "loan_terms"):
            t = table(name)
            assert all(uid for (uid,) in uow.session.execute(select(t.c.uid)))


def test_bulk_orm_updates_and_deletes_are_pending(ctx: Any) -> None:
    """The PIPL erasure scrubs contact persons with one UPDATE and drops a draft's
    attachments with one DELETE: both reach sync_pending like flushed changes."""
    from sqlalchemy import update

    from app.services.cases.service import create_case
    from app.store.contacts import ContactPerson

    made = create_case(ctx, new_case())
    with ctx.write() as uow:
        case = uow.cases.require(made.case_no)
        person = ContactPerson(case_id=case.id, name="王五", phone="13900000009",
                               created_at=uow.now)
        uow.session.add(person)
        uow.session.flush()
        uid, case_uid, case_id = person.uid, case.uid, case.id
        uow.record("test.contact_added", case=case)
    with ctx.write() as uow:
        uow.session.execute(delete(SyncPending))
        uow.record("test.cleared")
    with ctx.write() as uow:
        uow.session.execute(update(ContactPerson).where(ContactPerson.case_id == case_id)
                            .values(name="（已删除）"))
        uow.record("test.scrubbed")
    assert _pending(ctx)[("contact_person", uid)][0] == "put"
    with ctx.write() as uow:
        uow.session.execute(delete(ContactPerson).where(ContactPerson.uid == uid))
        uow.record("test.dropped")
    assert _pending(ctx)[("contact_person", uid)][0] == "del"
    with ctx.read() as uow:
        assert uow.session.scalar(select(SyncPending.case_uid).where(
            SyncPending.uid == uid)) == case_uid


def test_a_batch_import_gives_every_row_a_uid_and_leaves_it_pending(
    ctx: Any, tmp_path: Path
) -> None:
    """The bulk writer goes around the ORM (no flush, no column default): it makes the uids
    itself and records its rows in sync_pending, so an imported batch reaches the office."""
    from app.services.intake.service import IntakeOptions, import_file
    from app.services.sync.rows import table
    from app.store.models import Batch
    from tests.intake_fixtures import row, write_xlsx

    with ctx.write() as uow:  # what the template store already waits to send
        uow.session.execute(delete(SyncPending))
        uow.record("test.cleared")
    path = write_xlsx(tmp_path / "b.xlsx", [row(1), row(2, 担保人姓名="担保人甲")],
                      payments=[("HT-001", date(2024, 1, 5), 1000)])
    assert import_file(ctx, path, IntakeOptions(batch="滨江2026-03")).imported == 2
    wrote: dict[tuple[str, str], str] = {}
    with ctx.read() as uow:
        cases = table("case")
        case_uids = dict(uow.session.execute(select(cases.c.id, cases.c.uid)).tuples().all())
        for name in ("case", "party", "loan_terms", "claim", "payment"):
            t = table(name)
            owner = t.c.id if name == "case" else t.c.case_id
            for uid, case_id in uow.session.execute(select(t.c.uid, owner)):
                assert UUID(uid).version == 7, name
                wrote[(name, uid)] = case_uids[case_id]
        batch_uid = uow.session.scalar(select(Batch.uid))
    assert batch_uid and UUID(batch_uid).version == 7
    assert len([k for k in wrote if k[0] == "case"]) == 2
    assert len([k for k in wrote if k[0] == "payment"]) == 1
    pending = _pending(ctx)
    assert set(pending) == set(wrote)
    assert {op for op, _ in pending.values()} == {"put"}
    with ctx.read() as uow:
        owners = {(p.entity, p.uid): p.case_uid for p in uow.session.scalars(select(SyncPending))}
    assert owners == wrote


def test_withdrawing_a_batch_leaves_tombstones_and_the_changed_cases_pending(
    ctx: Any, tmp_path: Path
) -> None:
    """Withdrawal deletes the cases' parties, loans, claims and payments with plain SQL:
    the office hears of it like any flushed delete."""
    from app.services.intake.batches import withdraw_batch
    from app.services.intake.service import IntakeOptions, import_file
    from tests.intake_fixtures import row, write_xlsx

    path = write_xlsx(tmp_path / "w.xlsx", [row(1), row(2)],
                      payments=[("HT-002", date(2024, 2, 1), 500)])
    assert import_file(ctx, path, IntakeOptions(batch="撤回批")).imported == 2
    before = _pending(ctx)
    with ctx.write() as uow:
        uow.session.execute(delete(SyncPending))
        uow.record("test.cleared")
    withdraw_batch(ctx, "撤回批", reason="债权人撤回")
    after = _pending(ctx)
    assert set(after) == set(before)
    assert {k[0] for k, (op, _) in after.items() if op == "del"} == {
        "party", "loan_terms", "claim", "payment"}
    assert {k[0] for k, (op, _) in after.items() if op == "put"} == {"case"}
