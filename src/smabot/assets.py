"""Static files under fingerprinted names (`widget.<hash>.js`), cached for a year by browsers."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

IMMUTABLE = "public, max-age=31536000, immutable"
# Unfingerprinted names (/widget.js, /static/widget.css) stay valid for hosts that copied them;
# browsers check them again after five minutes.
SHORT = "public, max-age=300"
# The widget's message catalogs, fetched by widget.js only for a page or host in that language.
CATALOGS = ("i18n/es.json", "i18n/ar.json")
# Files widget.js names by their "/static/<name>" path; it is served naming the fingerprinted ones.
WIDGET_NEEDS = ("widget.css", *CATALOGS)
FINGERPRINTED = ("widget.js", "page.css", "favicon.svg", *WIDGET_NEEDS)
_NAMED = re.compile(r"^(?P<stem>(?:i18n/)?[\w-]+)\.(?P<hash>[0-9a-f]{10})\.(?P<ext>\w+)$")
_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}


@dataclass(frozen=True)
class Asset:
    """One static file as served: its bytes, media type and fingerprinted name."""

    body: bytes
    media_type: str
    name: str


class Assets:
    """The fingerprinted static files of a folder, read again when one of them changes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stamp: tuple[tuple[int, int], ...] = ()
        self._by_name: dict[str, Asset] = {}

    def url(self, name: str) -> str:
        """The fingerprinted address of a static file, e.g. /static/widget.1a2b3c4d5e.js."""
        return f"/static/{self.get(name).name}"

    def get(self, name: str) -> Asset:
        """The asset for a plain name (widget.js)."""
        return self._current()[name]

    def find(self, fingerprinted: str) -> Asset | None:
        """The asset whose fingerprinted name this is, or None (a stale or unknown name)."""
        match = _NAMED.match(fingerprinted)
        if not match:
            return None
        asset = self._current().get(f"{match['stem']}.{match['ext']}")
        return asset if asset is not None and asset.name == fingerprinted else None

    def _current(self) -> dict[str, Asset]:
        paths = [self.folder / name for name in FINGERPRINTED]
        stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
        if stamp != self._stamp:  # an edited file gets a new name without a restart
            self._by_name, self._stamp = self._load(), stamp
        return self._by_name

    def _load(self) -> dict[str, Asset]:
        loaded: dict[str, Asset] = {}
        # widget.js last: it embeds the fingerprinted paths of the others, so its hash follows them
        for name in (*FINGERPRINTED[1:], "widget.js"):
            body = (self.folder / name).read_bytes()
            if name == "widget.js":
                body = strip_comment_lines(body)
                for needed in WIDGET_NEEDS:
                    plain, named = f'"/static/{needed}"', f'"/static/{loaded[needed].name}"'
                    body = body.replace(plain.encode(), named.encode(), 1)
            stem, ext = name.rsplit(".", 1)
            digest = hashlib.sha256(body).hexdigest()[:10]
            loaded[name] = Asset(body, _TYPES[f".{ext}"], f"{stem}.{digest}.{ext}")
        return loaded


class StaticAssets(StaticFiles):
    """/static: fingerprinted names cached as immutable, plain names with a short cache."""

    def __init__(self, folder: Path) -> None:
        super().__init__(directory=folder)
        self.assets = Assets(folder)

    async def get_response(self, path: str, scope: Scope) -> Response:
        asset = self.assets.find(path)
        if asset is not None:
            return Response(
                asset.body, media_type=asset.media_type, headers=_headers(IMMUTABLE, path)
            )
        if path in FINGERPRINTED:
            plain = self.assets.get(path)  # widget.js with its stylesheet's current name
            return Response(plain.body, media_type=plain.media_type, headers=_headers(SHORT, path))
        response = await super().get_response(path, scope)
        response.headers.setdefault("cache-control", SHORT)
        return response


def strip_comment_lines(script: bytes) -> bytes:
    """The script without its whole-line comments: the comments are for readers of the source,
    and leaving them out keeps widget.js within its 12 KB (compressed) budget. Only lines that
    start with // or /* (after indentation) go, so code and strings are never touched."""
    kept: list[bytes] = []
    in_block = False
    for line in script.split(b"\n"):
        text = line.strip()
        if in_block or text.startswith(b"/*"):
            in_block = not text.endswith(b"*/")
        elif not text.startswith(b"//"):
            kept.append(line)
    return b"\n".join(kept)


def _headers(cache: str, path: str) -> dict[str, str]:
    headers = {"cache-control": cache}
    if path.startswith("i18n/"):
        # The widget on a charity's site fetches its catalog from here: public words, no cookies.
        headers["access-control-allow-origin"] = "*"
    return headers
