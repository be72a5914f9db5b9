"""The office-sync suite: a real PostgreSQL per worker, a template database per run, a fresh
database per test, the sync service in-process (or as a subprocess), laptops as data folders.

Without PostgreSQL the suite skips with the reason locally and FAILS under CI=true.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pg_cluster import Cluster, create_cluster, find_bindir
from tests.store_fixtures import START, FixedClock, make_template
from tests.sync.harness import Laptop, Office


@pytest.fixture(scope="session")
def pg() -> Iterator[Cluster]:
    bindir = find_bindir()
    if bindir is None:
        reason = "PostgreSQL is not installed (Debian: apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must install it (.ci/run)")
        pytest.skip(reason)
    cluster = create_cluster(bindir)
    yield cluster
    cluster.remove()


@pytest.fixture(scope="session")
def pg_template(pg: Cluster) -> str:
    import psycopg

    from server import db

    with psycopg.connect(pg.url(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE sync_template")
    db.migrate(pg.url("sync_template"))
    return "sync_template"


@pytest.fixture
def office_url(pg: Cluster, pg_template: str) -> Iterator[str]:
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield pg.url(name)
    with psycopg.connect(pg.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def laptop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("laptop-template"))


@pytest.fixture
def office(office_url: str) -> Iterator[Office]:
    with Office(office_url) as running:
        yield running


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def laptops(tmp_path: Path, laptop_template: Path, office: Office) -> Iterator[Any]:
    made: list[Laptop] = []

    def make(name: str = "A", **kwargs: Any) -> Laptop:
        laptop = Laptop(tmp_path / f"laptop-{name}", laptop_template, office, **kwargs)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()
