"""What /health says about the data a process serves, and when a failing build is tried again."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

STALE, UNWRITABLE, BUILD_FAILED = "stale", "cache_unwritable", "build_failed"


@dataclass(frozen=True)
class Trouble:
    """Why the files on disk are not what is served: one sentence for clients, no paths or tracebacks."""

    status: str  # STALE (the edit is invalid), UNWRITABLE or BUILD_FAILED
    version: str | None  # the version of the files that could not be served
    message: str
    problems: tuple[str, ...] = ()


@dataclass
class DataHealth:
    """What /health reports: which data this process serves and whether the files on disk are usable."""

    version: str
    loaded_at: float
    events: int
    trouble: Trouble | None = None

    def as_json(self) -> dict:
        trouble = self.trouble
        return {
            "status": trouble.status if trouble else "ok",
            "message": trouble.message if trouble else "",
            "data_version": self.version,
            "pid": os.getpid(),
            "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.loaded_at)),
            "events": self.events,
            "problems": list(trouble.problems) if trouble else [],
            "rejected_version": trouble.version if trouble else None,
        }


class Backoff:
    """A version whose build failed is tried again after 5, 10, 20 … up to 300 s, not on every check."""

    def __init__(self, first: float = 5.0, longest: float = 300.0):
        self.first, self.longest = first, longest
        self._version: str | None = None
        self._delay = 0.0
        self._next = 0.0

    def ready(self, version: str) -> bool:
        """Whether building this version may be tried now (always, for a version that has not failed)."""
        return version != self._version or time.monotonic() >= self._next

    def failed(self, version: str) -> float:
        """Note a failed build; returns the seconds until the next try."""
        fresh = version != self._version
        self._version = version
        self._delay = self.first if fresh else min(self._delay * 2, self.longest)
        self._next = time.monotonic() + self._delay
        return self._delay

    def succeeded(self) -> None:
        self._version = None
