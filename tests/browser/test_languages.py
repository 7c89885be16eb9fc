"""Spanish and Arabic: complete catalogs, the page's and the widget's language, right to left."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, expect

from smabot.pages import choose_language

from ..conftest import ROOT, LiveServer
from .conftest import PHONE, SIZES, all_violations, screenshot
from .test_emergency import EMERGENCY, ask

LANGS = ("es", "ar")
# A browser's language, and what it asks for: with English as a lesser choice.
ACCEPT = {"es": ("es-ES", "es-ES,es;q=0.9,en;q=0.5"), "ar": ("ar-EG", "ar-EG,ar;q=0.9,en;q=0.8")}
I18N = ROOT / "web" / "static" / "i18n"
PAGE_STRINGS = json.loads((ROOT / "web" / "templates" / "strings.json").read_text())

# Every UI string of the widget's English catalog, with its placeholders cut out.
ENGLISH_FRAGMENTS = """() => {
  const leaves = (o) => typeof o === 'string' ? [o] : Object.values(o).flatMap(leaves);
  const en = customElements.get('smabot-chat').messages;
  return leaves(en).flatMap(s => s.split(/\\{\\w+\\}/)).map(s => s.trim()).filter(Boolean);
}"""

# The widget's own words as shown and spoken (text and aria-labels), leaving out what is not
# UI: the server's English (marked lang="en"), the caregiver's question, the host's example
# questions and a source's own name and title.
UI_TEXTS = """() => {
  const root = document.querySelector('smabot-chat').shadowRoot;
  const texts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest('[lang="en"], .starter, .question, .citation bdi')) continue;
    if (n.textContent.trim()) texts.push(n.textContent.trim());
  }
  for (const e of root.querySelectorAll('[aria-label]')) texts.push(e.getAttribute('aria-label'));
  return texts;
}"""


def catalog(lang: str) -> dict[str, object]:
    return json.loads((I18N / f"{lang}.json").read_text(encoding="utf-8"))


def english_left(page: Page, lang: str) -> list[str]:
    """English UI strings still shown in a page meant to be in `lang`."""
    theirs = json.dumps(catalog(lang), ensure_ascii=False)
    fragments = [f for f in page.evaluate(ENGLISH_FRAGMENTS) if f not in theirs]
    texts = page.evaluate(UI_TEXTS)
    return sorted(
        {
            f
            for f in fragments
            for t in texts
            if (f in t if len(f) >= 5 else t == f) and f not in {"smabot"}
        }
    )


@contextmanager
def browsing(
    browser: Browser, viewport: dict[str, int], locale: str, accept: str = ""
) -> Iterator[Page]:
    """A page in a browser whose language is `locale`; console errors fail the test."""
    headers = {"accept-language": accept} if accept else {}
    context = browser.new_context(
        viewport=viewport,  # type: ignore[arg-type]
        locale=locale,
        extra_http_headers=headers,
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield page
    finally:
        context.close()
    # as the page fixture: Playwright's screenshots themselves apply an inline style
    assert not [e for e in errors if "Refused to" in e or "[smabot]" in e], errors


def check_direction(page: Page, lang: str, exchange_selector: str = ".exchange") -> None:
    """The chat reads in the language's direction; English passages still left to right."""
    expected = "rtl" if lang == "ar" else "ltr"
    root = page.locator("smabot-chat .root")
    expect(root).to_have_attribute("lang", lang)
    assert root.evaluate("e => getComputedStyle(e).direction") == expected
    passage = page.locator(f"smabot-chat {exchange_selector} .lead p").first
    assert passage.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert passage.evaluate("e => e.closest('[lang]').lang") == "en"


def test_the_catalogs_have_every_english_string_in_every_plural_form(
    page: Page, smabot: LiveServer
) -> None:
    page.goto(smabot.url)
    page.locator("smabot-chat #question").wait_for()
    english = page.evaluate("customElements.get('smabot-chat').messages")
    placeholders = re.compile(r"\{\w+\}")
    for lang in LANGS:
        theirs = catalog(lang)
        assert set(theirs) == set(english), (lang, set(theirs) ^ set(english))
        categories = set(
            page.evaluate(f"new Intl.PluralRules('{lang}').resolvedOptions().pluralCategories")
        )
        for key, value in english.items():
            if key == "kinds":
                assert set(theirs[key]) == set(value), (lang, key)
                continue
            forms = value if isinstance(value, dict) else {"other": value}
            wanted = set(placeholders.findall(forms["other"]))
            translated = theirs[key] if isinstance(theirs[key], dict) else {"other": theirs[key]}
            if isinstance(value, dict):
                assert categories <= set(translated), (lang, key, categories - set(translated))
            for form, text in translated.items():
                assert isinstance(text, str) and text.strip(), (lang, key, form)
                # "{n}" may be spelt out in a form ("one", "two"), never a name or the limit
                assert set(placeholders.findall(text)) | {"{n}"} >= wanted, (lang, key, form)
    assert catalog("ar")["dir"] == "rtl" and catalog("es")["dir"] == "ltr"
    # the pages' own words: every language has every key
    assert {lang: set(strings) for lang, strings in PAGE_STRINGS.items()} == {
        lang: set(PAGE_STRINGS["en"]) for lang in ("en", *LANGS)
    }


