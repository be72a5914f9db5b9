"""One sync round: hello, push until nothing waits, pull until up to date, acknowledge.

Resumable after a cut anywhere: a push is repeated from `sync_outbox` (the office answers
a repeat from its store), a page is applied in one transaction with its cursor (a cut page
is fetched again), blob transfers resume from what arrived. A laptop restored from a
backup (its audit chain no longer matches what the office acknowledged) becomes a new
*incarnation*; a server restored from a backup (new restore epoch, or a feed shorter than
this laptop's cursor) makes the laptop re-send every case it holds and read its feed from
the start. Nothing is thrown away on either side.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import select

from app.domain.sync_wire import PAGE_CASES, PROTOCOL, blob_refs
from app.services.clock import china_date
from app.services.sync import apply, blobs, erasure, push, state
from app.services.sync.client import Session as OfficeSession
from app.services.sync.client import Unreachable
from app.services.sync.marking import mark_cases_pending
from app.store.records import AuditEvent
from app.store.sync_numbers import left
from app.store.sync_tables import SyncCase, SyncNumberBlock
from app.store.unit_of_work import UnitOfWork

Progress = Callable[[str, int, int], None]
SKEW_WARN_SECONDS = 300
REFILL_BELOW = 50
MAX_PUSHES = 10_000


@dataclass
class RoundResult:
    pushed: int = 0
    pulled: int = 0
    revoked: int = 0
    conflicts: int = 0
    skew_seconds: float | None = None
    message: str = ""
    rebaselined: bool = False
    new_incarnation: bool = False
    status: str = "ok"

    @property
    def exit_code(self) -> int:
        if self.status in ("upgrade", "server_old"):
            return 3
        return 1 if self.conflicts or self.revoked else 0

    @property
    def skew_warning(self) -> str:
        if self.skew_seconds is None or abs(self.skew_seconds) < SKEW_WARN_SECONDS:
            return ""
        hours = self.skew_seconds / 3600
        return (f"本机时钟与办公室服务器相差约 {hours:+.1f} 小时。打印或签署文书前请校准时间"
                "（文书上的日期取自本机时钟）。")


class Round:
    def __init__(self, ctx: Any, progress: Progress | None = None) -> None:
        self.ctx, self.progress = ctx, progress or (lambda phase, done, total: None)
        self.result = RoundResult()

    def write(self, fn: Callable[[UnitOfWork], Any]) -> Any:
        with self.ctx.store.write(self.ctx.actor, self.ctx.now()) as uow:
            return fn(uow)

    def read(self, fn: Callable[[Any], Any]) -> Any:
        with self.ctx.store.read() as uow:
            return fn(uow.session)

    def run(self) -> RoundResult:
        me = self.read(state.enrolment)
        try:
            with OfficeSession(me) as office:
                office.login()
                hello = self._hello(office, me)
                if self.result.status != "ok":
                    return self.result
                me = self.read(state.enrolment)  # the incarnation may have changed
                self._push(office, me, hello)
                self._numbers(office)  # after the push: the office has seen our numbers
                self._pull(office)
                self._done(hello)
        except Unreachable as error:
            message = str(error)
            self.write(lambda uow: state.put(uow.session, "last_error", message))
            raise
        return self.result

    # -- hello, restores, numbers ---------------------------------------------------------

    def _hello(self, office: OfficeSession, me: state.Enrolment) -> dict[str, Any]:
        self.progress("hello", 0, 1)
        hello: dict[str, Any] = office.post("/v1/hello", {
            "device": me.device_id, "incarnation": me.incarnation, "protocol": PROTOCOL,
            "app_version": _app_version(), "client_time": self.ctx.now().isoformat(),
        })
        self.result.skew_seconds = hello.get("skew_seconds")
        verdict = hello.get("protocol_ok")
        if verdict == "too_old":
            self._rescue(office, me)
            self.result.status, self.result.message = "upgrade", str(hello.get("message"))
            return hello
        if verdict == "too_new":
            self.result.status, self.result.message = "server_old", str(hello.get("message"))
            return hello
        if self._forked(hello.get("audit_head")):
            self.write(lambda uow: self._new_incarnation(uow))
            self.result.new_incarnation = True
            hello = office.post("/v1/hello", {**_hello_body(self.read(state.enrolment)),
                                              "client_time": self.ctx.now().isoformat()})
        if self._server_restored(hello):
            self.write(self._rebaseline)
            self.result.rebaselined = True
        return hello

    def _forked(self, head: dict[str, Any] | None) -> bool:
        if not head:
            return False

        def check(session: Any) -> bool:
            event = session.get(AuditEvent, int(head["seq"]))
            return event is None or event.hash != head["hash"]

        return bool(self.read(check))

    def _new_incarnation(self, uow: UnitOfWork) -> None:
        state.put(uow.session, "incarnation", str(uuid.uuid4()))
        held = list(uow.session.scalars(select(SyncCase.case_uid).where(SyncCase.held)))
        mark_cases_pending(uow.session, held)
        uow.record("sync.new_incarnation", detail={"reason": "audit chain differs from office"})

    def _server_restored(self, hello: dict[str, Any]) -> bool:
        def check(session: Any) -> bool:
            known = state.get(session, "server_epoch")
            behind = state.cursor(session) > int(hello.get("feed_head", 0))
            return behind or (bool(known) and int(known) != int(hello["epoch"]))

        return bool(self.read(check))

    def _rebaseline(self, uow: UnitOfWork) -> None:
        held = list(uow.session.scalars(select(SyncCase.case_uid).where(SyncCase.held)))
        mark_cases_pending(uow.session, held)
        state.put(uow.session, "cursor", 0)
        uow.record("sync.rebaselined", detail={"cases": len(held)})

    def _numbers(self, office: OfficeSession) -> None:
        year = china_date(self.ctx.now()).year
        if self.read(lambda s: left(s, year)) >= REFILL_BELOW:
            return
        block = office.post("/v1/numbers", {"year": year})

        def keep(uow: UnitOfWork) -> None:
            uow.session.add(SyncNumberBlock(year=block["year"], next_seq=block["first"],
                                            last_seq=block["last"]))

        self.write(keep)

    def _rescue(self, office: OfficeSession, me: state.Enrolment) -> None:
        body, _ = self.read(lambda s: push.build(
            s, device_id=me.device_id, incarnation=me.incarnation, audit_after=0,
            actor=self.ctx.actor))
        office.post("/v1/rescue", body)

    # -- push ------------------------------------------------------------------------------

    def _push(self, office: OfficeSession, me: state.Enrolment, hello: dict[str, Any]) -> None:
        head = hello.get("audit_head") or {}
        audit_after = int(head.get("seq", 0))
        total = len(self.read(push.pending_cases))
        for _ in range(MAX_PUSHES):
            body: dict[str, Any] | None = self.read(push.outbox)
            if body is None:
                body, _ = self.read(partial(
                    _build, device_id=me.device_id, incarnation=me.incarnation,
                    audit_after=audit_after, actor=self.ctx.actor, with_bytes=False))
                if not body["groups"] and not body["audit"]:
                    return
                self.write(partial(_keep_outbox, body=body))
            blobs.upload(office, blob_refs([r for g in body["groups"] for r in g["rows"]]),
                         self._blob)
            answer: dict[str, Any] = office.post("/v1/push", body)
            self.result.conflicts += int(self.write(partial(_take, body=body, answer=answer)))
            self.result.pushed += len(body["groups"])
            audit_after = int((answer.get("audit_head") or {}).get("seq", audit_after))
            self.progress("push", self.result.pushed, max(total, self.result.pushed))
            if answer.get("audit_problem") and not body["groups"]:
                return

    def _blob(self, sha: str) -> bytes | None:
        found: dict[str, bytes] = self.read(partial(blobs.local_blobs, shas={sha}))
        return found.get(sha)

    # -- pull ------------------------------------------------------------------------------

    def _pull(self, office: OfficeSession) -> None:
        cursor = self.read(state.cursor)
        while True:
            page = office.get("/v1/pull", {"cursor": cursor, "limit": PAGE_CASES})
            rows = [r for e in page["entries"] for r in e.get("rows", [])]
            needed = blob_refs(rows)
            have: dict[str, bytes] = self.read(partial(blobs.local_blobs, shas=needed))
            for sha in sorted(needed - set(have)):
                have[sha] = blobs.download(office, self._write_session, self.read, sha)
            applied: apply.Applied = self.write(
                partial(self._apply_page, page=page, have=have, needed=needed))
            self.result.pulled += applied.cases
            self.result.revoked += applied.revoked
            cursor = int(page["next_cursor"])
            self.progress("pull", self.result.pulled, self.result.pulled + (1 if page["more"]
                                                                             else 0))
            if not page["more"]:
                break
        office.post("/v1/ack", {"cursor": cursor})

    def _write_session(self, fn: Callable[[Any], Any]) -> Any:
        return self.write(lambda uow: fn(uow.session))

    def _apply_page(self, uow: UnitOfWork, page: dict[str, Any], have: dict[str, bytes],
                    needed: set[str]) -> apply.Applied:
        applied = apply.apply_entries(uow.session, page["entries"], have, uow.now,
                                      partial(erasure.carry_out, uow))
        state.put(uow.session, "cursor", int(page["next_cursor"]))
        blobs.forget_parts(uow.session, needed)
        if applied.cases or applied.revoked:
            uow.record("sync.pulled", detail={"cases": applied.case_nos,
                                              "revoked": applied.revoked,
                                              "cursor": page["next_cursor"]})
        return applied

    def _done(self, hello: dict[str, Any]) -> None:
        def keep(uow: UnitOfWork) -> None:
            s = uow.session
            state.put(s, "server_epoch", hello["epoch"])
            state.put(s, "last_sync_at", self.ctx.now().isoformat())
            state.put(s, "last_server_time", hello.get("server_time", ""))
            state.put(s, "skew_seconds", hello.get("skew_seconds") or 0)
            state.put(s, "last_error", "")

        self.write(keep)


def _build(session: Any, **kwargs: Any) -> tuple[dict[str, Any], dict[str, bytes]]:
    return push.build(session, **kwargs)


def _keep_outbox(uow: UnitOfWork, body: dict[str, Any]) -> None:
    push.store_outbox(uow.session, body, uow.now)




def _take(uow: UnitOfWork, body: dict[str, Any], answer: dict[str, Any]) -> int:
    return push.take_answer(uow.session, body, answer, uow.now)


def _hello_body(me: state.Enrolment) -> dict[str, Any]:
    return {"device": me.device_id, "incarnation": me.incarnation, "protocol": PROTOCOL,
            "app_version": _app_version()}


def _app_version() -> str:
    from app import __version__

    return str(__version__)


def sync_round(ctx: Any, progress: Progress | None = None) -> RoundResult:
    """One round for the store of `ctx` (raises `Unreachable` when the office is not there)."""
    return Round(ctx, progress).run()
