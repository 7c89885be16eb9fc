"""The served index, swapped for each newly published build without a restart."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from smabot.answer import Answerer
from smabot.errors import SmabotError
from smabot.index import Index, current_build, load_index

log = logging.getLogger("smabot")


class LiveAnswerer:
    """Holds the Answerer of the newest build of an index folder.

    A background thread polls the folder's CURRENT pointer; a new build is loaded beside the old
    one and swapped in with one assignment, so requests already running finish on the old index.
    """

    def __init__(self, index: Index, index_dir: Path, locale: str, poll_seconds: float = 1.0):
        self.index_dir = index_dir
        self.locale = locale
        self.poll_seconds = poll_seconds
        self.current = Answerer(index, locale)
        build = current_build(index_dir)
        self._build = build.name if build else None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._swap_lock = threading.Lock()

    def swap(self, index: Index) -> None:
        """Serve this index from now on."""
        with self._swap_lock:
            self.current = Answerer(index, self.locale)
            build = current_build(self.index_dir)
            self._build = build.name if build else self._build

    def refresh(self) -> bool:
        """Load the published build if it is not the one served; True when it swapped."""
        build = current_build(self.index_dir)
        if build is None or build.name == self._build:
            return False
        try:
            index = load_index(self.index_dir)
        except SmabotError as exc:  # a half-pruned or foreign build: keep serving, retry later
            log.warning("smabot: not switching to %s: %s", build.name, exc)
            return False
        self.swap(index)
        log.info("smabot: now serving index %s (%s)", index.version, build.name)
        return True

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
        while not self._stop.wait(self.poll_seconds):
            self.refresh()
