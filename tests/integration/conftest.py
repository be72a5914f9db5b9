"""Fixtures for tests on a real SQLite case store (a copy of a migrated template)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.store_fixtures import START, FixedClock, copy_template, make_template


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def data_dir(tmp_path: Path, template_db: Path) -> Path:
    folder = tmp_path / "data"
    copy_template(template_db, folder)
    return folder


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def ctx(data_dir: Path, clock: FixedClock) -> Iterator[Any]:
    from app.services.startup import open_context

    context = open_context(data_dir, actor="测试员", clock=clock)
    yield context
    context.close()


@pytest.fixture
def store(ctx: Any) -> Any:
    return ctx.store
