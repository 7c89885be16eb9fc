"""The chat page, the embeddable page and the widget script, with their security policy."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from smabot.assets import SHORT, Assets

STARTER_QUESTIONS = [
    "What are the side effects of Spinraza?",
    "How is Zolgensma given?",
    "How much does SMA treatment cost?",
]
_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
# The UI languages: English built into widget.js, the others in web/static/i18n/<lang>.json.
LANGUAGES = ("en", "es", "ar")
RIGHT_TO_LEFT = frozenset({"ar"})
_QUALITY = re.compile(r";\s*q\s*=\s*([^;,\s]*)")


def choose_language(accept_language: str, wanted: str = "") -> str:
    """The UI language: `wanted` (?lang=) if we have it, else the best of Accept-Language."""
    if wanted.split("-")[0].lower() in LANGUAGES:
        return wanted.split("-")[0].lower()
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag = part.split(";")[0].strip().split("-")[0].lower()
        quality = _QUALITY.search(part)
        try:
            q = float(quality[1]) if quality else 1.0
        except ValueError:
            continue
        if tag in LANGUAGES and q > 0:
            ranked.append((-q, position, tag))
    return min(ranked)[2] if ranked else "en"


def csp(frame_ancestors: str) -> str:
    """A Content-Security-Policy with no inline script or style and nothing third-party."""
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; "
        f"frame-ancestors {frame_ancestors}"
    )


def pages_router(web: Path, origins: list[str], locale: str = "") -> APIRouter:
    """Routes for `/`, `/embed`, `/privacy` and `/widget.js`; `locale` picks the emergency call."""
    pages_locale = locale if _LOCALE.match(locale) else ""
    router = APIRouter(include_in_schema=False)
    templates = Jinja2Templates(directory=web / "templates")
    assets = Assets(web / "static")
    templates.env.globals["asset"] = assets.url  # {{ asset("page.css") }}: fingerprinted
    strings = json.loads((web / "templates" / "strings.json").read_text(encoding="utf-8"))
    ancestors = "*" if origins == ["*"] else " ".join(["'self'", *origins])

    def language(request: Request, wanted: str = "") -> dict[str, object]:
        lang = choose_language(request.headers.get("accept-language", ""), wanted)
        return {"lang": lang, "dir": "rtl" if lang in RIGHT_TO_LEFT else "ltr", "s": strings[lang]}

    def page(request: Request, template: str, context: dict[str, object], frames: str) -> Response:
        response = templates.TemplateResponse(request, template, context)
        response.headers["content-security-policy"] = csp(frames)
        response.headers["vary"] = "Accept-Language"  # the page's language follows it
        return response

    @router.get("/", response_class=HTMLResponse)
    def chat_page(request: Request) -> Response:
        context = {"questions": "|".join(STARTER_QUESTIONS), "locale": pages_locale}
        return page(request, "index.html", context | language(request), "'none'")

    @router.get("/privacy", response_class=HTMLResponse)
    def privacy_page(request: Request) -> Response:
        # The same numbers the store keeps to (SMABOT_RETENTION_DAYS); English for now.
        store = getattr(request.app.state, "store", None)
        context = {
            "retention_days": getattr(store, "retention_days", 90),
            "lang": "en",
            "s": strings["en"],
        }
        return page(request, "privacy.html", context, "'none'")

    @router.get("/embed", response_class=HTMLResponse)
    def embed_page(
        request: Request,
        title: str = Query("", max_length=80),
        greeting: str = Query("", max_length=300),
        questions: str = Query("|".join(STARTER_QUESTIONS), max_length=600),
        helpline: str = Query("", max_length=120),
        accent: str = Query("", max_length=7),
        locale: str = Query("", max_length=35, alias="locale"),
        lang: str = Query("", max_length=35),
        operator: str = Query("", max_length=120),
        privacy: str = Query("", max_length=500),
    ) -> Response:
        context = language(request, lang) | {
            "operator": operator,
            "privacy_url": privacy if privacy.startswith(("https://", "http://")) else "",
            "title": title,
            "greeting": greeting,
            "questions": questions,
            "helpline": helpline,
            "accent": accent if _HEX_COLOR.match(accent) else "",
            "locale": locale if _LOCALE.match(locale) else pages_locale,
        }
        return page(request, "embed.html", context, ancestors)

    @router.get("/widget.js")
    def widget_script() -> Response:
        # The stable one-tag address charities paste: a short cache, so changes reach them soon.
        script = assets.get("widget.js")
        return Response(script.body, media_type=script.media_type, headers={"cache-control": SHORT})

    return router
