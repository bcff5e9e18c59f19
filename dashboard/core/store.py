"""The snapshot cache every process shares: one validated Arrow file per data version, and a pointer.

The cache folder is TIMELINE_CACHE, else $XDG_CACHE_HOME/timeline-dashboard, else
~/.cache/timeline-dashboard. A data version is the sha256 of the event files' names and contents
(and the snapshot format), so equal files are one version whoever built it. For each version the
folder holds snapshot-<v>.arrow (valid) or problems-<v>.json (invalid, every problem listed); the
file current-<key> (key: the event files' paths) names the newest valid version of those files.
Each snapshot has its size and sha256 beside it (snapshot-<v>.sha256); a missing, cut or altered
snapshot is rebuilt from the event files, so deleting the folder or any file in it is always safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from stat import S_ISREG

from .loader import event_paths, expand
from .problems import Problem
from .snapshot import FORMAT
from .snapshot_file import PARTIAL, checksum_path, looks_whole, write_atomically

CACHE_VAR = "TIMELINE_CACHE"
BUILD_TIMEOUT_S = 600
CHANGED = 3  # the build's exit status when the files changed while it read them: nothing written
UNWRITABLE = 4  # the build's exit status when the cache folder refused its file (full, read-only…)
RECENT_NS = 2_000_000_000  # files changed this recently are hashed again on every check


class CacheUnwritable(Exception):
    """The cache folder cannot be written; the message is the system's reason, with no path."""


