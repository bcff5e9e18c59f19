"""Events → a plotly timeline figure (as a plain dict): one lane per domain, points and spans."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

import numpy as np
import pandas as pd

from ..core.days import day_ms, plotly_days
from ..core.model import Domain
from .counts import counts_figure
from .marks import ECHO, MAX_MARKS, POINT, PRECISION, SPAN, mark_count, selection_trace
from .theme import (
    DAY_MS,
    HOVER,
    LABEL_SIZE,
    SIZES,
    SYMBOLS,
    base_layout,
    domain_colors,
    empty_figure,
    shown_lanes,
    x_axis,
)

LANE_HEIGHT = 118  # room for LABEL_ROWS rows of labels above a lane's marks (assets/labels.js)
LABEL_FIRST_ROW = 16  # px from a mark to its label's first row; rows are 22 px apart in labels.js
FOCUS_SHARE = 0.7
FOCUS_MIN_EVENTS = 8
FOCUS_MAX_PART = 0.4


def _lane_traces(lane: pd.DataFrame, y: float, domain: Domain, color: str, symbol: str) -> list[dict]:
    """A lane's marks: bars for spans; for points a faint band over the year or month that is all
    the source gives, and a mark at its middle, hollow when the date is not a day."""
    spans = lane["is_span"].to_numpy()
    points = ~spans
    vague = points & (lane["precision"].to_numpy() != "day")
    group = {"legendgroup": domain.id, "hovertemplate": HOVER, "hoverlabel": {"bgcolor": "white"}}
    hover = lane["hover"].to_numpy()
    extent_ms = (lane["last_day"] - lane["start"]).to_numpy().astype("timedelta64[ms]").astype(
        np.int64
    ) + DAY_MS
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": f"{domain.label} (dated to a year or month)",
            "base": lane["start_iso"].to_numpy()[vague].tolist(),
            "x": extent_ms[vague].tolist(),
            "y": [y] * int(vague.sum()),
            "width": 0.12,
            "marker": {"color": color, "opacity": 0.09, "line": {"width": 0}},
            "hoverinfo": "skip",
            "showlegend": False,
            "meta": {"kind": PRECISION, "domain": domain.id},
        },
        {
            "type": "bar",
            "orientation": "h",
            "name": f"{domain.label} (periods)",
            "base": lane["start_iso"].to_numpy()[spans].tolist(),
            "x": lane["span_ms"].to_numpy()[spans].tolist(),
            "y": [y] * int(spans.sum()),
            "width": 0.1,
            "marker": {"color": color, "opacity": 0.4, "line": {"color": color, "width": 1}},
            "customdata": hover[spans].tolist(),
            "showlegend": False,
            "meta": {"kind": SPAN, "domain": domain.id},
            **group,
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": domain.label,
            "x": lane["mid_iso"].to_numpy()[points].tolist(),
            "y": [y] * int(points.sum()),
            "marker": {
                "color": np.where(vague[points], "white", color).tolist(),
                "symbol": symbol,
                "size": lane["importance"].map(SIZES).to_numpy()[points].tolist(),
                "line": {"color": np.where(vague[points], color, "white").tolist(), "width": 2},
            },
            "customdata": hover[points].tolist(),
            "meta": {"kind": POINT, "domain": domain.id},
            **group,
        },
    ]
    return [trace for trace in traces if trace["y"]]


def _echo_trace(lane: pd.DataFrame, y: float, domain_id: str, color: str, symbol: str) -> dict:
    """The same events again in their other domains' lanes: small, faint and unlabelled."""
    return {
        "type": "scatter",
        "mode": "markers",
        "x": lane["mid_iso"].tolist(),
        "y": [y] * len(lane),
        "marker": {"color": "white", "symbol": symbol, "size": 8, "line": {"color": color, "width": 1.5}},
        "opacity": 0.6,
        "customdata": lane["hover"].tolist(),
        "hovertemplate": HOVER,
        "hoverlabel": {"bgcolor": "white"},
        "showlegend": False,
        "meta": {"kind": ECHO, "domain": domain_id},
    }


def _label_annotations(primary: pd.DataFrame, lane_y: dict[str, float]) -> tuple[list[dict], list[list]]:
    """A hidden label on a stem per event; assets/labels.js shows those that fit without overlap."""
    annotations, items = [], []
    for row in primary.itertuples():
        annotations.append(
            {
                "x": row.start_iso if row.is_span else row.mid_iso,
                "y": lane_y[row.lane],
                "text": escape(row.label, quote=False),
                "showarrow": True,
                "arrowhead": 0,
                "arrowwidth": 1,
                "arrowcolor": "#7b8794",
                "ax": 0,
                "ay": -LABEL_FIRST_ROW,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": LABEL_SIZE, "color": "#1f2933"},
                "bgcolor": "rgba(255,255,255,0.85)",
                "borderpad": 1,
                "visible": False,
                "name": "label",
            }
        )
        start_ms = day_ms(row.start)
        items.append(
            [
                row.id,
                row.label,
                int(row.importance),
                lane_y[row.lane],
                start_ms if row.is_span else int(row.mid_ms),
            ]
        )
    return annotations, items


def numbered(figure: dict, numbers: dict[str, int]) -> dict:
    """The figure with each event's label led by its number (e.g. its row in a printed table);
    the number also goes last in the label's meta item, for assets/labels.js to show alone
    where the whole label has no room."""
    items = figure["layout"].get("timeline", {}).get("labels")
    if not items:
        return figure
    labels = [a for a in figure["layout"]["annotations"] if a.get("name") == "label"]
    for item, annotation in zip(items, labels, strict=True):
        number = numbers.get(item[0])
        if number is not None:
            item[1] = f"{number} {item[1]}"
            item.append(str(number))
            annotation["text"] = f"<b>{number}</b> {annotation['text']}"
    return figure


