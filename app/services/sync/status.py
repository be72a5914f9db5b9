"""What the main window shows about sync: enrolled or not, what waits, the last sync, and
the notes the office sent back (conflicts, late facts, cases taken back) for a supervisor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from app.services.sync import state
from app.store.sync_tables import SyncNote, SyncPending

NOTE_LABELS: dict[str, str] = {
    "stale_edit": "收回后的修改（需人工核对）",
    "late_fact": "收回后补录的事实（已保留）",
    "integrity": "不可变记录内容不符（告警）",
    "status_refused": "状态变更不被允许",
    "after_signing": "签署后修改借款或主张",
    "possible_duplicate": "可能重复的还款",
    "returned": "案件已被办公室收回或改派",
    "number_alias": "案号与本机已有案件重复，已加后缀显示",
    "incomplete": "办公室发来的记录缺少关联数据",
    "audit_break": "操作记录链与办公室不一致",
    "number_collision": "案号与办公室已有案件重复",
}


ENTITY_LABELS: dict[str, str] = {
    "case": "案件", "party": "当事人", "loan_terms": "借款条件", "claim": "债权人主张",
    "payment": "还款", "charge": "费用", "status_change": "状态变更", "session": "调解记录",
    "settlement": "调解方案",
    "plan_payment": "方案还款", "recalc_snapshot": "重算结果", "document": "文书",
    "document_attachment": "文书附件", "signature": "签名",
}


def describe(detail: dict[str, Any]) -> str:
    """A note's detail in words a supervisor reads (entity names in Chinese)."""
    parts = []
    for key, value in sorted(detail.items()):
        if key == "entity":
            parts.append(f"记录：{ENTITY_LABELS.get(str(value), value)}")
        elif key == "holder":
            parts.append(f"现由：{value}")
        elif key == "shown_as":
            parts.append(f"本机显示为：{value}")
        elif key not in ("batch", "uid"):
            parts.append(f"{key}：{value}")
    return "，".join(parts)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    mediator: str = ""
    pending_cases: int = 0
    last_sync_at: datetime | None = None
    last_error: str = ""
    skew_seconds: float = 0.0
    notes: int = 0


@dataclass(frozen=True)
class SyncNoteInfo:
    case_no: str
    kind: str
    label: str
    created_at: datetime
    detail: dict[str, Any]


def sync_status(ctx: Any) -> SyncStatus:
    with ctx.read() as uow:
        s = uow.session
        if not state.is_enrolled(s):
            return SyncStatus(False)
        pending = s.scalar(select(func.count(func.distinct(SyncPending.case_uid)))) or 0
        notes = s.scalar(select(func.count()).select_from(SyncNote)) or 0
        last = state.get(s, "last_sync_at")
        return SyncStatus(
            True,
            mediator=state.get(s, "mediator"),
            pending_cases=int(pending),
            last_sync_at=datetime.fromisoformat(last) if last else None,
            last_error=state.get(s, "last_error"),
            skew_seconds=float(state.get(s, "skew_seconds", "0") or 0),
            notes=int(notes),
        )


def sync_notes(ctx: Any) -> list[SyncNoteInfo]:
    with ctx.read() as uow:
        return [
            SyncNoteInfo(n.case_no, n.kind, NOTE_LABELS.get(n.kind, n.kind), n.created_at,
                         dict(n.detail or {}))
            for n in uow.session.scalars(select(SyncNote).order_by(SyncNote.id.desc()))
        ]
