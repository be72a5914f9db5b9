"""Blobs between laptop and office: by SHA-256, in chunks, resumable both ways.

Upload: ask the office how much of a blob it has (`HEAD`), send the rest in chunks of
1 MiB with `Content-Range`. Download: chunks are kept in `sync_blob_part` (inside the
encrypted store, each committed as it arrives), so a cut download goes on where it stopped;
the assembled bytes must hash to their name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.sync_wire import BLOB_CHUNK
from app.services.sync.client import Session as OfficeSession
from app.services.sync.client import Unreachable
from app.store.sync_tables import SyncBlobPart

LOCAL = (
    ("document", "file_sha256", "content"),
    ("document_attachment", "sha256", "content"),
    ("signature", "png_sha256", "png"),
    ("evidence", "sha256", "content"),
    ("mandate_exception", "scan_sha256", "scan"),
)


def local_blobs(session: Session, shas: set[str]) -> dict[str, bytes]:
    """The blobs among `shas` that this store already has."""
    from app.services.sync.rows import table

    found: dict[str, bytes] = {}
    for name, sha_col, data_col in LOCAL:
        t = table(name)
        wanted = sorted(shas - set(found))
        if not wanted:
            break
        for sha, data in session.execute(
            select(t.c[sha_col], t.c[data_col]).where(t.c[sha_col].in_(wanted))
        ):
            if data is not None and hashlib.sha256(data).hexdigest() == sha:
                found[sha] = bytes(data)
    return found


def upload(office: OfficeSession, shas: set[str], load: Callable[[str], bytes | None]) -> None:
    """Send the blobs the office does not have yet; `load` reads one from the store only
    then (evidence files reach 200 MB)."""
    for sha in sorted(shas):
        head = office.raw("HEAD", f"/v1/blobs/{sha}")
        if head.headers.get("X-Complete") == "1":
            continue
        data = load(sha)
        if data is None:
            continue  # gone here since (erased): the office reports the group incomplete
        offset = int(head.headers.get("X-Received", "0"))
        while offset < len(data) or (offset == 0 and not data):
            chunk = data[offset : offset + BLOB_CHUNK]
            end = offset + len(chunk) - 1
            response = office.raw(
                "PUT", f"/v1/blobs/{sha}", content=chunk,
                headers={"Content-Range": f"bytes {offset}-{max(end, offset)}/{len(data)}"},
            )
            if response.status_code == 416:  # the office has more (or less) than we thought
                offset = int(office.raw("HEAD", f"/v1/blobs/{sha}").headers["X-Received"])
                continue
            if response.status_code >= 400:
                raise Unreachable(f"上传文件失败（HTTP {response.status_code}）。")
            offset = int(response.json()["received"])
            if not data:
                break


def download(
    office: OfficeSession, store_write: Callable[[Callable[[Session], Any]], Any],
    store_read: Callable[[Callable[[Session], Any]], Any], sha: str,
) -> bytes:
    """One blob from the office, resuming from the chunks already kept."""

    def have(session: Session) -> int:
        total = session.scalar(
            select(func.coalesce(func.sum(func.length(SyncBlobPart.data)), 0)).where(
                SyncBlobPart.sha256 == sha)
        )
        return int(total or 0)

    offset = int(store_read(have))
    while True:
        response = office.raw("GET", f"/v1/blobs/{sha}",
                              headers={"Range": f"bytes={offset}-{offset + BLOB_CHUNK - 1}"})
        if response.status_code >= 400:
            raise Unreachable(f"下载文件失败（HTTP {response.status_code}）。")
        size = int(response.headers.get("X-Size", "0"))
        data = response.content
        if data:
            start = offset

            def keep(session: Session, start: int = start, data: bytes = data) -> None:
                session.add(SyncBlobPart(sha256=sha, offset=start, data=data))

            store_write(keep)
            offset += len(data)
        if offset >= size or not data:
            break

    def assemble(session: Session) -> bytes:
        parts = session.scalars(
            select(SyncBlobPart).where(SyncBlobPart.sha256 == sha).order_by(SyncBlobPart.offset)
        )
        return b"".join(p.data for p in parts)

    whole: bytes = store_read(assemble)
    if hashlib.sha256(whole).hexdigest() != sha:
        store_write(lambda s: s.execute(delete(SyncBlobPart).where(SyncBlobPart.sha256 == sha)))
        raise Unreachable("下载的文件与其校验值不符，下次同步时重新下载。")
    return whole


def forget_parts(session: Session, shas: set[str]) -> None:
    if shas:
        session.execute(delete(SyncBlobPart).where(SyncBlobPart.sha256.in_(sorted(shas))))
