"""The office going away in the middle of a round, on a real TCP link to the real service:
the sync service killed with SIGKILL while a push is on its way or being stored, and
PostgreSQL restarted (`pg_ctl stop -m fast` + start) while the service is inside the push's
transaction. The laptop says offline (or, when the service rode out the restart, finishes),
keeps its batch, and the next round ends as an uninterrupted one would: every payment at the
office exactly once, nothing pending on the laptop, its audit chain intact."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.services.sync.client import Unreachable
from tests.pg_cluster import Cluster
from tests.sync.fault_proxy import FaultProxy
from tests.sync.processes import Server

PAYMENTS_PER_ROUND = 60  # a push larger than one 4 KB chunk of the proxy: it can be cut inside


def _store(template: Path, folder: Path) -> Any:
    from app.services.startup import open_context

    folder.mkdir()
    shutil.copyfile(template, folder / "cases.db")
    return open_context(folder, actor="张调解员")


def _pay(ctx: Any, numbers: list[str], tag: int) -> list[str]:
    """PAYMENTS_PER_ROUND payments spread over the cases; returns their amounts."""
    from app.store.models import Payment

    amounts = [f"{tag + 1}.{i + 1:02d}" for i in range(PAYMENTS_PER_ROUND)]
    with ctx.write() as uow:
        for i, amount in enumerate(amounts):
            case = uow.cases.require(numbers[i % len(numbers)])
            case.payments.append(Payment(date=date(2026, 2, 1), amount=Decimal(amount),
                                         note=f"第{tag}轮第{i}笔"))
            uow.record("test.paid", case=case, detail={"amount": amount})
    return amounts


def _office_payments(url: str) -> list[str]:
    from server import db

    with db.connect(url) as conn:
        return sorted(r["body"]["amount"] for r in conn.execute(
            "SELECT body FROM case_row WHERE entity = 'payment' AND NOT deleted"))


def _pending(ctx: Any) -> int:
    from sqlalchemy import func, select

    from app.store.sync_tables import SyncOutbox, SyncPending

    with ctx.read() as uow:
        s = uow.session
        return int(s.scalar(select(func.count()).select_from(SyncPending)) or 0) + int(
            s.scalar(select(func.count()).select_from(SyncOutbox)) or 0)


class Field:
    """An office with two cases for 张调解员, its service behind a fault proxy, and a
    laptop that joined through the proxy and took the cases."""

    def __init__(self, url: str, template: Path, folder: Path) -> None:
        from app.services.sync.enrol import join
        from app.services.sync.round import sync_round
        from server import auth, db, office
        from tests.sync.test_commands_e2e import _intake

        self.url = url
        self.numbers = _intake(url, "B1", 2)
        with db.connect(url) as conn:
            code = auth.new_code(conn, "张调解员")
            office.assign(conn, "B1", "张调解员", None)
        self.server = Server(url).start()
        self.proxy = FaultProxy(self.server.port).__enter__()
        self.ctx = _store(template, folder)
        join(self.ctx, f"https://127.0.0.1:{self.proxy.port}", code)
        sync_round(self.ctx)
        self.expected: list[str] = []

    def pay(self, tag: int) -> None:
        self.expected += _pay(self.ctx, self.numbers, tag)

    def sync(self) -> Any:
        from app.services.sync.round import sync_round

        return sync_round(self.ctx)

    def measure(self) -> tuple[int, int]:
        """Where the push lies in the bytes a round sends up: (before, after) it, read from
        a round with one batch of payments (the push is by far the largest request)."""
        self.pay(0)
        self.proxy.cut_at(None)
        ups: list[int] = [0]
        self.proxy.on_bytes = lambda up, down: ups.append(up) if up != ups[-1] else None
        try:
            assert self.sync().exit_code == 0
        finally:
            self.proxy.on_bytes = None
        grows = [(b - a, a, b) for a, b in itertools.pairwise(ups)]
        start = max(grows)[1]
        end = next(b for a, b in itertools.pairwise(ups) if a >= start and b - a < 4096)
        assert end - start > 4096, (start, end)
        return start, end

    def restart_server(self) -> None:
        self.server.stop()
        self.server = Server(self.url).start()
        self.proxy.target_port = self.server.port

    def settled(self) -> None:
        """The next round completes; the office has every payment once; nothing waits."""
        assert self.sync().exit_code == 0
        assert _office_payments(self.url) == sorted(self.expected)
        assert _pending(self.ctx) == 0
        with self.ctx.read() as uow:
            assert list(uow.audit.verify()) == []

    def close(self) -> None:
        self.ctx.close()
        self.proxy.__exit__(None, None, None)
        self.server.stop()


@pytest.fixture
def field(office_url: str, tmp_path: Path, laptop_template: Path) -> Iterator[Field]:
    made = Field(office_url, laptop_template, tmp_path / "a")
    yield made
    made.close()


@pytest.mark.parametrize("where", ["before", "inside", "storing", "answer"])
def test_the_service_killed_mid_push_loses_and_doubles_nothing(
    field: Field, pg: Cluster, where: str
) -> None:
    """SIGKILL before the push's bytes go, after its first 4 KB went, while the service
    stores it (its transaction open in PostgreSQL), and when it starts answering (stored)."""
    start, end = field.measure()
    field.pay(1)
    before = _office_payments(field.url)
    victim = field.server.process
    assert victim is not None
    database = field.url.rsplit("/", 1)[1]
    killed: list[str] = []
    answers_before_push = [0]

    def kill(what: str) -> None:
        killed.append(what)
        os.kill(victim.pid, signal.SIGKILL)

    killer = threading.Thread(  # waits for the service's transaction, then kills
        target=lambda: kill("storing" if _in_transaction(pg, database, 5.0) else "late"))

    def watch(up: int, down: int) -> None:
        if up < end:
            answers_before_push[0] = down
        if killed or killer.is_alive():
            return
        due = {"before": up > start, "inside": up > start + 4096, "storing": up > start + 4096,
               "answer": up >= end and down > answers_before_push[0]}[where]
        if due and where == "storing":
            killer.start()
        elif due:
            kill(where)

    field.proxy.cut_at(None)
    field.proxy.on_bytes = watch
    with pytest.raises(Unreachable):
        field.sync()
    field.proxy.on_bytes = None
    if where == "storing":
        killer.join(30)
    assert killed and victim.wait(10) == -signal.SIGKILL
    stored = _office_payments(field.url)
    if where in ("before", "inside"):  # nothing of it reached the office's tables
        assert stored == before and _pending(field.ctx) > 0
    if where == "answer":  # stored, the answer lost: the retry must not store it twice
        assert stored == sorted(field.expected)
    field.restart_server()
    field.settled()


def _in_transaction(pg: Cluster, database: str, timeout: float) -> bool:
    """Wait until a session of `database` is inside a transaction (the service storing a
    push); False when none was seen in time."""
    import psycopg

    end = time.monotonic() + timeout
    with psycopg.connect(pg.url(), autocommit=True) as conn:
        while time.monotonic() < end:
            found = conn.execute(
                "SELECT 1 FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
                " AND xact_start IS NOT NULL AND state <> 'idle'", (database,)).fetchone()
            if found:
                return True
    return False


def test_postgresql_restarted_mid_push_loses_and_doubles_nothing(
    field: Field, pg: Cluster
) -> None:
    """`pg_ctl stop -m fast` + start while the service is inside a push's transaction (or,
    when the push was quicker, later in the round), three times: the same service process
    reconnects by itself, the laptop's next round settles everything exactly once."""
    start, _end = field.measure()
    database = field.url.rsplit("/", 1)[1]
    caught: list[bool] = []
    for tag in range(1, 4):
        field.pay(tag)
        restarter = threading.Thread(target=_restart_in_transaction,
                                     args=(pg, database, caught))
        field.proxy.cut_at(None)
        field.proxy.on_bytes = _starter(restarter, start)
        with contextlib.suppress(Unreachable):  # offline, or the service rode it out
            field.sync()
        field.proxy.on_bytes = None
        restarter.join(60)
        assert not restarter.is_alive()
        field.settled()
    assert len(caught) == 3


def _restart_in_transaction(pg: Cluster, database: str, caught: list[bool]) -> None:
    caught.append(_in_transaction(pg, database, timeout=5.0))
    pg.restart()


def _starter(thread: threading.Thread, after: int) -> Any:
    def trigger(up: int, down: int) -> None:
        if up > after and thread.ident is None:
            thread.start()

    return trigger


def test_the_service_answers_503_while_its_database_is_down(
    field: Field, pg: Cluster
) -> None:
    """Between a stop and a start the service says the office is busy (the laptop: offline),
    and once PostgreSQL is back the same service takes the batch."""
    import app.services.sync.client as client

    field.pay(1)
    pg.stop()
    before = client.TIMEOUT
    client.TIMEOUT = client.httpx.Timeout(60.0, connect=5.0)
    try:
        with pytest.raises(Unreachable, match=r"HTTP 503"):
            field.sync()
    finally:
        client.TIMEOUT = before
        with contextlib.suppress(Exception):
            pg.start()
    assert _pending(field.ctx) > 0
    field.settled()
