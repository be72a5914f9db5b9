"""The office server and the laptops as the outside world runs them: subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any


def app(data_dir: Path, *args: str, env: dict[str, str] | None = None,
        timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=timeout, check=False,
        env={**os.environ, **(env or {})},
    )


def admin(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", "--database-url", url, "admin", *args],
        capture_output=True, text=True, timeout=180, check=False,
    )


def admin_json(url: str, *args: str) -> Any:
    done = admin(url, *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


class Server:
    """`python -m server --listen 127.0.0.1:PORT` until stopped."""

    def __init__(self, db_url: str, port: int = 0) -> None:
        self.db_url, self.port = db_url, port
        self.process: subprocess.Popen[str] | None = None
        self.url = ""

    def start(self) -> Server:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server", "--database-url", self.db_url,
             "--listen", f"127.0.0.1:{self.port}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert self.process.stdout is not None
        first = self.process.stdout.readline().strip()
        if not first.startswith("listening on "):
            self.stop()
            raise AssertionError(f"server did not start: {first!r}")
        self.url = first[len("listening on "):]
        self.port = int(self.url.rsplit(":", 1)[1])
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None:
            for stream in (self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()
        self.process = None
