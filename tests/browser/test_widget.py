"""The widget on another origin's page, with hostile CSS and a strict CSP, in real Chromium."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from ..conftest import LiveServer
from .conftest import DEEP_ACTIVE, DESKTOP, all_violations, screenshot

BAR_QUESTION = "what happens on the day of the spinal injection?"

HOST_STATE = """() => {
  const pick = (el) => {
    const s = getComputedStyle(el);
    return [el.tagName, el.textContent.trim().slice(0, 40), s.color, s.fontSize, s.fontFamily,
            s.display, s.position].join('|');
  };
  return {
    elements: [...document.querySelectorAll('body *')].filter(e => e.tagName !== 'SMABOT-CHAT'
      && !e.closest('smabot-chat')).map(pick),
    sheets: document.styleSheets.length,
    head: document.head.children.length,
  };
}"""


def tab_to(page: Page, target: str, limit: int = 30) -> None:
    for _ in range(limit):
        if page.evaluate(DEEP_ACTIVE) == target:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}; stuck at {page.evaluate(DEEP_ACTIVE)}")


def test_keyboard_user_on_a_phone_gets_a_cited_answer_on_a_hostile_page(
    page: Page, host: LiveServer, smabot: LiveServer
) -> None:
    page.goto(host.url)
    launcher = page.locator("smabot-chat .launcher")
    expect(launcher).to_be_visible()
    before = page.evaluate(HOST_STATE)
    assert all_violations(page) == []
    screenshot(page, "widget-closed-390")
    # the widget keeps its own font and colour however hostile the host's CSS
    assert launcher.evaluate("e => getComputedStyle(e).fontSize") == "16px"
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).color") == "rgb(255, 0, 0)"

    tab_to(page, "launcher")
    page.keyboard.press("Enter")
    panel = page.locator("smabot-chat .panel")
    expect(panel).to_be_visible()
    assert page.evaluate(DEEP_ACTIVE) == "question"
    assert all_violations(page) == []
    screenshot(page, "widget-open-390")
    box = panel.bounding_box()
    assert box is not None and box["width"] == 390  # full screen on a phone
    assert (
        page.locator("smabot-chat #question").evaluate("e => getComputedStyle(e).fontSize")
        == "16px"
    )
    expect(page.locator("smabot-chat .greeting")).to_contain_text("Hello!")

    page.keyboard.type(BAR_QUESTION)
    page.keyboard.press("Enter")
    answer = page.locator("smabot-chat .exchange").last
    expect(answer.locator("mark").first).to_be_visible()
    expect(answer.locator("a.source-link").first).to_be_visible()
    assert (
        answer.locator("mark").first.evaluate("e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    )
    assert all_violations(page) == []
    screenshot(page, "widget-phone")

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert page.evaluate(DEEP_ACTIVE) == "launcher"
    assert page.evaluate(HOST_STATE) == before  # the host page is untouched


def test_widget_at_desktop_size_and_the_closed_widget_blocks_nothing(
    page: Page, host: LiveServer
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(host.url)
    launcher = page.locator("smabot-chat .launcher")
    expect(launcher).to_be_visible()
    height = page.locator("smabot-chat").evaluate("e => e.offsetHeight")
    assert height == 0  # only the fixed launcher takes space on the host page
    hit = page.evaluate("() => document.elementFromPoint(20, innerHeight - 20)?.tagName")
    assert hit != "SMABOT-CHAT"
    page.locator("#host-link").click()  # host controls stay usable
    launcher.click()
    panel = page.locator("smabot-chat .panel")
    expect(panel).to_be_visible()
    box = panel.bounding_box()
    assert box is not None and box["width"] <= 420
    expect(page.locator("smabot-chat .starter")).to_have_count(2)
    page.locator("smabot-chat .starter").first.click()
    expect(page.locator("smabot-chat .passage").first).to_be_visible()
    screenshot(page, "widget-desktop")
    page.locator("smabot-chat .close").click()
    expect(panel).to_be_hidden()


def test_helpline_appears_on_no_answer_cards(page: Page, host: LiveServer) -> None:
    page.goto(host.url)
    page.locator("smabot-chat .launcher").click()
    page.locator("smabot-chat #question").fill("What is the best treatment for asthma in toddlers?")
    page.keyboard.press("Enter")
    card = page.locator("smabot-chat .care-card.non-urgent")
    expect(card).to_contain_text("our helpline on 0800 000 0000")


def test_iframe_embed_renders_on_the_other_origin(page: Page, host: LiveServer) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(host.url)
    frame = page.frame_locator("iframe")
    expect(frame.locator("smabot-chat .title")).to_have_text("Ask about SMA treatments")
    frame.locator("smabot-chat #question").fill("How much does Zolgensma cost?")
    frame.locator("smabot-chat .send").click()
    expect(frame.locator("smabot-chat mark").first).to_be_visible()


def test_removing_the_widget_cleans_up(page: Page, host: LiveServer) -> None:
    page.goto(host.url)
    expect(page.locator("smabot-chat .launcher")).to_be_visible()
    page.evaluate("document.querySelector('smabot-chat').remove()")
    assert page.locator("smabot-chat").count() == 0
    expect(page.locator("#host-link")).to_be_visible()


def test_usable_at_320_px_and_at_200_percent_zoom(page: Page, host: LiveServer) -> None:
    # 200 % zoom of a 1280 × 900 window is a 640 × 450 CSS-pixel viewport.
    for width, height in ((320, 640), (640, 450)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(host.url)
        page.emulate_media(reduced_motion="reduce")
        page.locator("smabot-chat .launcher").click()
        panel = page.locator("smabot-chat .panel")
        box = panel.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert box["y"] >= 0 and box["y"] + box["height"] <= height
        page.locator("smabot-chat #question").fill("How is Zolgensma given?")
        page.locator("smabot-chat .send").click()
        expect(page.locator("smabot-chat .passage").first).to_be_visible()
        send = page.locator("smabot-chat .send").bounding_box()
        assert send is not None and send["x"] + send["width"] <= width
        overflow = page.locator("smabot-chat .conversation").evaluate(
            "e => e.scrollWidth - e.clientWidth"
        )
        assert overflow <= 0
