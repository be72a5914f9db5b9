"""Test-wide settings: offscreen Qt, a fixed locale, a keyring that never touches the real one."""

from __future__ import annotations

import os
import time

from tests.logfail import fail_on_logged_errors

__all__ = ["fail_on_logged_errors"]  # autouse: a logged error fails the test


def pytest_configure(config: object) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["LANG"] = "C.UTF-8"
    os.environ["LC_ALL"] = "C.UTF-8"
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    # Never the developer's real keychain: the null backend behaves like "no keyring".
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ.pop("MEDIATION_DESK_DATA_DIR", None)
    # With no keyring the encrypted case store's key comes from this passphrase (the CLI
    # subprocesses of the tests inherit it). In this process new keys use a cheap Argon2id
    # setting so hundreds of fresh stores stay fast; existing keys keep their stored one.
    from tests.security_fixtures import TEST_PASSPHRASE, use_fast_kdf

    os.environ["MEDIATION_DESK_PASSPHRASE"] = TEST_PASSPHRASE
    use_fast_kdf()

