"""Erasing a closed case's personal data: no trace of the person's name, ID or phone is
left in the store — searched in every table through the database's own connection, and
in the raw bytes of the database file and its write-ahead log (a plaintext store here, so
the bytes on disk are what an encrypted store holds decrypted) — the signed agreement is
kept and marked so, and the audit chain still verifies."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.domain.errors import DomainError
from app.services.cases import service as cases
from app.services.contacts import log as contacts
from app.services.contacts.log import NewContact
from app.services.contacts.settings import set_retention_years
from app.services.documents.service import render_document
from app.services.documents.store import create_version
from app.services.maintenance.audit import verify_chain
from app.services.organisation.accounts import SignedIn, key_holder
from app.services.personal_data import erasure
from app.services.personal_data.traces import find_traces
from app.services.sessions import service as sessions
from app.store.contacts import RetainedDocument
from app.store.records import Document
from tests.session_fixtures import AGENT_ID, SESSION_START, agree, scheduled_case
from tests.store_fixtures import FixedClock, make_template

BOSS = key_holder("gui:王主任")


def plain_context(folder: Path, clock: FixedClock) -> Any:
    """A context over a plaintext store (no key): its file bytes are the decrypted data."""
    from app.services.context import AppContext, db_path_for
    from app.store.unit_of_work import Store

    return AppContext(folder, Store(db_path_for(folder), key=None), "测试调解员", clock)


@pytest.fixture(scope="module")
def demo_plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.services.demo.service import seed_demo

    folder = tmp_path_factory.mktemp("erasure")
    make_template(folder)
    ctx = plain_context(folder, FixedClock(SESSION_START))
    try:
        seed_demo(ctx)
    finally:
        ctx.close()
    return folder


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(SESSION_START)


@pytest.fixture
def ctx(demo_plain: Path, tmp_path: Path, clock: FixedClock) -> Iterator[Any]:
    folder = tmp_path / "data"
    shutil.copytree(demo_plain, folder)
    context = plain_context(folder, clock)
    yield context
    context.close()


def fulfilled_case(ctx: Any, clock: FixedClock) -> tuple[str, dict[str, str]]:
    """A case taken from first contact to a fulfilled agreement; the debtor's values."""
    case_no = scheduled_case(ctx)
    debtor = next(p for p in cases.get_case(ctx, case_no).parties if p.role == "debtor")
    contacts.add_contact_person(ctx, case_no, "李梅", "13900001111")
    note = f"{debtor.name}同意到场，电话{debtor.phone}"
    first = NewContact(case_no, "phone", "debtor", "2026-07-01T10:00", "reached", note=note)
    contacts.add_contact(ctx, replace(first, notice=True))
    contacts.add_contact(ctx, NewContact(case_no, "phone", "emergency_contact",
                                         "2026-07-02T10:00", "reached"))  # fmt: skip
    state = sessions.start_or_resume(ctx, case_no)
    agree(ctx, case_no, state.session_id)
    sessions.finish(ctx, case_no, "agreed")
    record = render_document(ctx, case_no, "record")
    create_version(ctx, case_no, "record", record.pdf)  # a draft: its PDF goes
    with ctx.write() as uow:  # an event written before revision 0009 named the signer
        case = uow.cases.require(case_no)
        uow.record("document.signature_recorded", case=case,
                   detail={"signer_name": debtor.name, "role": "debtor"})  # fmt: skip
    clock.advance(days=30)
    for status in ("performing", "fulfilled"):
        cases.change_status(ctx, case_no, status)
    values = {"name": debtor.name, "id": debtor.id_number, "phone": debtor.phone}
    return case_no, values


