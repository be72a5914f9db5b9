"""The mediation organisation's profile: name, address, registration, phone, seal, mediators.

Set once in Settings and used by every document (and as the subject of the organisation's
certificate). Every change is validated as a whole (`InputError` with one problem per field,
paths such as `name`, `phone`, `mediators[1].phone`) and recorded in the audit log.

    profile = get_profile(ctx)
    profile = save_profile(ctx, replace(profile, phone="0571-88881234"), by=user)
    profile = set_seal_image(ctx, Path("seal.png").read_bytes(), by=user)

Changes are a supervisor's (`by` must have the "organisation" permission; the CLI and
scripts pass `accounts.key_holder()`); the audit log names `by.username`. Reading is open.
"""

from __future__ import annotations

import hashlib
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.domain.errors import DomainError, InputError, Problem
from app.domain.vocab import MEDIATOR_ROLES
from app.services.context import AppContext, db_path_for, open_context
from app.services.organisation.accounts import SignedIn, require
from app.services.organisation.rules import (
    check_mediator,
    check_profile_fields,
    mediator_problems,
)
from app.services.organisation.seal_image import normalise_seal
from app.store.models import Case, Mediator, Organisation
from app.store.unit_of_work import UnitOfWork

__all__ = [
    "MEDIATOR_ROLES",
    "MediatorInfo",
    "OrganisationProfile",
    "add_mediator",
    "get_profile",
    "organisation_name_in_store",
    "remove_mediator",
    "save_profile",
    "set_seal_image",
]

PROFILE_FIELDS = ("name", "address", "registration_no", "phone")
NO_ORGANISATION = "还没有保存调解组织的资料：请先在“设置 → 调解组织”中填写组织名称并保存。"


@dataclass(frozen=True)
class MediatorInfo:
    """A mediator of the organisation; `role` is `mediator` or `supervisor`.

    `id` is the stored mediator's (None for a new one): with it a rename keeps the cases
    the mediator handles.
    """

    name: str
    phone: str = ""
    role: str = "mediator"
    id: int | None = None


@dataclass(frozen=True)
class OrganisationProfile:
    """What heads every document. An empty `name` means the profile was never saved."""

    name: str = ""
    address: str = ""
    registration_no: str = ""
    phone: str = ""
    seal_png: bytes | None = None
    mediators: list[MediatorInfo] = field(default_factory=list)

    @property
    def is_set(self) -> bool:
        return bool(self.name)


def _mediator_info(row: Mediator) -> MediatorInfo:
    return MediatorInfo(name=row.name, phone=row.phone, role=row.role, id=row.id)


def _profile_of(uow: UnitOfWork) -> OrganisationProfile:
    org = uow.organisation.profile()
    if org is None:
        return OrganisationProfile()
    mediators = [
        _mediator_info(m) for m in uow.organisation.mediators() if m.organisation_id == org.id
    ]
    return OrganisationProfile(
        name=org.name,
        address=org.address,
        registration_no=org.registration_no,
        phone=org.phone,
        seal_png=org.seal_image,
        mediators=mediators,
    )


def get_profile(ctx: AppContext) -> OrganisationProfile:
    """The stored profile, or an empty one (`is_set` False) before the first save."""
    with ctx.read() as uow:
        return _profile_of(uow)


def organisation_name_in_store(data_dir: Path) -> str | None:
    """The organisation's name in the case store of `data_dir`; None without a store or name."""
    if not db_path_for(Path(data_dir)).exists():
        return None
    with open_context(Path(data_dir), actor="signing") as ctx:
        return get_profile(ctx).name or None


# -- saving the whole profile -----------------------------------------------------------------


def _validated(profile: OrganisationProfile) -> OrganisationProfile:
    """The profile cleaned up (trimmed, normalised), or InputError listing every problem."""
    problems: list[Problem] = []
    fields = check_profile_fields(profile, problems)
    mediators = mediator_problems(profile.mediators, problems)
    seal = profile.seal_png
    if seal is not None:
        try:
            seal = normalise_seal(seal)
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return replace(profile, **fields, seal_png=seal, mediators=mediators)


def _cases_of(uow: UnitOfWork, mediator: Mediator) -> int:
    stmt = select(func.count(Case.id)).where(Case.mediator_id == mediator.id)
    return int(uow.session.scalar(stmt) or 0)


def _in_use(mediator: Mediator, count: int) -> str:
    return (
        f"调解员“{mediator.name}”承办着 {count} 件案件，不能删除：请先把这些案件改派给其他调解员。"
    )


def _match(
    wanted: list[MediatorInfo], stored: list[Mediator]
) -> list[tuple[MediatorInfo, Mediator | None]]:
    """Pair each wanted mediator with its stored row: by id first (a rename), then by name."""
    by_id = {m.id: m for m in stored}
    by_name = {m.name: m for m in stored}
    pairs = [(info, by_id.get(info.id) if info.id is not None else None) for info in wanted]
    taken = {row.id for _info, row in pairs if row is not None}
    for index, (info, row) in enumerate(pairs):
        same = by_name.get(info.name)
        if row is None and same is not None and same.id not in taken:
            taken.add(same.id)
            pairs[index] = (info, same)
    return pairs


