"""Change capture at flush: every new, changed or deleted synced row waits in sync_pending,
once per row however often it changes; the sync's own apply is not captured."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

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
    from sqlalchemy import delete, update

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
