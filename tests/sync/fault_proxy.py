"""A small loopback TCP proxy that cuts connections, for sync tests against the real server.

It forwards 127.0.0.1:<its port> to the server's port byte for byte (TLS passes through
untouched). `cut_at(n)`: once n bytes have gone from the server to the client (counted over
all connections), every open connection is closed at once — the link dies mid-answer.
`black_hole = True`: connections are accepted and never answered. `on_bytes(up, down)` is
called with the byte counts before each chunk is passed on (a test kills the server or
restarts its database at a chosen point). Loopback only; it stops with the test.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Any


class FaultProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self.down_bytes = 0
        self.up_bytes = 0
        self.on_bytes: Callable[[int, int], None] | None = None
        self.cut_after: int | None = None
        self.black_hole = False
        self.cuts = 0
        self._loop = asyncio.new_event_loop()
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closing = asyncio.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        # every connection ends (a black hole too) before the loop stops: a task left
        # pending is reported as an error when it is collected, in some later test
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._close_all(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _close_all(self) -> None:
        self._closing.set()
        self._cut_all()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)

    def cut_at(self, count: int | None) -> None:
        self.down_bytes = self.up_bytes = 0
        self.cut_after = count

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._client, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        server.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        if self.black_hole:
            await self._closing.wait()
            writer.close()
            return
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_w}
        pipes = [asyncio.ensure_future(self._pipe(reader, up_w, down=False)),
                 asyncio.ensure_future(self._pipe(up_r, writer, down=True))]
        # when either side is gone (a server killed, a client that hung up), so is the other:
        # a client must not wait for an answer from a dead server until its timeout
        await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
        for w in (writer, up_w):
            self._writers.discard(w)
            w.close()
        for pipe in pipes:
            pipe.cancel()
        await asyncio.gather(*pipes, return_exceptions=True)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    *, down: bool) -> None:
        while data := await reader.read(4096):
            if down and self.cut_after is not None:
                room = self.cut_after - self.down_bytes
                if room <= len(data):
                    writer.write(data[: max(room, 0)])
                    with contextlib.suppress(Exception):
                        await writer.drain()
                    self.cut_after = None
                    self.cuts += 1
                    self._cut_all()
                    return
                self.down_bytes += len(data)
            elif down:
                self.down_bytes += len(data)
            else:
                self.up_bytes += len(data)
            if self.on_bytes is not None:
                self.on_bytes(self.up_bytes, self.down_bytes)
            writer.write(data)
            await writer.drain()
        writer.close()

    def _cut_all(self) -> None:
        for w in list(self._writers):
            transport: Any = w.transport
            transport.abort()
