"""Words for the audit log: action labels, and what each broken link means (中文 + English)."""

from __future__ import annotations

from dataclasses import dataclass

from app.store.audit_check import Finding, StoredEvent, fields_of

ACTION_LABELS: dict[str, str] = {
    "audit.anchor_created": "审计锚点重新建立",
    "audit.reanchored": "审计锚点重新锚定",
    "backup.created": "备份案件库",
    "backup.restored": "从备份恢复案件库",
    "case.created": "新建案件",
    "case.details_added": "补充案件信息",
    "case.party_added": "添加当事人",
    "case.party_removed": "移除当事人",
    "case.party_updated": "修改当事人",
    "case.status_changed": "案件状态变更",
    "contact.logged": "记录联系",
    "contact.messages_exported": "导出短信",
    "contact.person_added": "添加紧急联系人",
    "document.amended": "文书修订（新版本）",
    "document.content_replaced": "文书草稿更新",
    "document.created": "生成文书",
    "document.file_attached": "附加签署文件",
    "document.finalised": "文书定稿",
    "document.printed": "打印文书",
    "document.signature_recorded": "记录手写签名",
    "document.signed": "文书已签署",
    "mandate.exception_decided": "记录债权人批复",
    "mandate.exception_requested": "申请超出授权批准",
    "mandate.set": "设定债权人授权",
    "organisation.certificate_created": "创建组织证书",
    "organisation.certificate_imported": "导入组织证书",
    "organisation.created": "建立调解组织",
    "organisation.mediator_added": "添加调解员",
    "organisation.mediator_removed": "移除调解员",
    "organisation.seal_changed": "更换印章图像",
    "organisation.updated": "修改组织信息",
    "privacy.access_export": "导出本人信息（查阅）",
    "privacy.erased": "删除个人信息",
    "privacy.notice_given": "告知个人信息处理",
    "recalc.snapshot_created": "重新计算",
    "session.attendee_added": "添加到场人员",
    "session.attendee_removed": "移除到场人员",
    "session.documents_rendered": "生成调解文书",
    "session.field_saved": "保存调解记录",
    "session.finished": "结束调解",
    "session.payment_added": "登记还款",
    "session.payment_removed": "删除还款",
    "session.resumed": "继续调解",
    "session.signature_recorded": "记录签名",
    "session.started": "开始调解",
    "session.step_changed": "调解步骤",
    "settlement.defaulted": "和解方案违约",
    "settlement.payment_recorded": "登记方案还款",
    "settlement.saved": "保存和解方案",
    "settings.contact_rules": "修改联系规则",
    "settings.retention": "修改个人信息保存期限",
}


@dataclass(frozen=True)
class ChainFinding:
    """A broken link (or, among notes, a fact worth knowing) at `seq`, in both languages."""

    seq: int
    kind: str
    message_zh: str
    message_en: str


def _span(first: int, last: int) -> tuple[str, str]:
    if first == last:
        return f"第 {first} 条事件", f"event {first} is"
    return f"第 {first}–{last} 条事件（{last - first + 1} 条）", f"events {first}–{last} are"


def describe(finding: Finding) -> ChainFinding:
    """The finding in words (see `app.store.audit_check` and `app.services.maintenance.audit`)."""
    seq, facts = finding.seq, finding.facts
    zh, en = _WORDS[finding.kind]
    if finding.kind == "deleted":
        span_zh, span_en = _span(int(facts["first"]), int(facts["last"]))
        return ChainFinding(seq, finding.kind, zh.format(span=span_zh), en.format(span=span_en))
    values = {"seq": seq, "before": seq - 1, **facts}
    return ChainFinding(seq, finding.kind, zh.format(**values), en.format(**values))


_WORDS: dict[str, tuple[str, str]] = {
    "deleted": ("{span}缺失：记录被删除。", "{span} missing: rows were deleted."),
    "edited": (
        "第 {seq} 条事件的内容与它的哈希不符：写入后被改动过。",
        "event {seq} does not match its hash: the row was changed after it was written.",
    ),
    "moved": (
        "第 {seq} 条事件原本是第 {written_as} 条：记录的顺序被调换。",
        "event {seq} was written as event {written_as}: rows were reordered.",
    ),
    "relinked": (
        "第 {seq} 条事件与前一条（第 {before} 条）衔接不上：有记录被插入或伪造，"
        "或前一条被替换后重算了哈希。",
        "event {seq} does not link to event {before}: a row was inserted or forged, "
        "or the one before it was replaced with a recomputed hash.",
    ),
    "truncated": (
        "第 {last} 条之后的事件缺失：锚点记录的最后一条是第 {anchored} 条"
        "（末尾的记录被删除，或换上了较早的案件库）。",
        "events after seq {last} missing: the anchor recorded seq {anchored} "
        "(the end of the log was deleted, or an older database put in place).",
    ),
    "anchor_mismatch": (
        "第 {seq} 条事件与锚点记录的不同：该条及其后的记录被替换"
        "（可能是末尾被删除后又写入了新记录）。",
        "event {seq} differs from the anchored one: the end of the log was replaced "
        "(perhaps deleted, then written over).",
    ),
    "unanchored": (
        "找不到审计锚点文件 {path}：无法确认第 {seq} 条之后没有记录被删除。",
        "anchor file {path} missing: cannot confirm that no events after seq {seq} were deleted.",
    ),
    "anchor_unreadable": (
        "审计锚点文件已损坏：无法确认第 {seq} 条之后没有记录被删除。",
        "the anchor file is damaged: cannot confirm that no events after seq {seq} were deleted.",
    ),
}


def describe_note(event: StoredEvent) -> ChainFinding:
    """A note on an event that moved or re-created the anchor."""
    fields = fields_of(event)
    detail = fields["detail"] if fields and isinstance(fields["detail"], dict) else {}
    when = fields["at"].date().isoformat() if fields else "?"
    if event.action == "backup.restored":
        zh = f"第 {event.seq} 条（{when}）：从备份恢复了案件库，锚点随之重置。"
        en = f"event {event.seq} ({when}): a backup was restored; the anchor was reset."
    elif event.action == "audit.reanchored":
        reason = str(detail.get("reason", ""))
        zh = f"第 {event.seq} 条（{when}）：审计锚点被重新锚定，原因：{reason}"
        en = f"event {event.seq} ({when}): the anchor was reset by hand, reason: {reason}"
    else:
        through = detail.get("unanchored_through", "?")
        zh = (
            f"第 {event.seq} 条（{when}）：锚点文件缺失或损坏，重新建立；"
            f"在此之前第 {through} 条之后是否有记录被删除，无法确认。"
        )
        en = (
            f"event {event.seq} ({when}): the anchor file was missing or damaged and was "
            f"re-created; events after seq {through} deleted before then cannot be ruled out."
        )
    return ChainFinding(event.seq, event.action, zh, en)
