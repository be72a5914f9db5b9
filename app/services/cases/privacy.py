"""Personal data shown with care: masks in lists and exports, full values only on purpose.

- Lists and exports show ID and phone numbers masked (`app.domain.identifiers.mask_id`,
  `mask_phone`: 4201**********1234, 138****5678); `export_value` gives the full value
  only to a supervisor who asked for it (`SignedIn.can("export")`).
- `masked_summary` / `masked_detail` mask the case list and a whole case (persons only: an
  organisation's credit code and phone are public); `record_unmasked_export` lets a
  supervisor (the CLI's key holder) export full values and logs `export.unmasked`.
- `reveal_personal_data` returns one full value and appends a `party.revealed` event to
  the audit log (who, when, which case/party/field; never the value itself). It does not
  touch the case's `updated_at`: looking is not changing.
- `RedactingFilter` keeps ID, phone and bank-card numbers out of log files (SQLAlchemy
  already hides statement parameters: `hide_parameters=True` in the engine).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.errors import DomainError
from app.domain.identifiers import mask_id, mask_phone

if TYPE_CHECKING:
    from app.services.cases.service import CaseDetail, CaseSummary, PartyInfo
    from app.services.context import AppContext
    from app.services.organisation.accounts import SignedIn

MASKS: dict[str, Callable[[str], str]] = {"id_number": mask_id, "phone": mask_phone}
FIELD_LABELS = {"id_number": "证件号码", "phone": "手机号码"}


@dataclass(frozen=True)
class Revealed:
    case_no: str
    party_id: int
    field: str
    value: str
    masked: str


def mask_value(field: str, value: str) -> str:
    """The masked form of `value` for `field` ("id_number" or "phone"); "" stays ""."""
    if not value:
        return ""
    if len(value) < 8:  # too short to show any of it
        return "*" * len(value)
    try:
        return MASKS[field](value)
    except (ValueError, DomainError):  # not a well-formed number: hide all but the ends
        keep = 2 if len(value) > 6 else 0
        return value[:keep] + "*" * (len(value) - 2 * keep) + (value[-keep:] if keep else "")


def export_value(
    field: str, value: str, *, unmasked: bool = False, by: SignedIn | None = None
) -> str:
    """What an export writes: masked, unless a supervisor chose the full values."""
    if not unmasked:
        return mask_value(field, value)
    from app.services.organisation.accounts import require

    if by is None:
        raise DomainError("导出未遮盖的个人信息需要主管账户登录。")
    require(by, "export")
    return value


def reveal_personal_data(
    ctx: AppContext,
    case_no: str,
    party_id: int,
    field: str,
    *,
    reason: str = "",
    by: SignedIn | None = None,
) -> Revealed:
    """The full ID or phone number of one party, logged in the audit trail (under
    `by.username` when given, else the context's actor)."""
    if field not in MASKS:
        raise DomainError(f"只能显示证件号码或手机号码（id_number / phone），不能显示“{field}”。")
    if by is not None:
        from app.services.organisation.accounts import require

        require(by, "cases")
    actor = by.username if by is not None else ctx.actor
    with ctx.store.write(actor, ctx.now()) as uow:
        case = uow.cases.require(case_no)
        party = next((p for p in case.parties if p.id == party_id), None)
        if party is None:
            raise DomainError(f"案件 {case.case_no} 中没有编号为 {party_id} 的当事人。")
        value = str(getattr(party, field))
        uow.audit.append(
            actor=uow.actor,
            at=uow.now,
            action="party.revealed",
            case_id=case.id,
            detail={"party_id": party_id, "role": party.role, "field": field, "reason": reason},
        )
        uow.recorded += 1
        return Revealed(case.case_no, party_id, field, value, mask_value(field, value))


def masked_summary(summary: CaseSummary) -> CaseSummary:
    """A case-list row with the debtor's ID and phone numbers masked."""
    return dataclasses.replace(
        summary,
        debtor_id_number=mask_value("id_number", summary.debtor_id_number),
        debtor_phone=mask_value("phone", summary.debtor_phone),
    )


def masked_party(party: PartyInfo) -> PartyInfo:
    """A party with ID and phone numbers masked when it is a person (an organisation's
    credit code and phone are public)."""
    if party.kind != "person":
        return party
    return dataclasses.replace(
        party,
        id_number=mask_value("id_number", party.id_number),
        phone=mask_value("phone", party.phone),
    )


def masked_detail(detail: CaseDetail) -> CaseDetail:
    """A whole case with every person's ID and phone numbers masked."""
    return dataclasses.replace(
        detail,
        summary=masked_summary(detail.summary),
        parties=tuple(masked_party(p) for p in detail.parties),
    )


def record_unmasked_export(
    ctx: AppContext, by: SignedIn, what: str, case_nos: Sequence[str]
) -> None:
    """Allow an export with full ID and phone numbers (a supervisor's choice) and log it:
    an `export.unmasked` event saying who, what and how many cases (never the values)."""
    from app.services.organisation.accounts import require

    require(by, "export")
    with ctx.store.write(by.username, ctx.now()) as uow:
        uow.audit.append(
            actor=uow.actor,
            at=uow.now,
            action="export.unmasked",
            case_id=None,
            detail={
                "what": what,
                "fields": sorted(MASKS),
                "cases": len(case_nos),
                "case_nos": list(case_nos[:20]),
            },
        )
        uow.recorded += 1


_PATTERNS = (
    # resident ID numbers (18 characters, or the old 15 digits)
    (re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])"), r"\1********\2"),
    (re.compile(r"(?<!\d)(\d{6})\d{6}(\d{3})(?!\d)"), r"\1******\2"),
    # bank cards (16–19 digits) before phones
    (re.compile(r"(?<!\d)(\d{4})\d{8,11}(\d{4})(?!\d)"), r"\1********\2"),
    # mainland mobiles, also +86 / spaced / dashed forms
    (re.compile(r"(?<!\d)((?:\+?86[ -]?)?1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?!\d)"), r"\1****\2"),
)


def redact(text: str) -> str:
    """`text` with ID, bank-card and mobile numbers masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """A logging filter (put it on the file handler) that masks personal numbers in the
    message, its arguments and the formatted traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
