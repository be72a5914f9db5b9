"""App-lock passwords: stored only as Argon2id hashes (argon2-cffi's `PasswordHasher`).

The hash string carries its own parameters and salt, so verifying works whatever settings
made it; `needs_rehash` tells when a stored hash is weaker than today's settings (it is
then replaced at the next successful sign-in).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.errors import Problem

MIN_LENGTH = 8
MAX_LENGTH = 256


@dataclass(frozen=True)
class HashSettings:
    """Argon2id cost: 64 MiB, 3 passes, 4 lanes (RFC 9106's second recommended setting)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_SETTINGS = HashSettings()
settings: HashSettings = DEFAULT_SETTINGS
"""Settings for new hashes (tests lower them in-process; never read from the environment)."""


def _hasher() -> Any:
    from argon2 import PasswordHasher, Type

    return PasswordHasher(
        time_cost=settings.time_cost,
        memory_cost=settings.memory_kib,
        parallelism=settings.parallelism,
        type=Type.ID,
    )


def hash_password(password: str) -> str:
    """An encoded Argon2id hash (`$argon2id$v=19$m=...`), never the password."""
    return str(_hasher().hash(password))


def verify_password(encoded: str, password: str) -> bool:
    """True when `password` matches; False for a wrong password or a malformed hash."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return bool(_hasher().verify(encoded, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(encoded: str) -> bool:
    from argon2.exceptions import InvalidHashError

    try:
        return bool(_hasher().check_needs_rehash(encoded))
    except InvalidHashError:
        return True


_DUMMY: dict[HashSettings, str] = {}


def dummy_hash() -> str:
    """A hash to verify against when the account does not exist (same time as a real one)."""
    if settings not in _DUMMY:
        _DUMMY[settings] = hash_password("not a password of anyone")
    return _DUMMY[settings]


def password_problems(password: str, username: str = "", path: str = "password") -> list[Problem]:
    """What is wrong with a new password (empty when it is acceptable)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(Problem(path, f"密码至少 {MIN_LENGTH} 个字符，请设置更长的密码。"))
    elif len(password) > MAX_LENGTH:
        problems.append(Problem(path, f"密码最多 {MAX_LENGTH} 个字符。"))
    elif username and password.strip().casefold() == username.strip().casefold():
        problems.append(Problem(path, "密码不能与用户名相同。"))
    elif len(set(password)) < 3:
        problems.append(Problem(path, "密码过于简单（字符种类太少），请换一个。"))
    return problems
