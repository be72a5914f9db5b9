"""PIPL erasure across the office and the field: an erasure made on either side erases the
personal data on the other, and nothing brings it back afterwards.

The case is the personal-data suite's fully worked one (contacts, a notice, a session with
attendees, a signed agreement, a draft, a fulfilled plan), on a laptop seeded with the demo
and adopted by the office at enrolment."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.services.organisation.accounts import key_holder
from app.services.personal_data import erasure
from app.services.personal_data.traces import find_traces
from app.store.contacts import CaseErasure
from app.store.models import Case
from tests.integration.test_personal_data import fulfilled_case
from tests.session_fixtures import SESSION_START
from tests.store_fixtures import FixedClock
from tests.sync.harness import Laptop, Office

BOSS = key_holder("gui:王主任")


@pytest.fixture
def worked(office: Office, laptops: Any) -> tuple[Laptop, str, dict[str, str]]:
    from app.services.demo.service import seed_demo

    a = laptops("A", clock=FixedClock(SESSION_START))
    seed_demo(a.ctx)
    case_no, values = fulfilled_case(a.ctx, a.clock)
    a.join("张调解员")
    assert a.sync().exit_code == 0
    assert _office_hits(office, case_no, values) != []  # the office has the person now
    return a, case_no, values


def _office_hits(office: Office, case_no: str, values: dict[str, str]) -> list[str]:
    """Where the office still holds one of the values for this case (rows, audit stream,
    conflicts), and blobs of it no live row needs."""
    with office.conn() as conn:
        uid = conn.execute("SELECT uid FROM case_record WHERE case_no = %s",
                           (case_no,)).fetchone()["uid"]
        texts = [("case_row", r["t"]) for r in conn.execute(
            "SELECT body::text AS t FROM case_row WHERE case_uid = %s", (uid,))]
        texts += [("audit_stream", r["t"]) for r in conn.execute(
            "SELECT detail::text AS t FROM audit_stream WHERE case_uid = %s", (uid,))]
        texts += [("sync_conflict", r["t"]) for r in conn.execute(
            "SELECT concat(device_value::text, server_value::text, detail::text) AS t"
            " FROM sync_conflict WHERE case_uid = %s", (uid,))]
    return sorted({f"{where}:{k}" for where, text in texts for k, v in values.items()
                   if v in text})


def _laptop_traces(laptop: Laptop, case_no: str, values: dict[str, str]) -> list[str]:
    with laptop.ctx.read() as uow:
        case_id = uow.session.scalar(select(Case.id).where(Case.case_no == case_no))
        traces = find_traces(uow.session, list(values.values()), case_id=case_id)
    return sorted({f"{t.table}.{t.column}" for t in traces if not t.retained})


def _erasure_uid(laptop: Laptop, case_no: str) -> str | None:
    with laptop.ctx.read() as uow:
        return uow.session.scalar(select(CaseErasure.uid).join(
            Case, Case.id == CaseErasure.case_id).where(Case.case_no == case_no))


def test_an_erasure_on_the_laptop_erases_the_office_copy_for_good(
    office: Office, worked: tuple[Laptop, str, dict[str, str]]
) -> None:
    a, case_no, values = worked
    erasure.erase_case(a.ctx, case_no, reason="request", by=BOSS)
    assert a.sync().exit_code == 0
    assert _office_hits(office, case_no, values) == []
    assert [c for c in office.conflicts() if c["case_no"] == case_no] == []
    with office.conn() as conn:
        record = conn.execute("SELECT erasure_uid FROM case_record WHERE case_no = %s",
                              (case_no,)).fetchone()
    assert str(record["erasure_uid"]) == _erasure_uid(a, case_no)
    # the next rounds pull the case back as the office has it: nothing comes back
    assert a.sync().exit_code == 0 and a.sync().exit_code == 0
    assert _laptop_traces(a, case_no, values) == []
    assert a.audit_ok() == [] and a.pending() == 0


def test_an_old_copy_cannot_bring_the_erased_data_back(
    office: Office, worked: tuple[Laptop, str, dict[str, str]]
) -> None:
    """A group for the erased case from a laptop that has not erased it (an old bundle, a
    laptop restored from a backup) is refused and recorded without its values."""
    from server import ingest

    a, case_no, values = worked
    with a.ctx.read() as uow:
        debtor = next(p for p in uow.cases.require(case_no).parties if p.role == "debtor")
        case_uid, party_uid = uow.cases.require(case_no).uid, debtor.uid
    erasure.erase_case(a.ctx, case_no, reason="request", by=BOSS)
    assert a.sync().exit_code == 0
    stale = {"case_uid": case_uid, "case_no": case_no, "epoch": 99, "rows": [
        {"e": "party", "uid": party_uid, "op": "put", "seq": 10**6,
         "body": {"name": values["name"], "id_number": values["id"], "role": "debtor"}}]}
    with office.conn() as conn, conn.transaction():
        device = conn.execute("SELECT d.id, d.mediator_id, d.incarnation, m.name FROM device d"
                              " JOIN mediator m ON m.id = d.mediator_id").fetchone()
        who = ingest.Device(device["id"], device["mediator_id"], device["name"], None)
        results, _ = ingest.apply_groups(conn, who, [stale])
    assert results[0]["conflicts"] == ["after_erasure"]
    assert _office_hits(office, case_no, values) == []


def test_an_erasure_at_the_office_erases_the_holders_copy(
    office: Office, worked: tuple[Laptop, str, dict[str, str]]
) -> None:
    from server.erasure import erase_at_office

    a, case_no, values = worked
    with office.conn() as conn:
        done = erase_at_office(conn, case_no, reason="retention", by="王主任")
    assert _office_hits(office, case_no, values) == []
    assert a.sync().exit_code == 0
    assert _laptop_traces(a, case_no, values) == []
    assert _erasure_uid(a, case_no) == str(done.record["uid"])
    assert a.audit_ok() == []
    second = a.sync()
    assert second.exit_code == 0 and a.pending() == 0
    assert _office_hits(office, case_no, values) == []
    assert [c["kind"] for c in office.conflicts() if c["case_no"] == case_no] == []
