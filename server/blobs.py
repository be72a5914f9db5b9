"""Blobs (PDFs, scans, signature images) by SHA-256, received in resumable chunks.

`BlobStore` is the one interface the service uses. v1 keeps the bytes in PostgreSQL
(`blob_chunk`, chunks of at most 4 MiB) so a database backup is a complete backup and the
server needs no folder of its own; a content-addressed directory or S3 store can take its
place behind the same four methods when the volume asks for it (sync.md §5.9).
A blob is complete only when its bytes hash to its name; until then `received` is where
the next chunk starts.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol

import psycopg

MAX_CHUNK = 4 * 1024 * 1024


class BlobError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class BlobStore(Protocol):
    def received(self, sha256: str) -> tuple[int, bool]: ...

    def write(self, sha256: str, offset: int, data: bytes, total: int) -> tuple[int, bool]: ...

    def read(self, sha256: str, start: int, end: int | None) -> tuple[bytes, int]: ...

    def missing(self, shas: set[str]) -> set[str]: ...


class PgBlobStore:
    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def received(self, sha256: str) -> tuple[int, bool]:
        row = self.conn.execute(
            "SELECT received, complete FROM blob WHERE sha256 = %s", (sha256,)
        ).fetchone()
        return (int(row["received"]), bool(row["complete"])) if row else (0, False)

    def write(self, sha256: str, offset: int, data: bytes, total: int) -> tuple[int, bool]:
        """Append a chunk at `offset` (must be where the last one ended)."""
        if len(data) > MAX_CHUNK:
            raise BlobError(413, "chunk too large")
        with self.conn.transaction():
            self.conn.execute(
                "INSERT INTO blob (sha256, size) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (sha256, total),
            )
            row = self.conn.execute(
                "SELECT received, complete, size FROM blob WHERE sha256 = %s FOR UPDATE",
                (sha256,),
            ).fetchone()
            assert row is not None
            if row["complete"]:
                return int(row["size"]), True
            if offset != int(row["received"]) or offset + len(data) > total:
                raise BlobError(416, f"expected offset {row['received']}")
            self.conn.execute(
                'INSERT INTO blob_chunk (sha256, "offset", data) VALUES (%s, %s, %s)',
                (sha256, offset, data),
            )
            received = offset + len(data)
            complete = received == total and self._verify(sha256)
            if received == total and not complete:
                self.conn.execute("DELETE FROM blob_chunk WHERE sha256 = %s", (sha256,))
                self.conn.execute("UPDATE blob SET received = 0 WHERE sha256 = %s", (sha256,))
                raise BlobError(422, "the bytes do not match their SHA-256; send them again")
            self.conn.execute(
                "UPDATE blob SET received = %s, complete = %s WHERE sha256 = %s",
                (received, complete, sha256),
            )
        return received, complete

    def _verify(self, sha256: str) -> bool:
        digest = hashlib.sha256()
        for row in self.conn.execute(
            'SELECT data FROM blob_chunk WHERE sha256 = %s ORDER BY "offset"', (sha256,)
        ):
            digest.update(row["data"])
        return digest.hexdigest() == sha256

    def read(self, sha256: str, start: int, end: int | None) -> tuple[bytes, int]:
        """Bytes [start, end) of a complete blob, and its size."""
        size, complete = self.received(sha256)
        if not complete:
            raise BlobError(404, "no such blob")
        stop = size if end is None else min(end, size)
        parts = []
        for row in self.conn.execute(
            'SELECT "offset", data FROM blob_chunk WHERE sha256 = %s'
            ' AND "offset" < %s AND "offset" + length(data) > %s ORDER BY "offset"',
            (sha256, stop, start),
        ):
            base, data = int(row["offset"]), bytes(row["data"])
            parts.append(data[max(0, start - base) : stop - base])
        return b"".join(parts), size

    def missing(self, shas: set[str]) -> set[str]:
        if not shas:
            return set()
        rows = self.conn.execute(
            "SELECT sha256 FROM blob WHERE complete AND sha256 = ANY(%s)", (list(shas),)
        ).fetchall()
        return shas - {r["sha256"] for r in rows}

    def put_whole(self, data: bytes) -> str:
        """Store a blob that arrived in one piece (a bundle)."""
        sha = hashlib.sha256(data).hexdigest()
        if self.received(sha)[1]:
            return sha
        with self.conn.transaction():
            self.conn.execute("DELETE FROM blob WHERE sha256 = %s", (sha,))
            self.conn.execute(
                "INSERT INTO blob (sha256, size, received, complete) VALUES (%s, %s, %s, true)",
                (sha, len(data), len(data)),
            )
            for offset in range(0, max(len(data), 1), MAX_CHUNK):
                self.conn.execute(
                    'INSERT INTO blob_chunk (sha256, "offset", data) VALUES (%s, %s, %s)',
                    (sha, offset, data[offset : offset + MAX_CHUNK]),
                )
        return sha
