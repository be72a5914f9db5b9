"""`app.services.organisation.service` on a real store: round trip, validation per field, audit."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from app.domain.errors import DomainError, InputError
from app.services.cases import service as cases
from app.services.organisation import signing as signing_service
from app.services.organisation.accounts import SignedIn, key_holder
from app.services.organisation.seal_image import MAX_SIDE, image_size, normalise_seal
from app.services.organisation.service import (
    MediatorInfo,
    OrganisationProfile,
    add_mediator,
    get_profile,
    organisation_name_in_store,
    remove_mediator,
    save_profile,
    set_seal_image,
)
from app.store.records import AuditEvent
from tests.store_fixtures import GOOD_USCC, new_case

BOSS = key_holder("gui:王主任")
CLERK = SignedIn("xiaoli", "小李", "mediator", datetime(2026, 3, 2, 1, 0, tzinfo=UTC))

ORG = OrganisationProfile(
    name="滨江市金融纠纷人民调解委员会",
    address="滨江市滨江区金融街8号金融服务中心3楼",
    registration_no=GOOD_USCC,
    phone="0571-88881234",
    mediators=[
        MediatorInfo("王芳", "13912345678", "supervisor"),
        MediatorInfo("李强", "", "mediator"),
    ],
)


def seal(size: tuple[int, int] = (400, 400), fmt: str = "PNG") -> bytes:
    """A red ring on a transparent background (white for JPEG)."""
    mode = "RGBA" if fmt == "PNG" else "RGB"
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (255, 255, 255))
    ImageDraw.Draw(image).ellipse((10, 10, size[0] - 10, size[1] - 10), outline=(220, 0, 0))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def problems(error: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.path: p.reason for p in error.value.problems}


def events(ctx: Any) -> list[tuple[str, dict[str, Any]]]:
    with ctx.read() as uow:
        rows = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        found = [(e.action, dict(e.detail)) for e in rows]
        assert uow.audit.verify() == []
    return found


# -- round trip --------------------------------------------------------------------------------


def test_a_fresh_store_has_an_empty_profile(ctx: Any) -> None:
    profile = get_profile(ctx)
    assert profile == OrganisationProfile() and not profile.is_set
    assert organisation_name_in_store(ctx.data_dir) is None


def test_profile_round_trip_with_seal_and_mediators(ctx: Any) -> None:
    picture = seal()
    saved = save_profile(ctx, replace(ORG, seal_png=picture), by=BOSS)
    again = get_profile(ctx)
    assert again == saved
    assert (again.name, again.address, again.registration_no, again.phone) == (
        ORG.name,
        ORG.address,
        GOOD_USCC,
        "0571-88881234",
    )
    assert [(m.name, m.phone, m.role) for m in again.mediators] == [
        ("王芳", "13912345678", "supervisor"),
        ("李强", "", "mediator"),
    ]
    assert all(m.id is not None for m in again.mediators)
    assert again.seal_png is not None and again.seal_png.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(again.seal_png)) as stored:
        assert stored.mode == "RGBA" and stored.size == (400, 400)
        assert stored.getpixel((200, 200))[3] == 0  # the centre stays transparent
    assert organisation_name_in_store(ctx.data_dir) == ORG.name


def test_fields_are_trimmed_and_the_credit_code_normalised(ctx: Any) -> None:
    saved = save_profile(
        ctx,
        replace(ORG, name="  滨江市  调解委员会 ", registration_no=GOOD_USCC.lower(), mediators=[]),
        by=BOSS,
    )
    assert saved.name == "滨江市 调解委员会"
    assert saved.registration_no == GOOD_USCC


def test_saving_the_same_profile_twice_records_one_event(ctx: Any) -> None:
    first = save_profile(ctx, replace(ORG, seal_png=seal()), by=BOSS)
    second = save_profile(ctx, first, by=BOSS)
    assert second == first
    assert [action for action, _ in events(ctx)] == ["organisation.created"]


def test_edits_rename_and_remove_mediators_and_are_audited(ctx: Any) -> None:
    first = save_profile(ctx, ORG, by=BOSS)
    wang, _li = first.mediators
    edited = replace(
        first,
        phone="13800001111",
        mediators=[replace(wang, name="王芳芳"), MediatorInfo("赵敏", "0571-88880000")],
    )
    saved = save_profile(ctx, edited, by=BOSS)
    assert [m.name for m in saved.mediators] == ["王芳芳", "赵敏"]
    assert saved.mediators[0].id == wang.id  # renamed, not replaced
    action, detail = events(ctx)[-1]
    assert action == "organisation.updated"
    assert detail["fields"] == ["phone"]
    assert detail["mediators"] == {"added": ["赵敏"], "changed": ["王芳芳"], "removed": ["李强"]}


def test_a_mediator_with_cases_cannot_be_removed(ctx: Any) -> None:
    save_profile(ctx, ORG, by=BOSS)
    cases.create_case(ctx, new_case(extra={"mediator": "李强"}))
    with pytest.raises(InputError) as caught:
        save_profile(ctx, replace(ORG, mediators=ORG.mediators[:1]), by=BOSS)
    assert "李强" in problems(caught)["mediators"] and "1 件案件" in problems(caught)["mediators"]
    with pytest.raises(DomainError, match="承办着 1 件案件"):
        remove_mediator(ctx, "李强", by=BOSS)
    assert [m.name for m in get_profile(ctx).mediators] == ["王芳", "李强"]


# -- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"name": "  "}, "name", "全称"),
        ({"name": "调" * 65}, "name", "最多 64"),
        ({"address": "路" * 301}, "address", "最多 300"),
        ({"registration_no": "91350100M000100Y44"}, "registration_no", "校验码"),
        ({"registration_no": "123456789012345"}, "registration_no", "15 位"),
        ({"phone": "0571-888"}, "phone", "区号"),
        ({"phone": "电话号码"}, "phone", "只能包含数字"),
        ({"mediators": [MediatorInfo("")]}, "mediators[0].name", "姓名"),
        ({"mediators": [MediatorInfo("甲", "1391234567")]}, "mediators[0].phone", "11 位"),
        ({"mediators": [MediatorInfo("甲", role="boss")]}, "mediators[0].role", "调解员职务"),
        ({"mediators": [MediatorInfo("甲"), MediatorInfo("甲")]}, "mediators[1].name", "重名"),
        ({"seal_png": b"not an image"}, "seal_png", "PNG 或 JPEG"),
    ],
)
def test_each_field_is_checked_with_its_path(
    ctx: Any, change: dict[str, Any], path: str, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        save_profile(ctx, replace(ORG, **change), by=BOSS)
    found = problems(caught)
    assert list(found) == [path]
    assert words in found[path]
    assert get_profile(ctx) == OrganisationProfile()  # nothing half-saved
    assert events(ctx) == []


def test_every_problem_is_listed_at_once(ctx: Any) -> None:
    bad = OrganisationProfile(name="", phone="x", mediators=[MediatorInfo("", "y")])
    with pytest.raises(InputError) as caught:
        save_profile(ctx, bad, by=BOSS)
    assert set(problems(caught)) == {"name", "phone", "mediators[0].name", "mediators[0].phone"}


# -- the seal --------------------------------------------------------------------------------


def test_set_seal_normalises_jpeg_and_big_pictures_and_is_audited(ctx: Any) -> None:
    save_profile(ctx, ORG, by=BOSS)
    profile = set_seal_image(ctx, seal((2400, 1800), "JPEG"), by=BOSS)
    assert profile.seal_png is not None and profile.seal_png.startswith(b"\x89PNG")
    assert image_size(profile.seal_png) == (MAX_SIDE, 900)
    action, detail = events(ctx)[-1]
    assert action == "organisation.seal_changed"
    assert detail == {
        "seal_sha256": hashlib.sha256(profile.seal_png).hexdigest(),
        "seal_bytes": len(profile.seal_png),
    }
    cleared = set_seal_image(ctx, None, by=BOSS)
    assert cleared.seal_png is None and get_profile(ctx).seal_png is None
    assert events(ctx)[-1] == ("organisation.seal_changed", {"seal": "cleared"})


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "空的"),
        (b"GIF89a" + b"\0" * 100, "PNG 或 JPEG"),
        (seal((40, 40)), "太小"),
        (seal(fmt="GIF"), "GIF"),
    ],
)
def test_bad_seal_pictures_are_refused(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as caught:
        normalise_seal(data)
    assert words in problems(caught)["seal_png"]


def test_the_seal_needs_a_saved_organisation(ctx: Any) -> None:
    with pytest.raises(DomainError, match="组织名称"):
        set_seal_image(ctx, seal(), by=BOSS)


# -- single mediators ------------------------------------------------------------------------


def test_add_and_remove_a_mediator(ctx: Any) -> None:
    save_profile(ctx, ORG, by=BOSS)
    added = add_mediator(ctx, MediatorInfo(" 赵敏 ", "13700001111"), by=BOSS)
    assert [m.name for m in added.mediators] == ["王芳", "李强", "赵敏"]
    with pytest.raises(InputError) as caught:
        add_mediator(ctx, MediatorInfo("赵敏"), by=BOSS)
    assert "已经有名为“赵敏”" in problems(caught)["mediator.name"]
    with pytest.raises(InputError) as bad:
        add_mediator(ctx, MediatorInfo("钱", "123"), by=BOSS)
    assert list(problems(bad)) == ["mediator.phone"]
    removed = remove_mediator(ctx, "王芳", by=BOSS)
    assert [m.name for m in removed.mediators] == ["李强", "赵敏"]
    assert [a for a, _ in events(ctx)][-2:] == [
        "organisation.mediator_added",
        "organisation.mediator_removed",
    ]
    with pytest.raises(DomainError, match="没有名为“王芳”"):
        remove_mediator(ctx, "王芳", by=BOSS)


# -- roles -------------------------------------------------------------------------------------


def test_only_a_supervisor_changes_the_profile_and_the_log_names_them(ctx: Any) -> None:
    for change in (
        lambda: save_profile(ctx, ORG, by=CLERK),
        lambda: set_seal_image(ctx, seal(), by=CLERK),
        lambda: add_mediator(ctx, MediatorInfo("赵敏"), by=CLERK),
        lambda: remove_mediator(ctx, "王芳", by=CLERK),
    ):
        with pytest.raises(DomainError, match="只能由主管管理"):
            change()
    assert not get_profile(ctx).is_set and events(ctx) == []
    save_profile(ctx, ORG, by=BOSS)
    with pytest.raises(DomainError, match="调解组织信息"):
        add_mediator(ctx, MediatorInfo("赵敏"), by=CLERK)
    assert [m.name for m in get_profile(ctx).mediators] == ["王芳", "李强"]
    with ctx.read() as uow:
        actors = list(uow.session.scalars(select(AuditEvent.actor)))
    assert actors == ["gui:王主任"]


# -- the signing hooks -------------------------------------------------------------------------


def test_signing_takes_the_organisation_name_from_the_store(ctx: Any, tmp_path: Path) -> None:
    assert signing_service.organisation_name(ctx.data_dir) == signing_service.DEFAULT_ORG_NAME
    save_profile(ctx, ORG, by=BOSS)
    assert signing_service.organisation_name(ctx.data_dir) == ORG.name
    assert signing_service.organisation_name(tmp_path / "no-store") == "调解组织"


def test_record_lookup_is_off_until_document_records_exist(ctx: Any, tmp_path: Path) -> None:
    from app.services.documents import lookup as document_lookup

    assert document_lookup.record_lookup(tmp_path / "no-store") is None
    if document_lookup._finder() is None:
        assert document_lookup.record_lookup(ctx.data_dir) is None
    else:
        lookup = document_lookup.record_lookup(ctx.data_dir)
        assert lookup is not None and lookup("0" * 64) is None
