"""Where the app finds its bundled resources and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "MediationDesk"
DATA_DIR_ENV = "MEDIATION_DESK_DATA_DIR"


def project_root() -> Path:
    """The folder holding `resources/` and `db/` (the PyInstaller bundle when frozen)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. `resource("fonts", "uming.ttc")`."""
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return project_root() / "db" / "migrations"


def default_data_dir() -> Path:
    """The user's data directory: `$MEDIATION_DESK_DATA_DIR`, else the platform's."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
