"""What changed between two versions, in words: for the command line, the /changes page and the
memo that cites them."""

from __future__ import annotations

from ..core.history import UNCOMMITTED, Version
from ..views.change_log import Comparison
from ..views.since import named_event
from .pages import preview_tags, render


def version_words(version: Version) -> str:
    """'685144cd… of 2026-12-02 (commit 310fec0)': what a memo cites."""
    where = "not yet committed" if version.commit == UNCOMMITTED else f"commit {version.commit[:7]}"
    return f"{version.id} of {version.when.date().isoformat()} ({where})"


def field_text(value: object) -> str:
    """A field's value in one line: text as it is, a list's items joined by ';', a source's parts
    (outlet, title, date, URL, quote) by ',', unset as '(none)'."""
    if value is None:
        return "(none)"
    if isinstance(value, dict):
        return ", ".join(field_text(part) for part in value.values())
    if isinstance(value, list):
        return "; ".join(field_text(part) for part in value)
    return str(value)


def unmatched_words(since: str) -> str:
    return f"No earlier version matches “{since}”: the changes since the previous version follow."


def changes_text(found: Comparison) -> str:
    """The changes as lines: a heading, then + added, - removed, ~ changed with each field old → new."""
    changes, title = found.changes, lambda event_id: found.records[event_id]["title"]
    counts = f"{len(changes.added)} added, {len(changes.removed)} removed, {len(changes.changed)} changed"
    lines = [f"Changes from {version_words(found.old)}", f"          to {version_words(found.new)}: {counts}"]
    lines += [f"+ {event_id}  {title(event_id)}" for event_id in changes.added]
    lines += [f"- {event_id}  {title(event_id)}" for event_id in changes.removed]
    for event_id, fields in changes.changed.items():
        lines.append(f"~ {event_id}  {title(event_id)}")
        lines += [
            f"    {change.name}: {field_text(change.old)} → {field_text(change.new)}" for change in fields
        ]
    return "\n".join(lines) + "\n"


def _event(found: Comparison, event_id: str) -> dict:
    return named_event(found.records, event_id)


def changes_page(title: str, found: Comparison, since: str, assets: dict[str, str]) -> str:
    """The /changes page: the two versions, then the events added, removed and changed (each changed
    field before and after), and links to compare with each other version."""
    changes = found.changes
    changed = [
        {
            **_event(found, event_id),
            "fields": [(f.name, field_text(f.old), field_text(f.new)) for f in fields],
        }
        for event_id, fields in changes.changed.items()
    ]
    return render(
        "changes.html",
        title=f"What changed: {title}",
        tags=preview_tags(f"What changed: {title}", f"Changes since {version_words(found.old)}"),
        assets=assets,
        inline=False,
        dataset_title=title,
        notice=unmatched_words(since) if found.unmatched else "",
        old=version_words(found.old),
        new=version_words(found.new),
        added=[_event(found, event_id) for event_id in changes.added],
        removed=[_event(found, event_id) for event_id in changes.removed],
        changed=changed,
        others=[(v.id, version_words(v)) for v in reversed(found.versions) if v != found.new],
    )


def since_section(found: Comparison | None, since: str, shown: set[str]) -> dict:
    """The brief's "Changes since" section: the earlier version in words, then each event added,
    changed (with the names of its changed fields) or removed; `shown` are the ids the brief lists
    (linked to their rows). Without an earlier version, a notice says so."""
    if found is None:
        return {"old": since, "events": [], "notice": "No earlier version of the events is known."}

    def item(kind: str, event_id: str, fields: tuple = ()) -> dict:
        linked = event_id in shown
        return {**_event(found, event_id), "kind": kind, "linked": linked, "fields": [f.name for f in fields]}

    changes = found.changes
    items = [item("New", event_id) for event_id in changes.added]
    items += [item("Changed", event_id, fields) for event_id, fields in changes.changed.items()]
    items += [item("Removed", event_id) for event_id in changes.removed]
    notice = unmatched_words(since) if found.unmatched else ""
    return {"old": version_words(found.old), "events": items, "notice": notice}
