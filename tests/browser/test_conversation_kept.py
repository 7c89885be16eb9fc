"""The conversation stays for the tab (sessionStorage): reloads and the host's pages keep it."""

from __future__ import annotations

import json

from playwright.sync_api import Page, Request, expect

from ..conftest import LiveServer
from .conftest import all_violations, screenshot
from .test_emergency import ask

STORED = "() => sessionStorage.getItem('smabot-conversation')"


def record_api(page: Page) -> list[tuple[str, dict[str, object]]]:
    """Every call the page makes to smabot's question and feedback routes."""
    calls: list[tuple[str, dict[str, object]]] = []

    def record(request: Request) -> None:
        if "/api/ask" in request.url or "/api/feedback" in request.url:
            calls.append((request.url.rsplit("/", 1)[-1], json.loads(request.post_data or "{}")))

    page.on("request", record)
    return calls


def test_a_reload_keeps_the_conversation_and_sends_nothing_more(
    page: Page, smabot: LiveServer
) -> None:
    page.goto(smabot.url)
    first = ask(page, "How is Zolgensma given?")
    before = first.locator(".passage-text").first.inner_text()
    ask(page, "my son can't breathe properly and his lips are going blue")
    calls = record_api(page)
    page.reload()
    exchanges = page.locator("smabot-chat .exchange")
    expect(exchanges).to_have_count(2)
    assert exchanges.first.locator(".passage-text").first.inner_text() == before
    expect(exchanges.nth(1).locator(".care-card.emergency")).to_be_visible()  # emergency first
    assert calls == []  # restoring asked the server nothing
    assert page.context.cookies() == []
    assert all_violations(page) == []
    screenshot(page, "chat-restored-after-reload")

    # the kept questions are the follow-up's history, as before the reload
    ask(page, "and how long does the infusion take?")
    assert calls[-1][0] == "ask"
    assert calls[-1][1]["history"] == [
        "How is Zolgensma given?",
        "my son can't breathe properly and his lips are going blue",
    ]

    restart = page.locator("smabot-chat .restart")
    expect(restart).to_have_text("Start again")
    restart.click()
    expect(exchanges).to_have_count(0)
    expect(page.locator("smabot-chat #question")).to_be_focused()
    assert page.evaluate(STORED) is None
    page.reload()
    expect(page.locator("smabot-chat .greeting")).to_be_visible()
    expect(exchanges).to_have_count(0)
    expect(restart).to_be_hidden()


def test_the_widget_keeps_the_conversation_across_the_hosts_pages(
    page: Page, host: LiveServer
) -> None:
    page.goto(host.url)
    page.locator("smabot-chat .launcher").click()
    first = ask(page, "How much does Zolgensma cost?")
    first.locator(".feedback-button", has_text="Yes").click()
    expect(first.locator(".feedback-thanks")).to_be_visible()
    calls = record_api(page)
    page.goto(host.url + "/next")  # the charity's next page, same tab
    page.locator("smabot-chat .launcher").click()
    kept = page.locator("smabot-chat .exchange")
    expect(kept).to_have_count(1)
    expect(kept.locator(".question")).to_contain_text("How much does Zolgensma cost?")
    expect(kept.locator(".passage").first).to_be_visible()
    expect(kept.locator(".feedback-button")).to_have_count(0)  # not asked twice
    assert calls == []
    assert page.context.cookies() == []
    # another tab starts afresh
    other = page.context.new_page()
    other.goto(host.url + "/next")
    other.locator("smabot-chat .launcher").click()
    expect(other.locator("smabot-chat .greeting")).to_be_visible()
    expect(other.locator("smabot-chat .exchange")).to_have_count(0)
