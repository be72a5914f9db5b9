"""Refresh the translation sources from the code and compile them.

    .venv/bin/python resources/translations/update_translations.py

UI strings are written in Simplified Chinese (the source language); `mediation_desk_en.ts`
holds their English. The sources are `ui/` and the vocabularies of `app/domain` the GUI
shows (`DOMAIN_SOURCES`). `pyside6-lupdate` adds new strings to the .ts (translate them with
`pyside6-linguist`), `pyside6-lrelease` builds the `.qm` the app loads for `--lang en`.
Both tools ship with PySide6 in the virtualenv.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
TARGETS = {"en": HERE / "mediation_desk_en.ts"}


# Vocabularies the GUI shows, kept with their Chinese labels in the domain and marked there
# with QT_TRANSLATE_NOOP (the domain imports no Qt).
DOMAIN_SOURCES = ("app/domain/vocab.py", "app/domain/session_record.py")


def source_files() -> list[Path]:
    """Every file with strings to translate: the GUI's, and the domain's vocabularies."""
    return sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / name for name in DOMAIN_SOURCES)])


def sources() -> list[str]:
    return [os.path.relpath(p, HERE) for p in source_files()]


def main() -> int:
    for language, ts in TARGETS.items():
        lupdate = [
            str(BIN / "pyside6-lupdate"),
            *sources(),
            "-source-language",
            "zh_CN",
            "-target-language",
            language,
            "-no-obsolete",
            "-locations",
            "relative",
            "-ts",
            ts.name,
        ]
        subprocess.run(lupdate, cwd=HERE, check=True)
        lrelease = [str(BIN / "pyside6-lrelease"), ts.name, "-qm", ts.with_suffix(".qm").name]
        subprocess.run(lrelease, cwd=HERE, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
