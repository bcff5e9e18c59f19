"""A story's figure: the stops so far joined in order, the chart opened on the current stop."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..core.days import plotly_day
from ..core.eras import Band
from ..core.model import Domain
from .marks import EVENT_MARKS, PATH, kind, mark_positions
from .relations import relation_trace
from .timeline import timeline_figure

PROJECTOR_SIZE = 16
PRESENT_SIZE = 20  # present mode: full screen at 1920×1080, read from the back of a classroom
STOP_PAD_SHARE = 0.15  # a story stop's window: its neighbours' span, padded by this share
STOP_PAD_DAYS = 120
EDGE_SHARE = 0.04  # past the story's first and last events only this share of the window: no empty months
STORY_PLOT_PX = 520  # the story chart's plot width at 1280 px, where it stands beside the stop's card
PRESENT_PLOT_PX = 800  # and at 1920 px, in present mode


def _projector_type(layout: dict, size: int) -> None:
    """Story mode is read from the back of a room: axis, lane names and labels at `size` px."""
    layout["font"] = {**layout["font"], "size": size}
    layout["xaxis"]["tickfont"] = {"size": size}
    for annotation in layout["annotations"]:
        annotation["font"] = {**annotation.get("font", {}), "size": size}


def _stop_window(rows: pd.DataFrame, path: Sequence[str], number: int) -> tuple[str, str]:
    """The window a stop opens on: the stop and its neighbours, padded, not far past the story's ends."""
    when = rows.set_index("id")["mid"]
    near = [event_id for event_id in path[max(number - 2, 0) : number + 1] if event_id in when.index]
    low, high = when[near].min(), when[near].max()
    pad = max((high - low) * STOP_PAD_SHARE, pd.Timedelta(days=STOP_PAD_DAYS))
    edge = (high - low + 2 * pad) * EDGE_SHARE
    first, last = rows["start"].min() - edge, rows["last_day"].max() + edge
    return plotly_day(max(low - pad, first)), plotly_day(min(high + pad, last))


def story_figure(
    frame: pd.DataFrame,
    domains: Sequence[Domain],
    path: Sequence[str],
    number: int,
    present: bool = False,
    pairs: Iterable[tuple[str, str]] = (),
    bands: Sequence[Band] = (),
) -> dict:
    """A story's events: the stops so far solid and joined in order, the rest faint, the current ringed,
    and the related `pairs` among them linked by quiet curves.

    `present` sizes it for present mode (a full 1920×1080 screen: wider chart, larger type);
    `bands`: the eras behind the lanes."""
    rows = frame[frame["id"].isin(path)]
    current = path[number - 1]
    size, plot_px = (PRESENT_SIZE, PRESENT_PLOT_PX) if present else (PROJECTOR_SIZE, STORY_PLOT_PX)
    window = _stop_window(rows, path, number)
    figure = timeline_figure(
        rows, domains, selected=current, plot_px=plot_px, label_size=size, bands=bands, opening=window
    )
    visited = set(path[:number])
    for trace in figure["data"]:
        if kind(trace) in EVENT_MARKS:
            trace["marker"]["opacity"] = [1.0 if row[0] in visited else 0.22 for row in trace["customdata"]]
    _projector_type(figure["layout"], size)
    # Open on the stop (the overview strip keeps the whole story); plotly eases from stop to stop.
    figure["layout"]["xaxis"]["range"] = list(window)
    figure["layout"]["uirevision"] = f"stop-{number}"
    positions = mark_positions(figure)
    figure["data"][-2] = relation_trace(positions, pairs, figure["layout"]["xaxis"]["range"], plot_px)
    steps = [positions[event_id][0] for event_id in path[:number] if event_id in positions]
    figure["data"].insert(
        1,
        {
            "type": "scatter",
            "mode": "lines",
            "x": [x for x, _ in steps],
            "y": [y for _, y in steps],
            "line": {"color": "#1f2933", "width": 2},
            "hoverinfo": "skip",
            "showlegend": False,
            "meta": {"kind": PATH},
        },
    )
    return figure
