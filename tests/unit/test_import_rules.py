"""The layers of `architecture.md`, checked by parsing every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_under(package: str) -> list[Path]:
    return sorted((ROOT / package.replace(".", "/")).rglob("*.py"))


def starts(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(
    package: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()
) -> list[str]:
    found = []
    for path in modules_under(package):
        for name in imported_modules(path):
            bad = any(starts(name, f) for f in forbidden)
            if bad and not any(starts(name, a) for a in allowed):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_domain_imports_nothing_of_the_project_outside_itself() -> None:
    assert violations("app.domain", ("app", "ui", "PySide6"), ("app.domain",)) == []


@pytest.mark.parametrize("package", ["app.cli", "ui"])
def test_cli_and_ui_never_reach_the_store(package: str) -> None:
    assert violations(package, ("app.store",)) == []


def test_app_never_imports_qt_or_ui_except_main_lazily() -> None:
    found = [
        v for v in violations("app", ("PySide6", "ui", "shiboken6"))
        if not v.startswith("app/__main__.py")
    ]
    assert found == []


def test_main_imports_ui_only_inside_a_function() -> None:
    tree = ast.parse((ROOT / "app" / "__main__.py").read_text(encoding="utf-8"))
    top_level = {
        node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.module
    } | {alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
    assert not any(starts(name, "ui") for name in top_level)


def test_the_rule_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from app.store import models\nimport PySide6.QtCore\n", encoding="utf-8")
    assert imported_modules(bad) == {"app.store", "PySide6.QtCore"}
