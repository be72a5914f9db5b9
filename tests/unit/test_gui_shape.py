"""The GUI calls the core only through typed operations: no view opens the store itself,
none hands the runner an untyped function, and nothing holds the core as `Any`."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
CORE_NAMES = {"service", "core", "_service", "_core"}
# Where the store's context may be taken: the operations, and the facade that opens it.
CONTEXT_ALLOWED = {UI / "services.py", *(UI / "ops").rglob("*.py")}


def calls_named(tree: ast.AST, attribute: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == attribute
    ]


def ui_modules() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_only_the_operations_take_the_stores_context() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in ui_modules()
        if path not in CONTEXT_ALLOWED
        for line in calls_named(ast.parse(path.read_text(encoding="utf-8")), "context")
    ]
    assert found == []


def test_views_run_typed_ops_not_untyped_functions() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in ui_modules()
        if path != UI / "tasks.py"
        for line in calls_named(ast.parse(path.read_text(encoding="utf-8")), "submit")
        if "runner" in path.read_text(encoding="utf-8").splitlines()[line - 1]
    ]
    assert found == []


def core_typed_any(tree: ast.AST) -> list[int]:
    """Lines where a parameter or attribute holding the core is `Any` (or not typed)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.arg in CORE_NAMES:
            annotation = ast.unparse(node.annotation) if node.annotation else ""
            if not annotation or "Any" in annotation:
                found.append(node.lineno)
        elif (
            isinstance(node, ast.AnnAssign)
            and "Any" in ast.unparse(node.annotation)
            and ast.unparse(node.target).split(".")[-1] in CORE_NAMES
        ):
            found.append(node.lineno)
    return sorted(found)


def test_the_core_is_never_typed_any() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in ui_modules()
        for line in core_typed_any(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_the_checks_see_a_violation() -> None:
    tree = ast.parse(
        "def f(service: Any) -> None:\n"
        "    runner.submit(lambda: service.context())\n"
        "    self._core: Any = service\n"
    )
    assert calls_named(tree, "context") == [2] and calls_named(tree, "submit") == [2]
    assert core_typed_any(tree) == [1, 3]