def raw_hits(folder: Path, values: dict[str, str]) -> dict[str, list[str]]:
    """Which values appear in the bytes of cases.db and cases.db-wal (UTF-8 or UTF-16)."""
    hits: dict[str, list[str]] = {}
    for name in ("cases.db", "cases.db-wal"):
        path = folder / name
        data = path.read_bytes() if path.exists() else b""
        hits[name] = [k for k, v in values.items()
                      if v.encode("utf-8") in data or v.encode("utf-16-be") in data]  # fmt: skip
    return hits


def test_erasure_leaves_no_trace_and_the_audit_chain_verifies(ctx: Any, clock: FixedClock) -> None:
    case_no, values = fulfilled_case(ctx, clock)
    secrets = [*values.values(), "李梅", "13900001111", AGENT_ID]
    with ctx.read() as uow:  # the test can fail: before, the values are there
        assert {t.table for t in find_traces(uow.session, secrets)} >= {
            "party",
            "contact_person",
            "audit_event",
            "signature",
        }
    assert (
        raw_hits(ctx.data_dir, values)["cases.db"] or raw_hits(ctx.data_dir, values)["cases.db-wal"]
    )

    result = erasure.erase_case(ctx, case_no, reason="request", by=BOSS)

    assert result.checkpointed and result.audit_events_redacted == 1
    assert [(k.kind, k.status) for k in result.documents_retained] == [("agreement", "signed")]
    with ctx.read() as uow:
        left = find_traces(uow.session, secrets)
        assert [t for t in left if not t.retained] == []
        kept = uow.session.scalars(select(RetainedDocument)).all()
        assert [k.document_id for k in kept] == [d.document_id for d in result.documents_retained]
        assert uow.session.get(Document, kept[0].document_id).content  # the agreement itself
        party = next(p for p in uow.cases.require(case_no).parties if p.role == "debtor")
        assert (party.name, party.id_number, party.phone) == ("债务人（已删除）", "", "")
    assert raw_hits(ctx.data_dir, values) == {"cases.db": [], "cases.db-wal": []}
    report = verify_chain(ctx)
    assert report.intact, report.problems
    detail = cases.get_case(ctx, case_no)
    assert detail.summary.status == "fulfilled"  # the case stays, without the person


def test_the_audit_chain_still_catches_an_edit_after_erasure(ctx: Any, clock: FixedClock) -> None:
    case_no, _ = fulfilled_case(ctx, clock)
    erasure.erase_case(ctx, case_no, reason="request", by=BOSS)
    with ctx.store.engine.begin() as conn:  # someone with a plain SQLite tool
        conn.exec_driver_sql("DROP TRIGGER trg_audit_event_no_update")
        seq = conn.exec_driver_sql(
            "SELECT seq FROM audit_event WHERE detail LIKE '%（已删除）%' ORDER BY seq LIMIT 1"
        ).scalar_one()
        conn.exec_driver_sql(
            "UPDATE audit_event SET detail = json_set(detail, '$.role', 'creditor') WHERE seq = ?",
            (seq,),
        )
    report = verify_chain(ctx)
    assert not report.intact and report.first is not None and report.first.seq == seq


def test_only_a_closed_case_and_only_by_a_supervisor(ctx: Any) -> None:
    from datetime import UTC, datetime

    case_no = scheduled_case(ctx)
    with pytest.raises(DomainError, match="只能删除已结案案件"):
        erasure.erase_case(ctx, case_no, reason="request", by=BOSS)
    clerk = SignedIn("xiaoli", "小李", "mediator", datetime(2026, 3, 2, tzinfo=UTC))
    with pytest.raises(DomainError):
        erasure.erase_case(ctx, case_no, reason="request", by=clerk)


