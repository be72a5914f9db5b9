"""The commands of sync.md end to end: the server as a subprocess over TLS, two laptops as
two data folders driven by `python -m app`, the office by `python -m server … admin`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.sync.processes import Server, admin, admin_json, app


def _intake(db_url: str, batch: str, count: int) -> list[str]:
    from app.services.cases.service import create_case
    from server import db, office, scratch
    from tests.store_fixtures import new_case

    def make(ctx: Any) -> None:
        for _ in range(count):
            create_case(ctx, new_case(batch=batch))

    groups = scratch.build_groups(make)
    with db.connect(db_url) as conn, conn.transaction():
        return office.ingest(conn, groups, year=2026)


def _payment(data_dir: Path, case_no: str, amount: str) -> None:
    from decimal import Decimal

    from app.services.startup import open_context
    from app.store.models import Payment

    with open_context(data_dir, actor="张调解员") as ctx, ctx.write() as uow:
        case = uow.cases.require(case_no)
        case.payments.append(Payment(date=date(2026, 2, 1), amount=Decimal(amount), note="转账"))
        uow.record("test.payment_added", case=case, detail={"amount": amount})


def _enroll(url: str, name: str) -> str:
    done = admin(url, "enroll", "--mediator", name)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].strip() == lines[0] and len(lines[0]) >= 16
    return lines[0]


@pytest.fixture
def server(office_url: str) -> Any:
    running = Server(office_url).start()
    yield running
    running.stop()


def _fresh_store(template: Path, folder: Path) -> Path:
    """A store made here with the tests' cheap key settings (the CLI keeps them)."""
    import shutil

    from app.services.startup import open_context

    folder.mkdir()
    shutil.copyfile(template, folder / "cases.db")
    open_context(folder).close()
    return folder


def test_the_commands_of_the_page_end_to_end(server: Server, office_url: str,
                                            tmp_path: Path, laptop_template: Path) -> None:
    a = _fresh_store(laptop_template, tmp_path / "a")
    b = _fresh_store(laptop_template, tmp_path / "b")
    numbers = _intake(office_url, "B1", 3)
    assert server.url.startswith("https://127.0.0.1:")

    # enrolment: a code once; a wrong or used code is refused with exit 2
    code_a = _enroll(office_url, "张调解员")
    assert app(a, "office", "join", server.url, code_a).returncode == 0
    assert app(b, "office", "join", server.url, code_a).returncode == 2
    assert app(b, "office", "join", server.url, "ABCD-EFGH-JKMN-PQRS").returncode == 2
    assert app(b, "office", "join", server.url, _enroll(office_url, "李调解员")).returncode == 0

    # handout: assign two of three, the holder pulls exactly those
    assert admin(office_url, "assign", "--batch", "B1", "--mediator", "张调解员",
                 "--count", "2").returncode == 0
    done = app(a, "sync")
    assert done.returncode == 0, done.stderr
    listed = {c["case_no"] for c in _cases(a)}
    assert listed == set(numbers[:2])
    holders = {c["case_no"]: c["holder"] for c in admin_json(office_url, "cases")}
    assert holders == {numbers[0]: "张调解员", numbers[1]: "张调解员", numbers[2]: None}
    assert {c["status"] for c in admin_json(office_url, "cases")} == {"intake"}

    # a status moved on the laptop reaches the office with the next sync
    moved_on = app(a, "cases", "set-status", numbers[1], "contacting")
    assert moved_on.returncode == 0, moved_on.stderr
    assert app(a, "sync").returncode == 0
    statuses = {c["case_no"]: c["status"] for c in admin_json(office_url, "cases")}
    assert statuses[numbers[1]] == "contacting"

    # a reassignment while A is offline and records a payment: kept, flagged, B gets it
    moved = numbers[0]
    assert admin(office_url, "reassign", moved, "--mediator", "李调解员").returncode == 0
    _payment(a, moved, "500.00")
    done = app(a, "sync")
    assert done.returncode == 1, done.stdout + done.stderr
    kinds = {(c["case_no"], c["kind"]) for c in admin_json(office_url, "conflicts")}
    assert (moved, "late_fact") in kinds
    assert app(b, "sync").returncode == 0
    shown = app(b, "cases", "show", moved, "--json")
    assert '"500.00"' in shown.stdout

    # USB: A → office, twice (the second changes nothing, exit 2), tampered → 2
    _payment(a, numbers[1], "88.00")
    bundle = tmp_path / "a-to-office.mdsync"
    assert app(a, "bundle", "export", "--to", str(bundle)).returncode == 0
    assert admin(office_url, "bundle", "import", str(bundle)).returncode == 0
    before = admin_json(office_url, "cases")
    assert admin(office_url, "bundle", "import", str(bundle)).returncode == 2
    assert admin_json(office_url, "cases") == before
    broken = tmp_path / "broken.mdsync"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    broken.write_bytes(bytes(data))
    assert admin(office_url, "bundle", "import", str(broken)).returncode == 2

    # office → A; a second import and another laptop's import are refused
    back = tmp_path / "office-to-a.mdsync"
    assert admin(office_url, "bundle", "export", "--mediator", "张调解员",
                 "--to", str(back)).returncode == 0
    assert app(a, "bundle", "import", str(back)).returncode in (0, 1)
    assert app(a, "bundle", "import", str(back)).returncode == 2
    assert app(b, "bundle", "import", str(back)).returncode == 2

    # the office gone: exit 3, nothing lost, the next sync goes on
    _payment(a, numbers[1], "12.34")
    server.stop()
    assert app(a, "sync").returncode == 3
    server.start()
    assert app(a, "sync").returncode == 0
    with_payments = app(b, "sync")
    assert with_payments.returncode == 0


def _cases(data_dir: Path) -> list[dict[str, Any]]:
    import json

    done = app(data_dir, "cases", "list", "--json")
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))
