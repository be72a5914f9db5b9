"""The study's scenarios (sync.md §6.3) against a real PostgreSQL, laptops in-process."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.services.sync.client import Session as OfficeSession
from tests.store_fixtures import FixedClock
from tests.sync.harness import Laptop, Office, add_document, add_snapshot


def _holder_and_case(office: Office, laptops: Any, **kwargs: Any) -> tuple[Laptop, str]:
    (number,) = office.intake("B1", 1)
    office.assign("B1", "张调解员")
    a = laptops("A", **kwargs)
    a.join("张调解员")
    a.sync()
    return a, number


def test_reassignment_while_the_holder_is_offline_keeps_facts_and_records_edits(
    office: Office, laptops: Any
) -> None:
    """#7/#8: A (offline) records a payment and edits the court; the office gives the case
    to B, who edits the court too. The payment is kept as a late fact, both court values
    are kept in a conflict record, B's value stands (no automatic pick from A)."""
    a, number = _holder_and_case(office, laptops, clock=FixedClock(datetime.now(UTC)
                                                                    + timedelta(hours=3)))
    a.add_payment(number, date(2026, 3, 5), "2000.00", "现金")
    a.set_court(number, "A法院")
    office.reassign(number, "李调解员")
    b = laptops("B", clock=FixedClock(datetime.now(UTC) - timedelta(days=2)))
    b.join("李调解员")
    assert b.sync().pulled == 1
    b.set_court(number, "B法院")
    assert b.sync().exit_code == 0
    result = a.sync()
    assert result.exit_code == 1 and result.revoked == 1
    kinds = sorted((c["kind"], c["entity"]) for c in office.conflicts())
    assert kinds == [("late_fact", "payment"), ("stale_edit", "case")]
    stale = next(c for c in office.conflicts() if c["kind"] == "stale_edit")
    assert stale["device_value"]["court"] == "A法院"
    assert stale["server_value"]["court"] == "B法院"
    assert office.rows(number)["case"][0]["court"] == "B法院"
    assert b.sync().exit_code == 0
    detail = b.detail(number)
    assert detail.summary.court == "B法院"
    assert [(p.date, str(p.amount)) for p in detail.payments] == [(date(2026, 3, 5), "2000.00")]
    assert "returned" in a.notes()
    assert a.detail(number).summary.court == "A法院"  # A's copy is kept as it was


def test_clock_skew_is_recorded_and_warned_never_refused(office: Office, laptops: Any) -> None:
    """#10: laptops at +3 h and −2 days sync normally; the skew is recorded and warned."""
    a, _ = _holder_and_case(office, laptops,
                            clock=FixedClock(datetime.now(UTC) + timedelta(hours=3)))
    b = laptops("B", clock=FixedClock(datetime.now(UTC) - timedelta(days=2)))
    b.join("李调解员")
    walk_in = b.create_case(batch="")
    result_a, result_b = a.sync(), b.sync()
    assert result_a.exit_code == result_b.exit_code == 0
    assert result_a.skew_seconds == pytest.approx(3 * 3600, abs=120)
    assert result_b.skew_seconds == pytest.approx(-2 * 86400, abs=120)
    assert "小时" in result_a.skew_warning and "小时" in result_b.skew_warning
    assert office.cases()[walk_in]["holder"] == "李调解员"
    with office.conn() as conn:
        skews = sorted(r["skew_seconds"] for r in conn.execute("SELECT skew_seconds FROM device"))
    assert skews[0] < -170000 and skews[1] > 10000


def test_a_laptop_offline_for_weeks_catches_up_in_one_sync(office: Office,
                                                           laptops: Any) -> None:
    a, number = _holder_and_case(office, laptops)
    for day in range(1, 43):  # six weeks of work offline
        a.clock.advance(days=1)
        a.add_payment(number, date(2026, 3, 2) + timedelta(days=day), f"{day}.00")
        if day % 7 == 0:
            a.create_case(batch="")
    office.intake("B2", 120)
    office.assign("B2", "张调解员")
    result = a.sync()
    assert result.exit_code == 0 and result.pulled == 120 and result.pushed == 7
    assert len(office.rows(number)["payment"]) == 42
    assert len(a.case_nos()) == 1 + 6 + 120
    assert a.pending() == 0


def test_the_number_blocks_and_device_coded_numbers_never_collide(
    office: Office, laptops: Any
) -> None:
    """#18: numbers from the office's blocks; offline past the block, device-coded ones."""
    a, number = _holder_and_case(office, laptops)
    b = laptops("B")
    b.join("李调解员")
    b.sync()
    made = [a.create_case(batch=""), b.create_case(batch="")]
    assert all(n.startswith("TJ-2026-") and len(n) == 14 for n in made)
    with a.ctx.write() as uow:
        from app.store.sync_tables import SyncNumberBlock

        for block in uow.session.query(SyncNumberBlock):
            block.next_seq = block.last_seq + 1
    offline = a.create_case(batch="")
    assert offline == "TJ-2026-D001-0001"
    a.sync()
    b.sync()
    numbers = list(office.cases())
    assert len(numbers) == len(set(numbers)) == 4 and offline in numbers
    assert number not in made