def _lane_names(lanes: Sequence[Domain], lane_y: dict[str, float]) -> list[dict]:
    """Each lane's name under its line at the left, inside the plot, so phones keep the width."""
    return [
        {
            "text": f"<b>{escape(domain.label, quote=False)}</b>",
            "x": 0,
            "xref": "paper",
            "y": lane_y[domain.id],
            "yshift": -13,
            "xanchor": "left",
            "yanchor": "top",
            "showarrow": False,
            "font": {"size": 12, "color": "#52606d"},
            "name": "lane",
        }
        for domain in lanes
    ]


def focus_window(frame: pd.DataFrame) -> tuple[np.datetime64, np.datetime64] | None:
    """The shortest stretch holding FOCUS_SHARE of the events, when it is a small part of the whole:
    the chart opens on it (the overview strip below shows the rest). None: show everything."""
    times = np.sort(frame["mid"].to_numpy().astype("datetime64[D]").astype(np.int64))
    count = int(np.ceil(len(times) * FOCUS_SHARE))
    if len(times) < FOCUS_MIN_EVENTS:
        return None
    widths = times[count - 1 :] - times[: len(times) - count + 1]
    first = int(np.argmin(widths))
    low, high = times[first], times[first + count - 1]
    if high - low > FOCUS_MAX_PART * (times[-1] - times[0]):
        return None
    pad = max((high - low) * 0.08, 45)
    to_day = lambda days: np.datetime64(int(days), "D")  # noqa: E731
    return to_day(low - pad), to_day(high + pad)


def timeline_figure(
    frame: pd.DataFrame,
    domains: Sequence[Domain],
    selected: str | None = None,
    shown: Collection[str] | None = None,
    x_range: tuple[str, str] | None = None,
) -> dict:
    """The timeline: a lane per domain, each event labelled once in its first lane (echoed in the
    others), the dense stretch in focus over an overview strip of the whole span.

    `shown` limits the lanes to those domain ids; colours and symbols stay those of the full
    list. Past MAX_MARKS marks the figure shows honest counts instead (see `counts_figure`).
    The last trace is always the selection ring (empty when nothing is selected), so a
    selection change can be sent as a one-trace patch. Labels start hidden: assets/labels.js lays
    them out for the width and zoom the reader has.
    """
    if frame.empty:
        return empty_figure()
    if mark_count(frame, shown) > MAX_MARKS:
        return counts_figure(frame, domains, shown, x_range)
    colors = domain_colors(domains)
    lanes = shown_lanes(frame, domains, shown)
    lane_y = {d.id: float(len(lanes) - 1 - index) for index, d in enumerate(lanes)}
    first_lane = frame["domains"].map(lambda ids: next((d for d in ids if d in lane_y), None))
    traces: list[dict] = []
    positions: dict[str, list[tuple[str, float]]] = {}
    symbols = {d.id: SYMBOLS[domains.index(d) % len(SYMBOLS)] for d in lanes}
    for domain in lanes:
        symbol = symbols[domain.id]
        primary = frame[(first_lane == domain.id).to_numpy()]
        traces += _lane_traces(primary, lane_y[domain.id], domain, colors[domain.id], symbol)
        echoes = frame[frame["domains"].map(lambda ids, d=domain.id: d in ids).to_numpy()]
        echoes = echoes[(first_lane[echoes.index] != domain.id).to_numpy()]
        if len(echoes):
            traces.append(_echo_trace(echoes, lane_y[domain.id], domain.id, colors[domain.id], symbol))
        anchors = np.where(primary["is_span"], primary["start_iso"], primary["mid_iso"])
        for event_id, x in zip(primary["id"], anchors.tolist(), strict=True):
            positions[event_id] = [(x, lane_y[domain.id])]
    traces.append(selection_trace(positions.get(selected, [])))
    labelled = frame.assign(lane=first_lane.to_numpy())[first_lane.notna().to_numpy()]
    annotations, items = _label_annotations(labelled, lane_y)
    layout = base_layout(LANE_HEIGHT * len(lanes) + 150)
    layout.update(showlegend=False, barmode="overlay", annotations=_lane_names(lanes, lane_y) + annotations)
    layout["margin"].update(t=30, r=44, l=12)
    # The labels' data for assets/labels.js, under a key plotly.js does not know: Dash's Graph
    # hands plotly a deep copy of the layout on every update, and a copied `meta` (or any layout
    # array) makes plotly redraw everything although nothing changed.
    layout["timeline"] = {
        "labels": items,
        "lanes": [{"label": d.label, "color": colors[d.id], "symbol": symbols[d.id]} for d in lanes],
    }
    window = focus_window(frame) if x_range is None else None
    layout["xaxis"] = x_axis(frame["start"].min(), frame["last_day"].max(), x_range)
    if window:
        layout["xaxis"]["range"] = plotly_days(window)
    layout["xaxis"]["rangeslider"] = {"visible": True, "thickness": 0.12, "bgcolor": "#f5f7fa"}
    layout["yaxis"] = {
        "tickmode": "linear",  # a grid line per lane without a tickvals array (see "timeline" above)
        "tick0": 0,
        "dtick": 1,
        "showticklabels": False,
        "range": [-0.25, len(lanes) - 0.25],
        "fixedrange": True,
        "showgrid": True,
        "gridcolor": "#e6e9ed",
        "zeroline": False,
        "automargin": True,
        "ticklabelstandoff": 6,
    }
    return {"data": traces, "layout": layout}
