"""Live data: notice edited event files without a restart, and never serve a broken edit."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from .catalog import Catalog
from .loader import data_version, load_dataset
from .problems import EventFileError

log = logging.getLogger("dashboard.data")
CHECK_SECONDS = 2.0


@dataclass
class DataHealth:
    """What /health reports: which data is served and whether the files on disk are usable."""

    version: str
    loaded_at: float
    events: int
    problems: list[str] = field(default_factory=list)
    failed_version: str | None = None

    def as_json(self) -> dict:
        state = "ok" if not self.problems else "stale"
        return {
            "status": state,
            "data_version": self.version,
            "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.loaded_at)),
            "events": self.events,
            "problems": self.problems,
            "rejected_version": self.failed_version,
        }


class LiveCatalog:
    """The current Catalog, reloaded when the event files change (checked at most every 2 s).

    Each gunicorn worker holds its own copy and checks on its own requests, so a valid edit is
    served by every worker within seconds; an invalid edit is logged with every problem and the
    last good data stays served. Reloading runs in a background thread: a large file takes longer
    to load than a request may take, and requests keep the old data meanwhile.
    """

    def __init__(self, paths: Iterable[str | os.PathLike] = (), check_seconds: float = CHECK_SECONDS):
        self.paths = list(paths)
        self.check_seconds = check_seconds
        version = data_version(self.paths)
        self._catalog = _loaded(self.paths, version)
        self.health = DataHealth(version, time.time(), len(self._catalog.dataset.events))
        self._checked = time.monotonic()
        self._lock = threading.Lock()

    def get(self) -> Catalog:
        """The catalog to serve now; starts a background reload if the files changed."""
        if time.monotonic() - self._checked >= self.check_seconds and self._lock.acquire(blocking=False):
            self._checked = time.monotonic()
            try:
                version = data_version(self.paths)
            except OSError as error:
                version = f"unreadable: {error.strerror}"
            if version in (self._catalog.version, self.health.failed_version):
                self._lock.release()
            else:
                threading.Thread(target=self._reload, args=(version,), daemon=True).start()
        return self._catalog

    @property
    def reloading(self) -> bool:
        """Whether a check or background reload is running now."""
        return self._lock.locked()

    def _reload(self, version: str) -> None:
        """Load the changed files; serve them if valid, else log why and keep the last good data."""
        try:
            self._swap(version)
        finally:
            self._lock.release()

    def _swap(self, version: str) -> None:
        try:
            catalog = _loaded(self.paths, version)
        except (EventFileError, OSError) as error:
            problems = [str(p) for p in error.problems] if isinstance(error, EventFileError) else [str(error)]
            self.health.problems, self.health.failed_version = problems, version
            log.error(
                "Event files changed but are invalid; still serving %s.\n%s",
                self._catalog.version,
                "\n".join(problems),
            )
            return
        self._catalog = catalog
        self.health = DataHealth(version, time.time(), len(catalog.dataset.events))
        log.warning("Event files reloaded: %s events, version %s", len(catalog.dataset.events), version)


def _loaded(paths: list, version: str) -> Catalog:
    """A catalog with its event table built now, not by the first request that needs it."""
    catalog = Catalog(load_dataset(paths), version=version)
    _ = catalog.table
    return catalog
