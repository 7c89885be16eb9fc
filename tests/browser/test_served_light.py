"""Served light: compressed text, fingerprinted static files cached as immutable, small widget."""

from __future__ import annotations

import gzip
import http.client
import json
import re
from urllib.parse import urlsplit

from playwright.sync_api import Page

from ..conftest import ROOT, LiveServer

BUDGET = 12 * 1024  # bytes on the wire, compressed, for widget.js and for widget.css
IMMUTABLE = "public, max-age=31536000, immutable"


def fetch(
    base: str, path: str, method: str = "GET", body: bytes | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One request as a browser sends it, the body left exactly as it came (not decoded)."""
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
    headers = {"accept-encoding": "gzip, deflate, br"}
    if body is not None:
        headers["content-type"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    raw = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, raw


def test_the_one_tag_widget_script_is_compressed_with_a_short_cache(smabot: LiveServer) -> None:
    status, headers, raw = fetch(smabot.url, "/widget.js")
    assert status == 200
    assert headers["content-encoding"] in {"gzip", "br"}
    assert headers["cache-control"] == "public, max-age=300"  # the stable address stays fresh
    assert "accept-encoding" in headers["vary"].lower()
    assert len(raw) <= BUDGET, f"widget.js is {len(raw)} bytes compressed"
    script = gzip.decompress(raw).decode()
    stylesheet = re.search(r'"(/static/widget\.[0-9a-f]{10}\.css)"', script)
    assert stylesheet, "widget.js names its stylesheet by its fingerprinted address"
    status, headers, raw = fetch(smabot.url, stylesheet[1])
    assert status == 200 and headers["content-encoding"] in {"gzip", "br"}
    assert headers["cache-control"] == IMMUTABLE
    assert len(raw) <= BUDGET, f"widget.css is {len(raw)} bytes compressed"


def test_pages_use_fingerprinted_addresses_cached_as_immutable(smabot: LiveServer) -> None:
    for page in ("/", "/embed"):
        status, headers, raw = fetch(smabot.url, page)
        assert status == 200 and headers["content-encoding"] == "gzip"
        html = gzip.decompress(raw).decode()
        addresses = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
        names = {re.sub(r"\.[0-9a-f]{10}\.", ".", a.rsplit("/", 1)[1]) for a in addresses}
        assert {"widget.js", "page.css", "widget.css", "favicon.svg"} <= names, addresses
        for address in addresses:
            assert re.fullmatch(r"/static/[a-z-]+\.[0-9a-f]{10}\.(js|css|svg)", address)
            status, headers, _ = fetch(smabot.url, address)
            assert status == 200 and headers["cache-control"] == IMMUTABLE, address
    # the same files under their plain names keep a short cache; a stale fingerprint is unknown
    assert fetch(smabot.url, "/static/widget.css")[1]["cache-control"] == "public, max-age=300"
    assert fetch(smabot.url, "/static/widget.0000000000.css")[0] == 404
    plain = (ROOT / "web" / "static" / "widget.css").read_bytes()
    assert gzip.decompress(fetch(smabot.url, "/static/widget.css")[2]) == plain


def test_answers_are_compressed_too(smabot: LiveServer) -> None:
    body = json.dumps({"question": "What are the side effects of Spinraza?"}).encode()
    status, headers, raw = fetch(smabot.url, "/api/ask", "POST", body)
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert json.loads(gzip.decompress(raw))["status"] == "answered"


def test_the_browser_gets_the_fingerprinted_files_compressed(
    page: Page, smabot: LiveServer
) -> None:
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url) if "/static/" in r.url else None)
    page.goto(smabot.url)
    page.locator("smabot-chat #question").wait_for()
    assert any(re.search(r"/static/widget\.[0-9a-f]{10}\.js$", u) for u in fetched), fetched
    served = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.includes('/static/'))"
        ".map(e => [e.name, e.encodedBodySize, e.decodedBodySize])"
    )
    scripts_and_styles = [s for s in served if s[0].endswith((".js", ".css"))]
    assert len(scripts_and_styles) >= 3, served  # widget.js, widget.css, page.css
    for name, encoded, decoded in scripts_and_styles:
        assert encoded < decoded, f"{name} was not compressed"
