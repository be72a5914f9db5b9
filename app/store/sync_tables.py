"""The laptop's side of office sync: what waits to be sent, what the office said, leases.

- `sync_pending`: one row per synced row changed since the office last acknowledged it
  (new, changed or deleted: `op` del is the tombstone), filled by `app.store.sync_capture`
  at flush. Keyed by (entity, uid), so fifty autosaves are one pending row; `local_seq`
  orders changes (a persistent counter, `sync_counter`).
- `sync_state`: name → value (device id, keys, server address, cursor, last sync …); the
  private keys are here, inside the encrypted store.
- `sync_case`: per case received or adopted: its uid's lease epoch, the server version seen,
  whether this laptop holds it (False after the office took it back).
- `sync_outbox`: a push exactly as sent, kept until its answer is in (a retry after a cut
  repeats it byte for byte, so the server's stored answer matches it).
- `sync_note`: what the office reported back (conflicts, late facts, returned cases).
- `sync_number_block`: case numbers handed to this laptop by the office.
- `sync_bundle_seen`: bundles already imported (a second import changes nothing).
- `sync_blob_part`: chunks of a blob being downloaded (resumable).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base
from app.store.types import UTCDateTime


class SyncPending(Base):
    __tablename__ = "sync_pending"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_uid: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    local_seq: Mapped[int] = mapped_column(Integer)


class SyncCounter(Base):
    __tablename__ = "sync_counter"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class SyncState(Base):
    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncCase(Base):
    __tablename__ = "sync_case"

    case_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_case_no: Mapped[str] = mapped_column(String(32))
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    held: Mapped[bool] = mapped_column(Boolean, default=True)
    holder: Mapped[str] = mapped_column(String(50), default="")
    legacy: Mapped[bool] = mapped_column(Boolean, default=False)
    """Numbered on this laptop before it was enrolled (the office scopes such numbers)."""


class SyncOutbox(Base):
    __tablename__ = "sync_outbox"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SyncNote(Base):
    __tablename__ = "sync_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_uid: Mapped[str] = mapped_column(String(36), default="")
    case_no: Mapped[str] = mapped_column(String(32), default="")
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SyncNumberBlock(Base):
    __tablename__ = "sync_number_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    next_seq: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(Integer)


class SyncBundleSeen(Base):
    __tablename__ = "sync_bundle_seen"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender: Mapped[str] = mapped_column(String(36))
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SyncBlobPart(Base):
    __tablename__ = "sync_blob_part"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    offset: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)