def test_catalogs_are_fetched_only_when_needed_and_cached(
    browser: Browser, smabot: LiveServer
) -> None:
    for locale, wanted in (("en-GB", []), ("es-ES", ["es"]), ("ar", ["ar"])):
        with browsing(browser, PHONE, locale) as page:
            fetched: list[str] = []
            page.on("requestfinished", lambda r, seen=fetched: seen.append(r.url))
            page.goto(smabot.url)
            page.locator("smabot-chat #question").wait_for()
            fetched = [u for u in fetched if "/i18n/" in u]
            langs = [re.search(r"/i18n/(\w+)\.[0-9a-f]{10}\.json$", u) for u in fetched]
            assert all(langs) and [m[1] for m in langs if m] == wanted, fetched
            for url in fetched:
                response = page.request.get(url)
                assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
                assert response.headers["access-control-allow-origin"] == "*"  # widgets elsewhere
                assert response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}px")
@pytest.mark.parametrize("lang", LANGS)
def test_the_chat_page_follows_accept_language(
    browser: Browser, smabot: LiveServer, lang: str, size: str
) -> None:
    with browsing(browser, SIZES[size], *ACCEPT[lang]) as page:
        response = page.goto(smabot.url)
        assert response is not None and "accept-language" in response.headers["vary"].lower()
        html = page.locator("html")
        expect(html).to_have_attribute("lang", lang)
        expect(html).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
        expect(page.locator("footer")).to_contain_text(PAGE_STRINGS[lang]["footer"][:20])
        expect(page.locator("smabot-chat .title")).to_have_text(catalog(lang)["title"])  # type: ignore[arg-type]
        assert english_left(page, lang) == []
        assert all_violations(page) == []
        screenshot(page, f"lang-{lang}-chat-open-{size}")
        exchange = ask(page, "How is Zolgensma given?")
        check_direction(page, lang)
        exchange.locator(".more > summary").click()
        assert english_left(page, lang) == []
        assert all_violations(page) == []
        screenshot(page, f"lang-{lang}-chat-answered-{size}")
        # the emergency card's own words translated; the server's message as it came, in English
        card = ask(page, EMERGENCY).locator(".care-card.emergency")
        expect(card.locator("h3")).to_have_text(str(catalog(lang)["callLocal"]))
        expect(card.locator("p[lang=en]")).to_be_visible()
        assert english_left(page, lang) == []
        assert all_violations(page) == []
        screenshot(page, f"lang-{lang}-chat-emergency-{size}")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}px")
@pytest.mark.parametrize("lang", LANGS)
def test_the_widget_takes_data_lang(page: Page, host: LiveServer, lang: str, size: str) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(f"{host.url}/{lang}")  # an English host page; the widget in `lang`
    launcher = page.locator("smabot-chat .launcher")
    expect(launcher).to_have_accessible_name(str(catalog(lang)["title"]))
    assert english_left(page, lang) == []
    assert all_violations(page) == []
    screenshot(page, f"lang-{lang}-widget-closed-{size}")
    launcher.click()
    assert english_left(page, lang) == []
    assert all_violations(page) == []
    exchange = ask(page, "What are the side effects of Spinraza?")
    check_direction(page, lang)
    exchange.locator(".whole > summary").click()
    # nothing of an English passage is pushed outside the screen by the right-to-left layout
    width = SIZES[size]["width"]
    box = exchange.locator(".passage-text").first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert english_left(page, lang) == []
    assert all_violations(page) == []
    screenshot(page, f"lang-{lang}-widget-answered-{size}")
    card = ask(page, EMERGENCY).locator(".care-card.emergency")
    call = catalog(lang)["call"]
    assert isinstance(call, str)
    expect(card.locator("a.call")).to_have_text(call.replace("{n}", "999"))
    expect(card.locator("p[lang=en]")).to_be_visible()
    assert english_left(page, lang) == []
    assert all_violations(page) == []
    screenshot(page, f"lang-{lang}-widget-emergency-{size}")
    not_covered = ask(page, "Can you recommend a good pizza place near the hospital?")
    expect(not_covered.locator(".care-card.non-urgent h3")).to_have_text(
        str(catalog(lang)["notCovered"])
    )
    assert english_left(page, lang) == []
    assert all_violations(page) == []
    screenshot(page, f"lang-{lang}-widget-not-covered-{size}")


def test_the_embed_takes_lang_over_accept_language_and_data_lang_can_change(
    page: Page, smabot: LiveServer
) -> None:
    page.goto(smabot.url + "/embed?lang=ar")  # the browser asks for English
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("smabot-chat .send")).to_have_text(str(catalog("ar")["send"]))
    assert all_violations(page) == []
    screenshot(page, "lang-ar-embed-390")
    # a host switching language after the chat started: the chat follows
    page.locator("smabot-chat").evaluate("e => e.dataset.lang = 'es'")
    expect(page.locator("smabot-chat .send")).to_have_text(str(catalog("es")["send"]))
    expect(page.locator("smabot-chat .root")).to_have_attribute("dir", "ltr")
    page.locator("smabot-chat").evaluate("e => e.dataset.lang = 'en'")
    expect(page.locator("smabot-chat .send")).to_have_text("Ask")


def test_accept_language_is_read_by_its_quality_values() -> None:
    assert choose_language("fr-FR,ar;q=0.8,es;q=0.9,en;q=0.5") == "es"
    assert choose_language("en;q=0.1, ar-EG") == "ar"
    assert choose_language("es;q=0, de") == "en"  # refused, and nothing else we have
    assert choose_language("ar;q=abc,*;q=0.5") == "en"  # a broken header is no error
    assert choose_language("es-ES", wanted="AR-eg") == "ar"  # ?lang= first
    assert choose_language("es-ES", wanted="de") == "es"
