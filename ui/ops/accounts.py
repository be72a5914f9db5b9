"""Accounts and the app lock: the first supervisor, signing in, accounts a supervisor
manages, passwords and the idle minutes before the lock (`app.services.organisation.accounts`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import in_store
from ui.tasks import Op

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.lock import BackoffPolicy
    from app.services.organisation.accounts import AccountInfo, SignedIn
    from ui.services import Core


def needs_first_account(core: Core) -> Op[tuple[bool, list[str]]]:
    """True until the first (supervisor) account exists; and what opening the store has to
    tell at once (e.g. a daily backup that failed)."""

    def work(ctx: AppContext) -> tuple[bool, list[str]]:
        from app.services.organisation import accounts

        return accounts.needs_first_account(ctx), list(ctx.notices)

    return in_store(core, work)


def idle_minutes(core: Core) -> Op[int]:
    def work(ctx: AppContext) -> int:
        from app.services.organisation import accounts

        return accounts.idle_minutes(ctx)

    return in_store(core, work)


def sign_in(
    core: Core, username: str, password: str, policy: BackoffPolicy | None = None
) -> Op[SignedIn]:
    """`SignInRefused` (with the time to wait) when the password is wrong."""

    def work(ctx: AppContext) -> SignedIn:
        from app.services.organisation import accounts

        return accounts.sign_in(ctx, username, password, policy=policy)

    return in_store(core, work)


def create_first_supervisor(
    core: Core, username: str, display_name: str, password: str
) -> Op[SignedIn]:
    """Make the first account (a supervisor), then sign it in."""

    def work(ctx: AppContext) -> SignedIn:
        from app.services.organisation import accounts

        accounts.create_first_supervisor(ctx, username, display_name, password)
        return accounts.sign_in(ctx, username, password)

    return in_store(core, work)


def create_account(
    core: Core, by: SignedIn, username: str, display_name: str, role: str, password: str
) -> Op[AccountInfo]:
    def work(ctx: AppContext) -> AccountInfo:
        from app.services.organisation import accounts

        return accounts.create_account(ctx, by, username, display_name, role, password)

    return in_store(core, work)


def set_password(core: Core, by: SignedIn, username: str, old: str, new: str) -> Op[None]:
    """A supervisor's reset of `username`'s password, or (no `username`) one's own change."""

    def work(ctx: AppContext) -> None:
        from app.services.organisation import accounts

        if username:
            accounts.reset_password(ctx, by, username, new)
        else:
            accounts.change_password(ctx, by, old, new)

    return in_store(core, work)


def accounts_and_idle_minutes(core: Core) -> Op[tuple[list[AccountInfo], int]]:
    def work(ctx: AppContext) -> tuple[list[AccountInfo], int]:
        from app.services.organisation import accounts

        return accounts.list_accounts(ctx), accounts.idle_minutes(ctx)

    return in_store(core, work)


def set_active(core: Core, by: SignedIn, username: str, active: bool) -> Op[AccountInfo]:
    def work(ctx: AppContext) -> AccountInfo:
        from app.services.organisation import accounts

        return accounts.set_active(ctx, by, username, active)

    return in_store(core, work)


def set_idle_minutes(core: Core, by: SignedIn, minutes: int) -> Op[int]:
    """Store the idle minutes; the minutes saved."""

    def work(ctx: AppContext) -> int:
        from app.services.organisation import accounts

        accounts.set_idle_minutes(ctx, by, minutes)
        return minutes

    return in_store(core, work)
