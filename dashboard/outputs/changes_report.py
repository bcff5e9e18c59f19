"""What changed between two versions, in words: for the command line, the /changes page and the
memo that cites them."""

from __future__ import annotations

from ..core.history import UNCOMMITTED, Version
from ..core.i18n import DEFAULT, translator
from ..core.shown import shown
from ..views.change_log import Comparison
from ..views.since import named_event
from .pages import preview_tags, render


def version_words(version: Version, lang: str = DEFAULT) -> str:
    """'685144cd… of 2026-12-02 (commit 310fec0)': what a memo cites, in `lang`."""
    _ = translator(lang).gettext
    where = (
        _("not yet committed")
        if version.commit == UNCOMMITTED
        else _("commit %(id)s") % {"id": version.commit[:7]}
    )
    return _("%(id)s of %(day)s (%(where)s)") % {
        "id": version.id,
        "day": version.when.date().isoformat(),
        "where": where,
    }


def field_text(value: object, lang: str = DEFAULT) -> str:
    """A field's value in one line: text as it is, a list's items joined by ';', a source's parts
    (outlet, title, date, URL, quote) by ',', unset as '(none)'."""
    if value is None:
        return translator(lang).gettext("(none)")
    if isinstance(value, dict):
        return ", ".join(field_text(part, lang) for part in value.values())
    if isinstance(value, list):
        return "; ".join(field_text(part, lang) for part in value)
    return str(value)


def unmatched_words(since: str, lang: str = DEFAULT) -> str:
    words = translator(lang).gettext(
        "No earlier version matches “%(since)s”: the changes since the previous version follow."
    )
    return words % {"since": since}


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


def changes_page(
    title: str,
    found: Comparison,
    since: str,
    assets: dict[str, str],
    lang: str = DEFAULT,
    languages: list | None = None,
) -> str:
    """The /changes page in `lang`: the two versions, then the events added, removed and changed
    (each changed field before and after), and links to compare with each other version; `title` the
    dataset's title (a Localized), `languages` the language switch's choices."""
    _ = translator(lang).gettext
    changes = found.changes
    changed = [
        {
            **named_event(found.records, event_id, lang),
            "fields": [(f.name, field_text(f.old, lang), field_text(f.new, lang)) for f in fields],
        }
        for event_id, fields in changes.changed.items()
    ]
    shown_title = shown(title, lang)
    page_title = _("What changed: %(title)s") % {"title": shown_title.text}
    since_words = _("Changes since %(version)s") % {"version": version_words(found.old, lang)}
    return render(
        "changes.html",
        lang=lang,
        file_lang=getattr(title, "language", lang),
        languages=languages or [],
        title=page_title,
        tags=preview_tags(page_title, since_words),
        assets=assets,
        inline=False,
        dataset_title=shown_title,
        notice=unmatched_words(since, lang) if found.unmatched else "",
        old=version_words(found.old, lang),
        new=version_words(found.new, lang),
        added=[named_event(found.records, event_id, lang) for event_id in changes.added],
        removed=[named_event(found.records, event_id, lang) for event_id in changes.removed],
        changed=changed,
        others=[(v.id, version_words(v, lang)) for v in reversed(found.versions) if v != found.new],
    )


def since_section(found: Comparison | None, since: str, shown_ids: set[str], lang: str = DEFAULT) -> dict:
    """The brief's "Changes since" section in `lang`: the earlier version in words, then each event
    added, changed (with the names of its changed fields) or removed; `shown_ids` are the ids the
    brief lists (linked to their rows). Without an earlier version, a notice says so."""
    _ = translator(lang).gettext
    if found is None:
        return {"old": since, "events": [], "notice": _("No earlier version of the events is known.")}

    def item(kind: str, event_id: str, fields: tuple = ()) -> dict:
        linked = event_id in shown_ids
        named = named_event(found.records, event_id, lang)
        return {**named, "kind": kind, "linked": linked, "fields": [f.name for f in fields]}

    changes = found.changes
    items = [item(_("New:"), event_id) for event_id in changes.added]
    items += [item(_("Changed:"), event_id, fields) for event_id, fields in changes.changed.items()]
    items += [item(_("Removed:"), event_id) for event_id in changes.removed]
    notice = unmatched_words(since, lang) if found.unmatched else ""
    return {"old": version_words(found.old, lang), "events": items, "notice": notice}
