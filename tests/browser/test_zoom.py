"""At 200 % zoom (1280 × 844 seen as 640 × 422 CSS px) the field stays on screen after a long
answer, on the chat page, the embeddable page and the widget."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from ..conftest import LiveServer
from .conftest import DEEP_AT, all_violations, screenshot
from .test_emergency import LONG_ANSWER, ask

ZOOMED = {"width": 640, "height": 422}


@pytest.mark.parametrize("where", ["chat", "embed", "widget"])
def test_the_field_stays_on_screen_at_200_percent_zoom(
    page: Page, smabot: LiveServer, host: LiveServer, where: str
) -> None:
    page.set_viewport_size(ZOOMED)
    page.goto({"chat": smabot.url, "embed": smabot.url + "/embed", "widget": host.url}[where])
    if where == "widget":
        page.locator("smabot-chat .launcher").click()
    exchange = ask(page, LONG_ANSWER)
    assert (exchange.bounding_box() or {})["height"] > ZOOMED["height"]  # a long answer
    field = page.locator("smabot-chat #question")
    box = field.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= ZOOMED["height"], box
    assert box["x"] >= 0 and box["x"] + box["width"] <= ZOOMED["width"], box
    centre = [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2]
    assert page.evaluate(f"p => ({DEEP_AT})(p).id", centre) == "question"  # not covered
    send = page.locator("smabot-chat .send").bounding_box()
    assert send is not None and send["x"] + send["width"] <= ZOOMED["width"]
    # and the newest answer's start is on screen too, not scrolled away under the field
    top = exchange.bounding_box()
    assert top is not None and 0 <= top["y"] < box["y"], (top, box)
    assert all_violations(page) == []
    screenshot(page, f"zoom-200-{where}")
