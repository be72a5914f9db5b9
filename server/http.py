"""The HTTP face of the sync service (Starlette): JSON in, JSON out, gzip both ways.

Stateless: every request takes a connection from the pool, does its work in PostgreSQL and
gives it back. Endpoints (all under /v1):

    GET  enrol/ca?code_id=     the office CA, with an HMAC keyed by the enrolment code
    POST enrol                 {code, sign_pub, enc_pub, protocol, app_version}
    POST auth/nonce, auth/token
    POST hello, push, rescue, ack, numbers
    GET  pull?cursor=&limit=
    HEAD|PUT|GET blobs/{sha256}   (PUT with Content-Range: bytes a-b/total)
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.domain.sync_wire import PAGE_CASES
from server import auth, db, office, secrets, service
from server.blobs import BlobError, PgBlobStore

log = logging.getLogger(__name__)
DATABASE_AWAY = "办公室数据库暂时不可用，稍后再试（本机数据都已保留）。"
_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+)")
_SHA = re.compile(r"^[0-9a-f]{64}$")


def _json(data: Any, status: int = 200) -> Response:
    raw = json.dumps(data, ensure_ascii=False, default=str).encode()
    if len(raw) > 1024:
        return Response(gzip.compress(raw, 5), status, media_type="application/json",
                        headers={"Content-Encoding": "gzip"})
    return Response(raw, status, media_type="application/json")


async def _body(request: Request) -> Any:
    raw = await request.body()
    if request.headers.get("content-encoding") == "gzip":
        raw = gzip.decompress(raw)
    return json.loads(raw or b"{}")


def _b64(text: Any) -> bytes:
    return base64.b64decode(str(text))


class Service:
    def __init__(self, pool: ConnectionPool, ca_pem: bytes) -> None:
        self.pool, self.ca_pem = pool, ca_pem

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        with self.pool.connection() as conn:
            return fn(conn, *args)

    def device(self, request: Request, conn: Any) -> dict[str, Any]:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer "):
            raise auth.AuthError(401, "需要登录。")
        return auth.by_token(conn, header[len("Bearer "):])


def _guard(handler: Callable[[Request], Awaitable[Response]]) -> Callable[..., Any]:
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except (auth.AuthError, BlobError) as error:
            return _json({"error": error.message}, error.status)
        except office.OfficeError as error:
            return _json({"error": str(error)}, 400)
        except (KeyError, ValueError, TypeError) as error:
            return _json({"error": f"bad request: {error}"}, 400)
        except (psycopg.OperationalError, PoolTimeout) as error:
            # The database went away (a restart, a cut): the transaction rolled back, the
            # laptop keeps its batch and retries it; nothing to report but a busy office.
            log.warning("database unavailable during %s: %s", request.url.path, error)
            return _json({"error": DATABASE_AWAY}, 503)

    return wrapped


def build_app(pool: ConnectionPool) -> Starlette:
    with pool.connection() as conn:
        ca_pem, _ = secrets.ca(conn)
        secrets.office_keys(conn)
    svc = Service(pool, ca_pem)
    from starlette.concurrency import run_in_threadpool

    async def call(fn: Callable[..., Any], *args: Any) -> Any:
        return await run_in_threadpool(svc.run, fn, *args)

    async def authed(request: Request, fn: Callable[..., Any], *args: Any) -> Any:
        def work(conn: Any) -> Any:
            return fn(conn, svc.device(request, conn), *args)

        return await call(work)

    @_guard
    async def enrol_proof(request: Request) -> Response:
        body = await _body(request)
        row = await call(auth.live_code, body["code_id"])
        proof = auth.ca_proof_from_hash(row["code_hash"], ca_pem)
        return _json({"ca_pem": ca_pem.decode(), "proof": proof})

    @_guard
    async def enrol(request: Request) -> Response:
        body = await _body(request)

        def work(conn: Any) -> Any:
            result = auth.enrol(conn, body["code"], _b64(body["sign_pub"]),
                                _b64(body["enc_pub"]), body)
            keys = secrets.office_keys(conn)
            me = db.instance(conn)
            return {**result, "server_id": str(me["id"]), "epoch": me["epoch"],
                    "office_sign_pub": base64.b64encode(keys.sign_public).decode(),
                    "office_enc_pub": base64.b64encode(keys.enc_public).decode()}

        return _json(await call(work))

    @_guard
    async def nonce(request: Request) -> Response:
        body = await _body(request)
        return _json({"nonce": await call(auth.nonce, body["device_id"])})

    @_guard
    async def token(request: Request) -> Response:
        body = await _body(request)
        raw = await call(auth.token, body["device_id"], body["nonce"], _b64(body["signature"]))
        return _json({"token": raw, "expires_in": auth.TOKEN_MINUTES * 60})

    @_guard
    async def hello(request: Request) -> Response:
        return _json(await authed(request, service.hello, await _body(request)))

    @_guard
    async def push(request: Request) -> Response:
        return _json(await authed(request, service.push, await _body(request)))

    @_guard
    async def rescue(request: Request) -> Response:
        await authed(request, service.rescue, await _body(request))
        return _json({"stored": True})

    @_guard
    async def pull(request: Request) -> Response:
        cursor = int(request.query_params.get("cursor", "0"))
        limit = min(int(request.query_params.get("limit", PAGE_CASES)), PAGE_CASES)
        return _json(await authed(request, service.pull, cursor, limit))

    @_guard
    async def ack(request: Request) -> Response:
        body = await _body(request)
        await authed(request, service.ack, int(body["cursor"]))
        return _json({"ok": True})

    @_guard
    async def numbers(request: Request) -> Response:
        body = await _body(request)
        return _json(await authed(request, service.number_block, int(body["year"])))

    @_guard
    async def blob(request: Request) -> Response:
        sha = request.path_params["sha"]
        if not _SHA.match(sha):
            raise BlobError(400, "bad blob name")
        if request.method == "PUT":
            match = _RANGE.match(request.headers.get("content-range", ""))
            if not match:
                raise BlobError(400, "Content-Range required")
            data = await request.body()
            offset, total = int(match.group(1)), int(match.group(3))

            def put(conn: Any, device: Any) -> Any:
                return PgBlobStore(conn).write(sha, offset, data, total)

            received, complete = await authed(request, put)
            return _json({"received": received, "complete": complete})

        def status(conn: Any, device: Any) -> Any:
            return PgBlobStore(conn).received(sha)

        if request.method == "HEAD":
            received, complete = await authed(request, status)
            return Response(b"", 200, headers={"X-Received": str(received),
                                               "X-Complete": "1" if complete else "0"})
        start, end = _range(request.headers.get("range", ""))

        def get(conn: Any, device: Any) -> Any:
            return PgBlobStore(conn).read(sha, start, end)

        data, size = await authed(request, get)
        return Response(data, 206 if start or end else 200,
                        media_type="application/octet-stream",
                        headers={"X-Size": str(size), "X-Start": str(start)})

    routes = [
        Route("/v1/enrol/ca", enrol_proof, methods=["POST"]),
        Route("/v1/enrol", enrol, methods=["POST"]),
        Route("/v1/auth/nonce", nonce, methods=["POST"]),
        Route("/v1/auth/token", token, methods=["POST"]),
        Route("/v1/hello", hello, methods=["POST"]),
        Route("/v1/push", push, methods=["POST"]),
        Route("/v1/rescue", rescue, methods=["POST"]),
        Route("/v1/pull", pull, methods=["GET"]),
        Route("/v1/ack", ack, methods=["POST"]),
        Route("/v1/numbers", numbers, methods=["POST"]),
        Route("/v1/blobs/{sha}", blob, methods=["GET", "HEAD", "PUT"]),
    ]
    return Starlette(routes=routes)


def _range(header: str) -> tuple[int, int | None]:
    match = re.match(r"bytes=(\d+)-(\d*)", header)
    if not match:
        return 0, None
    end = int(match.group(2)) + 1 if match.group(2) else None
    return int(match.group(1)), end
