"""What each trace of a figure is (its `meta.kind`), finding and ringing an event's marks, and how
many marks a frame would draw.

Two conventions every figure keeps, relied on by the catalog and the explorer:
each trace names what it draws in `meta.kind` (one of the constants below), and a timeline's last
trace is the selection ring, so a change of selection is sent as a one-trace patch.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

MAX_MARKS = 2500
POINT = "point"  # an event dated to a point: one marker per event, customdata rows are events
SPAN = "span"  # an event with an end: one bar per event, customdata rows are events
PRECISION = "precision"  # the faint band over the year or month a vague point stands for
ECHO = "echo"  # an event again in its other domains' lanes: small, faint, unlabelled
COUNT = "count"  # a bar of counts per period (the figure past MAX_MARKS)
PATH = "path"  # the line joining a story's stops so far
GRID = "grid"  # a faint line along each lane
RELATIONS = "relations"  # curves to the selected event's related marks: always just before the ring
CHANGE = "change"  # the ring around each event new or changed since an earlier version
SELECTION = "selection"  # the ring around the selected event: always the last trace
EVENT_MARKS = frozenset({POINT, SPAN})


def kind(trace: dict) -> str | None:
    """What the trace draws (its meta.kind), None for a trace of no kind."""
    return trace.get("meta", {}).get("kind")


def selection_index(figure: dict) -> int | None:
    """Where the selection ring is in the figure: its last trace, or None if it has none."""
    data = figure["data"]
    return len(data) - 1 if data and kind(data[-1]) == SELECTION else None


def selected_indexes(figure: dict) -> list[int]:
    """The traces a change of selection redraws: the relation links (if the figure has them) and the ring."""
    ring = selection_index(figure)
    if ring is None:
        return []
    return [ring - 1, ring] if ring and kind(figure["data"][ring - 1]) == RELATIONS else [ring]


def mark_count(frame: pd.DataFrame, shown: Collection[str] | None = None) -> int:
    """How many marks the frame would draw (an event counts once per lane it is in)."""
    sizes = (
        frame["domains"].map(len)
        if shown is None
        else frame["domains"].map(lambda d: len(set(d) & set(shown)))
    )
    return int(sizes.sum())


SELECTION_RING = {"size": 28, "color": "rgba(0,0,0,0)", "line": {"color": "#111", "width": 3}}


def ring_trace(marks: list[tuple[str, float]], marker: dict, kind: str) -> dict:
    """A ring (`marker`) around each of these marks, taking no hover; `kind` names the trace."""
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [x for x, _ in marks],
        "y": [y for _, y in marks],
        "marker": marker,
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"kind": kind},
    }


def selection_trace(marks: list[tuple[str, float]]) -> dict:
    """A ring around each mark of the selected event."""
    return ring_trace(marks, SELECTION_RING, SELECTION)


def mark_positions(figure: dict) -> dict[str, list[tuple[str, float]]]:
    """Where each event's marks sit in a built figure: (x, y) per lane."""
    found: dict[str, list[tuple[str, float]]] = {}
    for trace in figure["data"]:
        if kind(trace) in EVENT_MARKS:
            xs = trace["base"] if trace["type"] == "bar" else trace["x"]
            for row, x, y in zip(trace["customdata"], xs, trace["y"], strict=True):
                found.setdefault(row[0], []).append((x, y))
    return found
