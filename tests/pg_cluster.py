"""A throwaway PostgreSQL cluster for the office-sync tests (Debian's PostgreSQL 15 binaries).

`initdb` refuses to run as root, so as root the cluster is made and started as the `postgres`
user (`runuser -u postgres --`) in a folder of its own under /tmp; as anyone else it runs
directly. A free loopback port (bind port 0), the unix socket in the same folder, fsync off.
`find_bindir()` returns None when no PostgreSQL is installed: locally the sync tests then
skip with that reason, under `CI=true` they fail (a green CI must not hide a missing install).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CANDIDATE_BINDIRS = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin")
SETTINGS = (
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "listen_addresses=127.0.0.1",
    "max_connections=200",
)


def find_bindir() -> Path | None:
    """The folder of `initdb`/`pg_ctl` (newest version first), or None."""
    for pattern in CANDIDATE_BINDIRS:
        for folder in sorted(glob.glob(pattern), reverse=True):
            if (Path(folder) / "initdb").exists():
                return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    bindir: Path
    folder: Path
    port: int
    as_postgres: bool

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / tool), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} " + " ".join(f"-c {s}" for s in SETTINGS)
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                 str(self.folder / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        self.stop()
        self.start()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def create_cluster(bindir: Path) -> Cluster:
    """initdb + start on a free port; the caller removes it."""
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="md-pg-"))
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
    cluster = Cluster(bindir, folder, free_port(), as_postgres)
    cluster.run("initdb", "-D", str(cluster.data), "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8")
    try:
        cluster.start()
    except subprocess.CalledProcessError:
        cluster.port = free_port()  # the port was taken between the probe and the start
        cluster.start()
    return cluster
