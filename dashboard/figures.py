"""Events → a plotly timeline figure (as a plain dict): one lane per domain, points and spans."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

import numpy as np
import pandas as pd

from .model import Domain

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
SAFE_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
SYMBOLS = ("circle", "diamond", "square", "triangle-up", "pentagon", "hexagon", "star", "cross")
SIZES = {1: 9, 2: 13, 3: 18}
ROW_OFFSETS = (0.0, 0.24, -0.24, 0.12, -0.12, 0.36, -0.36)
LANE_HEIGHT = 92
FONT = "'Noto Sans', 'Noto Sans CJK JP', 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif"
TICK_FORMATS = [
    {"dtickrange": [None, 86_400_000 * 28], "value": "%d %b %Y"},
    {"dtickrange": [86_400_000 * 28, "M11"], "value": "%b %Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]
MAX_MARKS = 2500
DAY_MS = 86_400_000
HOVER = "%{customdata[1]}<br><b>%{customdata[2]}</b><br>%{customdata[3]}<extra></extra>"


def domain_colors(domains: Sequence[Domain]) -> dict[str, str]:
    """Each domain's declared colour, else a colour-blind-safe default by position."""
    return {d.id: d.color or SAFE_COLORS[i % len(SAFE_COLORS)] for i, d in enumerate(domains)}


def _pack_rows(starts: np.ndarray, ends: np.ndarray, gap: int) -> list[float]:
    """Offsets within a lane so that marks close in time do not sit on top of each other."""
    row_ends: list[int] = []
    offsets = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        row = next((i for i, row_end in enumerate(row_ends) if row_end + gap < start), None)
        if row is None and len(row_ends) < len(ROW_OFFSETS):
            row_ends.append(end)
            row = len(row_ends) - 1
        elif row is None:
            row = min(range(len(row_ends)), key=row_ends.__getitem__)
        row_ends[row] = max(row_ends[row], end)
        offsets.append(ROW_OFFSETS[row])
    return offsets


def _lane_traces(lane: pd.DataFrame, y: np.ndarray, domain: Domain, color: str, symbol: str) -> list[dict]:
    spans = lane["is_span"].to_numpy()
    points = ~spans
    group = {"legendgroup": domain.id, "hovertemplate": HOVER, "hoverlabel": {"bgcolor": "white"}}
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": f"{domain.label} (periods)",
            "base": lane["start_iso"].to_numpy()[spans].tolist(),
            "x": lane["span_ms"].to_numpy()[spans].tolist(),
            "y": y[spans].tolist(),
            "width": 0.16,
            "marker": {"color": color, "opacity": 0.55, "line": {"color": color, "width": 1.5}},
            "customdata": lane["hover"].to_numpy()[spans].tolist(),
            "showlegend": False,
            "meta": {"kind": "span", "domain": domain.id},
            **group,
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": domain.label,
            "x": lane["start_iso"].to_numpy()[points].tolist(),
            "y": y[points].tolist(),
            "marker": {
                "color": color,
                "symbol": symbol,
                "size": lane["importance"].map(SIZES).to_numpy()[points].tolist(),
                "line": {"color": "white", "width": 1},
            },
            "customdata": lane["hover"].to_numpy()[points].tolist(),
            "meta": {"kind": "point", "domain": domain.id},
            **group,
        },
    ]
    return [trace for trace in traces if trace["customdata"]] or traces[1:]


