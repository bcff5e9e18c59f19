"""What changed since an earlier version of the served files: their history (git, else the server's
ledger) and the differences between two versions, cached per pair (reading a version validates it)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.changes import Changes, compare
from ..core.history import History, Version, find
from ..core.ledger import Ledger
from ..core.store import Store

CACHED_PAIRS = 16


@dataclass(frozen=True)
class Comparison:
    """Two versions, the changes between them, every event of either by id, and all versions."""

    changes: Changes
    old: Version
    new: Version
    records: dict[str, dict]
    versions: list[Version]
    notice: str = ""


class ChangeLog:
    """The history of a Store's files, asked by the /changes page (and `since=` links)."""

    def __init__(self, store: Store):
        self.store = store
        self._pairs: dict[tuple[str, str], tuple[Changes, dict]] = {}
        self._cited: dict[str, str] = {}

    def cited(self, version_id: str) -> str:
        """How a memo cites a data version: 'Data version 388d3a2f2827142c of 2026-12-06' (its date
        from the history; without one, the id alone). Cached per version: it asks git."""
        if version_id in self._cited:
            return self._cited[version_id]
        history = History.of(self.store.files()) or Ledger(self.store)
        with history:
            found = next((v for v in reversed(history.versions()) if v.id == version_id), None)
        if found is None:  # not in the history (yet): asked again next time
            return f"Data version {version_id}"
        self._cited = {version_id: f"Data version {version_id} of {found.when.date().isoformat()}"}
        return self._cited[version_id]

    def compare(self, since: str, current: str) -> Comparison | None:
        """The changes from the version `since` names (else the one before `current`) to `current`,
        the version served now. None when there is no earlier version to compare with."""
        history = History.of(self.store.files()) or Ledger(self.store)
        with history:
            versions = history.versions()
            new = next((version for version in reversed(versions) if version.id == current), None)
            if new is None:
                return None
            earlier = versions[: versions.index(new)]
            old, notice = (find(versions, since), "") if since else (None, "")
            if since and (old is None or old == new):
                notice = (
                    f"No earlier version matches “{since}”: the changes since the previous version follow."
                )
                old = None
            old = old or (earlier[-1] if earlier else None)
            if old is None:
                return None
            key = (old.id, new.id)
            if key not in self._pairs:
                if len(self._pairs) >= CACHED_PAIRS:
                    self._pairs.clear()
                before, after = history.records(old), history.records(new)
                self._pairs[key] = (compare(before, after), {**before, **after})
        changes, records = self._pairs[key]
        return Comparison(changes, old, new, records, versions, notice)
