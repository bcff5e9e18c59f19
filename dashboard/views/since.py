"""The explorer's `since=`: which events are new or changed since an earlier version, and which
were removed, read from the change log (git, else the server's ledger)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.dates import parse_partial_date
from ..core.history import Version, find
from ..core.i18n import DEFAULT
from ..core.local_dates import local_date
from ..core.shown import shown
from .change_log import ChangeLog, Comparison, version_name

NEW, CHANGED = "new", "changed"


def named_event(records: dict[str, dict], event_id: str, lang: str = DEFAULT) -> dict:
    """An event of either version as the pages name it, for a reader of `lang`: id, title (a Shown: in
    `lang` when the version's file has it, else marked), and the date at its precision as `lang`'s
    readers write it."""
    record = records[event_id]
    date = local_date(parse_partial_date(record["date"]), lang)
    return {"id": event_id, "title": shown(record["title"], lang), "date": date}


@dataclass(frozen=True)
class SinceMarks:
    """What changed since `old`: the kind of each new or changed event by id, and the removed ones
    named (id, title, date)."""

    old: Version
    kinds: dict[str, str]
    removed: tuple[dict, ...] = ()

    @property
    def since_words(self) -> str:
        """'since data version 3f9c… of 2026-12-06'."""
        return f"since {version_name(self.old)}"

    def old_words(self, lang: str) -> str:
        """The earlier version in `lang`'s words: 'data version 3f9c… of 2026-12-06'."""
        return version_name(self.old, lang)


def _marks(found: Comparison) -> SinceMarks:
    changes = found.changes
    kinds = dict.fromkeys(changes.added, NEW) | dict.fromkeys(changes.changed, CHANGED)
    removed = tuple(named_event(found.records, event_id) for event_id in changes.removed)
    return SinceMarks(found.old, kinds, removed)


def since_marks(change_log: ChangeLog, since: str, current: str) -> SinceMarks | None:
    """The changes from the version `since` names to `current`; None when it names no version up to
    `current` (since the current version itself, nothing is marked)."""
    versions = change_log.versions(current)
    old = find(versions, since)
    if old is None:
        return None
    if old.id == current:
        return SinceMarks(old, {})
    found = change_log.compare(old.id, current)
    return None if found is None or found.unmatched or found.old != old else _marks(found)
