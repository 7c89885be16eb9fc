"""An emergency asked after a long answer is on screen at once, announced, focused, callable."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from ..conftest import LiveServer
from .conftest import DEEP_ACTIVE, PHONE, all_violations, screenshot

LONG_ANSWER = "What are the side effects of Spinraza?"
EMERGENCY = "my son can't breathe properly and his lips are going blue"
URGENT = "his eyes have gone yellow since the zolgensma"

# The element really painted at a point, through the shadow root.
PAINTED_AT = """([x, y]) => {
  let el = document.elementFromPoint(x, y);
  while (el && el.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el ? el.closest('.care-card') !== null : false;
}"""


def ask(page: Page, question: str) -> Locator:
    """Type a question into the chat and wait for its answer."""
    field = page.locator("smabot-chat #question")
    field.fill(question)
    field.press("Enter")
    exchange = page.locator("smabot-chat .exchange").last
    expect(exchange.locator(".answer[aria-busy]")).to_have_count(0)
    expect(exchange.locator(".disclaimer")).to_be_visible()
    return exchange


def assert_on_screen(page: Page, card: Locator) -> None:
    """The card's heading and message are painted inside the phone's screen, not covered."""
    box = card.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + min(box["height"], 160) <= PHONE["height"], box
    for dy in (12, min(box["height"] - 8, 120)):
        point = [box["x"] + box["width"] / 2, box["y"] + dy]
        assert page.evaluate(PAINTED_AT, point), f"the card is covered at {point}"


def check_emergency(page: Page, exchange: Locator, number: str | None) -> None:
    card = exchange.locator(".care-card.emergency")
    expect(card).to_be_visible()
    assert card.get_attribute("role") == "alert"
    assert page.evaluate(DEEP_ACTIVE) == "care-card emergency"  # focus moved to it
    assert_on_screen(page, card)
    if number:
        call = card.locator(f'a.call[href="tel:{number}"]')
        expect(call).to_have_text(f"Call {number}")
        colours = call.evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
        )
        assert colours == ["rgb(213, 40, 27)", "rgb(255, 255, 255)"], colours  # red on white
    else:
        expect(card.locator("a.call")).to_have_count(0)
        expect(card).to_contain_text("your local emergency number")
    assert all_violations(page) == []


def test_in_the_widget_on_a_charity_page(page: Page, host: LiveServer) -> None:
    page.goto(host.url)
    page.locator("smabot-chat .launcher").click()
    first = ask(page, LONG_ANSWER)
    assert first.bounding_box()["height"] > PHONE["height"]  # type: ignore[index]
    exchange = ask(page, EMERGENCY)
    check_emergency(page, exchange, "999")  # the host page's data-locale="en-GB"
    screenshot(page, "emergency-widget-phone")

    urgent = ask(page, URGENT).locator(".care-card.urgent")
    expect(urgent).to_be_visible()
    expect(urgent.locator("h3")).to_have_text("Contact your care team now")
    expect(urgent).to_contain_text("our helpline on 0800 000 0000")  # the charity's helpline
    assert_on_screen(page, urgent)


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_on_the_chat_page_and_embed(page: Page, smabot: LiveServer, path: str) -> None:
    page.goto(smabot.url + path)
    ask(page, LONG_ANSWER)
    exchange = ask(page, EMERGENCY)
    check_emergency(page, exchange, None)  # no SMABOT_LOCALE: no number is guessed
    screenshot(page, f"emergency-{path.strip('/') or 'chat'}-phone")


def test_the_embed_takes_a_locale_and_forced_colours_keep_the_card_distinct(
    page: Page, smabot: LiveServer
) -> None:
    page.goto(smabot.url + "/embed?locale=en-US")
    exchange = ask(page, EMERGENCY)
    check_emergency(page, exchange, "911")
    page.emulate_media(forced_colors="active")
    card = exchange.locator(".care-card.emergency")
    style = card.evaluate(
        "e => [getComputedStyle(e).borderTopStyle, getComputedStyle(e).borderTopWidth]"
    )
    assert style == ["double", "8px"]
    heading = card.locator("h3").evaluate("e => getComputedStyle(e, '::before').content")
    assert "⚠" in heading
    screenshot(page, "emergency-forced-colours")
