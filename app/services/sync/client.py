"""The laptop's HTTPS client to the office: pinned CA, a token by proof of possession,
gzip, timeouts, and one error type for "the office cannot be reached now".

Tests may hand in any `httpx.Client` (e.g. Starlette's in-process TestClient) through
`transport_factory`; the CA pinning then belongs to that client.
"""

from __future__ import annotations

import base64
import gzip
import json
import ssl
from collections.abc import Callable
from typing import Any

import httpx

from app.domain.errors import DomainError
from app.security import sync_keys
from app.services.sync.state import Enrolment

TIMEOUT = httpx.Timeout(30.0, connect=10.0)

ClientFactory = Callable[[str, str | None], httpx.Client]
"""(base URL, pinned CA PEM or None for the enrolment probe) → client."""

_factory: ClientFactory | None = None


class Unreachable(Exception):
    """The office cannot be reached now (network, timeout, server error). Nothing is lost."""


class Refused(DomainError):
    """The office answered no (bad code, revoked device …): a message for a person."""


def set_client_factory(factory: ClientFactory | None) -> None:
    """Route sync traffic through `factory` (tests: an in-process client)."""
    global _factory
    _factory = factory


def make_client(base_url: str, ca_pem: str | None) -> httpx.Client:
    if _factory is not None:
        return _factory(base_url, ca_pem)
    if ca_pem is None:
        verify: Any = False  # the enrolment probe only: its answer is checked by HMAC
    else:
        verify = ssl.create_default_context(cadata=ca_pem)
    return httpx.Client(base_url=base_url, verify=verify, timeout=TIMEOUT)


def _decode(response: httpx.Response) -> Any:
    if response.status_code >= 500:
        raise Unreachable(f"办公室服务器出错（HTTP {response.status_code}），稍后再试。")
    try:
        data = response.json() if response.content else {}
    except (ValueError, json.JSONDecodeError) as error:
        raise Unreachable("办公室服务器的回答不完整，稍后再试。") from error
    if response.status_code >= 400:
        message = data.get("error") if isinstance(data, dict) else None
        raise Refused(str(message or f"HTTP {response.status_code}"))
    return data


def call(client: httpx.Client, method: str, path: str, **kwargs: Any) -> httpx.Response:
    try:
        return client.request(method, path, **kwargs)
    except (httpx.TransportError, ssl.SSLError) as error:
        raise Unreachable(f"无法连接办公室服务器（{type(error).__name__}）。") from error


def post_json(client: httpx.Client, path: str, body: Any, headers: Any = None) -> Any:
    raw = json.dumps(body, ensure_ascii=False).encode()
    extra = {"Content-Type": "application/json", **(headers or {})}
    if len(raw) > 4096:
        raw = gzip.compress(raw, 5)
        extra["Content-Encoding"] = "gzip"
    return _decode(call(client, "POST", path, content=raw, headers=extra))


class Session:
    """One authenticated conversation with the office."""

    def __init__(self, enrolment: Enrolment) -> None:
        self.enrolment = enrolment
        self.client = make_client(enrolment.url, enrolment.ca_pem)
        self.headers: dict[str, str] = {}

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def login(self) -> None:
        me = self.enrolment
        nonce = post_json(self.client, "/v1/auth/nonce", {"device_id": me.device_id})["nonce"]
        signature = sync_keys.sign(me.sign_private, sync_keys.auth_message(nonce, me.device_id))
        answer = post_json(
            self.client,
            "/v1/auth/token",
            {"device_id": me.device_id, "nonce": nonce,
             "signature": base64.b64encode(signature).decode()},
        )
        self.headers = {"Authorization": f"Bearer {answer['token']}"}

    def post(self, path: str, body: Any) -> Any:
        return post_json(self.client, path, body, self.headers)

    def get(self, path: str, params: dict[str, Any]) -> Any:
        return _decode(call(self.client, "GET", path, params=params, headers=self.headers))

    def raw(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        response = call(self.client, method, path, headers=headers, **kwargs)
        if response.status_code >= 500:
            raise Unreachable(f"办公室服务器出错（HTTP {response.status_code}），稍后再试。")
        return response
