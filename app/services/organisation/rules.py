"""Checks on the organisation's profile fields, each problem with its field path in Chinese."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from app.domain.errors import InputError, Problem
from app.domain.identifiers import check_credit_code, check_mobile, normalise_credit_code
from app.domain.vocab import MEDIATOR_ROLES

if TYPE_CHECKING:
    from app.services.organisation.service import MediatorInfo, OrganisationProfile

NAME_MAX = 64  # X.520: the name is also the subject of the organisation's certificate
ADDRESS_MAX = 300
MEDIATOR_NAME_MAX = 50
PHONE_MAX = 32

_SEPARATORS = re.compile(r"[\s\-()]+")
_LANDLINE = re.compile(r"^0\d{9,11}$")  # area code 0XX / 0XXX and a 7–8 digit number
_SERVICE = re.compile(r"^(?:400|800)\d{7}$|^123\d{2}$")  # 400/800 numbers, 12348-style lines
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$", re.IGNORECASE)

PHONE_HINT = "请填写固定电话（如 0571-88881234）、400 电话或 11 位手机号。"


def check_phone(text: str) -> str | None:
    """None when `text` is a mainland landline (area code, optional extension 转 123), a
    400/800 number, a short public line (123xx) or a mobile number; else the reason."""
    raw = unicodedata.normalize("NFKC", text).strip()
    if len(raw) > PHONE_MAX:
        return f"电话号码过长（最多 {PHONE_MAX} 个字符）。{PHONE_HINT}"
    digits = _SEPARATORS.sub("", _EXTENSION.sub("", raw)).removeprefix("+86")
    if not (digits.isascii() and digits.isdigit()):
        return f"电话号码只能包含数字、空格、横线和括号（分机可写“转 123”）。{PHONE_HINT}"
    if _LANDLINE.match(digits) or _SERVICE.match(digits):
        return None
    if digits.startswith("1"):
        reason = check_mobile(digits)
        return None if reason is None else f"{reason}{PHONE_HINT}"
    if digits.startswith("0"):
        return f"固定电话应为区号加 7–8 位号码，现在共 {len(digits)} 位数字。{PHONE_HINT}"
    return f"无法识别的电话号码“{raw}”。{PHONE_HINT}"


def _text(value: str, path: str, label: str, limit: int, problems: list[Problem]) -> str:
    clean = " ".join(value.split())
    if len(clean) > limit:
        problems.append(
            Problem(path, f"{label}过长（{len(clean)} 个字符，最多 {limit} 个），请缩短。")
        )
    return clean


def check_profile_fields(profile: OrganisationProfile, problems: list[Problem]) -> dict[str, str]:
    """The four text fields cleaned up; problems appended at `name`, `address`, ... ."""
    name = _text(profile.name, "name", "组织名称", NAME_MAX, problems)
    if not name:
        problems.append(
            Problem("name", "请填写调解组织的全称（如“某某区金融纠纷人民调解委员会”）。")
        )
    address = _text(profile.address, "address", "地址", ADDRESS_MAX, problems)
    registration = normalise_credit_code(profile.registration_no)
    if registration:
        reason = check_credit_code(registration)
        if reason:
            problems.append(Problem("registration_no", reason))
    phone = profile.phone.strip()
    if phone:
        reason = check_phone(phone)
        if reason:
            problems.append(Problem("phone", reason))
    return {"name": name, "address": address, "registration_no": registration, "phone": phone}


def _mediator(info: MediatorInfo, path: str, problems: list[Problem]) -> MediatorInfo:
    name = _text(info.name, f"{path}.name", "调解员姓名", MEDIATOR_NAME_MAX, problems)
    if not name:
        problems.append(Problem(f"{path}.name", "请填写调解员的姓名。"))
    phone = info.phone.strip()
    if phone:
        reason = check_phone(phone)
        if reason:
            problems.append(Problem(f"{path}.phone", reason))
    if info.role not in MEDIATOR_ROLES:
        roles = "、".join(f"{code}（{label}）" for code, label in MEDIATOR_ROLES.items())
        problems.append(Problem(f"{path}.role", f"调解员职务只能是 {roles}。"))
    return replace(info, name=name, phone=phone)


def check_mediator(info: MediatorInfo, path: str) -> MediatorInfo:
    """One mediator cleaned up, or InputError with its problems under `path`."""
    problems: list[Problem] = []
    clean = _mediator(info, path, problems)
    if problems:
        raise InputError(problems)
    return clean


def mediator_problems(
    mediators: Sequence[MediatorInfo], problems: list[Problem]
) -> list[MediatorInfo]:
    """Every mediator cleaned up; problems at `mediators[i].name` etc. (i from 0)."""
    clean: list[MediatorInfo] = []
    seen: dict[str, int] = {}
    for index, info in enumerate(mediators):
        path = f"mediators[{index}]"
        mediator = _mediator(info, path, problems)
        if mediator.name and mediator.name in seen:
            problems.append(
                Problem(
                    f"{path}.name",
                    f"与第 {seen[mediator.name] + 1} 位调解员重名：同名会让案件分不清承办人，"
                    "请加以区分（如“张伟（二）”）。",
                )
            )
        seen.setdefault(mediator.name, index)
        clean.append(mediator)
    return clean
