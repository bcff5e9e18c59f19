"""Quiet curved links between related events' marks: the selected event's, or those along a story's path."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .marks import RELATIONS

STEPS = 16  # points along each curve
DIP_PX = 16  # how far a link between two marks of one lane bows below the lane (its name's room)
NEAR_PX = 10  # marks closer than this (an event of the same month) are joined by a loop beside them
COLOR = "rgba(82,96,109,0.55)"
Position = tuple[str, float]  # a mark's x (a day) and y


def _minutes(x: str) -> int:
    return int(np.datetime64(x, "m").astype(np.int64))


def _curve(start: Position, end: Position, px_minutes: float, loops: int) -> tuple[list[str], list[float]]:
    """A cubic curve from one mark to another: an S between lanes, a shallow dip within one, and a
    loop below where the two marks (nearly) coincide (events of one month), so the link is still seen
    (each further loop at the same spot wider, `loops` being how many are drawn already)."""
    (x0, y0), (x1, y1) = start, end
    t0, t1 = _minutes(x0), _minutes(x1)
    mid = (t0 + t1) / 2
    dip = DIP_PX if y0 == y1 else 0.0
    c1, c2 = (mid, y0 - dip), (mid, y1 - dip)
    if abs(t1 - t0) < NEAR_PX * px_minutes:
        grow = 1 + 0.5 * loops
        bow, drop = 5 * grow * NEAR_PX * px_minutes, 2.5 * grow * DIP_PX
        c1, c2 = (mid - bow, y0 - drop), (mid + bow, y1 - drop if y0 == y1 else y1)
    s = np.linspace(0.0, 1.0, STEPS)[:, None]
    points = (1 - s) ** 3 * (t0, y0) + 3 * s * (1 - s) ** 2 * c1 + 3 * s**2 * (1 - s) * c2 + s**3 * (t1, y1)
    minutes = np.rint(points[:, 0]).astype("datetime64[m]")
    return [text.replace("T", " ") for text in np.datetime_as_string(minutes).tolist()], points[:, 1].round(
        2
    ).tolist()


def relation_trace(
    positions: dict[str, Sequence[Position]],
    pairs: Iterable[tuple[str, str]],
    x_range: Sequence[str] | None = None,
    plot_px: float = 880,
) -> dict:
    """A line trace joining the marks of each related pair of event ids drawn in the figure, curves
    apart by None; `x_range` and `plot_px` size the loops of coinciding marks. It takes no hover: at
    its ends it would take the marks' own (the detail names each relation)."""
    low, high = (_minutes(x[:10]) for x in x_range) if x_range else (0, 0)
    px_minutes = (high - low) / plot_px
    xs: list = []
    ys: list = []
    drawn: set[frozenset] = set()
    spots: list[tuple] = []  # the ends of each curve drawn, to widen loops that share them
    for one, other in pairs:
        key = frozenset((one, other))
        if one == other or key in drawn or not positions.get(one) or not positions.get(other):
            continue
        drawn.add(key)
        ends = positions[one][0], positions[other][0]
        curve_x, curve_y = _curve(*ends, px_minutes, spots.count(ends))
        spots.append(ends)
        xs += [*curve_x, None]
        ys += [*curve_y, None]
    return {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": ys,
        "line": {"color": COLOR, "width": 1.5},
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"kind": RELATIONS},
    }
