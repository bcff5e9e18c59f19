"""New and changed events marked on a built timeline (the explorer's `since=`): a ring around each
one's mark, and its label and hover led by the word, so the mark is not told by colour alone.

Kept apart from timeline.py: it works on any built figure through marks.py's conventions."""

from __future__ import annotations

import copy
from html import escape

from .marks import CHANGE, EVENT_MARKS, kind, mark_positions, ring_trace, selected_indexes

WORDS = {"new": "New", "changed": "Changed"}
# An open symbol is stroked in the marker's colour; dark orange differs from every lane's colour
# and from the black selection ring, and the word in the label says it without colour.
RING = {"symbol": "circle-open", "size": 26, "color": "#c2410c", "line": {"width": 2.5}}


def change_trace(positions: list[tuple[str, float]]) -> dict:
    """A ring around each marked event's mark, drawn under the selection ring."""
    return ring_trace(positions, RING, CHANGE)


def with_change_marks(figure: dict, kinds: dict[str, str], since_words: str) -> dict:
    """A copy of the figure with the events in `kinds` ({id: 'new' | 'changed'}) marked: a ring, a
    word before the label ('New · …') and in the hover ('New since data version … of …')."""
    if not kinds or not figure["data"]:
        return figure
    result = copy.deepcopy(figure)
    for trace in result["data"]:
        if kind(trace) in EVENT_MARKS:
            for row in trace["customdata"]:
                if row[0] in kinds:
                    row[1] = f"<b>{WORDS[kinds[row[0]]]} {escape(since_words, quote=False)}</b><br>{row[1]}"
    for item in result["layout"].get("timeline", {}).get("labels", ()):
        word = WORDS.get(kinds.get(item["id"], ""))
        if word:
            item["text"] = f"{word} · {item['text']}"
            item["dated"] = f"{item['date']} · {word} · {item['dated'][len(item['date']) + 3 :]}"
    marked = [
        spot for event_id, spots in mark_positions(result).items() if event_id in kinds for spot in spots
    ]
    at = (selected_indexes(result) or [len(result["data"])])[0]  # before the links and the ring
    result["data"].insert(at, change_trace(marked))
    return result
