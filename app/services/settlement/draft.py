"""A settlement as typed, kept with the case until it checks out (the settlement page's
autosave, like every other field of a session).

    save_draft(ctx, "TJ-2026-000003", form)        # every field of the page, as typed
    settlement_basis(ctx, case_no).draft.form      # the same form back
    save_settlement(ctx, case_no, …)               # it checks out: the draft is cleared

The form is the page's own picture of its fields (levers, plan, terms, clauses), including
what does not check out yet: a draft is never refused for its content, only for its shape
(an object of the four parts, plain JSON values) and size. One draft per case, while the
case is before signing. Each save is one small audited transaction naming the parts that
changed (never the values: the audit log holds no more than the case already has).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import InputError, Problem

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case

PARTS = ("levers", "plan", "terms", "clauses")
MAX_DRAFT_CHARS = 64_000
"""A page's form is a few hundred characters (a custom plan of 360 rows about 15,000)."""
AUDIT_DRAFT = "settlement.draft_saved"
PATH = "settlement_draft"


@dataclass(frozen=True)
class SettlementDraft:
    """The settlement page's fields as last typed, and when they were kept."""

    form: Mapping[str, Any]
    saved_at: datetime


def save_draft(ctx: AppContext, case_no: str, form: Mapping[str, Any]) -> SettlementDraft:
    """Keep `form` as the case's draft settlement (the same form again writes nothing).

    InputError at `settlement_draft` for a form that is not the page's shape or too large;
    DomainError when the case is past the point where a settlement may change."""
    from app.services.settlement.terms import require_editable

    kept = checked_form(form)
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        require_editable(case)
        before = draft_of(case)
        if before is not None and before.form == kept:
            return before
        changed = [p for p in PARTS if before is None or before.form.get(p) != kept.get(p)]
        case.settlement_draft = {"form": kept, "saved_at": uow.now.isoformat()}
        uow.record(AUDIT_DRAFT, case=case, detail={"parts": changed})
        return SettlementDraft(kept, uow.now)


def get_draft(ctx: AppContext, case_no: str) -> SettlementDraft | None:
    with ctx.read() as uow:
        return draft_of(uow.cases.require(case_no))


def draft_of(case: Case) -> SettlementDraft | None:
    """The case's draft (None when there is none, or it is not one this version reads)."""
    stored = case.settlement_draft
    if not isinstance(stored, Mapping) or not isinstance(stored.get("form"), Mapping):
        return None
    try:
        saved_at = datetime.fromisoformat(str(stored.get("saved_at")))
    except ValueError:
        return None
    return SettlementDraft(dict(stored["form"]), saved_at)


def checked_form(form: Any) -> dict[str, Any]:
    """`form` as plain JSON: an object whose keys are among `PARTS`, each an object."""
    if not isinstance(form, Mapping):
        raise InputError([Problem(PATH, "草稿应为各部分（减免、还款计划、条款、约定）的表单")])
    unknown = sorted(str(k) for k in form if k not in PARTS)
    if unknown:
        raise InputError([Problem(PATH, f"草稿中有不认识的部分：{'、'.join(unknown)}")])
    if not all(isinstance(v, Mapping) for v in form.values()):
        raise InputError([Problem(PATH, "草稿的每一部分都应为字段与值的表单")])
    try:
        text = json.dumps(form, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise InputError([Problem(PATH, "草稿只能包含文字、数字、是否和列表")]) from None
    if len(text) > MAX_DRAFT_CHARS:
        raise InputError([Problem(PATH, f"草稿过大（最多 {MAX_DRAFT_CHARS:,} 字符）")])
    kept: dict[str, Any] = json.loads(text)
    return kept