class BuildFailed(RuntimeError):
    """Validating stopped for a reason other than the data (killed, out of memory…); `detail` is its log."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail


def reason(error: OSError) -> str:
    """Why an operation failed, without the path it names ('No space left on device')."""
    return error.strerror or type(error).__name__


def cache_dir(environ: dict | None = None) -> Path:
    """TIMELINE_CACHE, else $XDG_CACHE_HOME/timeline-dashboard, else ~/.cache/timeline-dashboard."""
    environ = os.environ if environ is None else environ
    if environ.get(CACHE_VAR):
        return Path(environ[CACHE_VAR])
    base = Path(environ["XDG_CACHE_HOME"]) if environ.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "timeline-dashboard"


def _digest(path: Path, status: os.stat_result) -> str:
    """A file's content hash, read in chunks; a FIFO or a device is not read (it could hang or never
    end): the validator refuses it, and its kind stands in for its content."""
    if not S_ISREG(status.st_mode):
        return f"not a regular file: mode {status.st_mode:o}"
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def data_version(digests: Iterable[tuple[str, str]]) -> str:
    """The data version of a set of event files from their names and content sha256 digests (in
    loading order): the same for the files on disk, in a snapshot's name and in git's history."""
    digest = hashlib.sha256(f"timeline snapshot format {FORMAT}\n".encode())
    for name, content in digests:
        digest.update(f"{name}\0{content}\n".encode())
    return digest.hexdigest()[:16]


class Store:
    """The versions of one set of event files in the cache folder."""

    def __init__(self, paths: Iterable[str | os.PathLike] = (), folder: Path | None = None):
        self.paths = [str(path) for path in paths]
        self.folder = folder or cache_dir()
        names = "\0".join(str(path.resolve()) for path in event_paths(self.paths))
        self.key = hashlib.sha256(names.encode()).hexdigest()[:16]
        self._digests: dict[tuple, str] = {}  # file stat -> content digest: unchanged files aren't reread

    def files(self) -> list[Path]:
        return expand(event_paths(self.paths))

    def version(self) -> str:
        """The data version of the files on disk now (raises OSError if one cannot be read)."""
        digests = []
        for path in self.files():
            stat = path.stat()
            signature = (str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)
            # A file changed within RECENT_NS may change again under the same time stamp (the
            # clock's tick is coarse) and size: read it again until it has been still that long.
            recent = time.time_ns() - stat.st_mtime_ns < RECENT_NS
            if recent or signature not in self._digests:
                self._digests = {key: value for key, value in self._digests.items() if key[0] != str(path)}
                self._digests[signature] = _digest(path, stat)
            digests.append((path.name, self._digests[signature]))
        return data_version(digests)

    def snapshot_path(self, version: str) -> Path:
        return self.folder / f"snapshot-{version}.arrow"

    def records_path(self, version: str) -> Path:
        """A valid version's events as JSON, for the differences between versions (core/ledger.py)."""
        return self.folder / f"records-{version}.json"

    @property
    def ledger_path(self) -> Path:
        """The versions these files have had, one JSON line each, appended as each became current."""
        return self.folder / f"history-{self.key}.jsonl"

    def problems_path(self, version: str) -> Path:
        return self.folder / f"problems-{version}.json"

    @property
    def pointer_path(self) -> Path:
        return self.folder / f"current-{self.key}"

    def pointed(self) -> str | None:
        """The version the pointer names, whether or not its snapshot is there (None if no pointer)."""
        try:
            version = json.loads(self.pointer_path.read_text())["version"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return version if isinstance(version, str) else None

    def current(self) -> str | None:
        """The newest valid version of these files, if its snapshot looks whole (None if none yet)."""
        version = self.pointed()
        return version if version and looks_whole(self.snapshot_path(version)) else None

    def has(self, version: str) -> bool:
        """Whether the version's snapshot (whole, by size) or problems file is in the folder."""
        return looks_whole(self.snapshot_path(version)) or self.problems_path(version).exists()

    def discard(self, version: str, inode: int | None) -> None:
        """Delete a snapshot found damaged, so it is rebuilt (not a newer file rebuilt meanwhile)."""
        path = self.snapshot_path(version)
        try:
            if inode is None or path.stat().st_ino == inode:
                path.unlink()
        except OSError:
            pass

    def problems(self, version: str) -> list[Problem] | None:
        """Every problem of an invalid version, or None if it is not known to be invalid."""
        try:
            return [Problem(**problem) for problem in json.loads(self.problems_path(version).read_text())]
        except (OSError, ValueError, TypeError):
            return None

    def ensure(self, version: str) -> None:
        """Make the snapshot or the problems file of a version, validating in a child process.

        One process validates at a time (a file lock); the others wait for it and then find its result.
        Raises CacheUnwritable if the folder refuses a file, BuildFailed if the child failed otherwise.
        """
        if self.has(version):
            return
        with self._locked():
            if self.has(version):
                return
            self._sweep()
            command = [sys.executable, "-m", "dashboard.core.build", str(self.folder), version, *self.paths]
            done = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
        if done.returncode == UNWRITABLE:
            raise CacheUnwritable((done.stderr.strip().splitlines() or ["refused"])[-1][-200:])
        if done.returncode not in (0, CHANGED):
            raise BuildFailed(f"validation stopped with exit status {done.returncode}", done.stderr[-4000:])

    @contextlib.contextmanager
    def _locked(self):
        """The folder's lock (one writer at a time); CacheUnwritable if the folder cannot be made."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock = open(self.folder / "build.lock", "a")  # noqa: SIM115 (closed below)
        except OSError as error:
            raise CacheUnwritable(reason(error)) from None
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def tidy(self) -> None:
        """Delete files left half-written by a process that died or hit a full disk."""
        with self._locked():
            self._sweep()

    def _sweep(self) -> None:
        """Delete every partial file (lock held: each writer of the folder holds it while writing)."""
        for entry in os.scandir(self.folder):
            if entry.name.endswith(PARTIAL):
                Path(entry.path).unlink(missing_ok=True)

    def point(self, version: str) -> None:
        """Name version as the newest valid one; prune snapshots older than the one it replaces."""
        try:
            previous = json.loads(self.pointer_path.read_text())
        except (OSError, ValueError):
            previous = {}
        previous = previous if isinstance(previous, dict) else {}
        if previous.get("version") == version:
            return
        kept = [version, previous.get("version")]
        when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._locked():
            try:
                # The ledger first: a process that sees the pointer move finds the version there.
                with self.ledger_path.open("a", encoding="utf-8") as ledger:
                    ledger.write(json.dumps({"version": version, "when": when}) + "\n")
                write_atomically(self.pointer_path, json.dumps({"version": version, "previous": kept[1]}))
            except OSError as error:
                raise CacheUnwritable(reason(error)) from None
        old = previous.get("previous")
        if isinstance(old, str) and old not in kept:
            for path in (self.snapshot_path(old), checksum_path(self.snapshot_path(old))):
                path.unlink(missing_ok=True)

    def pointer_stamp(self) -> tuple | None:
        """A cheap fingerprint of the pointer file, to notice on every request that it changed."""
        try:
            stat = self.pointer_path.stat()
        except OSError:
            return None
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
