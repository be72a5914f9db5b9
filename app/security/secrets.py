"""The app's one way to hold secrets: the OS keyring, or a passphrase when there is none.

Order of sources for a secret the app needs (database key, signing-key passphrase):
1. the OS keyring (Secret Service, macOS Keychain, Windows Credential Locker);
2. when no keyring backend works, `MEDIATION_DESK_PASSPHRASE` from the environment
   (non-interactive use: CLI, tests, CI);
3. otherwise the caller asks the user for a passphrase (GUI dialog, or a terminal prompt)
   and says why. A CLI without a terminal never waits on a prompt: it exits 2 and names
   the variable to set. Never a silent plaintext file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

SERVICE = "MediationDesk"
PASSPHRASE_ENV = "MEDIATION_DESK_PASSPHRASE"

NO_KEYRING_HINT = (
    "本机没有可用的系统钥匙串（keyring），无法自动保存密钥。"
    f"请设置环境变量 {PASSPHRASE_ENV} 作为口令后重试。"
    f" (No OS keyring backend works here: set {PASSPHRASE_ENV} to a passphrase.)"
)


class SecretStore:
    """Secrets kept in the OS keyring under one service name, scoped per data directory."""

    def __init__(self, scope: str = "", *, service: str = SERVICE) -> None:
        self.service = f"{service}:{scope}" if scope else service

    def keyring_available(self) -> bool:
        """True when a real keyring backend works (the `fail` backend does not count)."""
        try:
            import keyring
            from keyring.backends import fail

            return not isinstance(keyring.get_keyring(), fail.Keyring)
        except Exception:  # a broken backend is the same as none
            return False

    def get(self, name: str) -> str | None:
        if not self.keyring_available():
            return None
        import keyring

        try:
            return keyring.get_password(self.service, name)
        except Exception:
            return None

    def set(self, name: str, value: str) -> bool:
        """Store a secret; False when no keyring backend works (the caller then asks)."""
        if not self.keyring_available():
            return False
        import keyring

        try:
            keyring.set_password(self.service, name, value)
        except Exception:
            return False
        return True

    def delete(self, name: str) -> None:
        if not self.keyring_available():
            return
        import keyring

        try:
            keyring.delete_password(self.service, name)
        except Exception:
            return


def passphrase_from_env(env: Mapping[str, str] | None = None) -> str | None:
    """The passphrase from `MEDIATION_DESK_PASSPHRASE`, or None when unset or empty."""
    value = (os.environ if env is None else env).get(PASSPHRASE_ENV, "")
    return value or None
