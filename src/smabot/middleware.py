"""ASGI middleware: body limits, rate limits, CORS for the public API only, security headers."""

from __future__ import annotations

import asyncio
import logging
import math
import time

import anyio.to_thread
from limits import RateLimitItemPerMinute
from limits.errors import ConfigurationError, StorageError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from smabot.errors import SmabotError
from smabot.metrics import STORE_ERRORS


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


class Limiter:
    """How many questions a client may send a minute, counted by the `limits` library.

    Counts live in this process (`memory://`, the default) or in Redis (`redis://…`), shared by
    every worker and replica. When Redis cannot be reached, requests go through (answers matter
    more than limits), the error is counted, and Redis is tried again after a pause.
    """

    RETRY_STORAGE_AFTER_S = 5.0

    def __init__(self, per_minute: int, storage: str = "memory://") -> None:
        self.per_minute = per_minute
        self.item = RateLimitItemPerMinute(max(per_minute, 1))
        self.shared = not storage.startswith("memory://")
        # a short timeout: an unreachable Redis must not hold a caregiver's question for long
        options = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5} if self.shared else {}
        try:
            self.storage = storage_from_string(storage, wrap_exceptions=True, **options)
        except ConfigurationError as exc:  # e.g. a Redis scheme the library does not know
            raise SmabotError(f"SMABOT_RATE_LIMIT_STORAGE: {exc}") from exc
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.failed_at = float("-inf")
        self.error = ""

    def wait(self, client: str) -> float:
        """0 when the client may go on, else the seconds until it may."""
        if self.per_minute <= 0 or time.monotonic() - self.failed_at < self.RETRY_STORAGE_AFTER_S:
            return 0.0
        try:
            if self.limiter.hit(self.item, "smabot", client):
                self.error = ""
                return 0.0
            reset = self.limiter.get_window_stats(self.item, "smabot", client).reset_time
        except StorageError as exc:  # fail open, say so in /readyz and the metrics
            STORE_ERRORS.labels("rate_limits").inc()
            self.failed_at, self.error = time.monotonic(), str(exc)
            logging.getLogger("smabot").error("smabot: rate limits unavailable: %s", self.error)
            return 0.0
        return max(1.0, reset - time.time())

    def problems(self) -> list[str]:
        """Why limits are not being applied (empty when they are)."""
        return [f"rate-limit storage unreachable: {self.error}"] if self.error else []


class RateLimit:
    """Limits the question and feedback routes per client address (429 when over).

    Questions are never refused here: a client over its limit is noted in
    `scope["state"]["retry_after"]` and the route refuses the question only after the red-flag
    check (safety comes first). Feedback over the limit gets 429 at once.
    """

    LIMITED = ("/api/ask", "/api/feedback")
    DEFERRED = ("/api/ask",)

    def __init__(self, app: ASGIApp, limiter: Limiter) -> None:
        self.app, self.limiter = app, limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.limiter.per_minute <= 0
            or scope["type"] != "http"
            or scope["method"] == "OPTIONS"
            or scope["path"] not in self.LIMITED
        ):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        if self.limiter.shared:  # a network round trip: keep it off the event loop
            wait = await anyio.to_thread.run_sync(self.limiter.wait, client)
        else:
            wait = self.limiter.wait(client)
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
