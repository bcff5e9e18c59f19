"""What the explorer says about `since=` and `v=`: how many events are new or changed (in the
notices, a polite live region), which were removed (beside the chart), and the pinned version."""

from __future__ import annotations

from dash import html

from ..views.catalog import View
from ..views.pins import PinNote
from ..views.since import CHANGED, NEW


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' * (number != 1)}"


def since_notice(view: View) -> html.P | None:
    """'5 events new or changed since data version … of … (2 new, 3 changed).': the view's events."""
    marks = view.marks
    if marks is None:
        return None
    kinds = [marks.kinds.get(event_id) for event_id in view.frame["id"].to_numpy()[view.positions]]
    new, changed = kinds.count(NEW), kinds.count(CHANGED)
    text = f"{_count(new + changed, 'event')} new or changed {marks.since_words}"
    detail = f" ({new} new, {changed} changed)." if new + changed else "."
    return html.P(text + detail, className="notice since-notice")


def removed_words(view: View) -> list:
    """The events removed since then, in words, and a link to the page of every change."""
    marks = view.marks
    if marks is None:
        return []
    link = html.A("What changed, field by field", href=f"/changes?since={marks.old.id}")
    if not marks.removed:
        return [html.Span("No event was removed since then. "), link]
    names = "; ".join(f"{event['title']} ({event['date']})" for event in marks.removed)
    return [html.Span(f"Removed {marks.since_words}: {names}. "), link]


def pin_notice(note: PinNote | None) -> html.P | None:
    if note is None:
        return None
    return html.P([note.text + " ", html.A(note.link_text, href=note.href)], className="notice pin-notice")
