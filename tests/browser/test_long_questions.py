"""Long questions: a growing field, a counter near the limit, and never a silent cut."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, Request, expect

from ..conftest import LiveServer
from .conftest import DESKTOP, PHONE, all_violations, screenshot

LIMIT = 500  # the API's (models.MAX_QUESTION_CHARS)
STORY = (
    "My daughter is two and has SMA type 1. We moved house last month and the new hospital is "
    "much further away, so the journey on treatment days is long and she gets very tired in the "
    "car. Her physiotherapist has been lovely and we have a new wheelchair on order. My mother "
    "helps on most days. We have been reading a lot online and some of it is frightening. "
)
QUESTION = "What happens on the day of the spinal injection for Spinraza?"
WIDTHS = {"320": {"width": 320, "height": 640}, "390": PHONE, "1280": DESKTOP}


def story_of(length: int) -> str:
    """A caregiver's story that ends with the question, exactly `length` characters long."""
    return f"{(STORY * 4)[: length - len(QUESTION) - 1]} {QUESTION}"


def asked(page: Page) -> list[str]:
    """Records every question the page sends to /api/ask."""
    sent: list[str] = []

    def record(request: Request) -> None:
        if request.url.endswith("/api/ask"):
            sent.append(json.loads(request.post_data or "{}")["question"])

    page.on("request", record)
    return sent


@pytest.mark.parametrize("size", WIDTHS, ids=lambda w: f"{w}px")
def test_a_600_character_question_is_refused_visibly_then_sent_whole_when_shortened(
    page: Page, smabot: LiveServer, size: str
) -> None:
    viewport = WIDTHS[size]
    page.set_viewport_size(viewport)
    sent = asked(page)
    page.goto(smabot.url)
    field = page.locator("smabot-chat #question")
    long = story_of(600)
    assert len(long) == 600
    field.fill(long)
    counter = page.locator("smabot-chat .counter")
    expect(counter).to_be_visible()
    expect(counter).to_have_text("100 characters over the 500 limit: please shorten it.")
    expect(page.locator("smabot-chat .send")).to_be_disabled()
    field.press("Enter")
    expect(page.locator("smabot-chat [aria-live]")).to_have_text(
        "100 characters over the 500 limit: please shorten it."
    )  # said again to screen readers
    expect(counter).to_be_visible()
    assert field.input_value() == long  # nothing was cut
    assert sent == []  # and nothing was sent
    box = counter.bounding_box()  # the refusal is on screen, not below it
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    assert all_violations(page) == []
    screenshot(page, f"long-question-refused-{size}")

    shortened = story_of(LIMIT)
    field.fill(shortened)
    expect(counter).to_have_text("0 characters left")
    expect(page.locator("smabot-chat .send")).to_be_enabled()
    field.press("Enter")
    expect(page.locator("smabot-chat .exchange .disclaimer")).to_be_visible()
    assert sent == [shortened]  # all 500 characters went
    expect(page.locator("smabot-chat .exchange .question")).to_contain_text(QUESTION)


def test_the_counter_appears_only_near_the_limit(page: Page, smabot: LiveServer) -> None:
    page.goto(smabot.url)
    field = page.locator("smabot-chat #question")
    counter = page.locator("smabot-chat .counter")
    field.fill("x" * 399)
    expect(counter).to_be_hidden()
    field.fill("x" * 400)
    expect(counter).to_have_text("100 characters left")
    assert "counter" in (field.get_attribute("aria-describedby") or "")


def test_the_field_grows_enter_sends_and_shift_enter_starts_a_line(
    page: Page, smabot: LiveServer, host: LiveServer
) -> None:
    sent = asked(page)
    page.goto(host.url)  # in the widget on a charity's page
    page.locator("smabot-chat .launcher").click()
    field = page.locator("smabot-chat #question")
    expect(field).to_be_focused()
    assert field.evaluate("e => e.tagName") == "TEXTAREA"
    one_line = field.bounding_box()
    page.keyboard.type("We have been told about Zolgensma.")
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("How is Zolgensma given?")
    grown = field.bounding_box()
    assert one_line is not None and grown is not None
    assert grown["height"] > one_line["height"] + 20  # the field grew with the lines
    assert sent == []  # Shift+Enter did not send
    page.keyboard.press("Enter")
    exchange = page.locator("smabot-chat .exchange").last
    expect(exchange.locator(".disclaimer")).to_be_visible()
    assert sent == ["We have been told about Zolgensma.\n\nHow is Zolgensma given?"]
    expect(field).to_have_value("")
    after = field.bounding_box()
    assert after is not None and after["height"] == one_line["height"]
    # the field reaches six lines at most, then scrolls, leaving the answer room
    field.fill("line\n" * 30)
    tall = field.bounding_box()
    assert tall is not None and tall["height"] <= 170
