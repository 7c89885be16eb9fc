"""Who runs this chat and what it stores: data-operator, data-privacy-url and /privacy."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect

from smabot.api import create_app
from smabot.index import Index, save_index
from smabot.settings import Settings

from ..conftest import CORPUS, LiveServer
from .conftest import SIZES, all_violations, screenshot


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}px")
def test_the_widget_names_its_operator_and_links_their_privacy_page(
    page: Page, host: LiveServer, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(host.url + "/run-by")
    page.locator("smabot-chat .launcher").click()
    about = page.locator("smabot-chat .about")
    expect(about).to_be_visible()
    expect(about).to_contain_text("Run by SMA Support UK.")
    link = about.locator("a")
    expect(link).to_have_attribute("href", "https://charity.example/privacy")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_accessible_name("What we store (opens in a new tab)")
    # above the conversation: read before any answer
    box, conversation = about.bounding_box(), page.locator("smabot-chat .conversation")
    assert box is not None and box["y"] + box["height"] <= (conversation.bounding_box() or {})["y"]
    assert all_violations(page) == []
    screenshot(page, f"widget-run-by-{size}")
    # a host changing its operator later is followed
    page.locator("smabot-chat").evaluate("e => e.dataset.operator = 'Another charity'")
    expect(about).to_contain_text("Run by Another charity.")


def test_without_a_privacy_url_the_link_goes_to_smabots_own_page(
    page: Page, host: LiveServer, smabot: LiveServer
) -> None:
    page.goto(host.url)
    page.locator("smabot-chat .launcher").click()
    link = page.locator("smabot-chat .about a")
    expect(link).to_have_attribute("href", smabot.url + "/privacy")
    expect(page.locator("smabot-chat .about span").first).to_have_text("")  # no operator named
    with page.context.expect_page() as opened:
        link.click()
    privacy = opened.value
    privacy.wait_for_load_state()
    assert privacy.url == smabot.url + "/privacy"
    expect(privacy.locator("h1")).to_have_text("What smabot stores, and for how long")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}px")
def test_the_privacy_page_says_plainly_what_is_stored(
    page: Page, smabot: LiveServer, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    response = page.goto(smabot.url + "/privacy")
    assert response is not None and response.status == 200
    headers = response.headers
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "set-cookie" not in headers
    # the README's two tables, in words: what, why, redacted, how long, what never
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("not covered")
    expect(rows.nth(1)).to_contain_text("Yes or No")
    main = page.locator("main")
    expect(main).to_contain_text("deleted after 90 days")
    for words in ("[name]", "NHS number", "Your IP address", "smabot sets none", "No analytics"):
        expect(main).to_contain_text(words)
    # its files are the fingerprinted ones; no script at all
    addresses = page.locator("link[href^='/static/']").evaluate_all("ls => ls.map(l => l.href)")
    assert addresses and all(re.search(r"\.[0-9a-f]{10}\.(css|svg)$", a) for a in addresses)
    expect(page.locator("script")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    assert all_violations(page) == []
    screenshot(page, f"privacy-{size}")
    assert page.context.cookies() == []


def test_the_privacy_page_follows_smabot_retention_days(
    index: Index, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("retention")
    settings = Settings(
        corpus=CORPUS, index=folder / "index", db=folder / "s.sqlite3", retention_days=30
    )
    app = create_app(settings, index=index, build=save_index(index, folder / "index"))
    page = TestClient(app).get("/privacy")
    assert page.status_code == 200 and "deleted after <strong>30 days</strong>" in page.text
