"""Collect the message templates the core (`app/`) can show a user, for the English catalogue
(`resources/translations/core_en.json`, read by `app.i18n`).

The rule, kept simple so that anyone can predict it:

- Every string literal in a module of `app/` that contains at least two Chinese characters
  (U+4E00–U+9FFF; one alone is a unit or a fragment a parser looks for) is a template:
  plain strings, implicitly concatenated strings and f-strings alike. Pieces joined with
  `+` are separate templates (the catalogue translates a joined text piece by piece, see
  `app.i18n`).
- An f-string's replacement fields become `{0}`, `{1}`, … in the order they first appear;
  the same expression twice gets the same number; conversions and format specs are dropped.
  A plain string keeps its `{name}` fields (it is filled in with `str.format`).
- Not templates: docstrings; the arguments of `QT_TRANSLATE_NOOP` (Qt's `.ts` translates
  those vocabularies); the arguments of logging calls (`log.info(...)`, `logger.warning(...)`:
  a log is not shown to a user); the arguments of `re.…` calls (patterns); strings that are
  only compared with (`x == "…"`, `"…" in x`); and the modules in `EXCLUDED`, whose Chinese
  goes into documents, messages to debtors or demo data (documents stay Chinese).

`python -m tools.extract_core_messages` prints the count of templates per area and how many
have no English; `--missing MODULE_PREFIX` lists those without English.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
CATALOGUE = ROOT / "resources" / "translations" / "core_en.json"

CHINESE = re.compile(r"[\u4e00-\u9fff]")
FIELD = re.compile(r"\{(\w*)(?:[!:][^{}]*)?\}")  # as app.i18n reads a template

# Module prefixes (dotted) whose Chinese is document text, never shown as a message.
EXCLUDED = (
    "app.documents",  # the PDF templates and their words
    "app.domain.numerals",  # amounts in Chinese capitals, for documents
    "app.domain.contact_messages",  # the SMS texts sent to debtors
    "app.domain.privacy_notice",  # the notice a debtor is given
    "app.services.reports.pdf",  # the report's PDF summary
    "app.services.demo",  # demo cases: names, addresses, loan purposes (data, not messages)
)

LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}


@dataclass(frozen=True)
class Template:
    """One message template, where it is written."""

    module: str
    line: int
    text: str


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def excluded(module: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in EXCLUDED)


def fstring_template(node: ast.JoinedStr) -> str:
    """`f"应为{digit}，{x!r:>3}"` → `应为{0}，{1}`; literal braces stay doubled-free."""
    numbers: dict[str, int] = {}
    out: list[str] = []
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            out.append(value.value)
        elif isinstance(value, ast.FormattedValue):
            source = ast.unparse(value.value)
            number = numbers.setdefault(source, len(numbers))
            out.append("{" + str(number) + "}")
    return "".join(out)


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are not templates: docstrings, Qt-marked words, log
    arguments, strings only compared with."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            logging = isinstance(func, ast.Attribute) and name in LOG_METHODS and (
                "log" in ast.unparse(func.value).lower()
            )
            pattern = isinstance(func, ast.Attribute) and ast.unparse(func.value) == "re"
            if name == "QT_TRANSLATE_NOOP" or logging or pattern:
                skipped.update(id(n) for arg in node.args for n in ast.walk(arg))
        elif isinstance(node, ast.Compare):
            skipped.update(id(n) for side in [node.left, *node.comparators] for n in ast.walk(side)
                           if isinstance(n, ast.Constant))
    return skipped


def templates_of(path: Path) -> Iterator[Template]:
    """The templates written in one module (see the module docstring for the rule)."""
    module = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skipped = _skipped_nodes(tree)
    inside_fstrings = {
        id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in ast.walk(n)
        if v is not n
    }
    for node in ast.walk(tree):
        if id(node) in skipped or id(node) in inside_fstrings:
            continue
        if isinstance(node, ast.JoinedStr):
            text = fstring_template(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if len(CHINESE.findall(text)) >= 2:
            yield Template(module, node.lineno, text)


def app_modules() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if not excluded(module_name(p)))


def extract(prefixes: tuple[str, ...] = ("app",)) -> list[Template]:
    """Every template of the modules under `prefixes` (dotted), in file and line order."""
    found: list[Template] = []
    for path in app_modules():
        module = module_name(path)
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            found.extend(sorted(templates_of(path), key=lambda t: t.line))
    return found


def fields(text: str) -> set[str]:
    """The replacement fields of a template (`{0}`, `{path}`, `{}`); other braces (`{…}`)
    are literal."""
    return set(FIELD.findall(text))


def load_catalogue() -> dict[str, str]:
    with CATALOGUE.open(encoding="utf-8") as handle:
        data: dict[str, str] = json.load(handle)
    return data


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", metavar="PREFIX", help="list templates without English")
    args = parser.parse_args(argv)
    catalogue = load_catalogue() if CATALOGUE.exists() else {}
    if args.missing:
        for t in extract((args.missing,)):
            if t.text not in catalogue:
                print(json.dumps({"module": t.module, "line": t.line, "text": t.text},
                                 ensure_ascii=False))
        return 0
    areas: dict[str, list[int]] = {}
    seen: set[str] = set()
    for t in extract():
        if t.text in seen:
            continue
        seen.add(t.text)
        area = ".".join(t.module.split(".")[:3])
        counts = areas.setdefault(area, [0, 0])
        counts[0] += 1
        counts[1] += t.text not in catalogue
    for area, (total, missing) in sorted(areas.items()):
        print(f"{area:40} {total:5} templates {missing:5} without English")
    print(f"{'all':40} {sum(c[0] for c in areas.values()):5} templates "
          f"{sum(c[1] for c in areas.values()):5} without English")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
