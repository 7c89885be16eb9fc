"""Published builds shared through PostgreSQL, so every replica serves the same index.

`smabot index` (or the admin re-index) publishes a build in its own index folder, then stores it
as one archive row in PostgreSQL. Every replica polls for the newest row and unpacks it into its
own SMABOT_INDEX (a cache), where the usual watcher swaps it in without a restart.
"""

from __future__ import annotations

import io
import logging
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from smabot.database import Connection, Database, reason
from smabot.errors import SmabotError
from smabot.index import adopt_build, current_build
from smabot.metrics import STORE_ERRORS

log = logging.getLogger("smabot")
KEEP_BUILDS = 5


class SharedBuildsError(SmabotError):
    """PostgreSQL could not be reached or holds a damaged build."""


class SharedBuilds:
    """The `builds` table of a PostgreSQL database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.refused: dict[str, str] = {}  # builds this replica cannot load: never fetched again

    def publish(self, build: Path) -> None:
        """Store a published build so every replica serves it; older rows beyond 5 are dropped."""
        version = build.name.rsplit("-", 1)[-1]  # builds are named <time>-<version>
        with self._connect() as db:
            db.execute(
                "INSERT INTO builds (name, version, published_at, archive) "
                "VALUES (%s, %s, to_char(now() AT TIME ZONE 'UTC', "
                "'YYYY-MM-DD\"T\"HH24:MI:SS.US'), %s) ON CONFLICT (name) DO UPDATE "
                "SET published_at = EXCLUDED.published_at",
                (build.name, version, _pack(build)),
            )
            db.execute(
                "DELETE FROM builds WHERE name NOT IN (SELECT name FROM builds "
                "ORDER BY published_at DESC, name DESC LIMIT %s)",
                (KEEP_BUILDS,),
            )

    def latest(self) -> str | None:
        """The name of the newest published build, if any."""
        with self._connect() as db:
            row = db.execute(
                "SELECT name FROM builds ORDER BY published_at DESC, name DESC LIMIT 1"
            ).fetchone()
        return str(row[0]) if row else None

    def sync(self, index_dir: Path) -> bool:
        """Make the newest shared build the one published in `index_dir`; True when it moved."""
        name = self.latest()
        current = current_build(index_dir)
        if name is None or (current is not None and current.name == name):
            return False
        if name in self.refused:  # still the newest: keep saying so, without fetching it again
            raise SharedBuildsError(self.refused[name])
        try:
            adopt_build(index_dir, name, lambda folder: self._unpack(name, folder))
        except SmabotError as exc:  # damaged, misnamed or of another smabot version
            self.refused[name] = f"refused build {name[:80]!r} from {self.db}: {exc}"
            raise SharedBuildsError(self.refused[name]) from exc
        log.info("smabot: build %s arrived from %s", name, self.db)
        return True

    def _unpack(self, name: str, folder: Path) -> None:
        with self._connect() as db:
            row = db.execute("SELECT archive FROM builds WHERE name = %s", (name,)).fetchone()
        if row is None:
            raise SharedBuildsError(f"build {name} was removed from {self.db} while fetching it")
        try:
            with tarfile.open(fileobj=io.BytesIO(bytes(row[0])), mode="r:gz") as archive:
                archive.extractall(folder, filter="data")  # no paths outside the folder
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise SharedBuildsError(f"build {name} in {self.db} is damaged: {exc}") from exc

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        """A connection whose every failure becomes one SharedBuildsError."""
        try:
            with self.db.connect() as db:
                yield db
        except self.db.errors as exc:
            STORE_ERRORS.labels("builds").inc()
            message = f"published builds unreachable at {self.db}: {reason(exc)}"
            raise SharedBuildsError(message) from exc


def _pack(build: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path in sorted(build.iterdir()):
            archive.add(path, arcname=path.name)
    return buffer.getvalue()


def shared_builds(db: str) -> SharedBuilds | None:
    """Shared builds when records go to PostgreSQL; None for the embedded SQLite default."""
    database = Database(db)
    return SharedBuilds(database) if database.postgres else None