def test_a_running_erasure_is_the_only_way_past_the_triggers(ctx: Any, clock: FixedClock) -> None:
    case_no, _ = fulfilled_case(ctx, clock)
    with ctx.store.engine.begin() as conn, pytest.raises(Exception, match="immutable"):
        conn.exec_driver_sql("UPDATE signature SET signer_name = 'x'")
    with ctx.store.engine.begin() as conn, pytest.raises(Exception, match="immutable"):
        conn.exec_driver_sql("UPDATE audit_event SET detail = '{}' WHERE seq = 1")
    erasure.erase_case(ctx, case_no, reason="request", by=BOSS)
    with ctx.store.engine.begin() as conn, pytest.raises(Exception, match="kept as it is"):
        conn.exec_driver_sql("UPDATE case_erasure SET state = 'running'")
    with pytest.raises(DomainError, match="已于"):
        erasure.erase_case(ctx, case_no, reason="request", by=BOSS)


def test_cases_past_retention_are_due(ctx: Any, clock: FixedClock) -> None:
    from datetime import date

    case_no, _ = fulfilled_case(ctx, clock)
    due = erasure.due_for_erasure(ctx, date(2029, 8, 4))
    assert case_no not in [d.case_no for d in due]  # closed 2026-08-05, three years by default
    [mine] = [d for d in erasure.due_for_erasure(ctx, date(2029, 8, 5)) if d.case_no == case_no]
    assert (mine.closed_on, mine.due_on) == (date(2026, 8, 5), date(2029, 8, 5))
    set_retention_years(ctx, BOSS, 5)
    assert case_no not in [d.case_no for d in erasure.due_for_erasure(ctx, date(2029, 8, 5))]
    with ctx.read() as uow:
        assert uow.session.execute(text("SELECT count(*) FROM case_erasure")).scalar() == 0


def test_the_session_record_shows_the_contacts_before_it_and_the_notice(
    ctx: Any, clock: FixedClock
) -> None:
    from tests.unit.documents.pdf_checks import all_text

    case_no, values = fulfilled_case(ctx, clock)
    text = all_text(render_document(ctx, case_no, "record").pdf)
    name = values["name"]
    assert f"个人信息告知：债务人{name}已于2026年7月1日（电话告知）获告知个人信息的处理目的" in text
    assert "告知书第1版" in text
    assert "附：调解前联系情况" in text
    assert f"债务人{name}电话已联系上" in text and "紧急联系人李梅电话已联系上" in text


def test_a_record_without_contacts_renders_as_it_always_did(ctx: Any) -> None:
    from app.documents.pdf import content_record
    from app.services.documents.service import document_data

    case_no = scheduled_case(ctx)
    data = document_data(ctx, case_no, "notice")
    assert data.contacts == () and b'"contacts"' not in content_record(data)


def test_right_of_access_exports_everything_held_on_the_person(
    ctx: Any, clock: FixedClock, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import json
    import logging

    from app.services.personal_data.access import person_export, write_export

    case_no, values = fulfilled_case(ctx, clock)
    with caplog.at_level(logging.INFO):
        export = person_export(ctx, values["id"], by=BOSS)
    [case] = export.cases
    assert case["case_no"] == case_no and case["as_party"][0]["phone"] == values["phone"]
    assert case["contacts"][0]["note"].startswith(f"{values['name']}同意到场")
    assert case["notices"][0]["version"] == 1 and "处理您的姓名" in case["notices"][0]["text"]
    [agreement] = [d for d in case["documents"] if d["kind"] == "agreement"]
    assert agreement["status"] == "signed"
    assert agreement["signatures"][0]["signer_name"] == values["name"]
    data = json.loads(write_export(export, tmp_path / "查阅.json").read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["cases"][0]["loan"]["principal"]
    assert values["id"] not in caplog.text and values["id"][:4] in caplog.text
    with ctx.read() as uow:
        event = uow.audit.last()
        assert event.action == "privacy.access_export" and event.detail["cases"] == [case_no]
        assert values["id"] not in json.dumps(event.detail, ensure_ascii=False)
    relative = person_export(ctx, "13900001111", by=BOSS).cases[0]
    assert relative["contact_person"][0]["name"] == "李梅" and "loan" not in relative
    assert [c["with"] for c in relative["contacts"]] == ["紧急联系人李梅"]
