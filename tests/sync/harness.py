"""Test harness for office sync: the office (service in-process, admin calls on PostgreSQL),
laptops (data folders with their own encrypted stores), and faults on the wire.

`Office.faults` is a function `(request, n) -> mode` consulted for every request (`n` counts
requests): `"before"` — the connection is cut before the request reaches the office;
`"after"` — the office did the work, then the answer is lost; `"dup"` — the request is
delivered twice; None — normal.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

with warnings.catch_warnings():  # Starlette would rather have `httpx2`; httpx is what we ship
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from tests.store_fixtures import START, FixedClock, new_case

Fault = Callable[[httpx.Request, int], str | None]


class FaultyClient(TestClient):
    def __init__(self, office: Office, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.office = office

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        self.office.requests += 1
        mode = self.office.faults(request, self.office.requests) if self.office.faults else None
        self.office.log.append((request.method, request.url.path, mode))
        if mode == "before":
            raise httpx.ConnectError("cut before", request=request)
        if mode == "dup":
            super().send(request, **kwargs).read()
        response = super().send(request, **kwargs)
        if mode == "after":
            response.read()
            raise httpx.ReadError("cut after", request=request)
        return response


class Office:
    URL = "https://office.test"

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.faults: Fault | None = None
        self.requests = 0
        self.log: list[tuple[str, str, str | None]] = []

    def __enter__(self) -> Office:
        from app.services.sync import client
        from server import db
        from server.http import build_app

        self.pool = db.make_pool(self.db_url, max_size=4)
        self.app = build_app(self.pool)
        client.set_client_factory(self.client)
        return self

    def __exit__(self, *exc: object) -> None:
        from app.services.sync import client

        client.set_client_factory(None)
        self.pool.close()

    def client(self, base_url: str, ca_pem: str | None) -> httpx.Client:
        return FaultyClient(self, self.app, base_url=base_url, raise_server_exceptions=True)

    def conn(self) -> Any:
        from server import db

        return db.connect(self.db_url)

    def enroll(self, mediator: str) -> str:
        from server import auth

        with self.conn() as conn:
            return auth.new_code(conn, mediator)

    def cases(self) -> dict[str, dict[str, Any]]:
        from server import office

        with self.conn() as conn:
            return {c["case_no"]: c for c in office.cases(conn)}

    def conflicts(self) -> list[dict[str, Any]]:
        from server import office

        with self.conn() as conn:
            return office.conflicts(conn)

    def intake(self, batch: str, count: int, **changes: Any) -> list[str]:
        """`count` new cases of `batch`, made by the laptop's own create_case."""
        from app.services.cases.service import create_case
        from server import office, scratch
        from tests.store_fixtures import GOOD_ID

        def make(ctx: Any) -> None:
            for _ in range(count):
                create_case(ctx, new_case(batch=batch, debtor_id_number=GOOD_ID, **changes))

        groups = scratch.build_groups(make)
        with self.conn() as conn, conn.transaction():
            return office.ingest(conn, groups, year=2026)

    def assign(self, batch: str, mediator: str, count: int | None = None) -> int:
        from server import office

        with self.conn() as conn:
            return office.assign(conn, batch, mediator, count)

    def reassign(self, case_no: str, mediator: str) -> None:
        from server import office

        with self.conn() as conn:
            office.reassign(conn, case_no, mediator)

    def rows(self, case_no: str) -> dict[str, list[Any]]:
        """The office's rows of a case, per entity (live rows only)."""
        with self.conn() as conn:
            found = conn.execute(
                "SELECT w.entity, w.body FROM case_row w JOIN case_record r ON r.uid = w.case_uid"
                " WHERE r.case_no = %s AND NOT w.deleted ORDER BY w.uid",
                (case_no,),
            ).fetchall()
        out: dict[str, list[Any]] = {}
        for row in found:
            out.setdefault(row["entity"], []).append(row["body"])
        return out


class Laptop:
    def __init__(self, folder: Path, template: Path, office: Office,
                 clock: FixedClock | None = None, actor: str = "调解员") -> None:
        from app.services.startup import open_context

        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, folder / "cases.db")
        self.folder, self.office = folder, office
        self.clock = clock or FixedClock(START)
        self.ctx = open_context(folder, actor=actor, clock=self.clock)

    def close(self) -> None:
        self.ctx.close()

    def join(self, mediator: str) -> Any:
        from app.services.sync.enrol import join

        return join(self.ctx, Office.URL, self.office.enroll(mediator))

    def sync(self) -> Any:
        from app.services.sync.round import sync_round

        return sync_round(self.ctx)

    def create_case(self, **changes: Any) -> str:
        from app.services.cases.service import create_case

        return str(create_case(self.ctx, new_case(**changes)).case_no)

    def case_nos(self) -> list[str]:
        from app.services.cases.service import list_cases

        return sorted(c.case_no for c in list_cases(self.ctx))

    def detail(self, case_no: str) -> Any:
        from app.services.cases.service import get_case

        return get_case(self.ctx, case_no)

    def add_payment(self, case_no: str, day: date, amount: str, note: str = "") -> None:
        from app.store.models import Payment

        with self.ctx.write() as uow:
            case = uow.cases.require(case_no)
            case.payments.append(Payment(date=day, amount=Decimal(amount), note=note))
            uow.record("test.payment_added", case=case, detail={"amount": amount})

    def set_court(self, case_no: str, court: str) -> None:
        with self.ctx.write() as uow:
            case = uow.cases.require(case_no)
            case.court = court
            uow.record("test.court_changed", case=case, detail={"court": court})

    def pending(self) -> int:
        from sqlalchemy import func, select

        from app.store.sync_tables import SyncPending

        with self.ctx.read() as uow:
            return int(uow.session.scalar(select(func.count()).select_from(SyncPending)) or 0)

    def notes(self) -> list[str]:
        from sqlalchemy import select

        from app.store.sync_tables import SyncNote

        with self.ctx.read() as uow:
            return [n.kind for n in uow.session.scalars(select(SyncNote))]

    def audit_ok(self) -> list[str]:
        with self.ctx.read() as uow:
            return list(uow.audit.verify())


def add_document(laptop: Laptop, case_no: str, content: bytes, status: str = "printed") -> str:
    """A document version with `content` on the laptop; returns its uid."""
    import hashlib

    from app.store.records import Document

    with laptop.ctx.write() as uow:
        case = uow.cases.require(case_no)
        doc = Document(case_id=case.id, kind="agreement", version=1, status=status,
                       file_sha256=hashlib.sha256(content).hexdigest(), content=content,
                       created_at=uow.now)
        uow.session.add(doc)
        uow.session.flush()
        uow.record("test.document_added", case=case, detail={"document": doc.id})
        return str(doc.uid)


def add_snapshot(laptop: Laptop, case_no: str) -> str:
    from app.store.records import RecalcSnapshot

    with laptop.ctx.write() as uow:
        case = uow.cases.require(case_no)
        snap = RecalcSnapshot(case_id=case.id, as_of=date(2026, 3, 1), input_json={"a": "1"},
                              output_json={"total": "100.00"}, engine_version="1", sha256="0" * 64,
                              created_at=uow.now)
        uow.session.add(snap)
        uow.session.flush()
        uow.record("test.snapshot_added", case=case, detail={})
        return str(snap.uid)
