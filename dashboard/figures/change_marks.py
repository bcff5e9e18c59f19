"""New and changed events marked on a built timeline (the explorer's `since=`): a ring around each
one's mark, and its label and hover led by the word, so the mark is not told by colour alone.

Kept apart from timeline.py: it works on any built figure through marks.py's conventions."""

from __future__ import annotations

import copy
from html import escape

from ..core.i18n import DEFAULT, translator
from .marks import CHANGE, EVENT_MARKS, kind, mark_positions, ring_trace, selected_indexes


def _words(lang: str) -> dict[str, tuple[str, str]]:
    """Each kind's word before a label, and its hover line ('New since %(version)s'), in `lang`."""
    _ = translator(lang).gettext
    return {
        "new": (_("New"), _("New since %(version)s")),
        "changed": (_("Changed"), _("Changed since %(version)s")),
    }


# An open symbol is stroked in the marker's colour; dark orange differs from every lane's colour
# and from the black selection ring, and the word in the label says it without colour.
RING = {"symbol": "circle-open", "size": 26, "color": "#c2410c", "line": {"width": 2.5}}


def change_trace(positions: list[tuple[str, float]]) -> dict:
    """A ring around each marked event's mark, drawn under the selection ring."""
    return ring_trace(positions, RING, CHANGE)


def with_change_marks(figure: dict, kinds: dict[str, str], version: str, lang: str = DEFAULT) -> dict:
    """A copy of the figure with the events in `kinds` ({id: 'new' | 'changed'}) marked: a ring, a
    word before the label ('New · …') and in the hover ('New since data version … of …': `version`
    names the earlier version), in `lang`."""
    if not kinds or not figure["data"]:
        return figure
    result, words = copy.deepcopy(figure), _words(lang)
    for trace in result["data"]:
        if kind(trace) in EVENT_MARKS:
            for row in trace["customdata"]:
                if row[0] in kinds:
                    line = words[kinds[row[0]]][1] % {"version": version}
                    row[1] = f"<b>{escape(line, quote=False)}</b><br>{row[1]}"
    for item in result["layout"].get("timeline", {}).get("labels", ()):
        word = words.get(kinds.get(item["id"], ""), ("",))[0]
        if word:
            item["text"] = f"{word} · {item['text']}"
            item["dated"] = f"{item['date']} · {word} · {item['dated'][len(item['date']) + 3 :]}"
    marked = [
        spot for event_id, spots in mark_positions(result).items() if event_id in kinds for spot in spots
    ]
    at = (selected_indexes(result) or [len(result["data"])])[0]  # before the links and the ring
    result["data"].insert(at, change_trace(marked))
    return result
