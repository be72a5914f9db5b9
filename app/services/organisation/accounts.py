"""The app lock as use cases: accounts and roles, signing in with back-off, idle minutes.

Roles: a `mediator` works cases; a `supervisor` also manages the organisation profile,
certificates, accounts and the LPR table (`require(user, permission)` guards those).
Passwords are stored only as Argon2id hashes. Wrong passwords are counted per user name in
the encrypted store (`login_throttle`), so quitting and restarting does not reset the
back-off (`app.security.lock.BackoffPolicy`: 3 free tries, then 5 s doubling to 15 min);
every sign-in, wrong password and account change is in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.domain.errors import DomainError, InputError, Problem
from app.domain.vocab import ACCOUNT_ROLES
from app.security import passwords
from app.security.lock import (
    DEFAULT_IDLE_MINUTES,
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    BackoffPolicy,
)
from app.store.accounts import Account, AppSetting, LoginThrottle

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.unit_of_work import UnitOfWork

SUPERVISOR = "supervisor"
MEDIATOR = "mediator"
PERMISSIONS: dict[str, frozenset[str]] = {
    MEDIATOR: frozenset({"cases"}),
    SUPERVISOR: frozenset({"cases", "organisation", "certificates", "accounts", "lpr", "export"}),
}
PERMISSION_LABELS = {
    "organisation": "调解组织信息",
    "certificates": "数字证书",
    "accounts": "账户管理",
    "lpr": "LPR 利率表",
    "export": "导出未遮盖的个人信息",
    "cases": "案件",
}
IDLE_SETTING = "lock.idle_minutes"

WRONG = "用户名或密码不正确。"
WAIT = "密码错误次数过多，请在 {seconds} 秒后再试。"
INACTIVE = "该账户已停用，请联系主管。"


class SignInRefused(DomainError):
    """Wrong user name or password, or too many tries: `retry_after` says how long to wait."""

    def __init__(self, message: str, retry_after: timedelta = timedelta(0)) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class AccountInfo:
    id: int
    username: str
    display_name: str
    role: str
    role_label: str
    active: bool
    created_at: datetime


@dataclass(frozen=True)
class SignedIn:
    """Who is using the app now (what the GUI keeps after the lock screen)."""

    username: str
    display_name: str
    role: str
    at: datetime

    def can(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.role, frozenset())


def require(user: SignedIn, permission: str) -> None:
    """DomainError unless `user` may do `permission` (e.g. "accounts", "lpr")."""
    if not user.can(permission):
        label = PERMISSION_LABELS.get(permission, permission)
        raise DomainError(f"“{label}”只能由主管管理：请让主管账户登录后操作。")


KEY_HOLDER_CHANNEL = "cli"


def key_holder(ctx_or_actor: AppContext | str | None = None) -> SignedIn:
    """Whoever holds the case store's key, acting as a supervisor.

    The CLI runs as this user: it opens the whole encrypted database with the key, so a role
    check could keep it from nothing (anyone with the key can read and change every row
    directly). The app lock separates staff roles in the GUI; it is not a guard on the key.
    The name says where the action came from: `cli:<OS user>` by default, `cli:<actor>` for a
    context's or a given actor, or the given name as is when it already names its channel
    (`gui:<OS user>` for a window built without the lock, as in tests and screenshots).
    """
    if ctx_or_actor is None or isinstance(ctx_or_actor, str):
        actor, at = ctx_or_actor or "", datetime.now(UTC)
    else:
        actor, at = ctx_or_actor.actor, ctx_or_actor.now()
    if not actor or actor == KEY_HOLDER_CHANNEL:
        actor = _os_user()
    username = actor if ":" in actor else f"{KEY_HOLDER_CHANNEL}:{actor}"
    return SignedIn(username, actor.split(":", 1)[-1], SUPERVISOR, at)


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def normalise(username: str) -> str:
    return username.strip().casefold()


def _info(account: Account) -> AccountInfo:
    return AccountInfo(
        account.id,
        account.username,
        account.display_name,
        account.role,
        ACCOUNT_ROLES[account.role],
        account.active,
        account.created_at,
    )


def _by_name(uow: UnitOfWork, username: str) -> Account | None:
    stmt = select(Account).where(Account.username == normalise(username))
    return uow.session.scalars(stmt).first()


def _count(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.count(Account.id))) or 0)


def needs_first_account(ctx: AppContext) -> bool:
    """True until the first (supervisor) account exists: the app is not locked yet."""
    with ctx.read() as uow:
        return _count(uow) == 0


def list_accounts(ctx: AppContext) -> list[AccountInfo]:
    with ctx.read() as uow:
        rows = uow.session.scalars(select(Account).order_by(Account.username)).all()
        return [_info(a) for a in rows]


def _validate(username: str, display_name: str, role: str, password: str) -> None:
    problems = []
    name = normalise(username)
    if not 2 <= len(name) <= 50 or any(ch.isspace() for ch in name):
        problems.append(Problem("username", "用户名为 2–50 个字符，不含空格。"))
    if len(display_name.strip()) > 50:
        problems.append(Problem("display_name", "姓名最多 50 个字符。"))
    if role not in ACCOUNT_ROLES:
        problems.append(Problem("role", "角色只能是“调解员”（mediator）或“主管”（supervisor）。"))
    problems += passwords.password_problems(password, username)
    if problems:
        raise InputError(problems)


FIRST_EXISTS = "已有账户：新账户须由主管在“账户管理”中添加。"


def _add(
    ctx: AppContext,
    actor: str,
    new: tuple[str, str, str, str],
    *,
    first_only: bool = False,
) -> AccountInfo:
    username, display_name, role, password = new
    _validate(username, display_name, role, password)
    encoded = passwords.hash_password(password)
    with ctx.store.write(actor, ctx.now()) as uow:
        if first_only and _count(uow) > 0:  # checked under the write lock
            raise DomainError(FIRST_EXISTS)
        if _by_name(uow, username) is not None:
            raise InputError([Problem("username", f"用户名“{username.strip()}”已被使用。")])
        account = Account(
            username=normalise(username),
            display_name=display_name.strip(),
            role=role,
            password_hash=encoded,
            active=True,
            created_at=uow.now,
            password_changed_at=uow.now,
        )
        uow.session.add(account)
        uow.session.flush()
        uow.record("account.created", detail={"username": account.username, "role": role})
        return _info(account)


def create_first_supervisor(
    ctx: AppContext, username: str, display_name: str, password: str
) -> AccountInfo:
    """The first account, always a supervisor; refused once any account exists."""
    new = (username, display_name, SUPERVISOR, password)
    return _add(ctx, normalise(username), new, first_only=True)


def create_account(
    ctx: AppContext, by: SignedIn, username: str, display_name: str, role: str, password: str
) -> AccountInfo:
    require(by, "accounts")
    return _add(ctx, by.username, (username, display_name, role, password))


def _throttle(uow: UnitOfWork, name: str) -> LoginThrottle | None:
    return uow.session.get(LoginThrottle, name)


def _refuse_if_waiting(ctx: AppContext, name: str, policy: BackoffPolicy) -> None:
    with ctx.read() as uow:
        row = _throttle(uow, name)
        failures, last = (row.failures, row.last_failure_at) if row else (0, None)
    wait = policy.wait_left(failures, last, ctx.now())
    if wait > timedelta(0):
        raise SignInRefused(WAIT.format(seconds=_seconds(wait)), wait)


def _seconds(wait: timedelta) -> int:
    return max(1, int(-(-wait.total_seconds() // 1)))


def _count_failure(ctx: AppContext, name: str, policy: BackoffPolicy) -> SignInRefused:
    with ctx.store.write(name, ctx.now()) as uow:
        row = _throttle(uow, name)
        if row is None:
            row = LoginThrottle(username=name, failures=0, last_failure_at=uow.now)
            uow.session.add(row)
        row.failures += 1
        row.last_failure_at = uow.now
        uow.record("auth.failed", detail={"username": name, "failures": row.failures})
        failures = row.failures
    wait = policy.delay(failures)
    if wait > timedelta(0):
        return SignInRefused(f"{WRONG}{WAIT.format(seconds=_seconds(wait))}", wait)
    return SignInRefused(WRONG)


def sign_in(
    ctx: AppContext, username: str, password: str, *, policy: BackoffPolicy | None = None
) -> SignedIn:
    """Check the password (at start and after the idle lock); `SignInRefused` when wrong or
    when the back-off has not run out (then the password is not even checked)."""
    rules = policy or BackoffPolicy()
    name = normalise(username)
    _refuse_if_waiting(ctx, name, rules)
    with ctx.read() as uow:
        account = _by_name(uow, name)
        stored = account.password_hash if account else passwords.dummy_hash()
        active = bool(account and account.active)
    if not passwords.verify_password(stored, password) or account is None:
        raise _count_failure(ctx, name, rules)
    if not active:
        raise SignInRefused(INACTIVE)
    with ctx.store.write(name, ctx.now()) as uow:
        row = _throttle(uow, name)
        if row is not None:
            uow.session.delete(row)
        current = _by_name(uow, name)
        assert current is not None
        if passwords.needs_rehash(current.password_hash):
            current.password_hash = passwords.hash_password(password)
        uow.record("auth.signed_in", detail={"username": name})
        return SignedIn(current.username, current.display_name, current.role, uow.now)


def _set_password(ctx: AppContext, actor: str, name: str, new_password: str, action: str) -> None:
    problems = passwords.password_problems(new_password, name, "new_password")
    if problems:
        raise InputError(problems)
    encoded = passwords.hash_password(new_password)
    with ctx.store.write(actor, ctx.now()) as uow:
        account = _by_name(uow, name)
        if account is None:
            raise DomainError(f"没有用户名为“{name}”的账户。")
        account.password_hash = encoded
        account.password_changed_at = uow.now
        row = _throttle(uow, name)
        if row is not None:
            uow.session.delete(row)
        uow.record(action, detail={"username": name})


def change_password(ctx: AppContext, user: SignedIn, old_password: str, new_password: str) -> None:
    """The signed-in user changes their own password (the old one is checked first)."""
    with ctx.read() as uow:
        account = _by_name(uow, user.username)
        stored = account.password_hash if account else passwords.dummy_hash()
    if not passwords.verify_password(stored, old_password):
        raise InputError([Problem("old_password", "原密码不正确。")])
    _set_password(ctx, user.username, user.username, new_password, "account.password_changed")


def reset_password(ctx: AppContext, by: SignedIn, username: str, new_password: str) -> None:
    """A supervisor sets a new password for someone who forgot theirs."""
    require(by, "accounts")
    _set_password(ctx, by.username, normalise(username), new_password, "account.password_reset")


def set_active(ctx: AppContext, by: SignedIn, username: str, active: bool) -> AccountInfo:
    """Disable or re-enable an account; the last active supervisor stays active."""
    require(by, "accounts")
    with ctx.store.write(by.username, ctx.now()) as uow:
        account = _by_name(uow, username)
        if account is None:
            raise DomainError(f"没有用户名为“{normalise(username)}”的账户。")
        if not active and account.role == SUPERVISOR and _active_supervisors(uow) <= 1:
            raise DomainError("不能停用最后一个主管账户：请先为另一位主管建立账户。")
        account.active = active
        uow.record(
            "account.enabled" if active else "account.disabled",
            detail={"username": account.username},
        )
        return _info(account)


def _active_supervisors(uow: UnitOfWork) -> int:
    stmt = select(func.count(Account.id)).where(
        Account.role == SUPERVISOR, Account.active.is_(True)
    )
    return int(uow.session.scalar(stmt) or 0)


def idle_minutes(ctx: AppContext) -> int:
    """Minutes without activity before the app locks (default 10)."""
    with ctx.read() as uow:
        row = uow.session.get(AppSetting, IDLE_SETTING)
        try:
            return int(row.value) if row else DEFAULT_IDLE_MINUTES
        except ValueError:
            return DEFAULT_IDLE_MINUTES


def set_idle_minutes(ctx: AppContext, by: SignedIn, minutes: int) -> None:
    require(by, "accounts")
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise InputError(
            [Problem("idle_minutes", f"锁定时间为 {MIN_IDLE_MINUTES}–{MAX_IDLE_MINUTES} 分钟。")]
        )
    with ctx.store.write(by.username, ctx.now()) as uow:
        row = uow.session.get(AppSetting, IDLE_SETTING)
        if row is None:
            uow.session.add(AppSetting(name=IDLE_SETTING, value=str(minutes)))
        else:
            row.value = str(minutes)
        uow.record("settings.idle_minutes", detail={"minutes": minutes})
