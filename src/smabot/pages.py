"""The chat page, the embeddable page and the widget script, with their security policy."""

from __future__ import annotations

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


def csp(frame_ancestors: str) -> str:
    """A Content-Security-Policy with no inline script or style and nothing third-party."""
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; "
        f"frame-ancestors {frame_ancestors}"
    )


def pages_router(web: Path, origins: list[str], locale: str = "") -> APIRouter:
    """Routes for `/`, `/embed` and `/widget.js`; `locale` picks the emergency number."""
    pages_locale = locale if _LOCALE.match(locale) else ""
    router = APIRouter(include_in_schema=False)
    templates = Jinja2Templates(directory=web / "templates")
    assets = Assets(web / "static")
    templates.env.globals["asset"] = assets.url  # {{ asset("page.css") }}: fingerprinted
    ancestors = "*" if origins == ["*"] else " ".join(["'self'", *origins])

    @router.get("/", response_class=HTMLResponse)
    def chat_page(request: Request) -> HTMLResponse:
        response = templates.TemplateResponse(
            request,
            "index.html",
            {"questions": "|".join(STARTER_QUESTIONS), "locale": pages_locale},
        )
        response.headers["content-security-policy"] = csp("'none'")
        return response

    @router.get("/embed", response_class=HTMLResponse)
    def embed_page(
        request: Request,
        title: str = Query("Ask about SMA treatments", max_length=80),
        greeting: str = Query("", max_length=300),
        questions: str = Query("|".join(STARTER_QUESTIONS), max_length=600),
        helpline: str = Query("", max_length=120),
        accent: str = Query("", max_length=7),
        locale: str = Query("", max_length=35, alias="locale"),
    ) -> HTMLResponse:
        context = {
            "title": title,
            "greeting": greeting,
            "questions": questions,
            "helpline": helpline,
            "accent": accent if _HEX_COLOR.match(accent) else "",
            "locale": locale if _LOCALE.match(locale) else pages_locale,
        }
        response = templates.TemplateResponse(request, "embed.html", context)
        response.headers["content-security-policy"] = csp(ancestors)
        return response

    @router.get("/widget.js")
    def widget_script() -> Response:
        # The stable one-tag address charities paste: a short cache, so changes reach them soon.
        script = assets.get("widget.js")
        return Response(script.body, media_type=script.media_type, headers={"cache-control": SHORT})

    return router
