"""The audit chain on a real (encrypted) store, tampered with the way someone holding the
file and its key would: a raw SQLCipher connection, `DROP TRIGGER`, UPDATE/DELETE/INSERT.
Each kind of tampering is detected and the first broken seq named."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError, InputError
from app.services.cases import service as cases
from app.services.context import open_context
from app.services.maintenance import audit as audit
from app.store.audit import GENESIS, event_hash
from app.store.audit_anchor import ANCHOR_FILE
from tests.security_fixtures import connect_store, sqlite_errors
from tests.store_fixtures import new_case

EVENTS = 8


@pytest.fixture
def chain(ctx: Any, clock: Any) -> Any:
    """A store with real events (two cases) and a few numbered ones: 8 events in all."""
    cases.create_case(ctx, new_case())
    cases.create_case(ctx, new_case(debtor_name="李芳"))
    for n in range(EVENTS - 2):
        clock.advance(minutes=1)
        with ctx.write() as uow:
            uow.record("test.step", detail={"n": n, "note": f"第{n}步"})
    with ctx.read() as uow:
        assert uow.audit.last().seq == EVENTS
    return ctx


def tamper(data_dir: Path, *statements: str, params: tuple[Any, ...] = ()) -> None:
    """What an attacker with the file and key does: drop the guards, then edit."""
    conn = connect_store(data_dir / "cases.db")
    try:
        conn.execute("DROP TRIGGER IF EXISTS trg_audit_event_no_update")
        conn.execute("DROP TRIGGER IF EXISTS trg_audit_event_no_delete")
        for statement in statements:
            conn.execute(statement, params if "?" in statement else ())
        conn.commit()
    finally:
        conn.close()


def row(data_dir: Path, seq: int) -> dict[str, Any]:
    conn = connect_store(data_dir / "cases.db")
    try:
        cursor = conn.execute("SELECT * FROM audit_event WHERE seq = ?", (seq,))
        names = [c[0] for c in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))
    finally:
        conn.close()


def first(ctx: Any) -> tuple[int, str]:
    report = audit.verify_chain(ctx)
    assert not report.intact and report.first is not None
    return report.first.seq, report.first.kind


def test_an_untouched_chain_is_intact_and_anchored(chain: Any) -> None:
    report = audit.verify_chain(chain)
    assert report.intact and report.problems == () and report.first is None
    assert (report.events, report.head_seq) == (EVENTS, EVENTS)
    assert (report.anchor.status, report.anchor.seq) == ("ok", EVENTS)
    assert report.anchor.hash == report.head_hash == row(chain.data_dir, EVENTS)["hash"]
    saved = json.loads((chain.data_dir / ANCHOR_FILE).read_text(encoding="utf-8"))
    assert (saved["seq"], saved["hash"]) == (EVENTS, report.head_hash)


def test_the_triggers_refuse_edits_until_someone_drops_them(chain: Any) -> None:
    conn = connect_store(chain.data_dir / "cases.db")
    try:
        for sql in ("UPDATE audit_event SET actor = '别人'", "DELETE FROM audit_event"):
            with pytest.raises(sqlite_errors().IntegrityError, match="immutable"):
                conn.execute(sql)
    finally:
        conn.close()
    assert audit.verify_chain(chain).intact


def test_an_edited_detail_is_named(chain: Any) -> None:
    tamper(
        chain.data_dir,
        """UPDATE audit_event SET detail = '{"n": 9, "note": "改过"}'
        WHERE seq = 4""",
    )
    report = audit.verify_chain(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(4, "edited")]
    assert "第 4 条事件的内容与它的哈希不符" in report.problems[0].message_zh
    assert "event 4 does not match its hash" in report.problems[0].message_en


def test_an_edited_actor_is_named(chain: Any) -> None:
    tamper(chain.data_dir, "UPDATE audit_event SET actor = '别人' WHERE seq = 6")
    assert first(chain) == (6, "edited")


def test_an_edited_time_is_named_even_when_it_no_longer_parses(chain: Any) -> None:
    tamper(chain.data_dir, "UPDATE audit_event SET at = 'yesterday' WHERE seq = 2")
    assert first(chain) == (2, "edited")
    entries = audit.list_events(chain)
    assert entries[1].seq == 2 and entries[1].at is None  # still listed


def test_a_deleted_middle_row_is_named(chain: Any) -> None:
    tamper(chain.data_dir, "DELETE FROM audit_event WHERE seq = 5")
    report = audit.verify_chain(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(5, "deleted")]
    assert report.problems[0].message_zh == "第 5 条事件缺失：记录被删除。"


def test_several_deleted_rows_are_named_as_a_range(chain: Any) -> None:
    tamper(chain.data_dir, "DELETE FROM audit_event WHERE seq IN (3, 4, 5)")
    report = audit.verify_chain(chain)
    assert report.first is not None and report.first.seq == 3
    assert "第 3–5 条事件（3 条）缺失" in report.first.message_zh


def test_a_deleted_last_row_is_caught_by_the_anchor(chain: Any) -> None:
    tamper(chain.data_dir, f"DELETE FROM audit_event WHERE seq = {EVENTS}")
    report = audit.verify_chain(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(EVENTS, "truncated")]
    assert report.anchor.status == "ahead"
    assert f"第 {EVENTS - 1} 条之后的事件缺失" in report.problems[0].message_zh
    assert f"events after seq {EVENTS - 1} missing" in report.problems[0].message_en


def test_a_deleted_tail_written_over_by_the_app_stays_detected(chain: Any) -> None:
    tamper(chain.data_dir, f"DELETE FROM audit_event WHERE seq >= {EVENTS - 1}")
    for n in range(3):  # the app goes on writing: new events take the deleted seqs
        with chain.write() as uow:
            uow.record("test.after", detail={"n": n})
    report = audit.verify_chain(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(EVENTS, "anchor_mismatch")]
    saved = json.loads((chain.data_dir / ANCHOR_FILE).read_text(encoding="utf-8"))
    assert saved["seq"] == EVENTS  # the anchor did not follow the rewritten tail


def test_two_swapped_rows_are_named_with_the_seq_each_was_written_as(chain: Any) -> None:
    tamper(
        chain.data_dir,
        "UPDATE audit_event SET seq = -1 WHERE seq = 3",
        "UPDATE audit_event SET seq = 3 WHERE seq = 4",
        "UPDATE audit_event SET seq = 4 WHERE seq = -1",
    )
    report = audit.verify_chain(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(3, "moved"), (4, "moved")]
    assert report.problems[0].message_zh == "第 3 条事件原本是第 4 条：记录的顺序被调换。"
    assert report.problems[1].message_en == "event 4 was written as event 3: rows were reordered."


def forged(seq: int, prev_hash: str) -> tuple[str, tuple[Any, ...]]:
    """An INSERT of a self-consistent event (its hash recomputed) at `seq`."""
    at = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
    detail = {"amount": "0.01", "note": "伪造"}
    digest = event_hash(
        seq=seq, at=at, actor="冒充者", case_id=None, action="case.status_changed",
        detail=detail, prev_hash=prev_hash,
    )  # fmt: skip
    sql = (
        "INSERT INTO audit_event (seq, at, actor, case_id, action, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, NULL, ?, ?, ?, ?)"
    )
    values = (seq, "2026-03-02 03:00:00.000000", "冒充者", "case.status_changed",
              json.dumps(detail, ensure_ascii=False), prev_hash, digest)  # fmt: skip
    return sql, values


def test_a_forged_row_with_a_recomputed_hash_but_wrong_prev_hash_is_named(chain: Any) -> None:
    wrong_prev = row(chain.data_dir, EVENTS - 1)["hash"]  # should be the hash of EVENTS
    sql, values = forged(EVENTS + 1, wrong_prev)
    tamper(chain.data_dir, sql, params=values)
    report = audit.verify_chain(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(EVENTS + 1, "relinked")]
    assert f"第 {EVENTS + 1} 条事件与前一条（第 {EVENTS} 条）衔接不上" in report.first.message_zh


def test_a_row_replaced_by_a_forged_one_in_the_middle_is_named(chain: Any) -> None:
    sql, values = forged(3, GENESIS)
    tamper(chain.data_dir, "DELETE FROM audit_event WHERE seq = 3", sql, params=values)
    report = audit.verify_chain(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(3, "relinked"), (4, "relinked")]


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(chain: Any) -> None:
    old = row(chain.data_dir, 5)
    at = datetime.fromisoformat(old["at"]).replace(tzinfo=UTC)
    digest = event_hash(
        seq=5, at=at, actor="别人", case_id=old["case_id"], action=old["action"],
        detail=json.loads(old["detail"]), prev_hash=old["prev_hash"],
    )  # fmt: skip
    tamper(
        chain.data_dir,
        "UPDATE audit_event SET actor = '别人', hash = ? WHERE seq = 5",
        params=(digest,),
    )
    assert first(chain) == (6, "relinked")


def test_a_missing_anchor_is_reported_then_recreated_with_a_mark_in_the_chain(
    chain: Any,
) -> None:
    (chain.data_dir / ANCHOR_FILE).unlink()
    report = audit.verify_chain(chain)
    assert [(p.seq, p.kind) for p in report.problems] == [(EVENTS, "unanchored")]
    assert report.anchor.status == "missing"
    with chain.write() as uow:
        uow.record("test.after")
    report = audit.verify_chain(chain)
    assert report.intact and report.anchor.seq == EVENTS + 2
    with chain.read() as uow:
        mark = uow.audit.last()
        assert mark.action == "audit.anchor_created"
        assert mark.detail == {"reason": "missing", "unanchored_through": EVENTS}
    assert [n.seq for n in report.notes] == [EVENTS + 2]
    assert f"第 {EVENTS} 条之后是否有记录被删除，无法确认" in report.notes[0].message_zh


def test_a_damaged_anchor_is_reported(chain: Any) -> None:
    (chain.data_dir / ANCHOR_FILE).write_text("{not json", encoding="utf-8")
    assert first(chain) == (EVENTS, "anchor_unreadable")


def test_an_anchor_left_behind_is_not_a_break(chain: Any) -> None:
    earlier = row(chain.data_dir, EVENTS - 2)
    anchor = {"format": 1, "seq": EVENTS - 2, "hash": earlier["hash"]}
    (chain.data_dir / ANCHOR_FILE).write_text(json.dumps(anchor), encoding="utf-8")
    report = audit.verify_chain(chain)  # e.g. a crash between the commit and the anchor
    assert report.intact and report.anchor.status == "lagging"
    with chain.write() as uow:
        uow.record("test.after")
    assert audit.verify_chain(chain).anchor.status == "ok"


def test_a_rolled_back_write_leaves_the_anchor_alone(chain: Any) -> None:
    before = (chain.data_dir / ANCHOR_FILE).read_bytes()
    with pytest.raises(RuntimeError), chain.write() as uow:
        uow.record("test.never")
        raise RuntimeError("boom")
    assert (chain.data_dir / ANCHOR_FILE).read_bytes() == before
    assert audit.verify_chain(chain).intact


def test_reanchor_accepts_a_cut_tail_with_the_reason_in_the_chain(chain: Any) -> None:
    tamper(chain.data_dir, f"DELETE FROM audit_event WHERE seq = {EVENTS}")
    with pytest.raises(InputError, match="原因"):
        audit.reanchor(chain, "  ")
    info = audit.reanchor(chain, "核实：误删后确认无误")
    assert info.seq == EVENTS and info.status == "ok"  # the reanchor event took seq EVENTS
    report = audit.verify_chain(chain)
    assert report.intact
    assert "原因：核实：误删后确认无误" in report.notes[0].message_zh
    with chain.read() as uow:
        assert uow.audit.last().detail["previous"]["seq"] == EVENTS


def test_breaks_inside_the_chain_survive_a_reanchor(chain: Any) -> None:
    tamper(chain.data_dir, "DELETE FROM audit_event WHERE seq = 2")
    audit.reanchor(chain, "试图掩盖")
    assert first(chain) == (2, "deleted")


def test_a_restored_backup_moves_the_anchor_and_is_noted(chain: Any) -> None:
    from app.services.maintenance import backup as backup
    from app.services.maintenance import restore as restore

    saved = backup.create_backup(chain, to=chain.data_dir.parent / "usb").path
    for n in range(3):
        with chain.write() as uow:
            uow.record("test.after", detail={"n": n})
    chain.close()
    restore.restore_backup(chain.data_dir, saved)
    with open_context(chain.data_dir, migrate=False) as ctx:
        report = audit.verify_chain(ctx)
    assert report.intact, report.problems
    assert [n.kind for n in report.notes] == ["backup.restored"]


def test_list_events_names_cases_and_actions_oldest_first(chain: Any) -> None:
    entries = audit.list_events(chain)
    assert [e.seq for e in entries] == list(range(1, EVENTS + 1))
    assert entries[0].action == "case.created" and entries[0].action_label == "新建案件"
    assert entries[0].actor == "测试员" and entries[0].case_no
    assert entries[0].at is not None and entries[0].at.tzinfo is not None
    assert entries[-1].detail == {"n": EVENTS - 3, "note": f"第{EVENTS - 3}步"}
    one = audit.list_events(chain, entries[1].case_no)
    assert [e.seq for e in one] == [2] and one[0].case_no == entries[1].case_no
    assert [e.seq for e in audit.list_events(chain, limit=2)] == [EVENTS - 1, EVENTS]
    with pytest.raises(DomainError, match="找不到案件"):
        audit.list_events(chain, "TJ-2026-999999")


def test_a_store_without_an_audit_table_is_unusable(chain: Any) -> None:
    tamper(chain.data_dir, "DROP TABLE audit_event")
    with pytest.raises(DomainError, match="审计日志无法读取"):
        audit.verify_chain(chain)


def test_open_existing_refuses_a_folder_without_a_store(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="没有案件库"):
        audit.open_existing(tmp_path / "empty")
    assert not (tmp_path / "empty").exists()
