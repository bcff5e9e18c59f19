"""Events → a plotly timeline figure (as a plain dict): one lane per domain, points and spans."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

import numpy as np
import pandas as pd

from ..core.days import epoch_ms, plotly_days
from ..core.eras import Band
from ..core.i18n import DEFAULT, translator
from ..core.model import Domain
from .counts import counts_figure
from .eras import era_layer
from .hover import hover_data
from .label_room import FIRST_PX, ROW_PX, fit_rows, lane_positions, lane_rows
from .marks import ECHO, GRID, MAX_MARKS, POINT, PRECISION, SPAN, mark_count, selection_trace
from .relations import relation_trace
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

PLOT_PX = 880  # the explorer's plot width at 1280 px (958 at 1366): what lanes are sized for by default
MAX_OPEN_ROWS = 12  # rows of labels an interactive chart's lanes share, above one row per lane
MAX_STILL_ROWS = 30  # the same for a still chart (assets/js/flat.js adds rows where the browser needs more)
BOTTOM_PX = 34  # under the bottom lane's line: its name
SLIDER_SHARE = 0.12  # the overview strip's height, as a share of the plot's
FOCUS_SHARE = 0.7
FOCUS_MIN_EVENTS = 8
FOCUS_MAX_PART = 0.4


def _lane_traces(
    lane: pd.DataFrame, y: float, domain: Domain, color: str, symbol: str, lang: str
) -> list[dict]:
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
            "name": translator(lang).gettext("%(domain)s (dated to a year or month)")
            % {"domain": domain.label},
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


def _label_texts(row) -> tuple[str, str]:
    """A label as the flat chart shows it (a year-only point says its year) and as the upright one
    does, led by its date, since upright time is stretched and cannot be read off the axis."""
    flat = row.label_with_date if row.precision == "year" and not row.is_span else row.label
    return flat, f"{row.date_label} · {row.label}"


def _label_annotations(
    primary: pd.DataFrame, lane_y: dict[str, float], times: list[int], texts: list[tuple[str, str]]
) -> tuple[list[dict], list[dict]]:
    """A hidden label on a stem per event, and its data by name for assets/js/labels.js, which shows
    those that fit without overlap (`times`: where each label stands, in ms; `texts`: flat and dated)."""
    annotations, items = [], []
    for row, time, (flat, dated) in zip(primary.itertuples(), times, texts, strict=True):
        annotations.append(
            {
                "x": row.start_iso if row.is_span else row.mid_iso,
                "y": lane_y[row.lane],
                "text": escape(flat, quote=False),
                "showarrow": True,
                "arrowhead": 0,
                "arrowwidth": 1,
                "arrowcolor": "#7b8794",
                "ax": 0,
                "ay": -FIRST_PX,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": LABEL_SIZE, "color": "#1f2933"},
                "bgcolor": "rgba(255,255,255,0.85)",
                "borderpad": 1,
                "visible": False,
                "name": "label",
            }
        )
        items.append(
            {
                "id": row.id,
                "text": flat,
                "dated": dated,
                "date": row.date_label,
                "importance": int(row.importance),
                "y": lane_y[row.lane],
                "x": time,
            }
        )
    return annotations, items


def numbered(figure: dict, numbers: dict[str, int], always: bool = True) -> dict:
    """The figure with a number for each event (e.g. its row in a printed table). `always`: every
    label leads with it; else it shows only where the label has no room (and the event is listed
    under a still chart). assets/js/labels.js shows the number alone where the whole label does not fit."""
    timeline = figure["layout"].get("timeline", {})
    for item in timeline.get("labels", ()):
        number = numbers.get(item["id"])
        if number is not None:
            item["number"] = str(number)
    if timeline:
        timeline["numbered"] = always
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


def _grid_trace(lane_y: dict[str, float], axis: dict) -> dict:
    """A faint line along each lane (lanes are not evenly spaced, so the axis grid cannot draw them)."""
    low, high = axis["minallowed"], axis["maxallowed"]
    xs: list[str | None] = []
    ys: list[float | None] = []
    for y in lane_y.values():
        xs += [low, high, None]
        ys += [y, y, None]
    return {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": ys,
        "line": {"color": "#e6e9ed", "width": 1},
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"kind": GRID},
    }


def focus_window(frame: pd.DataFrame) -> tuple[np.datetime64, np.datetime64] | None:
    """The shortest stretch holding FOCUS_SHARE of the events, when it is a small part of the whole
    (None: show everything)."""
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


def _range_ms(x_range: Sequence[str]) -> tuple[float, float]:
    low, high = epoch_ms(np.array(x_range, dtype="datetime64[D]"))
    return float(low), float(high)


def timeline_figure(
    frame: pd.DataFrame,
    domains: Sequence[Domain],
    selected: str | None = None,
    shown: Collection[str] | None = None,
    x_range: tuple[str, str] | None = None,
    still: bool = False,
    plot_px: float = PLOT_PX,
    label_size: int = LABEL_SIZE,
    bands: Sequence[Band] = (),
    opening: tuple[str, str] | None = None,
    lang: str = DEFAULT,
) -> dict:
    """The timeline: a lane per domain, each event labelled once in its first lane (echoed in the
    others), each lane as tall as its labels need.

    An interactive chart opens on the dense stretch over an overview strip of the whole span when
    the whole span would leave titles unreadable. A `still` chart (briefs, images, embeds, HTML
    files: nobody zooms them) always shows the whole view, with no overview strip.
    `shown` limits the lanes to those domain ids; colours and symbols stay those of the full
    list. Past MAX_MARKS marks the figure shows honest counts instead (see `counts_figure`).
    The last trace is always the selection ring (empty when nothing is selected), so a
    selection change can be sent as a one-trace patch. `bands`: the eras drawn behind the lanes,
    their labels in a strip along the top (figures/eras.py) as deep as the eras in the range the
    chart opens on need (`opening`, when its caller sets the range: a story's stop). Labels start
    hidden: assets/js/labels.js lays them out for the width and zoom the reader has (`plot_px` is
    the width the lanes are sized for).
    """
    if frame.empty:
        return empty_figure()
    if mark_count(frame, shown) > MAX_MARKS:
        return counts_figure(frame, domains, shown, x_range, lang)
    frame = frame.assign(hover=hover_data(frame, domains))
    colors = domain_colors(domains)
    lanes = shown_lanes(frame, domains, shown)
    lane_index = {d.id: index for index, d in enumerate(reversed(lanes))}  # the bottom lane first
    first_lane = frame["domains"].map(lambda ids: next((d for d in ids if d in lane_index), None))
    labelled = frame.assign(lane=first_lane.to_numpy())[first_lane.notna().to_numpy()]
    texts = [_label_texts(row) for row in labelled.itertuples()]
    times = np.where(labelled["is_span"], epoch_ms(labelled["start"]), labelled["mid_ms"])
    axis = x_axis(frame["start"].min(), frame["last_day"].max(), x_range)

    flats, ranks = [flat for flat, _ in texts], labelled["importance"].tolist()
    lane_of = labelled["lane"].map(lane_index).tolist()

    def rows_at(shown_range: Sequence[str]) -> list[int]:
        return lane_rows(
            times, flats, ranks, lane_of, len(lanes), _range_ms(shown_range), plot_px, label_size
        )

    most = (MAX_STILL_ROWS if still else MAX_OPEN_ROWS) + len(lanes)
    rows = rows_at(axis["range"])
    if x_range is None and not still and sum(rows) > most:  # the whole span's titles do not fit
        window = focus_window(frame)
        if window:
            axis["range"] = plotly_days(window)
            rows = rows_at(axis["range"])
    row_px = max(ROW_PX, label_size + 9)
    positions, top = lane_positions(fit_rows(rows, most), row_px)
    lane_y = {d.id: positions[lane_index[d.id]] for d in lanes}
    reach = (axis["minallowed"], axis["maxallowed"])
    eras = era_layer(bands, lane_y, reach, label_size, opening or tuple(axis["range"]))
    top += eras.strip_px
    traces: list[dict] = [_grid_trace(lane_y, axis)]
    marks: dict[str, list[tuple[str, float]]] = {}
    symbols = {d.id: SYMBOLS[domains.index(d) % len(SYMBOLS)] for d in lanes}
    for domain in lanes:
        symbol = symbols[domain.id]
        primary = frame[(first_lane == domain.id).to_numpy()]
        traces += _lane_traces(primary, lane_y[domain.id], domain, colors[domain.id], symbol, lang)
        echoes = frame[frame["domains"].map(lambda ids, d=domain.id: d in ids).to_numpy()]
        echoes = echoes[(first_lane[echoes.index] != domain.id).to_numpy()]
        if len(echoes):
            traces.append(_echo_trace(echoes, lane_y[domain.id], domain.id, colors[domain.id], symbol))
        anchors = np.where(primary["is_span"], primary["start_iso"], primary["mid_iso"])
        for event_id, x in zip(primary["id"], anchors.tolist(), strict=True):
            marks[event_id] = [(x, lane_y[domain.id])]
    traces += [relation_trace({}, ()), selection_trace(marks.get(selected, []))]
    annotations, items = _label_annotations(labelled, lane_y, times.tolist(), texts)
    plot_height = top + BOTTOM_PX
    layout = base_layout(round(plot_height + 66 + (0 if still else plot_height * SLIDER_SHARE + 44)))
    annotations = _lane_names(lanes, lane_y) + annotations + eras.annotations
    layout.update(showlegend=False, barmode="overlay", annotations=annotations)
    layout["margin"].update(t=30, r=44, l=12)
    # The labels' data for assets/js/labels.js, under a key plotly.js does not know: Dash's Graph
    # hands plotly a deep copy of the layout on every update, and a copied `meta` (or any layout
    # array) makes plotly redraw everything although nothing changed.
    layout["timeline"] = {
        "labels": items,
        "lanes": [
            {"label": d.label, "color": colors[d.id], "symbol": symbols[d.id], "y": lane_y[d.id]}
            for d in lanes
        ],
    }
    if eras.meta:
        layout["shapes"] = eras.shapes
        layout["timeline"] |= {"eras": eras.meta, "eraStrip": eras.strip_px, "eraRow": eras.row_px}
    layout["xaxis"] = axis
    if still:
        layout["timeline"]["still"] = True
        layout["dragmode"] = False
        axis["fixedrange"] = True
    else:
        axis["rangeslider"] = {"visible": True, "thickness": SLIDER_SHARE, "bgcolor": "#f5f7fa"}
    layout["yaxis"] = {
        "showticklabels": False,
        "range": [-BOTTOM_PX, top],
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
    }
    return {"data": traces, "layout": layout}


def still_figure(
    frame: pd.DataFrame,
    domains: Sequence[Domain],
    shown: Collection[str] | None = None,
    numbers: dict[str, int] | None = None,
    plot_px: float = PLOT_PX,
    flat: bool = False,
    bands: Sequence[Band] = (),
    lang: str = DEFAULT,
) -> dict:
    """The whole view for a surface nobody zooms (brief, image, embed, HTML file): every event, each
    numbered, the number shown before every label when `numbers` are given (a brief's table rows),
    else only where a title has no room (the event is then listed under the chart). `flat`: never
    turned upright on a narrow screen (print and images)."""
    figure = timeline_figure(frame, domains, None, shown, still=True, plot_px=plot_px, bands=bands, lang=lang)
    if "timeline" not in figure["layout"]:
        return figure
    in_order = {event_id: number for number, event_id in enumerate(frame["id"], start=1)}
    numbered(figure, numbers or in_order, always=numbers is not None)
    figure["layout"]["timeline"]["flat"] = flat
    return figure
