"""Real Chromium (Debian's, driven by Playwright) against real servers on two origins."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..conftest import ROOT, LiveServer

CHROMIUM = os.environ.get("SMABOT_TEST_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The three widths every layout test runs at: the smallest phone, a common phone, a desktop.
SIZES = {"320": {"width": 320, "height": 640}, "390": PHONE, "1280": DESKTOP}
# Hostile host CSS from the issue: it must neither restyle the widget nor be disturbed by it.
HOSTILE_CSS = "* { color: red !important; font: 40px serif !important }\n"
# A charity's fixed header with the highest z-index there is, over the top of the screen.
TOP_CSS = (
    ".charity-bar { position: fixed; inset: 0 0 auto 0; height: 40vh; z-index: 2147483647;"
    " background: #222 !important; }\n"
)

# Walks into shadow roots to the element that really has focus.
DEEP_ACTIVE = """() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a ? (a.id || a.className || a.tagName.toLowerCase()) : null;
}"""


# Package scope: Playwright's sync API keeps an event loop running in this thread, which must
# be gone before the rest of the suite (which uses asyncio.run) goes on.
@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium; the suite fails, never skips, when it is missing."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make test` installs it"
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    )
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def smabot(app: FastAPI) -> Iterator[LiveServer]:
    """smabot on its own origin."""
    with LiveServer(app) as server:
        yield server


def host_app(smabot_url: str) -> Starlette:
    """Another site (another origin): the README's example host page, hostile CSS, strict CSP."""
    page = (ROOT / "web" / "examples" / "host.html").read_text().replace("SMABOT_HOST", smabot_url)
    policy = (
        f"default-src 'none'; script-src 'self' {smabot_url}; "
        f"style-src 'self' {smabot_url}; connect-src {smabot_url}; frame-src {smabot_url}"
    )

    variants = {
        "/": page,
        "/next": page.replace("This page shows", "The host's next page also shows"),
        # a right-to-left site (Arabic), whose visitors ask in English too
        "/rtl": page.replace('<html lang="en">', '<html lang="ar" dir="rtl">'),
        "/top": page.replace(
            '<link rel="stylesheet" href="host.css">',
            '<link rel="stylesheet" href="host.css"><link rel="stylesheet" href="top.css">',
        ).replace("<body>", '<body><div class="charity-bar">Example charity</div>'),
        # a charity naming itself and its own privacy page
        "/run-by": page.replace(
            'data-locale="en-GB"',
            'data-locale="en-GB" data-operator="SMA Support UK"'
            ' data-privacy-url="https://charity.example/privacy"',
        ),
    }
    for lang in ("es", "ar"):
        # the widget in the host's language: its own title, greeting and labels from the catalog
        translated = re.sub(r'\s+data-(title|greeting)="[^"]*"', "", page)
        variants[f"/{lang}"] = translated.replace(
            'data-locale="en-GB"', f'data-locale="en-GB" data-lang="{lang}"'
        )

    def html(request: Request) -> HTMLResponse:
        return HTMLResponse(variants[request.url.path], headers={"content-security-policy": policy})

    def css(request: Request) -> Response:
        body = TOP_CSS if request.url.path == "/top.css" else HOSTILE_CSS
        return Response(body, media_type="text/css")

    return Starlette(
        routes=[Route(path, html) for path in variants]
        + [Route("/host.css", css), Route("/top.css", css)]
    )


@pytest.fixture(scope="session")
def host(smabot: LiveServer) -> Iterator[LiveServer]:
    with LiveServer(host_app(smabot.url)) as server:
        yield server


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page at phone size that fails the test on any console error or CSP violation."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()
    assert not [e for e in errors if "Refused to" in e or "[smabot]" in e], errors


# Walks into shadow roots to the element that really is painted at a point.
DEEP_AT = """([x, y]) => {
  let el = document.elementFromPoint(x, y);
  while (el && el.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}"""


def all_violations(page: Page) -> list[str]:
    """Axe's violations of any impact, in words."""
    return [
        f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in Axe().run(page).response["violations"]
    ]


def screenshot(page: Page, name: str) -> None:
    """Save a screenshot for reviewers under artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
