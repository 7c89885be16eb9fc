"""The chat page at / in a real browser: answers, citations, keyboard, errors, accessibility."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, Request, expect

from ..conftest import LiveServer
from .conftest import DEEP_ACTIVE, DESKTOP, all_violations, screenshot

BAR_QUESTION = "what happens on the day of the spinal injection?"


def ask(page: Page, question: str) -> None:
    page.locator("smabot-chat #question").fill(question)
    page.keyboard.press("Enter")


def test_ask_shows_highlighted_passages_and_a_working_citation_link(
    page: Page, smabot: LiveServer
) -> None:
    page.goto(smabot.url)
    page.locator("smabot-chat #question").focus()
    ask(page, BAR_QUESTION)
    answer = page.locator("smabot-chat .exchange").last
    expect(answer.locator("mark").first).to_be_visible()
    link = answer.locator("a.source-link").first
    expect(link).to_be_visible()
    href = link.get_attribute("href") or ""
    assert re.match(r"https://[^#]+#:~:text=\S+", href), href
    expect(link).to_have_attribute("target", "_blank")
    expect(answer.locator(".citation").first).to_contain_text("[1]")
    expect(answer.locator(".disclaimer")).to_contain_text("not medical advice")
    assert all_violations(page) == []
    screenshot(page, "chat-phone")
    page.set_viewport_size(DESKTOP)
    screenshot(page, "chat-desktop")


def test_a_whole_conversation_with_the_keyboard_alone(page: Page, smabot: LiveServer) -> None:
    sent: list[dict[str, object]] = []

    def record(request: Request) -> None:
        if request.url.endswith("/api/ask"):
            sent.append(json.loads(request.post_data or "{}"))

    page.on("request", record)
    page.goto(smabot.url)
    for _ in range(10):  # starter buttons first, then the question box
        page.keyboard.press("Tab")
        if page.evaluate(DEEP_ACTIVE) == "question":
            break
    assert page.evaluate(DEEP_ACTIVE) == "question"
    page.keyboard.type("How is nusinersen given?")
    page.keyboard.press("Enter")
    expect(page.locator("smabot-chat .exchange").nth(0).locator(".passage").first).to_be_visible()
    assert page.evaluate(DEEP_ACTIVE) == "question"  # focus stays for the next question
    page.keyboard.type("and how often?")
    page.keyboard.press("Enter")
    second = page.locator("smabot-chat .exchange").nth(1)
    expect(second.locator(".passage").first).to_be_visible()
    assert sent[-1] == {"question": "and how often?", "history": ["How is nusinersen given?"]}
    expect(second.locator(".passage-text").first).to_contain_text(
        "maintenance doses every 4 months"
    )
    # the live region speaks of the newest answer only
    live = page.locator("smabot-chat [aria-live]")
    expect(live).not_to_have_text("")
    assert "lumbar puncture" not in (live.text_content() or "").split("found.")[0]
    # a starter question with Enter, and feedback with the keyboard
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    for _ in range(30):
        if page.evaluate(DEEP_ACTIVE) == "feedback-button":
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator("smabot-chat .feedback-thanks").first).to_be_visible()


def test_feedback_is_stored_redacted(page: Page, smabot: LiveServer, app) -> None:  # type: ignore[no-untyped-def]
    page.goto(smabot.url)
    ask(page, "How much does Zolgensma cost? call me on 07700 900123")
    page.locator("smabot-chat .feedback-button", has_text="No").click()
    expect(page.locator("smabot-chat .feedback-thanks")).to_be_visible()
    stored = app.state.store.feedback()[-1]
    assert stored["helpful"] is False and "[phone]" in stored["question"]
    assert "07700" not in stored["question"] and stored["passage_ids"]


def test_no_answer_and_emergency_cards(page: Page, smabot: LiveServer) -> None:
    page.goto(smabot.url)
    ask(page, "Can you recommend a good pizza place near the hospital?")
    card = page.locator("smabot-chat .exchange").last.locator(".care-card.non-urgent")
    expect(card).to_contain_text("care team")
    assert all_violations(page) == []
    screenshot(page, "chat-not-covered-390")
    ask(page, "my daughter can't breathe and her lips are turning blue")
    answer = page.locator("smabot-chat .exchange").last.locator(".answer")
    expect(answer.locator(".care-card.emergency")).to_contain_text("emergency")
    first = answer.locator(":scope > *").first
    expect(first).to_have_class(re.compile("emergency"))
    assert all_violations(page) == []


def test_not_covered_offers_the_questions_the_articles_answer_nearby(
    page: Page, smabot: LiveServer
) -> None:
    page.goto(smabot.url)
    ask(page, "we want another baby, should the nurse know i'm on spinraza?")
    refused = page.locator("smabot-chat .exchange").last
    expect(refused.locator(".care-card.non-urgent")).to_contain_text("care team")
    offered = refused.locator(".suggestions")
    expect(offered).to_have_attribute("aria-label", "The articles do answer these questions:")
    offered.locator("button.suggestion", has_text="pregnant").click()
    latest = page.locator("smabot-chat .exchange").last
    expect(latest.locator(".question")).to_contain_text("pregnant before starting Spinraza")
    expect(latest.locator(".passages")).to_be_visible()  # answered, from the articles
    assert all_violations(page) == []


def test_errors_in_plain_words_with_retry(page: Page, smabot: LiveServer) -> None:
    page.goto(smabot.url)
    page.route("**/api/ask", lambda route: route.abort())
    ask(page, "How is Zolgensma given?")
    error = page.locator("smabot-chat .care-card.error")
    expect(error).to_contain_text("can't be reached")
    page.unroute("**/api/ask")
    error.locator("button.retry").click()
    expect(page.locator("smabot-chat .passage").first).to_be_visible()
    page.route(
        "**/api/ask",
        lambda route: route.fulfill(status=429, headers={"retry-after": "7"}, body="{}"),
    )
    ask(page, "How is Zolgensma given?")
    expect(page.locator("smabot-chat .care-card.error").last).to_contain_text("in 7 seconds")
    page.route("**/api/ask", lambda route: route.fulfill(status=503, body="{}"))
    ask(page, "How is Zolgensma given?")
    expect(page.locator("smabot-chat .care-card.error").last).to_contain_text("on our side")
    page.errors.clear()  # type: ignore[attr-defined]  # the failures above are logged on purpose


def test_the_page_sets_a_strict_policy(page: Page, smabot: LiveServer) -> None:
    response = page.goto(smabot.url)
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "set-cookie" not in response.headers
    ask(page, "How is Zolgensma given?")
    expect(page.locator("smabot-chat .passage").first).to_be_visible()
    assert page.context.cookies() == []


def test_glossary_terms_expand_to_plain_definitions(page: Page, smabot: LiveServer) -> None:
    page.goto(smabot.url)
    ask(page, "What does intrathecal injection mean for Spinraza?")
    definition = page.locator("smabot-chat details.definition", has_text="intrathecal").first
    expect(definition).to_be_visible()
    definition.locator("summary").click()
    expect(definition).to_contain_text("fluid around the spinal cord")
