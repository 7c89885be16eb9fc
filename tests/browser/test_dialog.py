"""The widget as a proper dialog: top layer, a named launcher, focus, position, no flash."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from ..conftest import LiveServer
from .conftest import DEEP_ACTIVE, DEEP_AT, DESKTOP, SIZES, all_violations, screenshot

# Whether focus is on a control inside the open panel of the widget.
FOCUS_IN_PANEL = """() => {
  const chat = document.querySelector('smabot-chat');
  const active = chat.shadowRoot.activeElement;
  return document.activeElement === chat && !!active
    && chat.shadowRoot.querySelector('.panel').contains(active);
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}px")
def test_the_close_button_is_on_top_of_a_host_header_with_the_highest_z_index(
    page: Page, host: LiveServer, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(host.url + "/top")
    page.locator("smabot-chat .launcher").click()
    close = page.locator("smabot-chat .close")
    box = close.bounding_box()
    assert box is not None
    centre = [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2]
    bar = page.locator(".charity-bar").bounding_box()
    assert bar is not None and centre[1] < bar["y"] + bar["height"]  # the header is there too
    assert page.evaluate(f"p => ({DEEP_AT})(p).className", centre) == "close"
    screenshot(page, f"widget-over-max-z-index-header-{size}")
    page.mouse.click(*centre)  # a real click at that point closes the chat
    expect(page.locator("smabot-chat .panel")).to_be_hidden()
    assert page.evaluate(DEEP_ACTIVE) == "launcher"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}px")
def test_the_launcher_is_named_at_every_size_and_axe_finds_nothing(
    page: Page, host: LiveServer, size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(host.url)
    launcher = page.locator("smabot-chat .launcher")
    expect(launcher).to_be_visible()
    expect(launcher).to_have_accessible_name("Ask about SMA treatments")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    assert all_violations(page) == []
    launcher.click()
    expect(page.locator("smabot-chat .panel")).to_be_visible()
    assert all_violations(page) == []


def test_focus_stays_in_the_open_panel_on_a_phone_and_returns_to_the_launcher(
    page: Page, host: LiveServer
) -> None:
    page.goto(host.url)
    launcher = page.locator("smabot-chat .launcher")
    launcher.focus()
    page.keyboard.press("Enter")
    panel = page.locator("smabot-chat .panel")
    expect(panel).to_have_attribute("aria-modal", "true")
    assert page.evaluate(DEEP_ACTIVE) == "question"
    for key in ["Tab"] * 12 + ["Shift+Tab"] * 12:
        page.keyboard.press(key)
        assert page.evaluate(FOCUS_IN_PANEL), f"{key} took focus to {page.evaluate(DEEP_ACTIVE)}"
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert page.evaluate(DEEP_ACTIVE) == "launcher"
    page.keyboard.press("Enter")
    page.locator("smabot-chat .close").click()
    assert page.evaluate(DEEP_ACTIVE) == "launcher"


def test_on_a_desktop_the_open_chat_leaves_the_page_usable(page: Page, host: LiveServer) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(host.url)
    page.locator("smabot-chat .launcher").click()
    panel = page.locator("smabot-chat .panel")
    expect(panel).to_be_visible()
    assert panel.get_attribute("aria-modal") is None  # not modal beside the page
    page.locator("#host-link").click()
    expect(panel).to_be_visible()


def test_data_position_left_is_followed_even_when_set_after_start(
    page: Page, host: LiveServer
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(host.url)
    launcher = page.locator("smabot-chat .launcher")
    right = launcher.bounding_box()
    assert right is not None and right["x"] > DESKTOP["width"] / 2
    page.evaluate("document.querySelector('smabot-chat').dataset.position = 'left'")
    page.evaluate("document.querySelector('smabot-chat').dataset.title = 'Ask the charity'")
    left = launcher.bounding_box()
    assert left is not None and left["x"] == 16
    expect(launcher).to_have_accessible_name("Ask the charity")
    launcher.click()
    box = page.locator("smabot-chat .panel").bounding_box()
    assert box is not None and box["x"] == 16


def test_no_unstyled_flash_while_the_stylesheet_loads(page: Page, host: LiveServer) -> None:
    release: list[object] = []
    page.route("**/static/widget*.css", lambda route: release.append(route))
    page.goto(host.url, wait_until="domcontentloaded")  # the load event waits for the CSS
    chat = page.locator("smabot-chat")
    expect(chat).to_have_count(1)
    root = page.locator("smabot-chat .root")
    expect(root).to_be_hidden()  # nothing painted before the styles are there
    assert release, "the stylesheet was never asked for"
    for route in release:  # the widget's and the iframe's
        route.continue_()  # type: ignore[attr-defined]
    expect(page.locator("smabot-chat .launcher")).to_be_visible()
    assert page.locator("smabot-chat .launcher").evaluate("e => getComputedStyle(e).position") == (
        "fixed"
    )
