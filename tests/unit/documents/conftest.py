"""A demo store with one case ready for every document, made once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.unit.documents.demo_case import prepare


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents-demo")
    prepare(folder)
    return folder


@pytest.fixture
def demo_dir(tmp_path: Path, demo_template: Path) -> Path:
    """A copy of the prepared store for one test."""
    target = tmp_path / "data"
    shutil.copytree(demo_template, target, ignore=shutil.ignore_patterns("backups"))
    return target
