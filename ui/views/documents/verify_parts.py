"""The readable half of the verification report: each signature and the case store's record,
in Chinese, from the `VerifyReport` that `verify_document` returns."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui import labels
from ui.views.settings.cert import fingerprint_text, monospace

if TYPE_CHECKING:
    from app.documents.verify import SignatureReport, VerifyReport

_BIG = "font-size: 22pt; font-weight: bold; border-radius: 8px; padding: 14px;"
VERDICT_STYLE = {
    "intact": f"QLabel {{ {_BIG} background: #dcf5e7; color: #067647; }}",
    "changed": f"QLabel {{ {_BIG} background: #fde4e1; color: #b42318; }}",
    "foreign": f"QLabel {{ {_BIG} background: #fde4e1; color: #b42318; }}",
    "unsigned": f"QLabel {{ {_BIG} background: #fef0c7; color: #93370d; }}",
    "error": f"QLabel {{ {_BIG} background: #eef1f5; color: #374151; }}",
    "busy": f"QLabel {{ {_BIG} background: #eef1f5; color: #6b7280; }}",
}
GOOD = "color: #067647;"
BAD = "color: #b42318;"
QUIET = "color: #6b7280;"
NO_SIGNATURE = "没有数字签名"


def verdict_of(report: VerifyReport) -> str:
    """`intact`, `unsigned` (a PDF with no signature and nothing else wrong), `foreign`
    (unchanged since signed, but not with this organisation's certificate) or `changed`."""
    if report.intact:
        return "intact"
    problems = tuple(report.problems)
    if report.signature_count == 0 and all(NO_SIGNATURE in p for p in problems):
        return "unsigned"
    if getattr(report, "content_intact", False) and report.signed_by_organisation is False:
        return "foreign"
    return "changed"


def local_time(iso: str | None) -> str:
    """An ISO timestamp from the report in the computer's local time, to the second."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        return iso
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _value(text: str, style: str = "", mono: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(not mono)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    if mono:
        label.setFont(monospace())
    return label


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class ReportView(QWidget):
    """Group boxes for the signatures, the case store's record and the file's hash.

    `rows` maps a row's name (`signer`, `time`, `fingerprint`, `organisation`, `record`,
    `case_no`, ...) to the label showing it, for the first signature; tests read it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, QLabel] = {}

    def clear(self) -> None:
        self.rows = {}
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def show_report(self, report: VerifyReport, *, store_possible: bool) -> None:
        self.clear()
        for index, signature in enumerate(report.signatures):
            self._layout.addWidget(self._signature_box(signature, index, len(report.signatures)))
        self._layout.addWidget(self._store_box(report, store_possible))
        self._layout.addWidget(self._file_box(report))
        self._layout.addStretch(1)

    def _add(self, form: QFormLayout, key: str, label: str, value: QLabel) -> None:
        form.addRow(label, value)
        self.rows.setdefault(key, value)

    def _signature_box(self, sig: SignatureReport, index: int, count: int) -> QGroupBox:
        title = (
            self.tr("数字签名")
            if count == 1
            else self.tr("数字签名 %1").replace("%1", str(index + 1))
        )
        box = QGroupBox(title)
        form = _form(box)
        signer = sig.signer_common_name or sig.signer or self.tr("（无法读取）")
        self._add(form, "signer", self.tr("签署人"), _value(signer, "font-weight: bold;"))
        if sig.signer and sig.signer != sig.signer_common_name:
            self._add(form, "subject", self.tr("证书主体"), _value(sig.signer, QUIET))
        when = local_time(sig.signing_time)
        when_text = self.tr("%1（本地时间，由签署方电脑记录）").replace("%1", when) if when else "—"
        self._add(form, "time", self.tr("签署时间"), _value(when_text))
        fingerprint = fingerprint_text(sig.certificate_sha256) if sig.certificate_sha256 else "—"
        self._add(form, "fingerprint", self.tr("证书指纹"), _value(fingerprint, mono=True))
        self._add(form, "organisation", self.tr("本组织证书"), self._organisation(sig))
        kind = self.tr("自签名证书") if sig.self_signed else self.tr("证书颁发机构签发")
        if sig.trusted:
            kind += self.tr("（已信任）")
        self._add(form, "kind", self.tr("证书类型"), _value(kind))
        if sig.reason:
            self._add(form, "reason", self.tr("签名原因"), _value(sig.reason))
        if sig.location:
            self._add(form, "location", self.tr("签署地点"), _value(sig.location))
        covers = (
            self.tr("覆盖整个文件") if sig.covers_whole_file else self.tr("签名后文件有追加内容")
        )
        self._add(
            form,
            "coverage",
            self.tr("签名范围"),
            _value(covers, "" if sig.covers_whole_file else BAD),
        )
        for problem in sig.problems:
            self._add(form, "problem", self.tr("问题"), _value(problem, BAD))
        return box

    def _organisation(self, sig: SignatureReport) -> QLabel:
        if sig.signed_by_organisation is True:
            return _value(self.tr("是：与本机的组织证书一致"), GOOD)
        if sig.signed_by_organisation is False:
            return _value(self.tr("否：不是本机组织的证书签署的"), BAD)
        return _value(self.tr("无法判断：本机还没有组织证书"), QUIET)

    def _store_box(self, report: VerifyReport, store_possible: bool) -> QGroupBox:
        box = QGroupBox(self.tr("案件库中的记录"))
        form = _form(box)
        record = report.store_record
        if not report.store_checked:
            text = (
                self.tr("未核对：本版本的案件库还没有登记文书的哈希值。")
                if store_possible
                else self.tr("未核对：没有打开案件库。")
            )
            self._add(form, "record", self.tr("核对结果"), _value(text, QUIET))
        elif not record:
            text = self.tr(
                "案件库中没有与这个文件完全一致的文书：它可能不是本机生成的，或已被改动。"
            )
            self._add(form, "record", self.tr("核对结果"), _value(text, BAD))
        else:
            text = self.tr("与案件库中的文书一致（内容哈希相同）")
            self._add(form, "record", self.tr("核对结果"), _value(text, GOOD))
            self._record_rows(form, record)
        return box

    def _record_rows(self, form: QFormLayout, record: dict[str, Any]) -> None:
        kinds, statuses = labels.document_kinds(), labels.document_statuses()
        if record.get("case_no"):
            self._add(form, "case_no", self.tr("案号"), _value(str(record["case_no"])))
        if record.get("kind"):
            kind = str(record["kind"])
            self._add(form, "doc_kind", self.tr("文书"), _value(kinds.get(kind, kind)))
        if record.get("version") is not None:
            version = self.tr("第 %1 版").replace("%1", str(record["version"]))
            self._add(form, "version", self.tr("版本"), _value(version))
        if record.get("status"):
            status = str(record["status"])
            self._add(form, "status", self.tr("状态"), _value(statuses.get(status, status)))

    def _file_box(self, report: VerifyReport) -> QGroupBox:
        box = QGroupBox(self.tr("文件"))
        form = _form(box)
        digest = fingerprint_text(report.document_sha256)
        self._add(form, "sha256", self.tr("SHA-256"), _value(digest, mono=True))
        if any(sig.self_signed and not sig.trusted for sig in report.signatures):
            note = self.tr(
                "签名使用的是调解组织自行生成的证书（自签名），没有第三方机构为签署人身份担保："
                "请把上面的证书指纹与该调解组织公布的指纹核对。"
            )
            self._add(form, "note", self.tr("说明"), _value(note, QUIET))
        return box
