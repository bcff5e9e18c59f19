"""The versions of event files that are not in git: an append-only ledger beside the snapshots.

Each time the server's pointer moves to a new valid version (store.Store.point), a line
{"version", "when"} is appended to history-<key>.jsonl, and the child that validated the version
wrote its events (records-<version>.json, kept when its snapshot is pruned) for later differences,
unless git holds the files (then git has them, and a 100k-event copy per version is not written).
It survives restarts; it does not survive deleting the cache folder (git does: see history.py).
"""

from __future__ import annotations

import datetime as dt
import json

from .history import Version
from .store import Store

LEDGER = "ledger"  # a Version's `commit` when it comes from the ledger


class Ledger:
    """The same questions as history.History, answered from the ledger of a Store."""

    def __init__(self, store: Store):
        self.store = store

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc) -> None:
        return None

    def fingerprint(self) -> str:
        """Changes exactly when a line is appended: the ledger's size."""
        try:
            return str(self.store.ledger_path.stat().st_size)
        except OSError:
            return ""

    def versions(self) -> list[Version]:
        """Every version the server made current, oldest first (a line it cannot read is skipped)."""
        try:
            lines = self.store.ledger_path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        versions: list[Version] = []
        for line in lines:
            try:
                entry = json.loads(line)
                version = Version(str(entry["version"]), dt.datetime.fromisoformat(entry["when"]), LEDGER)
            except (ValueError, KeyError, TypeError):
                continue
            if not versions or versions[-1].id != version.id:
                versions.append(version)
        return versions

    def records(self, version: Version) -> dict[str, dict]:
        """The events of a version, by id (KeyError if its records were never written or are gone)."""
        try:
            return json.loads(self.store.records_path(version.id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise KeyError(version.id) from None
