"""The snapshot cache every process shares: one validated Arrow file per data version, and a pointer.

The cache folder is TIMELINE_CACHE, else $XDG_CACHE_HOME/timeline-dashboard, else
~/.cache/timeline-dashboard. A data version is the sha256 of the event files' names and contents
(and the snapshot format), so equal files are one version whoever built it. For each version the
folder holds snapshot-<v>.arrow (valid) or problems-<v>.json (invalid, every problem listed); the
file current-<key> (key: the event files' paths) names the newest valid version of those files.
Everything in it is rebuilt when missing, so deleting the folder is always safe.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from stat import S_ISREG

from .loader import event_paths, expand
from .problems import Problem
from .snapshot import FORMAT

CACHE_VAR = "TIMELINE_CACHE"
BUILD_TIMEOUT_S = 600
CHANGED = 3  # the build's exit status when the files changed while it read them: nothing written


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
        digest = hashlib.sha256(f"timeline snapshot format {FORMAT}\n".encode())
        for path in self.files():
            stat = path.stat()
            signature = (str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)
            if signature not in self._digests:
                self._digests = {key: value for key, value in self._digests.items() if key[0] != str(path)}
                self._digests[signature] = _digest(path, stat)
            digest.update(f"{path.name}\0{self._digests[signature]}\n".encode())
        return digest.hexdigest()[:16]

    def snapshot_path(self, version: str) -> Path:
        return self.folder / f"snapshot-{version}.arrow"

    def problems_path(self, version: str) -> Path:
        return self.folder / f"problems-{version}.json"

    @property
    def pointer_path(self) -> Path:
        return self.folder / f"current-{self.key}"

    def current(self) -> str | None:
        """The newest valid version of these files, as the pointer names it (None if none yet)."""
        try:
            version = json.loads(self.pointer_path.read_text())["version"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return version if self.snapshot_path(version).exists() else None

    def problems(self, version: str) -> list[Problem] | None:
        """Every problem of an invalid version, or None if it is not known to be invalid."""
        try:
            return [Problem(**problem) for problem in json.loads(self.problems_path(version).read_text())]
        except (OSError, ValueError, TypeError):
            return None

    def ensure(self, version: str) -> None:
        """Make the snapshot or the problems file of a version, validating in a child process.

        One process validates at a time (a file lock); the others wait for it and then find its result.
        """
        if self.snapshot_path(version).exists() or self.problems_path(version).exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "build.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.snapshot_path(version).exists() or self.problems_path(version).exists():
                return
            command = [sys.executable, "-m", "dashboard.core.build", str(self.folder), version, *self.paths]
            done = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
        if done.returncode not in (0, CHANGED):
            raise RuntimeError(f"validating the event files failed:\n{done.stderr[-4000:]}")

    def point(self, version: str) -> None:
        """Name version as the newest valid one; prune snapshots older than the one it replaces."""
        try:
            previous = json.loads(self.pointer_path.read_text())
        except (OSError, ValueError):
            previous = {}
        if previous.get("version") == version:
            return
        kept = [version, previous.get("version")]
        record = {"version": version, "previous": kept[1]}
        partial = self.pointer_path.with_name(f".{self.pointer_path.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(record))
        os.replace(partial, self.pointer_path)
        for old in (previous.get("previous"),):
            if old and old not in kept:
                self.snapshot_path(old).unlink(missing_ok=True)

    def pointer_stamp(self) -> tuple | None:
        """A cheap fingerprint of the pointer file, to notice on every request that it changed."""
        try:
            stat = self.pointer_path.stat()
        except OSError:
            return None
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
