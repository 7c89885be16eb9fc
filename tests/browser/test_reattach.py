"""Buttons inside answers keep working when a host page moves the chat element around."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from ..conftest import LiveServer
from .conftest import DEEP_ACTIVE, PHONE
from .test_emergency import ask

MOVE = """() => {
  const chat = document.querySelector('smabot-chat');
  const parent = chat.parentNode;
  parent.removeChild(chat);
  parent.appendChild(chat);
}"""


def test_feedback_and_follow_ups_work_after_the_chat_is_reattached(
    page: Page, smabot: LiveServer
) -> None:
    page.goto(smabot.url + "/")
    first = ask(page, "What are the side effects of Spinraza?")
    suggestions = first.locator("button.suggestion")
    expect(suggestions.first).to_be_visible()  # follow-ups the section's editors listed
    page.evaluate(MOVE)  # the element is detached and attached again, as hosts' scripts do
    first.locator(".feedback-button", has_text="Yes").click()
    expect(first.locator(".feedback-thanks")).to_be_visible()
    assert page.evaluate(DEEP_ACTIVE) == "feedback-thanks"  # focus stays in the chat
    follow_up = suggestions.first.text_content() or ""
    suggestions.first.click()
    latest = page.locator("smabot-chat .exchange").last
    expect(latest.locator(".question")).to_contain_text(follow_up.strip())
    expect(latest.locator(".disclaimer")).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_the_question_field_stays_on_screen_after_a_long_answer(
    page: Page, smabot: LiveServer, path: str
) -> None:
    page.goto(smabot.url + path)
    answer = ask(page, "What are the side effects of Spinraza?")
    for summary in answer.locator("details.whole > summary, details.more > summary").all():
        summary.click()  # every passage opened: the longest the answer gets
    assert answer.bounding_box()["height"] > PHONE["height"]  # type: ignore[index]
    field = page.locator("smabot-chat #question")
    box = field.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_the_launcher_has_a_name_on_a_phone(page: Page, host: LiveServer) -> None:
    page.goto(host.url)
    launcher = page.locator("smabot-chat .launcher")
    expect(launcher).to_be_visible()
    expect(launcher).to_have_accessible_name("Ask about SMA treatments")
    violations = [v["id"] for v in Axe().run(page).response["violations"]]
    assert violations == []
