"""Case numbers the office gives out: its own intake, and blocks for laptops (HiLo).

One counter per intake year (`number_counter`), shared by office intake and the blocks, so
no number is given twice. A number the server sees arrive in its own format (a laptop's
block, a case re-pushed after the server was restored from a backup) moves the counter
past it: a restored server never hands out a number a laptop has already printed.
"""

from __future__ import annotations

import re
from typing import Any

import psycopg

CASE_PREFIX = "TJ"
BLOCK_SIZE = 200
_OURS = re.compile(r"^TJ-(\d{4})-(\d{6})$")


def format_no(year: int, seq: int) -> str:
    return f"{CASE_PREFIX}-{year:04d}-{seq:06d}"


def take(conn: psycopg.Connection[Any], year: int, count: int) -> int:
    """Reserve `count` numbers of `year`; return the first sequence number."""
    row = conn.execute(
        "INSERT INTO number_counter (year, last_seq) VALUES (%s, %s)"
        " ON CONFLICT (year) DO UPDATE SET last_seq = number_counter.last_seq + %s"
        " RETURNING last_seq",
        (year, count, count),
    ).fetchone()
    assert row is not None
    return int(row["last_seq"]) - count + 1


def seen(conn: psycopg.Connection[Any], case_no: str) -> None:
    """Move the counter past a number in the office's format."""
    match = _OURS.match(case_no or "")
    if not match:
        return
    year, seq = int(match.group(1)), int(match.group(2))
    conn.execute(
        "INSERT INTO number_counter (year, last_seq) VALUES (%s, %s) ON CONFLICT (year)"
        " DO UPDATE SET last_seq = GREATEST(number_counter.last_seq, excluded.last_seq)",
        (year, seq),
    )


def taken(conn: psycopg.Connection[Any], case_no: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM case_record WHERE case_no = %s AND NOT legacy LIMIT 1", (case_no,)
    ).fetchone()
    return row is not None


def block(conn: psycopg.Connection[Any], device_id: Any, year: int) -> dict[str, int]:
    """A new block of numbers for a laptop."""
    first = take(conn, year, BLOCK_SIZE)
    last = first + BLOCK_SIZE - 1
    conn.execute(
        "INSERT INTO number_block (device_id, year, first_seq, last_seq) VALUES (%s,%s,%s,%s)",
        (device_id, year, first, last),
    )
    return {"year": year, "first": first, "last": last}
