"""Quiet curved links between related events' marks: the selected event's, or those along a story's path."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .marks import RELATIONS

STEPS = 16  # points along each curve
DIP_PX = 16  # how far a link between two marks of one lane bows below the lane (its name's room)
COLOR = "rgba(82,96,109,0.55)"
Position = tuple[str, float]  # a mark's x (a day) and y


def _curve(start: Position, end: Position) -> tuple[list[str], list[float]]:
    """A cubic curve from one mark to another: an S between lanes, a shallow dip within one."""
    (x0, y0), (x1, y1) = start, end
    t0, t1 = (np.datetime64(x, "m").astype(np.int64) for x in (x0, x1))
    dip = DIP_PX if y0 == y1 else 0.0
    s = np.linspace(0.0, 1.0, STEPS)
    # Bezier weights of P0, C1, C2, P1 with C1 = (mid, y0 - dip), C2 = (mid, y1 - dip).
    w0, w1, w2, w3 = (1 - s) ** 3, 3 * s * (1 - s) ** 2, 3 * s**2 * (1 - s), s**3
    mid = (t0 + t1) / 2
    times = w0 * t0 + (w1 + w2) * mid + w3 * t1
    ys = w0 * y0 + w1 * (y0 - dip) + w2 * (y1 - dip) + w3 * y1
    minutes = np.rint(times).astype("datetime64[m]")
    return [text.replace("T", " ") for text in np.datetime_as_string(minutes).tolist()], ys.round(2).tolist()


def relation_trace(
    positions: dict[str, Sequence[tuple[str, float]]], pairs: Iterable[tuple[str, str]]
) -> dict:
    """A line trace joining the marks of each related pair drawn in the figure (None between curves)."""
    xs: list = []
    ys: list = []
    drawn: set[frozenset] = set()
    for one, other in pairs:
        key = frozenset((one, other))
        if one == other or key in drawn or not positions.get(one) or not positions.get(other):
            continue
        drawn.add(key)
        curve_x, curve_y = _curve(positions[one][0], positions[other][0])
        xs += [*curve_x, None]
        ys += [*curve_y, None]
    return {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": ys,
        "line": {"color": COLOR, "width": 1.5, "shape": "linear"},
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"kind": RELATIONS},
    }
