"""The served index, swapped for each newly published build without a restart."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from smabot.answer import Answerer
from smabot.errors import SmabotError
from smabot.index import Index, current_build, load_build
from smabot.metrics import serve_index
from smabot.shared_builds import SharedBuilds

log = logging.getLogger("smabot")


class LiveAnswerer:
    """Holds the Answerer of the newest good build of an index folder.

    A background thread polls the folder's CURRENT pointer; a new build is loaded beside the old
    one and swapped in with one assignment, so requests already running finish on the old index.
    A build that cannot be loaded is logged once and skipped; the last good one keeps serving,
    and the next published build is picked up as usual. With `shared` (PostgreSQL), the fleet's
    newest build is fetched into the folder every `sync_seconds` first.
    """

    def __init__(
        self,
        index: Index,
        index_dir: Path,
        locale: str,
        build: Path | None = None,
        poll_seconds: float = 1.0,
        shared: SharedBuilds | None = None,
        sync_seconds: float = 2.0,
    ) -> None:
        self.index_dir = index_dir
        self.locale = locale
        self.poll_seconds = poll_seconds
        self.shared, self.sync_seconds = shared, sync_seconds
        self.sync_error = ""
        self.current = Answerer(index, locale)
        self.served_build = build.name if build else None
        serve_index(index.version)
        self.failed: dict[str, str] = {}  # build name -> why it could not be loaded
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._swap_lock = threading.Lock()
        self._last_error = ""

    def swap(self, index: Index, build: Path | None = None) -> None:
        """Serve this index from now on."""
        with self._swap_lock:
            previous = self.current.index.version
            self.current = Answerer(index, self.locale)
            self.served_build = build.name if build else self.served_build
        serve_index(index.version, previous)
        log.info("smabot: now serving index %s (%s)", index.version, self.served_build)

    def refresh(self) -> bool:
        """Load the published build if it is not the one served; True when it swapped."""
        build = current_build(self.index_dir)
        if build is None or build.name in (self.served_build, *self.failed):
            return False
        try:
            index = load_build(build)
        except SmabotError as exc:  # corrupt or half-pruned: keep serving, say so once
            self.failed[build.name] = str(exc)
            log.error(
                "smabot: not switching to %s, still serving %s: %s",
                build.name,
                self.served_build,
                exc,
            )
            return False
        self.swap(index, build)
        return True

    def sync(self) -> None:
        """Fetch the fleet's newest build from PostgreSQL, if it is not the one published here."""
        if self.shared is None:
            return
        try:
            self.shared.sync(self.index_dir)
        except SmabotError as exc:  # keep serving the cached build; /readyz says why
            if str(exc) != self.sync_error:
                log.error("smabot: %s", exc)
            self.sync_error = str(exc)
        else:
            self.sync_error = ""

    def problems(self) -> list[str]:
        """Why this process is not serving what is published (empty when it is)."""
        found = [self.sync_error] if self.sync_error else []
        return found + self.index_problems()

    def index_problems(self) -> list[str]:
        """Why this process does not serve the build published in its own index folder."""
        build = current_build(self.index_dir)
        if build is None:
            return ["nothing is published in the index folder"]
        if build.name in self.failed:
            return [f"index not loadable: {self.failed[build.name]}"]
        if build.name != self.served_build:
            return [f"current build {build.name} is not the one served ({self.served_build})"]
        return []

    def start(self) -> None:
        """Start watching for new builds."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._watch, name="smabot-index", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop watching."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _watch(self) -> None:
        synced = time.monotonic()
        while not self._stop.wait(self.poll_seconds):
            try:
                if time.monotonic() - synced >= self.sync_seconds:
                    synced = time.monotonic()
                    self.sync()
                self.refresh()
                self._last_error = ""
            except Exception as exc:  # nothing may end the watch: log each new error once
                message = f"{type(exc).__name__}: {exc}"
                if message != self._last_error:
                    log.error("smabot: watching %s failed, will retry: %s", self.index_dir, message)
                self._last_error = message
