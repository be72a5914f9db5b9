"""Serving: migrate, bind, print `listening on URL` (the URL `office join` takes), run.

The socket is bound and listening before the line is printed, so a caller that reads it
can connect at once. TLS uses the office CA's certificate made for the listen address
(written to a private temporary folder for uvicorn, removed at exit), or the centre's own
certificate and key when given.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from server import db, secrets


def parse_listen(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"--listen takes HOST:PORT, not {text!r}")
    return host.strip("[]"), int(port)


def serve(url: str, listen: str, *, tls_cert: Path | None = None,
          tls_key: Path | None = None) -> int:
    import uvicorn

    from server.http import build_app

    host, port = parse_listen(listen)
    db.migrate(url)
    folder = Path(tempfile.mkdtemp(prefix="md-office-tls-"))
    os.chmod(folder, 0o700)
    try:
        if tls_cert and tls_key:
            cert_file, key_file = tls_cert, tls_key
        else:
            with db.connect(url) as conn:
                tls = secrets.serving_tls(conn, host)
            cert_file, key_file = folder / "cert.pem", folder / "key.pem"
            cert_file.write_bytes(tls.cert_pem)
            key_file.write_bytes(tls.key_pem)
            os.chmod(key_file, 0o600)
        pool = db.make_pool(url)
        app = build_app(pool)
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        shown = f"[{host}]" if ":" in host else host
        print(f"listening on https://{shown}:{sock.getsockname()[1]}", flush=True)
        config = uvicorn.Config(app, ssl_certfile=str(cert_file), ssl_keyfile=str(key_file),
                                log_level="warning", access_log=False, timeout_keep_alive=30)
        uvicorn.Server(config).run(sockets=[sock])
        pool.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.flush()
    return 0
