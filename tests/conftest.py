"""Test-wide settings: offscreen Qt, a fixed locale, a keyring that never touches the real one."""

from __future__ import annotations

import os
import time


def pytest_configure(config: object) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["LANG"] = "C.UTF-8"
    os.environ["LC_ALL"] = "C.UTF-8"
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    # Never the developer's real keychain: the null backend behaves like "no keyring".
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ.pop("MEDIATION_DESK_DATA_DIR", None)
