"""A server restored from a backup, and laptops of an older version (sync.md #12, #15)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.services.sync import state
from app.services.sync.client import Session as OfficeSession
from tests.pg_cluster import Cluster
from tests.sync.harness import Office

GOLDEN = Path(__file__).parent / "golden"


def _restore(office: Office, pg: Cluster, snapshot: str) -> None:
    """Put the office database back to `snapshot` (as a restore from backup would)."""
    office.__exit__()
    name = office.db_url.rsplit("/", 1)[1]
    with psycopg.connect(pg.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {snapshot}")
    office.__enter__()


def _snapshot(office: Office, pg: Cluster) -> str:
    office.__exit__()
    name = office.db_url.rsplit("/", 1)[1]
    snap = name + "_backup"
    with psycopg.connect(pg.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {snap} TEMPLATE {name}")
    office.__enter__()
    return snap


@pytest.mark.parametrize("bump_epoch", [False, True])
def test_a_server_restored_from_a_backup_gets_everything_back_from_the_laptops(
    office: Office, laptops: Any, pg: Cluster, bump_epoch: bool
) -> None:
    numbers = office.intake("B1", 2)
    office.assign("B1", "张调解员")
    a = laptops("A")
    a.join("张调解员")
    a.sync()
    snapshot = _snapshot(office, pg)
    a.add_payment(numbers[0], date(2026, 3, 3), "777.00")
    walk_in = a.create_case(batch="")
    a.sync()
    a.add_payment(numbers[1], date(2026, 3, 4), "1.00")
    a.sync()
    assert walk_in in office.cases()
    _restore(office, pg, snapshot)  # the office lost the last two rounds
    assert walk_in not in office.cases()
    if bump_epoch:
        with office.conn() as conn:
            conn.execute("UPDATE server_instance SET epoch = epoch + 1")
    result = a.sync()
    assert result.rebaselined and result.exit_code == 0
    assert walk_in in office.cases()
    amounts = sorted(p["amount"] for n in numbers for p in office.rows(n).get("payment", []))
    assert amounts == ["1.00", "777.00"]
    assert office.conflicts() == []
    assert a.sync().exit_code == 0 and a.pending() == 0
    again = a.create_case(batch="")  # a number the restored office never handed out twice
    a.sync()
    assert len(office.cases()) == 4 and again != walk_in


def _session(laptop: Any) -> OfficeSession:
    with laptop.ctx.read() as uow:
        me = state.enrolment(uow.session)
    session = OfficeSession(me)
    session.login()
    return session


def test_a_push_of_the_previous_protocol_is_upcast_and_accepted(
    office: Office, laptops: Any
) -> None:
    """A laptop one minor version behind (1.0: one change number per group, none per row):
    its golden payload is accepted as if it were today's."""
    (number,) = office.intake("B1", 1)
    office.assign("B1", "张调解员")
    a = laptops("A")
    a.join("张调解员")
    a.sync()
    case_uid = office.cases()[number]["uid"]
    body = json.loads((GOLDEN / "push-1.0.json").read_text(encoding="utf-8"))
    body["groups"][0]["case_uid"] = case_uid
    body["groups"][0]["case_no"] = number
    with _session(a) as session:
        hello = session.post("/v1/hello", {"protocol": "1.0",
                                           "incarnation": body["incarnation"]})
        assert hello["protocol_ok"] == "upcast"
        answer = session.post("/v1/push", body)
    assert answer["conflicts"] == 0 and answer["results"][0]["accepted"] == 1
    assert [p["amount"] for p in office.rows(number)["payment"]] == ["450.00"]


def test_a_laptop_too_old_to_sync_hands_over_its_work_as_a_rescue(
    office: Office, laptops: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (number,) = office.intake("B1", 1)
    office.assign("B1", "张调解员")
    a = laptops("A")
    a.join("张调解员")
    a.sync()
    a.add_payment(number, date(2026, 3, 3), "66.00")
    from app.services.sync import round as sync_round

    monkeypatch.setattr(sync_round, "PROTOCOL", "0.9")
    result = a.sync()
    assert result.status == "upgrade" and result.exit_code == 3
    assert "升级" in result.message
    assert a.pending() == 2  # the payment and the case's updated_at: nothing dropped
    (rescue,) = office.conflicts()
    assert rescue["kind"] == "rescue"
    rows = [r for g in rescue["device_value"]["groups"] for r in g["rows"]]
    assert [r["body"]["amount"] for r in rows if r["e"] == "payment"] == ["66.00"]
