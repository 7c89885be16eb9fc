"""ASGI middleware: body limits, rate limits, CORS for the public API only, security headers."""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import OrderedDict

from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """Refuse bodies over a size (413) or not complete within `timeout` seconds (408)."""

    def __init__(self, app: ASGIApp, limit: int, timeout: float = 10.0) -> None:
        self.app, self.limit, self.timeout = app, limit, timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(self.limit)(scope, receive, send)
            return
        # A chunked body has no declared length: buffer it up to the limit, then replay it.
        # One deadline for the whole body: a client trickling a byte a second is cut off too.
        body = b""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                await JSONResponse(
                    {"error": "the request body arrived too slowly"},
                    status_code=408,
                    headers=_CLOSE,  # the rest of the body is never read: end the connection
                )(scope, receive, send)
                return
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            body += message.get("body", b"")
            if len(body) > self.limit:
                await _too_large(self.limit)(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay([{"type": "http.request", "body": body}], receive), send)


def _replay(messages: list[Message], then: Receive | None = None) -> Receive:
    async def receive() -> Message:
        if messages:
            return messages.pop(0)
        if then is None:
            return {"type": "http.disconnect"}
        return await then()

    return receive


_CLOSE = {"connection": "close"}


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse(
        {"error": f"request body is larger than {limit} bytes"}, status_code=413, headers=_CLOSE
    )


class RateLimit:
    """A token bucket per client address for the question and feedback routes (429 when empty).

    Each client may send `per_minute` requests in a burst, refilled evenly over a minute. Buckets
    live in this process, so with N workers a client gets up to N times that (README, scaling).
    Questions are never refused here: an empty bucket is noted in `scope["state"]["retry_after"]`
    and the route refuses the question only after the red-flag check (safety comes first).
    """

    LIMITED = ("/api/ask", "/api/feedback")
    DEFERRED = ("/api/ask",)
    MAX_CLIENTS = 50_000  # least recently seen buckets are forgotten past this

    def __init__(self, app: ASGIApp, per_minute: int) -> None:
        self.app, self.capacity = app, float(per_minute)
        self.rate = per_minute / 60.0
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.capacity <= 0
            or scope["type"] != "http"
            or scope["method"] == "OPTIONS"
            or scope["path"] not in self.LIMITED
        ):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._take(client, time.monotonic())
        if wait > 0 and scope["path"] in self.DEFERRED:
            scope.setdefault("state", {})["retry_after"] = math.ceil(wait)
        elif wait > 0:
            response = JSONResponse(
                {"error": "too many questions in a short time; please wait a moment"},
                status_code=429,
                headers={"retry-after": str(math.ceil(wait))},
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _take(self, client: str, now: float) -> float:
        """Take one token; 0 when allowed, else the seconds until one is free."""
        tokens, then = self.buckets.pop(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - then) * self.rate)
        allowed = tokens >= 1
        self.buckets[client] = (tokens - 1 if allowed else tokens, now)
        if len(self.buckets) > self.MAX_CLIENTS:
            self.buckets.popitem(last=False)
        return 0.0 if allowed else (1 - tokens) / self.rate


class _QuietAccessLog(logging.Filter):
    """Access-log lines keep the path but never a query string, where a question could hide,
    and no client address unless the operator asked for it (SMABOT_LOG_CLIENT_IP)."""

    def __init__(self, client_ip: bool) -> None:
        super().__init__()
        self.client_ip = client_ip

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3:
            args = list(record.args)
            if not self.client_ip:
                args[0] = "-"
            args[2] = str(args[2]).split("?", 1)[0]
            record.args = tuple(args)
        return True


def quiet_access_log(client_ip: bool = False) -> None:
    """Strip query strings (and client addresses) from uvicorn's access log in this process."""
    access = logging.getLogger("uvicorn.access")
    for old in [f for f in access.filters if isinstance(f, _QuietAccessLog)]:
        access.removeFilter(old)
    access.addFilter(_QuietAccessLog(client_ip))


def is_public(path: str) -> bool:
    """Routes other sites' widgets may call; admin routes never are."""
    return path == "/healthz" or (path.startswith("/api/") and not path.startswith("/api/admin"))


class PublicCORS:
    """CORS headers for the public API routes only, for the allowed origins."""

    def __init__(self, app: ASGIApp, origins: list[str]) -> None:
        self.app = app
        self.cors = CORSMiddleware(
            app,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["content-type"],
            expose_headers=["Retry-After"],
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and is_public(scope["path"]):
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)


_SECURITY_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"))


class SecurityHeaders:
    """Headers every response carries; pages add their own Content-Security-Policy."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)
