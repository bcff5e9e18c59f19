"""Live data: every process serves the newest valid version of the event files, and never a broken edit."""

from __future__ import annotations

import logging
import os
import subprocess
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.loader import load_dataset
from ..core.problems import EventFileError
from ..core.snapshot import read_snapshot
from ..core.store import Store
from .catalog import Catalog

log = logging.getLogger("dashboard.data")
CHECK_SECONDS = 2.0


@dataclass
class DataHealth:
    """What /health reports: which data this process serves and whether the files on disk are usable."""

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
            "pid": os.getpid(),
            "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.loaded_at)),
            "events": self.events,
            "problems": self.problems,
            "rejected_version": self.failed_version,
        }


class LiveCatalog:
    """The catalog of the newest valid data version, shared by every process through the store.

    Every 2 s a background thread hashes the event files (rereading only files whose size or time
    changed); a new version is validated once, by whichever process gets the store's lock, in a
    child process. Each request compares the store's pointer file with the version served and, when
    a newer valid version is named, reads its snapshot (columns, no validation) before answering, so
    no process answers with older data than another has reported. A forked worker does the same on
    its first request. An invalid edit is logged with every problem and the last good data is kept.
    """

    def __init__(self, paths: Iterable[str | os.PathLike] = (), check_seconds: float = CHECK_SECONDS):
        self.store = Store(paths)
        self.check_seconds = check_seconds
        try:
            version = self.store.version()
        except OSError:
            load_dataset(self.store.paths)  # raises EventFileError naming the unreadable file
            raise
        self.store.ensure(version)
        problems = self.store.problems(version)
        if problems is not None:
            raise EventFileError(problems)
        self.store.point(version)
        self._catalog = _read(self.store, version)
        self._loaded_at = time.time()
        self._rejected: tuple[str, list[str]] | None = None
        self._forked()

    def _forked(self) -> None:
        """Fresh locks and checks for this process (a fork copies locks as they were, maybe held)."""
        self._pid = os.getpid()
        self._checking = threading.Lock()
        self._loading = threading.Lock()
        self._stamp: tuple | None = ()
        self._checked = 0.0 if hasattr(self, "_checked") else time.monotonic()

    def get(self) -> Catalog:
        """The catalog to serve now: the pointer's version; starts a background check every 2 s."""
        if os.getpid() != self._pid:
            self._forked()
        self.sync()
        if time.monotonic() - self._checked >= self.check_seconds and self._checking.acquire(blocking=False):
            self._checked = time.monotonic()
            threading.Thread(target=self._check, daemon=True).start()
        return self._catalog

    def sync(self) -> None:
        """Serve the version the store's pointer names, if it is not the one served (reads its snapshot)."""
        stamp = self.store.pointer_stamp()
        if stamp == self._stamp:
            return
        with self._loading:
            if stamp == self._stamp:
                return
            version = self.store.current()
            if version and version != self._catalog.version:
                try:
                    self._catalog, self._loaded_at = _read(self.store, version), time.time()
                except (OSError, ValueError) as error:  # pruned or deleted meanwhile: the next check rebuilds
                    log.warning("Could not read the snapshot of version %s: %s", version, error)
                    return
                log.warning("Serving data version %s (%s events)", version, self._catalog.event_count)
            self._stamp = stamp

    @property
    def reloading(self) -> bool:
        """Whether a background check (and maybe a validation) is running now."""
        return self._checking.locked()

    @property
    def health(self) -> DataHealth:
        problems, failed = ([], None) if self._rejected is None else (self._rejected[1], self._rejected[0])
        return DataHealth(self._catalog.version, self._loaded_at, self._catalog.event_count, problems, failed)

    def _check(self) -> None:
        """Hash the files; validate a new version once (any process); serve it if valid, else say why."""
        try:
            version = self.store.version()
            self.store.ensure(version)
            problems = self.store.problems(version)
            if problems is None:
                self._rejected = None
                self.store.point(version)
                self.sync()
            else:
                self._reject(version, [str(problem) for problem in problems])
        except (OSError, RuntimeError, subprocess.SubprocessError) as error:
            self._reject(f"unreadable: {error}", [str(error)])
        finally:
            self._checking.release()

    def _reject(self, version: str, problems: list[str]) -> None:
        """Report the rejected version's problems (logged once per version, not every check)."""
        if self._rejected is not None and self._rejected[0] == version:
            return
        self._rejected = (version, problems)
        log.error(
            "Event files changed but are invalid; still serving %s.\n%s",
            self._catalog.version,
            "\n".join(problems),
        )


def _read(store: Store, version: str) -> Catalog:
    """The catalog of a stored version: its snapshot's table, with events built only when asked for."""
    dataset, table = read_snapshot(store.snapshot_path(version))
    return Catalog(dataset, version=version, table=table)
