"""What changed since an earlier version of the served files: their history (git, else the server's
ledger) and the differences between two versions. Both are cached: listing the versions reads
every commit's files, and reading a version validates it."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.changes import Changes, compare
from ..core.history import History, Version, find
from ..core.i18n import DEFAULT, translator
from ..core.ledger import Ledger
from ..core.store import Store

CACHED_PAIRS = 16
CACHED_LISTINGS = 4


@dataclass(frozen=True)
class Comparison:
    """Two versions, the changes between them, every event of either by id, and all versions.
    `unmatched`: the `since` asked for named no earlier version (the previous one stands in)."""

    changes: Changes
    old: Version
    new: Version
    records: dict[str, dict]
    versions: list[Version]
    unmatched: bool = False


def version_name(version: Version, lang: str = DEFAULT) -> str:
    """A version as a memo cites it, in a sentence: 'data version 388d3a2f2827142c of 2026-12-06'
    (in `lang`; the day stays ISO, as the version's id is a code, not prose)."""
    words = translator(lang).gettext("data version %(id)s of %(day)s")
    return words % {"id": version.id, "day": version.when.date().isoformat()}


class ChangeLog:
    """The history of a Store's files, asked by the /changes page, the brief and `diff`."""

    def __init__(self, store: Store):
        self.store = store
        self._versions: dict[tuple[str, str], list[Version]] = {}
        self._pairs: dict[tuple[str, str], tuple[Changes, dict]] = {}

    def _history(self) -> History | Ledger:
        return History.of(self.store.files()) or Ledger(self.store)

    def versions(self, current: str) -> list[Version]:
        """Every version, oldest first, listed again only when the served version or the history
        (a new commit, a ledger line) has changed. A pinned version (views/pins.py) is served beside
        the current one: each keeps its listing."""
        with self._history() as history:
            key = (current, history.fingerprint())
            if key not in self._versions:
                if len(self._versions) >= CACHED_LISTINGS:
                    self._versions.clear()
                self._versions[key] = history.versions()
        return self._versions[key]

    def cited(self, version_id: str, lang: str = DEFAULT) -> str:
        """How a memo cites a data version: 'Data version 388d3a2f2827142c of 2026-12-06' (its date
        from the history; not in it yet, the id alone), in `lang`."""
        found = self.version(version_id)
        _ = translator(lang).gettext
        if found is None:
            return _("Data version %(id)s") % {"id": version_id}
        return _("Data version %(id)s of %(day)s") % {"id": version_id, "day": found.when.date().isoformat()}

    def version(self, version_id: str) -> Version | None:
        """The version with this id, if the history has it."""
        return next((v for v in reversed(self.versions(version_id)) if v.id == version_id), None)

    def compare(self, since: str, current: str) -> Comparison | None:
        """The changes from the version `since` names (else the one before `current`) to `current`.
        None when there is no earlier version to compare with."""
        versions = self.versions(current)
        new = next((version for version in reversed(versions) if version.id == current), None)
        if new is None:
            return None
        earlier = versions[: versions.index(new)]
        old = find(versions, since) if since else None
        unmatched = bool(since) and old not in earlier
        old = old if old in earlier else earlier[-1] if earlier else None
        if old is None:
            return None
        key = (old.id, new.id)
        if key not in self._pairs:
            if len(self._pairs) >= CACHED_PAIRS:
                self._pairs.clear()
            with self._history() as history:
                before, after = history.records(old), history.records(new)
            self._pairs[key] = (compare(before, after), {**before, **after})
        changes, records = self._pairs[key]
        return Comparison(changes, old, new, records, versions, unmatched)
