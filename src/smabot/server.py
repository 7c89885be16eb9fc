"""How `smabot serve` runs uvicorn: header limits, trusted proxies, quiet or JSON logs."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from smabot.settings import Settings

MAX_HEADER_BYTES = 16 * 1024
_TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: application/json\r\nconnection: close\r\ncontent-length: 52\r\n\r\n"
    b'{"error": "request headers are larger than 16384 B"}'
)


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, refusing requests whose headers pass 16 KB with 431.

    Counted as bytes arrive, before the headers are complete, so a client that never finishes
    a huge header costs at most 16 KB and one network read, not whatever it sends.
    """

    # After a 431 the connection lingers this long, reading and dropping what the client still
    # sends, so the reply is not lost to a TCP reset (nginx's "lingering close").
    LINGER_S = 2.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_bytes = 0
        self._in_headers = True
        self._refused = False
        self._tail = b""  # the last bytes read, for a blank line split across two reads

    def on_message_complete(self) -> None:
        super().on_message_complete()
        # the next request's headers start now (resetting at message begin would forget the
        # bytes of the read that began it)
        self._header_bytes = 0
        self._in_headers = True
        self._tail = b""

    def on_headers_complete(self) -> None:
        self._in_headers = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return  # lingering: drop the rest of what the client sends
        if self._in_headers:
            # counted before the parser reads them: a whole header block in one read would be
            # parsed, and its request answered, before a count after it (found by a review)
            seen = self._tail + data
            end = seen.find(b"\r\n\r\n")
            self._header_bytes += len(data) if end < 0 else max(0, end + 4 - len(self._tail))
            self._tail = seen[-3:]
            if self._header_bytes > MAX_HEADER_BYTES and not self.transport.is_closing():
                self._refused = True
                self.transport.write(_TOO_LARGE)
                self.loop.call_later(self.LINGER_S, self.transport.close)
                return
        super().data_received(data)


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn options every `smabot serve` uses, with one worker or many."""
    proxies = settings.proxies()
    return {
        "http": LimitedHttpToolsProtocol,
        # X-Forwarded-For is believed only from the proxies listed in SMABOT_TRUSTED_PROXIES;
        # from anyone else it is a header a client can rotate to dodge the rate limit.
        "proxy_headers": bool(proxies),
        "forwarded_allow_ips": ",".join(proxies) if proxies else "",
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        "timeout_keep_alive": 5,
        "log_level": "info",
        **({"log_config": JSON_LOGGING} if settings.log_format == "json" else {}),
    }


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors (SMABOT_LOG_FORMAT=json)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


_HANDLER = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
JSON_LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": JsonFormatter}},
    "handlers": {"json": _HANDLER},
    "loggers": {
        name: {"handlers": ["json"], "level": "INFO", "propagate": False}
        for name in ("uvicorn", "uvicorn.access", "smabot")
    },
}
