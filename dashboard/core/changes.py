"""What changed between two versions of a chronology: events added, removed and changed, field by field."""

from __future__ import annotations

from dataclasses import dataclass, field

from .event_file import file_fields
from .model import Dataset


def event_records(dataset: Dataset) -> dict[str, dict]:
    """Each event as its file writes it (dates at their precision), by id."""
    return {event.id: file_fields(event) for event in dataset.events}


@dataclass(frozen=True)
class FieldChange:
    """One field of one event, before and after (None: the field was not set)."""

    name: str
    old: object
    new: object


@dataclass(frozen=True)
class Changes:
    """The difference from an older version of the events to a newer one."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: dict[str, tuple[FieldChange, ...]] = field(default_factory=dict)


def compare(old: dict[str, dict], new: dict[str, dict]) -> Changes:
    """The changes from `old` to `new` (event records by id), in the newer file's order."""
    changed = {}
    for event_id, record in new.items():
        before = old.get(event_id)
        if before is None or before == record:
            continue
        names = list(dict.fromkeys([*before, *record]))
        changed[event_id] = tuple(
            FieldChange(name, before.get(name), record.get(name))
            for name in names
            if before.get(name) != record.get(name)
        )
    return Changes(
        added=tuple(event_id for event_id in new if event_id not in old),
        removed=tuple(event_id for event_id in old if event_id not in new),
        changed=changed,
    )