def test_an_immutable_row_sent_again_with_other_content_is_an_integrity_alarm(
    office: Office, laptops: Any
) -> None:
    """#9: the stored snapshot stays; the changed copy is recorded for a person."""
    a, number = _holder_and_case(office, laptops)
    uid = add_snapshot(a, number)
    a.sync()
    original = office.rows(number)["recalc_snapshot"][0]
    from app.services.sync import state

    with a.ctx.read() as uow:
        me = state.enrolment(uow.session)
    changed = {**original, "output_json": {"total": "1.00"}}
    body = {"batch_id": "0190d5c6-0000-7000-8000-000000000001", "protocol": "1.1",
            "incarnation": me.incarnation, "audit": [],
            "groups": [{"case_uid": original["case_id"], "case_no": number, "epoch": 1,
                        "rows": [{"e": "recalc_snapshot", "uid": uid, "op": "put", "seq": 10**6,
                                  "body": changed}]}]}
    with OfficeSession(me) as session:
        session.login()
        answer = session.post("/v1/push", body)
    assert answer["conflicts"] == 1
    assert office.rows(number)["recalc_snapshot"] == [original]
    assert [c["kind"] for c in office.conflicts()] == ["integrity"]


def test_blobs_resume_after_a_cut_both_ways(office: Office, laptops: Any) -> None:
    """#16: a 2.5 MB document; the upload is cut after its first chunk, the download of the
    new holder too; both resume from where they stopped and the bytes hash right."""
    from app.services.sync.client import Unreachable

    a, number = _holder_and_case(office, laptops)
    content = bytes(range(256)) * 10_000  # 2.56 MB: three chunks
    add_document(a, number, content)
    puts = []

    def cut_second_put(request: Any, n: int) -> str | None:
        if request.method == "PUT":
            puts.append(request.headers["content-range"])
            return "before" if len(puts) == 2 else None
        return None

    office.faults = cut_second_put
    with pytest.raises(Unreachable):
        a.sync()
    office.faults = lambda request, n: (puts.append(request.headers["content-range"]) and None
                                        if request.method == "PUT" else None)
    a.sync()
    assert puts[2].startswith("bytes 1048576-")  # resumed after the first chunk
    office.reassign(number, "李调解员")
    b = laptops("B")
    b.join("李调解员")
    gets = []

    def cut_second_get(request: Any, n: int) -> str | None:
        if request.method == "GET" and "/v1/blobs/" in request.url.path:
            gets.append(request.headers.get("range"))
            return "after" if len(gets) == 2 else None
        return None

    office.faults = cut_second_get
    with pytest.raises(Unreachable):
        b.sync()
    office.faults = cut_second_get
    b.sync()
    assert gets[2] == "bytes=1048576-2097151"
    from app.store.records import Document

    with b.ctx.read() as uow:
        (doc,) = uow.session.query(Document).all()
        assert doc.content == content


def test_the_office_holds_each_laptops_audit_head(office: Office, laptops: Any) -> None:
    """#17: after a sync the office's copy of the chain ends where the laptop's does."""
    a, number = _holder_and_case(office, laptops)
    a.add_payment(number, date(2026, 3, 3), "1.00")
    a.sync()
    with a.ctx.read() as uow:
        last = uow.audit.last()
        assert last is not None
        last_seq = last.seq
    with office.conn() as conn:
        head = conn.execute("SELECT seq, hash FROM audit_head").fetchone()
        count = conn.execute("SELECT count(*) AS n FROM audit_stream").fetchone()["n"]
    # the round's own pull event comes after the push: the office has everything before it
    assert head["seq"] == count and head["seq"] >= last_seq - 1


def test_a_laptop_already_in_use_is_adopted_with_its_printed_numbers(
    office: Office, laptops: Any
) -> None:
    """Legacy stores: two laptops that both numbered TJ-2026-000001 before enrolment."""
    a, b = laptops("A"), laptops("B")
    first_a, first_b = a.create_case(batch=""), b.create_case(batch="")
    assert first_a == first_b == "TJ-2026-000001"
    a.join("张调解员")
    b.join("李调解员")
    assert a.sync().exit_code == 0 and b.sync().exit_code == 0
    with office.conn() as conn:
        rows = conn.execute(
            "SELECT r.case_no, r.legacy, m.name FROM case_record r JOIN mediator m"
            " ON m.id = r.holder_id ORDER BY m.name").fetchall()
    assert [(r["case_no"], r["legacy"]) for r in rows] == [(first_a, True), (first_b, True)]
    fresh = a.create_case(batch="")
    assert fresh != first_a
    a.sync()
    assert office.cases()[fresh]["holder"] == "张调解员"
