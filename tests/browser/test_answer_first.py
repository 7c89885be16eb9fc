"""Answer first, trust before text: the best sentence leads, badges come before passages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from ..conftest import LiveServer
from .conftest import SIZES, all_violations, screenshot
from .test_emergency import ask

LONG_ANSWER = "What are the side effects of Spinraza?"

# WCAG contrast of two computed colours (rgb()/rgba() strings).
CONTRAST = """([a, b]) => {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}px")
def test_the_best_sentence_leads_on_the_first_screen_and_the_rest_is_one_tap_away(
    page: Page, smabot: LiveServer, size: str
) -> None:
    viewport = SIZES[size]
    page.set_viewport_size(viewport)
    page.goto(smabot.url)
    exchange = ask(page, LONG_ANSWER)
    best = exchange.locator(".passage.best")
    lead = best.locator(".lead mark").first
    expect(lead).to_be_visible()
    box = lead.bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"]  # first screen
    # the lead is the passage's own words, and the highlight stands out from the card
    whole_text = best.locator(".passage-text").text_content() or ""
    assert (lead.text_content() or "").strip() in re.sub(r"\s+", " ", whole_text)
    line, card = lead.evaluate(
        "e => [getComputedStyle(e).textDecorationColor,"
        " getComputedStyle(e.closest('.answer')).backgroundColor]"
    )
    assert page.evaluate(CONTRAST, [line, card]) >= 3
    # its source line follows the lead, the whole passage is one tap away
    expect(best.locator(".citation")).to_be_visible()
    expect(best.locator(".passage-text")).to_be_hidden()
    best.locator(".whole > summary").click()
    expect(best.locator(".passage-text")).to_be_visible()
    # the other passages wait, collapsed
    others = exchange.locator("details.more")
    expect(others.locator(".passage").first).to_be_hidden()
    others.locator("summary").click()
    expect(others.locator(".passage").first).to_be_visible()
    assert all_violations(page) == []
    screenshot(page, f"answer-first-{size}")


def test_every_passage_has_its_source_badge_above_it(page: Page, smabot: LiveServer) -> None:
    page.goto(smabot.url)
    exchange = ask(page, LONG_ANSWER)
    exchange.locator("details.more > summary").click()
    passages = exchange.locator(".passage")
    assert passages.count() >= 2
    kinds = {
        "Charity",
        "Regulator's label",
        "Health website",
        "Clinic marketing: an advert for a clinic",
        "AI-generated, pending human review",
        "Other source",
    }
    for index in range(passages.count()):
        passage = passages.nth(index)
        badge = passage.locator(".badge")
        expect(badge).to_be_visible()
        label = (badge.text_content() or "").strip()
        assert label.startswith("Source: ") and label.removeprefix("Source: ") in kinds, label
        text = passage.locator(".lead, .passage-text").first
        if not text.is_visible():
            continue
        badge_box, text_box = badge.bounding_box(), text.bounding_box()
        assert badge_box is not None and text_box is not None
        assert badge_box["y"] + badge_box["height"] <= text_box["y"]  # above the words


@pytest.mark.parametrize("scheme", ["dark", "forced"])
def test_dark_mode_and_forced_colours_keep_everything_readable(
    page: Page, smabot: LiveServer, scheme: str
) -> None:
    if scheme == "dark":
        page.emulate_media(color_scheme="dark")
    else:
        page.emulate_media(forced_colors="active")
    page.goto(smabot.url)
    exchange = ask(page, LONG_ANSWER)
    expect(exchange.locator(".lead mark").first).to_be_visible()
    if scheme == "dark":
        paper = exchange.locator(".answer").evaluate("e => getComputedStyle(e).backgroundColor")
        assert paper == "rgb(27, 35, 41)"
    ask(page, "my son can't breathe properly and his lips are going blue")
    assert all_violations(page) == []
    screenshot(page, f"chat-{scheme}")


def test_copy_the_answer_with_its_sources_and_print_shows_the_addresses(
    page: Page, smabot: LiveServer
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=smabot.url)
    page.goto(smabot.url)
    exchange = ask(page, "How is Zolgensma given?")
    exchange.locator("button.copy").click()
    expect(exchange.locator("button.copy")).to_have_text("Copied, with the sources.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("How is Zolgensma given?")
    assert re.search(r"\[1\] .+?\n    [^\n]+, “[^\n]+”: https?://", copied, re.S), copied
    assert "not medical advice" in copied
    page.emulate_media(media="print")
    link = exchange.locator("a.source-link").first
    after = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert "http" in after and (link.get_attribute("href") or "")[:20] in after
    expect(page.locator("smabot-chat #question")).to_be_hidden()


def test_a_message_answered_in_part_says_which_part(page: Page, smabot: LiveServer) -> None:
    page.goto(smabot.url)
    several = "What is nusinersen, and will my son still be able to go to nursery and swim?"
    exchange = ask(page, several)
    note = exchange.locator(".part-note")
    expect(note).to_contain_text("answer part of your message")
    expect(note).to_contain_text("What is nusinersen")
    expect(exchange.locator(".passage.best")).to_be_visible()
    assert exchange.locator(".care-card").count() == 0
