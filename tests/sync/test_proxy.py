"""Cuts on a real TCP link: the server subprocess behind a loopback proxy that kills every
connection after n bytes of answers, for n spread over a whole round; and a black hole."""

from __future__ import annotations

import contextlib
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.services.sync.client import Unreachable
from tests.sync.fault_proxy import FaultProxy
from tests.sync.processes import Server


def _store(template: Path, folder: Path) -> Any:
    from app.services.startup import open_context

    folder.mkdir()
    shutil.copyfile(template, folder / "cases.db")
    return open_context(folder, actor="张调解员")


def _pay(ctx: Any, case_no: str, amount: str) -> None:
    from app.store.models import Payment

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        case.payments.append(Payment(date=date(2026, 2, 1), amount=Decimal(amount)))
        uow.record("test.paid", case=case, detail={})


@pytest.fixture
def server(office_url: str) -> Any:
    running = Server(office_url).start()
    yield running
    running.stop()


def test_a_link_cut_anywhere_in_a_round_loses_and_doubles_nothing(
    server: Server, office_url: str, tmp_path: Path, laptop_template: Path
) -> None:
    from app.services.sync.enrol import join
    from app.services.sync.round import sync_round
    from server import auth, db, office
    from tests.sync.test_commands_e2e import _intake

    numbers = _intake(office_url, "B1", 2)
    with db.connect(office_url) as conn:
        code = auth.new_code(conn, "张调解员")
        office.assign(conn, "B1", "张调解员", None)
    ctx = _store(laptop_template, tmp_path / "a")
    with FaultProxy(server.port) as proxy:
        join(ctx, f"https://127.0.0.1:{proxy.port}", code)
        sync_round(ctx)
        _pay(ctx, numbers[0], "1.00")
        proxy.cut_at(None)
        sync_round(ctx)
        whole = proxy.down_bytes  # the answers of a round with one payment to push
        cuts = sorted({max(1, whole * k // 12) for k in range(12)})
        for k, at in enumerate(cuts, start=2):
            _pay(ctx, numbers[k % 2], f"{k}.00")
            proxy.cut_at(at)
            with contextlib.suppress(Unreachable):
                sync_round(ctx)
            proxy.cut_at(None)
            assert sync_round(ctx).exit_code == 0
        assert proxy.cuts >= len(cuts) - 1
        with db.connect(office_url) as conn:
            amounts = sorted(r["body"]["amount"] for r in conn.execute(
                "SELECT body FROM case_row WHERE entity = 'payment' AND NOT deleted"))
        assert amounts == sorted(["1.00", *(f"{k}.00" for k in range(2, len(cuts) + 2))])

        proxy.black_hole = True  # accepted, never answered: a timeout, then exit as offline
        import app.services.sync.client as client

        before = client.TIMEOUT
        client.TIMEOUT = client.httpx.Timeout(2.0, connect=2.0)
        try:
            with pytest.raises(Unreachable):
                sync_round(ctx)
        finally:
            client.TIMEOUT = before
            proxy.black_hole = False
    ctx.close()
