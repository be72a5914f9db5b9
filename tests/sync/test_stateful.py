"""Random interleavings of edits, syncs (with cuts), reassignments and bundle exchanges
never lose a committed write (a hypothesis state machine: 30 examples;
SYNC_STATEFUL_EXAMPLES=N for more)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from datetime import date
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from app.services.sync.bundle import BadBundle, export_bundle, import_bundle
from app.services.sync.client import Unreachable
from tests.pg_cluster import Cluster
from tests.sync.harness import Laptop, Office

MEDIATORS = ("张调解员", "李调解员")
EXAMPLES = int(os.environ.get("SYNC_STATEFUL_EXAMPLES", "30"))


def machine(pg: Cluster, template_db: str, laptop_template: Path) -> type:
    class Sync(RuleBasedStateMachine):
        @initialize()
        def start(self) -> None:
            self.folder = Path(tempfile.mkdtemp(prefix="md-stateful-"))
            self.db = "s_" + uuid.uuid4().hex[:12]
            with psycopg.connect(pg.url(), autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {self.db} TEMPLATE {template_db}")
            self.office = Office(pg.url(self.db)).__enter__()
            self.numbers = self.office.intake("B1", 4)
            self.office.assign("B1", MEDIATORS[0], 2)
            self.office.assign("B1", MEDIATORS[1], 2)
            self.laptops = [Laptop(self.folder / str(i), laptop_template, self.office)
                            for i in range(2)]
            for laptop, name in zip(self.laptops, MEDIATORS, strict=True):
                laptop.join(name)
                laptop.sync()
            self.facts: dict[str, str] = {}  # payment uid → amount, every one ever committed
            self.cent = 0

        def teardown(self) -> None:
            if not hasattr(self, "office"):
                return
            for laptop in self.laptops:
                laptop.close()
            self.office.__exit__()
            with psycopg.connect(pg.url(), autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {self.db} WITH (FORCE)")

        @rule(who=st.integers(0, 1), case=st.integers(0, 3))
        def pay(self, who: int, case: int) -> None:
            laptop = self.laptops[who]
            held = laptop.case_nos()
            number = held[case % len(held)]
            self.cent += 1
            amount = f"{self.cent}.{self.cent % 100:02d}"
            laptop.add_payment(number, date(2026, 3, 1), amount)
            from app.store.models import Payment

            with laptop.ctx.read() as uow:
                for payment in uow.session.query(Payment):
                    if str(payment.amount) == amount:
                        self.facts[str(payment.uid)] = amount

        @rule(who=st.integers(0, 1), case=st.integers(0, 3), court=st.sampled_from("甲乙丙"))
        def edit(self, who: int, case: int, court: str) -> None:
            held = self.laptops[who].case_nos()
            self.laptops[who].set_court(held[case % len(held)], court)

        @rule(who=st.integers(0, 1))
        def walk_in(self, who: int) -> None:
            self.laptops[who].create_case(batch="")

        @rule(case=st.integers(0, 3), to=st.integers(0, 1))
        def reassign(self, case: int, to: int) -> None:
            self.office.reassign(self.numbers[case], MEDIATORS[to])

        @rule(who=st.integers(0, 1), cut=st.none() | st.integers(1, 8),
              mode=st.sampled_from(["before", "after", "dup"]))
        def sync(self, who: int, cut: int | None, mode: str) -> None:
            self.office.requests = 0
            self.office.faults = (lambda request, n: mode if n == cut else None) if cut else None
            with contextlib.suppress(Unreachable):
                self.laptops[who].sync()
            self.office.faults = None

        @rule(who=st.integers(0, 1), twice=st.booleans())
        def usb(self, who: int, twice: bool) -> None:
            laptop = self.laptops[who]
            data, _ = export_bundle(laptop.ctx)
            from server import bundles

            with self.office.conn() as conn:
                bundles.import_bundle(conn, data)
                if twice:
                    with pytest.raises(BadBundle):
                        bundles.import_bundle(conn, data)
                back, _ = bundles.export_bundle(conn, MEDIATORS[who])
            import_bundle(laptop.ctx, back)

        @invariant()
        def laptops_keep_their_facts(self) -> None:
            if not hasattr(self, "office"):
                return
            from app.store.models import Payment

            kept: set[str] = set()
            for laptop in self.laptops:
                with laptop.ctx.read() as uow:
                    kept |= {str(p.uid) for p in uow.session.query(Payment)}
            with self.office.conn() as conn:
                kept |= {str(r["uid"]) for r in conn.execute(
                    "SELECT uid FROM case_row WHERE entity = 'payment' AND NOT deleted")}
            assert set(self.facts) <= kept

        def settle_and_check(self) -> None:
            for _ in range(2):
                for laptop in self.laptops:
                    laptop.sync()
            with self.office.conn() as conn:
                rows = conn.execute(
                    "SELECT uid, body FROM case_row WHERE entity = 'payment' AND NOT deleted"
                ).fetchall()
            on_server = {str(r["uid"]): r["body"]["amount"] for r in rows}
            assert {u: on_server.get(u) for u in self.facts} == self.facts
            for laptop in self.laptops:
                assert laptop.pending() == 0
                assert laptop.audit_ok() == []

    return Sync


@pytest.mark.parametrize("examples", [EXAMPLES])
def test_random_interleavings_never_lose_a_committed_write(
    pg: Cluster, pg_template: str, laptop_template: Path, examples: int
) -> None:
    from hypothesis.stateful import run_state_machine_as_test

    base = machine(pg, pg_template, laptop_template)

    class Checked(base):  # type: ignore[misc, valid-type]
        def teardown(self) -> None:
            if hasattr(self, "office"):
                self.settle_and_check()
            super().teardown()

    run_state_machine_as_test(
        Checked,
        settings=settings(max_examples=examples, stateful_step_count=12, deadline=None,
                          suppress_health_check=list(HealthCheck)),
    )
