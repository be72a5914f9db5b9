"""The list of preserved files a certificate carries, and checking files against it.

The certificate (证据保全证书) embeds `manifest.json` as a PDF attachment before it is sealed,
so the organisation's PAdES signature covers it:

    {"format": "MDEVIDENCE1", "case_no": "…", "certificate_no": "…", "issued_at": "…",
     "organisation": "…", "items": [{"n": 1, "file": "01-借款合同.pdf", "title": "…",
     "sha256": "…", "size": 12345, "added_at": "…"}, …]}

`check_files(manifest, folder)` says of each item whether the file of that name in `folder`
is intact (same SHA-256), changed, or missing. No store is needed: anyone with the
certificate and the files can check them.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

MANIFEST_NAME = "manifest.json"
FORMAT = "MDEVIDENCE1"
STATES = {"intact": "完整", "changed": "已被改动", "missing": "缺失"}
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ItemCheck:
    n: int
    file: str
    title: str
    state: str
    expected_sha256: str
    actual_sha256: str | None


@dataclass(frozen=True)
class EvidenceCheck:
    """Each item's state; `intact` only when every file is there and unchanged."""

    folder: str
    items: tuple[ItemCheck, ...]
    summary: str

    @property
    def intact(self) -> bool:
        return all(i.state == "intact" for i in self.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "intact": self.intact,
            "summary": self.summary,
            "items": [asdict(i) for i in self.items],
        }


def embed(pdf: bytes, manifest: dict[str, Any]) -> bytes:
    """The PDF with `manifest.json` attached (an embedded file)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    writer.add_attachment(MANIFEST_NAME, body)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_manifest(pdf: bytes) -> dict[str, Any] | None:
    """The embedded manifest, or None when the PDF carries none (or it is not ours)."""
    from pypdf import PdfReader

    try:
        found = PdfReader(io.BytesIO(pdf), strict=False).attachments.get(MANIFEST_NAME)
        data = json.loads(found[0]) if found else None
    except Exception:  # a damaged PDF or attachment: no manifest to check against
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    items = data.get("items")
    if not isinstance(items, list) or not all(_item_ok(i) for i in items):
        return None
    return data


def _item_ok(item: object) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("file"), str)
        and isinstance(item.get("sha256"), str)
        and "/" not in item["file"]
        and "\\" not in item["file"]
        and item["file"] not in ("", ".", "..")
    )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_files(manifest: dict[str, Any], folder: Path) -> EvidenceCheck:
    """Each listed file in `folder`: intact, changed or missing."""
    checks = []
    for i, item in enumerate(manifest["items"], start=1):
        path = folder / item["file"]
        expected = str(item["sha256"]).lower()
        actual = file_sha256(path) if path.is_file() else None
        state = "missing" if actual is None else "intact" if actual == expected else "changed"
        checks.append(
            ItemCheck(
                int(item.get("n", i)),
                item["file"],
                str(item.get("title", "")),
                state,
                expected,
                actual,
            )
        )
    return EvidenceCheck(str(folder), tuple(checks), _summary(checks))


def _summary(checks: list[ItemCheck]) -> str:
    bad = [c for c in checks if c.state != "intact"]
    if not bad:
        return f"证据文件完整：证书所列 {len(checks)} 个文件均在，且与证书中的哈希值一致。"
    named = "；".join(f"{c.n}. {c.file}（{STATES[c.state]}）" for c in bad)
    return f"证据文件不完整：{len(bad)}/{len(checks)} 个文件有问题——{named}"
