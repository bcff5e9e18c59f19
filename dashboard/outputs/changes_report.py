"""What changed between two versions, in words: for the command line and the memo that cites them."""

from __future__ import annotations

import json

from ..core.changes import Changes
from ..core.history import UNCOMMITTED, Version


def version_words(version: Version) -> str:
    """'685144cd… of 2026-12-02 (commit 310fec0)': what a memo cites."""
    where = "not yet committed" if version.commit == UNCOMMITTED else f"commit {version.commit[:7]}"
    return f"{version.id} of {version.when.date().isoformat()} ({where})"


def _value(value: object) -> str:
    if value is None:
        return "(none)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def changes_text(changes: Changes, old: Version, new: Version, titles: dict[str, str]) -> str:
    """The changes as lines: a heading, then + added, - removed, ~ changed with each field old → new.
    `titles` names each event (the newer title, else the older)."""
    counts = f"{len(changes.added)} added, {len(changes.removed)} removed, {len(changes.changed)} changed"
    lines = [f"Changes from {version_words(old)}", f"          to {version_words(new)}: {counts}"]
    lines += [f"+ {event_id}  {titles[event_id]}" for event_id in changes.added]
    lines += [f"- {event_id}  {titles[event_id]}" for event_id in changes.removed]
    for event_id, fields in changes.changed.items():
        lines.append(f"~ {event_id}  {titles[event_id]}")
        lines += [f"    {change.name}: {_value(change.old)} → {_value(change.new)}" for change in fields]
    return "\n".join(lines) + "\n"
