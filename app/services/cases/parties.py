"""Correcting a party's details and adding co-debtors and guarantors, field by field.

Used inside a write unit of work (`apply_party_change`, `insert_party`) by the case
service's `update_party` / `add_party` and by the session wizard's autosave. A value that
cannot be right (an ID number with a wrong check digit, an empty name) is refused with an
`InputError` whose path is `parties[<party id>].<field>`; nothing is stored then.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from app.domain import identifiers
from app.domain.errors import InputError, Problem
from app.domain.vocab import ID_TYPES, PARTY_KINDS, PARTY_ROLES

if TYPE_CHECKING:
    from app.store.models import Case, Party

EDITABLE = {
    "name": ("名称或姓名", 200),
    "kind": ("类型", 16),
    "id_type": ("证件类型", 16),
    "id_number": ("证件号码", 40),
    "phone": ("联系电话", 32),
    "address": ("住址", 300),
    "legal_representative": ("法定代表人", 50),
}
ADDABLE_ROLES = ("co_debtor", "guarantor")
_PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")


def party_path(party_id: int, field: str) -> str:
    return f"parties[{party_id}].{field}"


def clean_value(party: Party, field: str, value: str, today: date) -> str:
    """The value to store for `field` of `party`, or InputError saying what to fix."""
    path = party_path(party.id, field)
    if field not in EDITABLE:
        known = "、".join(EDITABLE)
        raise InputError([Problem(path, f"当事人没有“{field}”这一项，可修改：{known}。")])
    label, limit = EDITABLE[field]
    text = " ".join(value.split())
    reason = _reason(party, field, text, today)
    if reason is None and len(text) > limit:
        reason = f"{label}太长（{len(text)} 个字），最多 {limit} 个字。"
    if reason:
        raise InputError([Problem(path, reason)])
    if field == "id_number":
        return _normal_id(party.id_type, text)
    if field == "phone" and text and identifiers.check_mobile(text) is None:
        return identifiers.normalise_mobile(text)
    return text


def _reason(party: Party, field: str, text: str, today: date) -> str | None:
    if field == "name":
        return None if text else "请填写名称或姓名，不能为空。"
    if field == "kind":
        return None if text in PARTY_KINDS else "类型只能是自然人或单位。"
    if field == "id_type":
        return None if text in ("", *ID_TYPES) else "证件类型无法识别。"
    if field == "id_number":
        return _id_reason(party.id_type, text, today)
    if field == "phone" and text:
        if identifiers.check_mobile(text) is None or _PHONE.match(text):
            return None
        return "联系电话应为 11 位手机号，或带区号的固定电话（如 0571-88886666）。"
    return None


def _id_reason(id_type: str, text: str, today: date) -> str | None:
    if not text:
        return None
    if id_type == "resident_id":
        return identifiers.check_resident_id(text, today=today)
    if id_type == "uscc":
        return identifiers.check_credit_code(text)
    return None


def _normal_id(id_type: str, text: str) -> str:
    if id_type == "resident_id":
        return identifiers.normalise_resident_id(text)
    if id_type == "uscc":
        return identifiers.normalise_credit_code(text)
    return text


def find_party(case: Case, party_id: int) -> Party:
    for party in case.parties:
        if party.id == party_id:
            return party
    reason = f"案件 {case.case_no} 没有编号为 {party_id} 的当事人（可能已被删除），请刷新。"
    raise InputError([Problem(f"parties[{party_id}]", reason)])


def apply_party_change(case: Case, party_id: int, field: str, value: str, today: date) -> Party:
    """Set one field of one party of `case` after checking it (inside a write unit of work)."""
    party = find_party(case, party_id)
    setattr(party, field, clean_value(party, field, value, today))
    return party


def insert_party(case: Case, role: str, name: str) -> Party:
    """Add a co-debtor or guarantor (a person, resident ID expected) to `case`."""
    from app.store.models import Party

    problems = []
    if role not in ADDABLE_ROLES:
        allowed = "、".join(PARTY_ROLES[r] for r in ADDABLE_ROLES)
        problems.append(Problem("role", f"这里只能添加{allowed}。"))
    cleaned = " ".join(name.split())
    if not cleaned:
        problems.append(Problem("name", "请填写要添加的当事人姓名或名称。"))
    elif len(cleaned) > EDITABLE["name"][1]:
        problems.append(Problem("name", "姓名或名称太长，最多 200 个字。"))
    if problems:
        raise InputError(problems)
    party = Party(role=role, kind="person", name=cleaned, id_type="resident_id")
    case.parties.append(party)
    return party


def delete_party(case: Case, party_id: int) -> Party:
    """Remove a co-debtor or guarantor (the creditor and the debtor stay)."""
    party = find_party(case, party_id)
    if party.role not in ADDABLE_ROLES:
        reason = f"{PARTY_ROLES[party.role]}不能删除，只能修改其信息。"
        raise InputError([Problem(f"parties[{party_id}]", reason)])
    case.parties.remove(party)
    return party
