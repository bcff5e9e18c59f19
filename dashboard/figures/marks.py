"""Finding and ringing an event's marks in a built figure, and how many marks a frame would draw."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

MAX_MARKS = 2500


def mark_count(frame: pd.DataFrame, shown: Collection[str] | None = None) -> int:
    """How many marks the frame would draw (an event counts once per lane it is in)."""
    sizes = (
        frame["domains"].map(len)
        if shown is None
        else frame["domains"].map(lambda d: len(set(d) & set(shown)))
    )
    return int(sizes.sum())


def selection_trace(marks: list[tuple[str, float]]) -> dict:
    """A ring around each mark of the selected event."""
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [x for x, _ in marks],
        "y": [y for _, y in marks],
        "marker": {"size": 28, "color": "rgba(0,0,0,0)", "line": {"color": "#111", "width": 3}},
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"kind": "selection"},
    }


def mark_positions(figure: dict) -> dict[str, list[tuple[str, float]]]:
    """Where each event's marks sit in a built figure: (x, y) per lane."""
    found: dict[str, list[tuple[str, float]]] = {}
    for trace in figure["data"]:
        if trace.get("meta", {}).get("kind") in {"point", "span"}:
            xs = trace["base"] if trace["type"] == "bar" else trace["x"]
            for row, x, y in zip(trace["customdata"], xs, trace["y"], strict=True):
                found.setdefault(row[0], []).append((x, y))
    return found
