"""What the explorer says about `since=` and `v=`: how many events are new or changed (in the
notices, a polite live region), which were removed (beside the chart), and the pinned version."""

from __future__ import annotations

from dash import html

from ..core.i18n import translator
from ..views.catalog import View
from ..views.pins import PinNote
from ..views.since import CHANGED, NEW


def since_notice(view: View) -> html.P | None:
    """'5 events new or changed since data version … of … (2 new, 3 changed).': the view's events."""
    marks = view.marks
    if marks is None:
        return None
    kinds = [marks.kinds.get(event_id) for event_id in view.frame["id"].to_numpy()[view.positions]]
    new, changed = kinds.count(NEW), kinds.count(CHANGED)
    translation = translator(view.state.lang)
    numbers = {"count": new + changed, "since": marks.since_words, "new": new, "changed": changed}
    if new + changed:
        text = translation.ngettext(
            "%(count)s event new or changed %(since)s (%(new)s new, %(changed)s changed).",
            "%(count)s events new or changed %(since)s (%(new)s new, %(changed)s changed).",
            new + changed,
        )
    else:
        text = translation.gettext("0 events new or changed %(since)s.")
    return html.P(text % numbers, className="notice since-notice")


def removed_words(view: View) -> list:
    """The events removed since then, in words, and a link to the page of every change."""
    marks = view.marks
    if marks is None:
        return []
    _ = translator(view.state.lang).gettext
    link = html.A(_("What changed, field by field"), href=f"/changes?since={marks.old.id}")
    if not marks.removed:
        return [html.Span(_("No event was removed since then. ")), link]
    names = _("; ").join(_("%(title)s (%(date)s)") % event for event in marks.removed)
    return [
        html.Span(_("Removed %(since)s: %(names)s. ") % {"since": marks.since_words, "names": names}),
        link,
    ]


def pin_notice(note: PinNote | None) -> html.P | None:
    if note is None:
        return None
    return html.P([note.text + " ", html.A(note.link_text, href=note.href)], className="notice pin-notice")