def _sync_mediators(
    uow: UnitOfWork, org: Organisation, wanted: list[MediatorInfo]
) -> dict[str, list[str]]:
    """Make the stored mediators what `wanted` says; returns who was added/changed/removed."""
    stored = [m for m in uow.organisation.mediators() if m.organisation_id == org.id]
    pairs = _match(wanted, stored)
    kept = {row.id for _info, row in pairs if row is not None}
    leaving = [m for m in stored if m.id not in kept]
    busy = [(m, n) for m in leaving if (n := _cases_of(uow, m))]
    if busy:
        raise InputError([Problem("mediators", _in_use(m, n)) for m, n in busy])
    changes: dict[str, list[str]] = {"added": [], "changed": [], "removed": []}
    for info, row in pairs:
        if row is None:
            org.mediators.append(Mediator(name=info.name, phone=info.phone, role=info.role))
            changes["added"].append(info.name)
        elif (row.name, row.phone, row.role) != (info.name, info.phone, info.role):
            row.name, row.phone, row.role = info.name, info.phone, info.role
            changes["changed"].append(info.name)
    for row in leaving:
        uow.session.delete(row)
        changes["removed"].append(row.name)
    return {k: v for k, v in changes.items() if v}


def _seal_detail(seal: bytes | None) -> dict[str, Any]:
    if seal is None:
        return {"seal": "cleared"}
    return {"seal_sha256": hashlib.sha256(seal).hexdigest(), "seal_bytes": len(seal)}


def _write_as(ctx: AppContext, by: SignedIn) -> AbstractContextManager[UnitOfWork]:
    """A write unit of work for a supervisor's change, audited under their name."""
    require(by, "organisation")
    return ctx.store.write(by.username, ctx.now())


def save_profile(
    ctx: AppContext, profile: OrganisationProfile, *, by: SignedIn
) -> OrganisationProfile:
    """Validate and store the whole profile (mediators and seal included); audited.

    Mediators missing from `profile.mediators` are removed, unless cases are assigned to
    them (then nothing is saved and the problem is at `mediators`).
    """
    require(by, "organisation")
    clean = _validated(profile)
    with _write_as(ctx, by) as uow:
        org = uow.organisation.profile()
        created = org is None
        if org is None:
            org = Organisation(name=clean.name)
            uow.session.add(org)
        changed = [f for f in PROFILE_FIELDS if getattr(org, f) != getattr(clean, f)]
        for name in changed:
            setattr(org, name, getattr(clean, name))
        detail: dict[str, Any] = {"fields": changed} if changed else {}
        if org.seal_image != clean.seal_png:
            org.seal_image = clean.seal_png
            detail.update(_seal_detail(clean.seal_png))
        uow.session.flush()
        mediators = _sync_mediators(uow, org, clean.mediators)
        if mediators:
            detail["mediators"] = mediators
        if detail or created:
            action = "organisation.created" if created else "organisation.updated"
            uow.record(action, detail={"name": clean.name, **detail})
        uow.session.flush()
        return _profile_of(uow)


# -- single changes ---------------------------------------------------------------------------


def _require_org(uow: UnitOfWork) -> Organisation:
    org = uow.organisation.profile()
    if org is None:
        raise DomainError(NO_ORGANISATION)
    return org


def set_seal_image(ctx: AppContext, image: bytes | None, *, by: SignedIn) -> OrganisationProfile:
    """Store the seal (PNG or JPEG, normalised to a transparent PNG), or clear it with None."""
    require(by, "organisation")
    seal = normalise_seal(image) if image is not None else None
    with _write_as(ctx, by) as uow:
        org = _require_org(uow)
        if org.seal_image != seal:
            org.seal_image = seal
            uow.record("organisation.seal_changed", detail=_seal_detail(seal))
        uow.session.flush()
        return _profile_of(uow)


def add_mediator(ctx: AppContext, mediator: MediatorInfo, *, by: SignedIn) -> OrganisationProfile:
    """Add one mediator (problems at `mediator.name` / `.phone` / `.role`); audited."""
    require(by, "organisation")
    clean = check_mediator(mediator, "mediator")
    with _write_as(ctx, by) as uow:
        org = _require_org(uow)
        if uow.organisation.mediator_named(clean.name) is not None:
            reason = f"已经有名为“{clean.name}”的调解员：同名会让案件分不清承办人，请加以区分。"
            raise InputError([Problem("mediator.name", reason)])
        org.mediators.append(Mediator(name=clean.name, phone=clean.phone, role=clean.role))
        uow.record("organisation.mediator_added", detail={"name": clean.name, "role": clean.role})
        uow.session.flush()
        return _profile_of(uow)


def remove_mediator(ctx: AppContext, name: str, *, by: SignedIn) -> OrganisationProfile:
    """Remove the mediator called `name`; refused while cases are assigned to them."""
    with _write_as(ctx, by) as uow:
        row = uow.organisation.mediator_named(name.strip())
        if row is None:
            raise DomainError(f"没有名为“{name.strip()}”的调解员：请核对姓名。")
        count = _cases_of(uow, row)
        if count:
            raise DomainError(_in_use(row, count))
        uow.session.delete(row)
        uow.record("organisation.mediator_removed", detail={"name": row.name})
        uow.session.flush()
        return _profile_of(uow)
