"""On a right-to-left host page, English answers read left to right inside the screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from ..conftest import LiveServer
from .conftest import SIZES, all_violations, screenshot
from .test_emergency import ask

# For each paragraph of the first passage: its direction, its box, and where its first and last
# characters are painted (a left-to-right line starts at the left edge of its box).
LAYOUT = """p => {
  const range = document.createRange();
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let text = walker.nextNode();
  while (text && !text.textContent.trim()) text = walker.nextNode();
  range.setStart(text, 0); range.setEnd(text, 1);
  const first = range.getBoundingClientRect();
  const box = p.getBoundingClientRect();
  const padding = parseFloat(getComputedStyle(p).paddingLeft);
  return {direction: getComputedStyle(p).direction, left: box.left, right: box.right,
          firstX: first.left, contentLeft: box.left + padding, text: p.textContent.slice(0, 30)};
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}px")
def test_english_answers_read_left_to_right_on_a_right_to_left_host(
    page: Page, host: LiveServer, size: str
) -> None:
    viewport = SIZES[size]
    page.set_viewport_size(viewport)
    page.goto(host.url + "/rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.locator("smabot-chat .launcher").click()
    exchange = ask(page, "How is Zolgensma given?")
    exchange.locator(".whole > summary").click()  # the whole passage, under its lead
    paragraphs = exchange.locator(".passage.best").locator(".lead p, .passage-text p")
    expect(paragraphs.first).to_be_visible()
    for index in range(min(paragraphs.count(), 4)):
        layout = paragraphs.nth(index).evaluate(LAYOUT)
        assert layout["direction"] == "ltr", layout
        assert abs(layout["firstX"] - layout["contentLeft"]) <= 2, layout  # starts at the left
        assert layout["left"] >= 0 and layout["right"] <= viewport["width"], layout
    question = exchange.locator(".question bdi")  # the words, whatever the labels around them
    assert question.evaluate("e => getComputedStyle(e).direction") == "ltr"
    overflow = page.locator("smabot-chat .conversation").evaluate(
        "e => e.scrollWidth - e.clientWidth"
    )
    assert overflow <= 0
    assert all_violations(page) == []
    screenshot(page, f"widget-rtl-host-{size}")
