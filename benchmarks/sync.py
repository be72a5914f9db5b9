"""Office sync benchmark: per-case costs against floors measured in the same run.

    .venv/bin/python benchmarks/sync.py [--cases 10000]

Starts a throwaway PostgreSQL 15 cluster (as tests do), then for N generated intake cases
(each: case, creditor, debtor, loan terms, claim — made once by the laptop's own
create_case, cloned with fresh uids):

(a) server ingest: `office.ingest` in 500-case transactions, vs the floor: `COPY` of the
    same rows into a bare table of the same columns;
(b) server pull: the mediator's feed pages (500 cases) built by `feed.page`, vs the floor:
    the same case rows selected page by page with plain psycopg;
(c) laptop apply: `apply_entries` of those pages into an encrypted SQLCipher store, one
    transaction per page, vs the floor: plain `executemany` inserts of the same rows into
    the same tables in the same transactions;
(d) the handout end to end: ingest + assign + one `sync` round of a fresh laptop through
    the real HTTP service code (in-process transport), wall time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MEDIATION_DESK_PASSPHRASE", "benchmark passphrase")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import psycopg  # noqa: E402

from app.domain.sync_wire import PAGE_CASES, canonical, uuid7  # noqa: E402
from tests.pg_cluster import create_cluster, find_bindir  # noqa: E402
from tests.security_fixtures import use_fast_kdf  # noqa: E402


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def template_group() -> dict[str, Any]:
    from app.services.cases.service import create_case
    from server import scratch
    from tests.store_fixtures import new_case

    (group,) = scratch.build_groups(lambda ctx: create_case(ctx, new_case(batch="BENCH")))
    return group


def clones(group: dict[str, Any], count: int) -> list[dict[str, Any]]:
    out = []
    for _ in range(count):
        case_uid = uuid7()
        ids = {r["uid"]: (case_uid if r["e"] == "case" else uuid7()) for r in group["rows"]}
        rows = []
        for row in group["rows"]:
            body = dict(row["body"], uid=ids[row["uid"]])
            if "case_id" in body:
                body["case_id"] = case_uid
            rows.append({**row, "uid": ids[row["uid"]], "body": body})
        out.append({"case_uid": case_uid, "case_no": "", "rows": rows})
    return out


def bench_ingest(url: str, groups: list[dict[str, Any]]) -> tuple[float, float]:
    from server import db, office

    def ours() -> None:
        with db.connect(url) as conn:
            for start in range(0, len(groups), PAGE_CASES):
                with conn.transaction():
                    office.ingest(conn, groups[start : start + PAGE_CASES], year=2026)

    def floor() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS bare (uid uuid, case_uid uuid, entity text,"
                         " body jsonb, sha256 text, version bigint)")
            for start in range(0, len(groups), PAGE_CASES):
                with conn.transaction(), conn.cursor() as cur, cur.copy(
                    "COPY bare FROM STDIN"
                ) as copy:
                    for g in groups[start : start + PAGE_CASES]:
                        for r in g["rows"]:
                            copy.write_row((r["uid"], g["case_uid"], r["e"],
                                            canonical(r["body"]).decode(), "x", 1))

    return timed(floor)[0], timed(ours)[0]


def bench_pull(url: str) -> tuple[float, float, list[dict[str, Any]]]:
    from server import db, feed, office

    with db.connect(url) as conn:
        office.assign(conn, "BENCH", "张调解员", None)
        mid = office.mediator_id(conn, "张调解员")

    def ours() -> list[dict[str, Any]]:
        pages, cursor = [], 0
        with db.connect(url) as conn:
            while True:
                page = feed.page(conn, mid, cursor)
                pages.append(page)
                cursor = page["next_cursor"]
                if not page["more"]:
                    return pages

    def floor() -> None:
        with db.connect(url) as conn:
            uids = [r["uid"] for r in conn.execute(
                "SELECT uid FROM case_record WHERE holder_id = %s ORDER BY case_no", (mid,))]
            for start in range(0, len(uids), PAGE_CASES):
                conn.execute("SELECT uid, case_uid, entity, body FROM case_row"
                             " WHERE case_uid = ANY(%s)", (uids[start : start + PAGE_CASES],)
                             ).fetchall()

    floor_s = timed(floor)[0]
    ours_s, pages = timed(ours)
    return floor_s, ours_s, pages


def fresh_store(folder: Path) -> Any:
    from app.services.startup import open_context

    return open_context(folder, actor="bench")


def bench_apply(pages: list[dict[str, Any]], work: Path) -> tuple[float, float]:
    from sqlalchemy import insert

    from app.services.sync import apply
    from app.services.sync.rows import table, values_from_wire

    ctx = fresh_store(work / "apply")

    def ours() -> None:
        for page in pages:
            with ctx.store.write("bench") as uow:
                apply.apply_entries(uow.session, page["entries"], {}, uow.now)
                uow.record("sync.pulled", detail={"cases": len(page["entries"])})

    floor_ctx = fresh_store(work / "floor")

    def floor() -> None:
        ids: dict[tuple[str, str], int] = {}
        for page in pages:
            with floor_ctx.store.write("bench") as uow:
                for entity in ("case", "party", "loan_terms", "claim"):
                    rows = [r for e in page["entries"] for r in e["rows"] if r["e"] == entity]
                    values = [values_from_wire(entity, r["body"], ids, {}) for r in rows]
                    if entity == "case":
                        for v, r in zip(values, rows, strict=True):
                            assert v is not None
                            v["case_no"] = r["body"]["case_no"]
                    kept = [v for v in values if v]
                    if kept:
                        uow.session.execute(insert(table(entity)), kept)
                    if entity == "case":
                        t = table("case")
                        ids.update({("case", u): i for u, i in uow.session.execute(
                            t.select().with_only_columns(t.c.uid, t.c.id))})
                uow.record("bench.floor", detail={})

    return timed(floor)[0], timed(ours)[0]


def bench_handout(url: str, groups: list[dict[str, Any]], work: Path) -> float:
    from app.services.sync import client
    from app.services.sync.enrol import join
    from app.services.sync.round import sync_round
    from server import auth, db, office
    from tests.sync.harness import Office

    with db.connect(url) as conn:
        code = auth.new_code(conn, "李调解员")
    ctx = fresh_store(work / "laptop")
    with Office(url) as running:
        join(ctx, Office.URL, code)

        def handout() -> Any:
            with db.connect(url) as conn:
                for start in range(0, len(groups), PAGE_CASES):
                    with conn.transaction():
                        office.ingest(conn, groups[start : start + PAGE_CASES], year=2027)
                office.assign(conn, "BENCH", "李调解员", None)
            return sync_round(ctx)

        seconds, result = timed(handout)
        assert result.pulled == len(groups), result
        del running
    client.set_client_factory(None)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    use_fast_kdf()
    bindir = find_bindir()
    if bindir is None:
        print("PostgreSQL is not installed (apt-get install postgresql)", file=sys.stderr)
        return 2
    cluster = create_cluster(bindir)
    work = Path(tempfile.mkdtemp(prefix="md-bench-sync-"))
    try:
        from server import db

        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
            conn.execute("CREATE DATABASE bench2")
        url = cluster.url("bench")
        db.migrate(url)
        db.migrate(cluster.url("bench2"))
        group = template_group()
        n = args.cases
        groups = clones(group, n)
        floor_i, ours_i = bench_ingest(url, groups)
        floor_p, ours_p, pages = bench_pull(url)
        floor_a, ours_a = bench_apply(pages, work)
        handout = bench_handout(cluster.url("bench2"), clones(group, n), work)
        rows = [
            ("server ingest", ours_i, floor_i, "COPY into a bare table", 0.5),
            ("server pull", ours_p, floor_p, "plain SELECT pages", 0.2),
            ("laptop apply", ours_a, floor_a, "plain executemany", 0.5),
        ]
        print(f"{n} cases, {len(group['rows'])} rows each")
        for name, ours, floor, what, budget in rows:
            per = ours / n * 1000
            print(f"{name:14s} {per:6.3f} ms/case (budget {budget} ms)  "
                  f"floor {floor / n * 1000:6.3f} ms/case ({what})  ratio {ours / floor:5.2f}×")
        print(f"handout end to end: {handout:.1f} s for {n} cases (budget 10 s): "
              "ingest + assign + one sync round of a fresh laptop over the service code")
    finally:
        cluster.remove()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
