"""The session's own fields, as the wizard autosaves them one by one.

Paths (`apply_session_change(row, path, value, today)`, inside a write unit of work):

- `held_on` (the session's date; its time of day is kept), `place`, `notes`,
  `outcome` (agreed / not_agreed / adjourned, or "" for not yet), `next_date`;
- `attendees[<n>].<field>` (n from 0): name, capacity, id_type, id_number,
  identity_checked (bool), authorisation (how an agent's authority was shown);
- `statements.<side>.<prompt>`: an answer to one of `STATEMENT_PROMPTS`.

Text is stored as typed (an ID number still being checked is kept; `missing_for_step`
says what is wrong with it). Only what cannot be stored at all (an unknown path, a date
that is not one) is refused with an `InputError` naming the path.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import InputError, Problem
from app.domain.identifiers import normalise_resident_id
from app.domain.session_record import ATTENDEE_ID_TYPES, CAPACITIES, OUTCOMES, statement_keys
from app.services.clock import CHINA_TZ, china_time
from app.services.sessions.debt import parse_day, refuse

if TYPE_CHECKING:
    from app.store.records import MediationSession

ATTENDEE_FIELDS = ("name", "capacity", "id_type", "id_number", "identity_checked", "authorisation")
LIMITS = {"place": 200, "name": 50, "id_number": 40, "authorisation": 300}
_ATTENDEE = re.compile(r"^attendees\[(\d+)\]\.(\w+)$")


def blank_attendee() -> dict[str, Any]:
    return {
        "name": "",
        "capacity": "",
        "id_type": "resident_id",
        "id_number": "",
        "identity_checked": False,
        "authorisation": "",
        "party_id": None,
    }


def apply_session_change(row: MediationSession, path: str, value: str | bool, today: date) -> None:
    """Store one session field; InputError (with `path`) when it cannot be stored."""
    if path.startswith("attendees["):
        _attendee_change(row, path, value)
    elif path.startswith("statements."):
        _statement_change(row, path, _text(path, value))
    elif path in ("place", "notes"):
        _set_text(row, path, _text(path, value))
    elif path == "held_on":
        _held_on(row, _text(path, value), today)
    elif path == "outcome":
        outcome = _text(path, value).strip()
        if outcome and outcome not in OUTCOMES:
            raise refuse(path, "调解结果只能是：" + "、".join(OUTCOMES.values()) + "。")
        row.outcome = outcome
    elif path == "next_date":
        text = _text(path, value).strip()
        row.next_date = parse_day(path, "下次调解日期", text, today, "next_date") if text else None
    else:
        raise refuse(path, "无法识别要保存的字段。")


def _text(path: str, value: str | bool) -> str:
    if isinstance(value, bool):
        raise refuse(path, "这一项应是文字。")
    return value


def _set_text(row: MediationSession, field: str, text: str) -> None:
    limit = LIMITS.get(field)
    if limit is not None and len(text.strip()) > limit:
        raise refuse(field, f"最多 {limit} 个字，现在是 {len(text.strip())} 个字。")
    setattr(row, field, text.strip() if field == "place" else text)


def _held_on(row: MediationSession, text: str, today: date) -> None:
    day = parse_day("held_on", "调解日期", text, today, "as_of")
    assert day is not None
    local = china_time(row.started_at)
    moved = datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=CHINA_TZ)
    row.started_at = moved.astimezone(row.started_at.tzinfo)


def _attendee_change(row: MediationSession, path: str, value: str | bool) -> None:
    found = _ATTENDEE.match(path)
    attendees = [dict(a) for a in row.attendees or []]
    if not found or found[2] not in ATTENDEE_FIELDS:
        raise refuse(path, "无法识别要保存的出席人员信息。")
    index, field = int(found[1]), found[2]
    if index >= len(attendees):
        raise refuse(path, f"没有第 {index + 1} 位出席人员（可能已被删除），请刷新。")
    attendees[index][field] = _attendee_value(path, field, value)
    row.attendees = attendees  # a new list: JSON columns track assignment, not mutation


def _attendee_value(path: str, field: str, value: str | bool) -> str | bool:
    if field == "identity_checked":
        return value is True or value in ("1", "true", "True")
    text = " ".join(_text(path, value).split())
    if field == "capacity" and text and text not in CAPACITIES:
        raise refuse(path, "出席身份无法识别。")
    if field == "id_type" and text not in ATTENDEE_ID_TYPES:
        raise refuse(path, "证件类型无法识别。")
    if field == "id_number":
        text = normalise_resident_id(text)
    limit = LIMITS.get(field)
    if limit is not None and len(text) > limit:
        raise refuse(path, f"最多 {limit} 个字，现在是 {len(text)} 个字。")
    return text


def _statement_change(row: MediationSession, path: str, text: str) -> None:
    key = path.removeprefix("statements.")
    if key not in statement_keys():
        raise refuse(path, "无法识别这一项陈述。")
    side, prompt = key.split(".")
    kept = [
        dict(s) for s in row.statements or [] if (s.get("side"), s.get("prompt")) != (side, prompt)
    ]
    if text.strip():
        kept.append({"side": side, "prompt": prompt, "text": text})
    order = statement_keys()
    kept.sort(key=lambda s: order.index(f"{s['side']}.{s['prompt']}"))
    row.statements = kept


def statements_of(row: MediationSession) -> dict[str, str]:
    """`{"debtor.ability": "…", …}` from the stored list (unknown entries are kept too)."""
    return {
        f"{s.get('side')}.{s.get('prompt')}": str(s.get("text", "")) for s in row.statements or []
    }


def check_attendee_index(row: MediationSession, index: int) -> None:
    if not 0 <= index < len(row.attendees or []):
        reason = f"没有第 {index + 1} 位出席人员（可能已被删除），请刷新。"
        raise InputError([Problem(f"attendees[{index}]", reason)])
