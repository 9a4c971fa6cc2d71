"""The layers around every request: access log, security headers, bearer token, body limit.

Each is a small pure ASGI middleware, so a refused request (no token, a body over the limit) is
answered before any endpoint runs, and the body limit holds while the body is being received,
not after it is all in memory.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.responses import Response

from qaformat.serve.problems import problem

__all__ = ["AccessLog", "BearerToken", "BodyLimit", "BodyTooLarge", "SecurityHeaders"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ACCESS_LOG = logging.getLogger("qaformat.serve.access")

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)
"""The Content-Security-Policy of every response: no inline script, nothing from another host."""


class AccessLog:
    """One JSON line per request: method, path, status, bytes sent and milliseconds."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status, sent = 500, 0

        async def logged(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logged)
        finally:
            ACCESS_LOG.info(json.dumps({
                "method": scope["method"], "path": scope["path"], "status": status, "bytes": sent,
                "ms": round((time.perf_counter() - started) * 1000, 1),
            }))


class SecurityHeaders:
    """Adds the Content-Security-Policy, ``nosniff``, ``Referrer-Policy`` and framing headers."""

    HEADERS = (
        (b"content-security-policy", PAGE_POLICY.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    )

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


class BearerToken:
    """Asks for ``Authorization: Bearer TOKEN`` on the API (the page, its assets and the API's
    description stay open: they hold no data). The token is compared in constant time."""

    OPEN = ("/", "/docs", "/openapi.json", "/healthz")

    def __init__(self, app: ASGIApp, token: str):
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.OPEN or scope["path"].startswith("/assets/") \
                or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"authorization", b"")
        if hmac.compare_digest(given, self.expected):
            await self.app(scope, receive, send)
            return
        response = problem(401, "unauthorized", "this service wants a bearer token: Authorization: Bearer TOKEN",
                           headers={"WWW-Authenticate": 'Bearer realm="qaformat"'})
        await response(scope, receive, send)


class BodyTooLarge(Exception):
    """The body went past the limit while it was being received."""

    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


class BodyLimit:
    """Refuses a body over ``limit`` bytes: at once when its declared length says so, otherwise
    as soon as the bytes received pass it (`BodyTooLarge`, answered 413 by the app)."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await too_large(self.limit)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, counted, send)


def too_large(limit: int) -> Response:
    """The 413 problem for a body over the limit."""
    return problem(413, "input-error", f"the request body is over the limit of {limit} bytes", limit=limit)
