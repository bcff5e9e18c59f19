"""Events → a plotly timeline figure (as a plain dict): one lane per domain, points and spans."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

import pandas as pd

from .model import Domain

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
SAFE_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
SYMBOLS = ("circle", "diamond", "square", "triangle-up", "pentagon", "hexagon", "star", "cross")
SIZES = {1: 9, 2: 13, 3: 18}
ROW_OFFSETS = (0.0, 0.24, -0.24, 0.12, -0.12, 0.36, -0.36)
LANE_HEIGHT = 92
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif"
TICK_FORMATS = [
    {"dtickrange": [None, 86_400_000 * 28], "value": "%d %b %Y"},
    {"dtickrange": [86_400_000 * 28, "M11"], "value": "%b %Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]
HOVER = "%{customdata[1]}<br><b>%{customdata[2]}</b><br>%{customdata[3]}<extra></extra>"


def domain_colors(domains: Sequence[Domain]) -> dict[str, str]:
    """Each domain's declared colour, else a colour-blind-safe default by position."""
    return {d.id: d.color or SAFE_COLORS[i % len(SAFE_COLORS)] for i, d in enumerate(domains)}


def _plain(text: str) -> str:
    """Escape text so plotly's pseudo-HTML in hover labels shows it literally."""
    return escape(text, quote=False)


def _pack_rows(lane: pd.DataFrame, gap: pd.Timedelta) -> list[float]:
    """Offsets within a lane so that marks close in time do not sit on top of each other."""
    row_ends: list[pd.Timestamp] = []
    offsets = []
    for start, end in zip(lane["start"], lane["end"], strict=True):
        row = next((i for i, row_end in enumerate(row_ends) if row_end + gap < start), None)
        if row is None and len(row_ends) < len(ROW_OFFSETS):
            row_ends.append(end)
            row = len(row_ends) - 1
        elif row is None:
            row = min(range(len(row_ends)), key=row_ends.__getitem__)
        row_ends[row] = max(row_ends[row], end)
        offsets.append(ROW_OFFSETS[row])
    return offsets


def _customdata(lane: pd.DataFrame, labels: dict[str, str]) -> list[list[str]]:
    return [
        [event_id, _plain(date), _plain(title), ", ".join(labels[d] for d in domains if d in labels)]
        for event_id, date, title, domains in zip(
            lane["id"], lane["date_label"], lane["title"], lane["domains"], strict=True
        )
    ]


def _lane_traces(
    lane: pd.DataFrame, y: list[float], domain: Domain, color: str, symbol: str, labels
) -> list[dict]:
    points, spans = ~lane["is_span"], lane["is_span"]
    y_series = pd.Series(y, index=lane.index)
    custom = pd.Series(_customdata(lane, labels), index=lane.index)
    group = {"legendgroup": domain.id, "hovertemplate": HOVER, "hoverlabel": {"bgcolor": "white"}}
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": f"{domain.label} (periods)",
            "base": lane.loc[spans, "start"].dt.strftime("%Y-%m-%d").tolist(),
            "x": (
                (lane.loc[spans, "end"] - lane.loc[spans, "start"]).dt.total_seconds() * 1000 + 86_400_000
            ).tolist(),
            "y": y_series[spans].tolist(),
            "width": 0.16,
            "marker": {"color": color, "opacity": 0.55, "line": {"color": color, "width": 1.5}},
            "customdata": custom[spans].tolist(),
            "showlegend": False,
            "meta": {"kind": "span", "domain": domain.id},
            **group,
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": domain.label,
            "x": lane.loc[points, "start"].dt.strftime("%Y-%m-%d").tolist(),
            "y": y_series[points].tolist(),
            "marker": {
                "color": color,
                "symbol": symbol,
                "size": lane.loc[points, "importance"].map(SIZES).tolist(),
                "line": {"color": "white", "width": 1},
            },
            "customdata": custom[points].tolist(),
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


def timeline_figure(
    frame: pd.DataFrame,
    domains: Sequence[Domain],
    selected: str | None = None,
    shown: Collection[str] | None = None,
) -> dict:
    """The timeline: a lane per domain, markers for points, bars for spans, the selection ringed.

    `shown` limits the lanes to those domain ids; colours and symbols stay those of the full list.
    """
    if frame.empty:
        return empty_figure()
    colors = domain_colors(domains)
    labels = {d.id: d.label for d in domains}
    lanes = [
        d
        for d in domains
        if (shown is None or d.id in shown) and frame["domains"].map(lambda ids, d=d: d.id in ids).any()
    ]
    first, last = frame["start"].min(), frame["end"].max()
    total = max(last - first, pd.Timedelta(days=365))
    gap = total * 0.012
    traces: list[dict] = []
    positions: dict[str, list[tuple[str, float]]] = {}
    for index, domain in enumerate(lanes):
        lane = frame[frame["domains"].map(lambda ids, d=domain: d.id in ids)]
        base = len(lanes) - 1 - index
        y = [base + offset for offset in _pack_rows(lane, gap)]
        for event_id, start, y_value in zip(lane["id"], lane["start"], y, strict=True):
            positions.setdefault(event_id, []).append((start.strftime("%Y-%m-%d"), y_value))
        symbol = SYMBOLS[domains.index(domain) % len(SYMBOLS)]
        traces += _lane_traces(lane, y, domain, colors[domain.id], symbol, labels)
    traces.insert(0, _links(positions))
    if selected in positions:
        traces.append(selection_trace(positions[selected]))
    pad = total * 0.04
    return {
        "data": traces,
        "layout": {
            "height": max(260, LANE_HEIGHT * len(lanes) + 110),
            "margin": {"l": 8, "r": 12, "t": 8, "b": 36},
            "font": {"family": FONT, "size": 14, "color": "#1f2933"},
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "barmode": "overlay",
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
            "xaxis": {
                "type": "date",
                "range": [(first - pad).strftime("%Y-%m-%d"), (last + pad).strftime("%Y-%m-%d")],
                "minallowed": (first - total).strftime("%Y-%m-%d"),
                "maxallowed": (last + total).strftime("%Y-%m-%d"),
                "tickformatstops": TICK_FORMATS,
                "showgrid": True,
                "gridcolor": "#e6e9ed",
                "zeroline": False,
                "automargin": True,
            },
            "yaxis": {
                "tickvals": list(range(len(lanes))),
                "ticktext": [d.label for d in reversed(lanes)],
                "range": [-0.6, len(lanes) - 0.4],
                "fixedrange": True,
                "showgrid": False,
                "zeroline": False,
                "automargin": True,
                "ticklabelstandoff": 6,
            },
            "uirevision": "timeline",
        },
    }


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


def _positions(figure: dict) -> dict[str, list[tuple[str, float]]]:
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
    positions = _positions(figure)
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
