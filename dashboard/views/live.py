"""Live data: every process serves the newest valid version of the event files, and never a broken edit."""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from ..core.loader import load_dataset
from ..core.problems import EventFileError, Problem
from ..core.snapshot import read_snapshot
from ..core.snapshot_file import DamagedSnapshot
from ..core.store import CACHE_VAR, BuildFailed, CacheUnwritable, Store, reason
from .catalog import Catalog
from .change_log import ChangeLog
from .health import BUILD_FAILED, STALE, UNWRITABLE, Backoff, DataHealth, Trouble

log = logging.getLogger("dashboard.data")
CHECK_SECONDS = 2.0
BUILD_ERRORS = (CacheUnwritable, BuildFailed, subprocess.SubprocessError)


class Waiting(Exception):
    """A failed build of this version is not tried again yet (backoff)."""


class LiveCatalog:
    """The catalog of the newest valid data version, shared by every process through the store.

    Every 2 s a background thread hashes the event files (rereading only files whose size or time
    changed); a new version is validated once, by whichever process gets the store's lock, in a
    child process. Each request compares the store's pointer file with the version served and, when
    a newer valid version is named, reads its snapshot (columns, no validation) before answering, so
    no process answers with older data than another has reported; a snapshot found missing or damaged
    is rebuilt first (the request waits). A forked worker does the same on its first request. An
    invalid edit, an unwritable cache or a failing build is logged once and the last good data kept.
    """

    def __init__(self, paths: Iterable[str | os.PathLike] = (), check_seconds: float = CHECK_SECONDS):
        self.store = Store(paths)
        self.change_log = ChangeLog(self.store)
        self.check_seconds = check_seconds
        self._backoff = Backoff()
        self._trouble: Trouble | None = None
        try:
            version = self.store.version()
        except OSError:
            load_dataset(self.store.paths)  # raises EventFileError naming the unreadable file
            raise
        try:
            self.store.tidy()
            self.store.ensure(version)
            problems = self.store.problems(version)
            if problems is not None:
                raise EventFileError(problems)
            self._catalog = self._open(version)
            self.store.point(version)
        except CacheUnwritable as error:
            raise CacheUnwritable(
                f"The snapshot cache {self.store.folder} cannot be written ({error}); "
                f"make it writable or set {CACHE_VAR} to a writable folder."
            ) from None
        self._loaded_at = time.time()
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

    def sync(self, rebuild: bool = True) -> None:
        """Serve the version the pointer names, if it is not the one served or its file changed under
        the map; a missing or damaged snapshot is rebuilt first, unless `rebuild` is false (gunicorn's
        master: its workers rebuild). Until then the pointer counts as unread, so every request retries."""
        stamp = self.store.pointer_stamp()
        if stamp == self._stamp and self._catalog.dataset.intact():
            return
        with self._loading:
            intact = self._catalog.dataset.intact()
            if stamp == self._stamp and intact:
                return
            version = self.store.pointed() or self._catalog.version
            if version != self._catalog.version or not intact:
                try:
                    catalog = self._open(version, rebuild)
                except (DamagedSnapshot, Waiting, *BUILD_ERRORS) as error:
                    if rebuild:
                        self._failed(version, error)
                    return
                self._catalog, self._loaded_at = catalog, time.time()
                log.warning("Serving data version %s (%s events)", version, catalog.event_count)
            self._stamp = stamp

    def _open(self, version: str, rebuild: bool = True) -> Catalog:
        """The catalog of a stored version; a missing or damaged snapshot is deleted and rebuilt."""
        try:
            return read_catalog(self.store, version, self.change_log)
        except DamagedSnapshot as damage:
            if not rebuild:
                raise
            log.warning("The snapshot of data version %s is unusable (%s); rebuilding it", version, damage)
            self.store.discard(version, damage.inode)
        self._ensure(version)
        return read_catalog(self.store, version, self.change_log)

    def _ensure(self, version: str) -> None:
        """Build a version's snapshot or problems file, unless its last build failed too recently."""
        if self.store.has(version):
            return
        if not self._backoff.ready(version):
            raise Waiting(version)
        try:
            self.store.ensure(version)
            if not self.store.has(version):
                raise BuildFailed("the event files changed while they were validated")
        except BUILD_ERRORS:
            delay = self._backoff.failed(version)
            log.info("Building data version %s failed; next try in %.0f s", version, delay)
            raise
        self._backoff.succeeded()

    @property
    def reloading(self) -> bool:
        """Whether a background check (and maybe a validation) is running now."""
        return self._checking.locked()

    @property
    def health(self) -> DataHealth:
        return DataHealth(self._catalog.version, self._loaded_at, self._catalog.event_count, self._trouble)

    def _check(self) -> None:
        """Hash the files; validate a new version once (any process); serve it if valid, else say why."""
        try:
            version = self.store.version()
        except OSError as error:
            name = Path(str(error.filename)).name if error.filename else "event files"
            message = f"An event file cannot be read ({name}: {reason(error)})."
            self._report(Trouble(STALE, None, message, (message,)), str(error))
            self._checking.release()
            return
        try:
            self._ensure(version)
            problems = self.store.problems(version)
            if problems is not None:
                self._reject(version, problems)
                return
            self.store.point(version)
            self.sync()
            if self._catalog.version == version:
                self._report(None)
        except Waiting:
            pass
        except (DamagedSnapshot, *BUILD_ERRORS) as error:
            self._failed(version, error)
        finally:
            self._checking.release()

    def _failed(self, version: str, error: Exception) -> None:
        """Report a version that could not be built or read, in words a client may see; log the detail."""
        served = self._catalog.version
        if isinstance(error, Waiting):
            return
        if isinstance(error, CacheUnwritable):
            status, what = UNWRITABLE, f"The snapshot cache cannot be written ({error})"
        else:
            status, what = BUILD_FAILED, "Validating the event files failed (details in the server log)"
        detail = f"{error} (cache folder {self.store.folder})\n{getattr(error, 'detail', '')}".strip()
        self._report(Trouble(status, version, f"{what}; still serving version {served}."), detail)

    def _reject(self, version: str, problems: list[Problem]) -> None:
        """Report an invalid edit: every problem, located by file name (the log has full paths)."""
        shown = tuple(str(dataclasses.replace(p, file=Path(p.file).name)) for p in problems)
        message = f"Event files changed but are invalid; still serving version {self._catalog.version}."
        self._report(Trouble(STALE, version, message, shown), "\n".join(map(str, problems)))

    def _report(self, trouble: Trouble | None, detail: str = "") -> None:
        """Keep the state /health shows; log it only when it changes (not on every check or request)."""
        if trouble == self._trouble:
            return
        self._trouble = trouble
        if trouble is None:
            log.warning("The event files are served again as they are on disk")
        else:
            log.error("%s\n%s", trouble.message, detail)


def read_catalog(store: Store, version: str, change_log: ChangeLog | None = None) -> Catalog:
    """The catalog of a stored version: its snapshot's table, with events built only when asked for."""
    dataset, table = read_snapshot(store.snapshot_path(version))
    return Catalog(dataset, version=version, table=table, change_log=change_log)
