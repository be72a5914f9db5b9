"""Who can be the mediator in charge of a case (承办调解员): the organisation's mediators
and the app's active accounts; an account chosen that is not yet one of the organisation's
mediators is enrolled (the role follows the account's). Used when a case is created
(`app.services.cases.service`) and when it is assigned (`app.services.cases.assign`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.errors import DomainError, InputError, Problem

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Mediator
    from app.store.unit_of_work import UnitOfWork

NO_ORGANISATION = (
    "还没有保存调解组织的资料，无法登记调解员：请先在“设置 → 调解组织”中填写组织名称并保存。"
)


def mediator_names(ctx: AppContext) -> list[str]:
    """Everyone a case can be assigned to: the organisation's mediators, then the accounts."""
    with ctx.read() as uow:
        return _names(uow)


def _names(uow: UnitOfWork) -> list[str]:
    from sqlalchemy import select

    from app.store.accounts import Account

    names = [m.name for m in uow.organisation.mediators()]
    stmt = select(Account).where(Account.active.is_(True)).order_by(Account.id)
    for account in uow.session.scalars(stmt):
        name = account.display_name.strip() or account.username
        if name not in names:
            names.append(name)
    return names


def mediator_for(uow: UnitOfWork, name: str) -> Mediator | None:
    """The organisation's mediator called `name`, enrolled from an account of that name when
    needed; None when nobody has that name. DomainError when enrolling needs the profile."""
    from sqlalchemy import or_, select

    from app.store.accounts import Account
    from app.store.models import Mediator

    wanted = name.strip()
    found = uow.organisation.mediator_named(wanted)
    if found is not None or not wanted:
        return found
    stmt = select(Account).where(
        Account.active.is_(True), or_(Account.display_name == wanted, Account.username == wanted)
    )
    account = uow.session.scalars(stmt).first()
    if account is None:
        return None
    org = uow.organisation.profile()
    if org is None:
        raise DomainError(NO_ORGANISATION)
    mediator = Mediator(name=account.display_name.strip() or account.username, role=account.role)
    org.mediators.append(mediator)
    uow.session.flush()
    detail = {"name": mediator.name, "role": mediator.role, "from_account": account.username}
    uow.record("organisation.mediator_added", detail=detail)
    return mediator


def unknown_mediator(uow: UnitOfWork, name: str, path: str) -> InputError:
    names = "、".join(_names(uow)) or "（还没有：请在“设置 → 调解组织”或“账户”中添加）"
    reason = f"没有名为“{name.strip()}”的调解员。可选：{names}。"
    return InputError([Problem(path, reason)])