def _links(positions: dict[str, list[tuple[str, float]]]) -> dict:
    """Thin connectors between the lanes of an event that belongs to several domains."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for marks in positions.values():
        if len(marks) > 1:
            xs += [x for x, _ in marks] + [None]
            ys += [y for _, y in marks] + [None]
    return {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": ys,
        "line": {"color": "#9aa3ad", "width": 1, "dash": "dot"},
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"kind": "links"},
    }


def empty_figure(message: str = "No events match these filters.") -> dict:
    """A figure that says why it is empty instead of showing blank axes."""
    return {
        "data": [],
        "layout": {
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "height": 220,
            "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
            "annotations": [
                {
                    "text": message,
                    "showarrow": False,
                    "font": {"size": 18, "color": "#444"},
                    "x": 0.5,
                    "y": 0.5,
                    "xref": "paper",
                    "yref": "paper",
                }
            ],
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
        },
    }


def _lanes(frame: pd.DataFrame, domains: Sequence[Domain], shown: Collection[str] | None) -> list[Domain]:
    present = set(frame["domains"].explode())
    return [d for d in domains if (shown is None or d.id in shown) and d.id in present]


def _base_layout(height: int) -> dict:
    return {
        "height": height,
        "margin": {"l": 8, "r": 12, "t": 8, "b": 36},
        "font": {"family": FONT, "size": 14, "color": "#1f2933"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hovermode": "closest",
        "dragmode": "pan",
        "showlegend": True,
        "legend": {
            "orientation": "h",
            "y": 1.0,
            "yanchor": "bottom",
            "x": 0,
            "itemclick": False,
            "itemdoubleclick": False,
        },
        "uirevision": "timeline",
    }


def _x_axis(first: pd.Timestamp, last: pd.Timestamp, x_range: tuple[str, str] | None) -> dict:
    total = max(last - first, pd.Timedelta(days=365))
    pad = total * 0.04
    return {
        "type": "date",
        "range": list(x_range)
        if x_range
        else [(first - pad).strftime("%Y-%m-%d"), (last + pad).strftime("%Y-%m-%d")],
        "minallowed": (first - total).strftime("%Y-%m-%d"),
        "maxallowed": (last + total).strftime("%Y-%m-%d"),
        "tickformatstops": TICK_FORMATS,
        "showgrid": True,
        "gridcolor": "#e6e9ed",
        "zeroline": False,
        "automargin": True,
    }


def mark_count(frame: pd.DataFrame, shown: Collection[str] | None = None) -> int:
    """How many marks the frame would draw (an event counts once per lane it is in)."""
    sizes = (
        frame["domains"].map(len)
        if shown is None
        else frame["domains"].map(lambda d: len(set(d) & set(shown)))
    )
    return int(sizes.sum())


def timeline_figure(
    frame: pd.DataFrame,
    domains: Sequence[Domain],
    selected: str | None = None,
    shown: Collection[str] | None = None,
    x_range: tuple[str, str] | None = None,
) -> dict:
    """The timeline: a lane per domain, markers for points, bars for spans, the selection ringed.

    `shown` limits the lanes to those domain ids; colours and symbols stay those of the full
    list. Past MAX_MARKS marks the figure shows honest counts instead (see `counts_figure`).
    The last trace is always the selection ring (empty when nothing is selected), so a
    selection change can be sent as a one-trace patch.
    """
    if frame.empty:
        return empty_figure()
    if mark_count(frame, shown) > MAX_MARKS:
        return counts_figure(frame, domains, shown, x_range)
    colors = domain_colors(domains)
    lanes = _lanes(frame, domains, shown)
    first, last = frame["start"].min(), frame["end"].max()
    starts = frame["start"].to_numpy().astype("datetime64[D]").astype(np.int64)
    ends = frame["end"].to_numpy().astype("datetime64[D]").astype(np.int64)
    gap = int(max((ends.max() - starts.min()), 365) * 0.012)
    traces: list[dict] = []
    positions: dict[str, list[tuple[str, float]]] = {}
    for index, domain in enumerate(lanes):
        in_lane = frame["domains"].map(lambda ids, d=domain.id: d in ids).to_numpy()
        lane = frame[in_lane]
        y = len(lanes) - 1 - index + np.array(_pack_rows(starts[in_lane], ends[in_lane], gap))
        for event_id, x, y_value in zip(
            lane["id"].tolist(), lane["start_iso"].tolist(), y.tolist(), strict=True
        ):
            positions.setdefault(event_id, []).append((x, y_value))
        symbol = SYMBOLS[domains.index(domain) % len(SYMBOLS)]
        traces += _lane_traces(lane, y, domain, colors[domain.id], symbol)
    traces.insert(0, _links(positions))
    traces.append(selection_trace(positions.get(selected, [])))
    layout = _base_layout(max(260, LANE_HEIGHT * len(lanes) + 110))
    layout["barmode"] = "overlay"
    layout["xaxis"] = _x_axis(first, last, x_range)
    layout["yaxis"] = {
        "tickvals": list(range(len(lanes))),
        "ticktext": [d.label for d in reversed(lanes)],
        "range": [-0.6, len(lanes) - 0.4],
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
        "automargin": True,
        "ticklabelstandoff": 6,
    }
    return {"data": traces, "layout": layout}


def _bin(frame: pd.DataFrame) -> tuple[pd.Series, str]:
    """Bin starts at a resolution that gives at most ~150 bins over the frame's period."""
    days = (frame["start"].max() - frame["start"].min()).days
    if days > 150 * 366:
        return frame["start"].dt.year // 10 * 10, "decade"
    if days > 150 * 31:
        return frame["start"].dt.year, "year"
    if days > 150:
        return frame["start"].dt.to_period("M").dt.start_time, "month"
    return frame["start"].dt.floor("D"), "day"


