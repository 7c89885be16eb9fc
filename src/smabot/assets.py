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
FINGERPRINTED = ("widget.js", "widget.css", "page.css", "favicon.svg")
# widget.js names its stylesheet by this path; it is served with the fingerprinted one instead.
STYLESHEET_PATH = '"/static/widget.css"'
_NAMED = re.compile(r"^(?P<stem>[\w-]+)\.(?P<hash>[0-9a-f]{10})\.(?P<ext>\w+)$")
_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}


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
        # widget.css first: widget.js embeds its fingerprinted path, so its own hash follows it
        for name in ("widget.css", "page.css", "favicon.svg", "widget.js"):
            body = (self.folder / name).read_bytes()
            if name == "widget.js":
                stylesheet = f'"/static/{loaded["widget.css"].name}"'
                body = body.replace(STYLESHEET_PATH.encode(), stylesheet.encode(), 1)
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
            return Response(asset.body, media_type=asset.media_type, headers=_cache(IMMUTABLE))
        if path in FINGERPRINTED:
            plain = self.assets.get(path)  # widget.js with its stylesheet's current name
            return Response(plain.body, media_type=plain.media_type, headers=_cache(SHORT))
        response = await super().get_response(path, scope)
        response.headers.setdefault("cache-control", SHORT)
        return response


def _cache(value: str) -> dict[str, str]:
    return {"cache-control": value}