def counts_figure(
    frame: pd.DataFrame,
    domains: Sequence[Domain],
    shown: Collection[str] | None = None,
    x_range: tuple[str, str] | None = None,
) -> dict:
    """Too many events to draw one by one: counts per period and domain, and a note saying so."""
    colors = domain_colors(domains)
    lanes = _lanes(frame, domains, shown)
    bins, unit = _bin(frame)
    if unit in {"decade", "year"}:
        bins = pd.to_datetime(bins.astype(str) + "-01-01")
    width = {"decade": 3652, "year": 365, "month": 30, "day": 1}[unit]
    traces = []
    for domain in lanes:
        in_lane = frame["domains"].map(lambda ids, d=domain.id: d in ids).to_numpy()
        counts = bins[in_lane].value_counts().sort_index()
        traces.append(
            {
                "type": "bar",
                "name": domain.label,
                "x": (counts.index + pd.Timedelta(days=width / 2)).strftime("%Y-%m-%d").tolist(),
                "y": counts.to_numpy().tolist(),
                "width": width * DAY_MS * 0.9,
                "marker": {"color": colors[domain.id]},
                "hovertemplate": f"%{{y:,}} {escape(domain.label, quote=False)} events<extra></extra>",
                "meta": {"kind": "count", "domain": domain.id},
            }
        )
    layout = _base_layout(max(300, 70 * len(lanes) + 200))
    layout.update(
        barmode="stack",
        xaxis=_x_axis(frame["start"].min(), frame["end"].max(), x_range),
        yaxis={"title": {"text": f"events per {unit}"}, "fixedrange": True, "rangemode": "tozero"},
        annotations=[
            {
                "text": f"{len(frame):,} events: too many to draw one by one, so this shows counts "
                f"per {unit}. Zoom in or filter to see individual events.",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1.0,
                "yshift": 34,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 13, "color": "#52606d"},
                "name": "aggregated",
            }
        ],
    )
    layout["margin"]["t"] = 40
    layout["meta"] = {"zoomable": True}
    return {"data": traces, "layout": layout}


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


def story_figure(frame: pd.DataFrame, domains: Sequence[Domain], path: Sequence[str], number: int) -> dict:
    """A story's events: the stops so far solid and joined in order, the rest faint, the current ringed."""
    rows = frame[frame["id"].isin(path)]
    current = path[number - 1]
    figure = timeline_figure(rows, domains, selected=current)
    visited = set(path[:number])
    for trace in figure["data"]:
        if trace.get("meta", {}).get("kind") in {"point", "span"}:
            trace["marker"]["opacity"] = [1.0 if row[0] in visited else 0.22 for row in trace["customdata"]]
    positions = mark_positions(figure)
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
            "meta": {"kind": "path"},
        },
    )
    return figure
