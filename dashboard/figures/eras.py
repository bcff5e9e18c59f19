"""Eras drawn behind a timeline's lanes: a light band per era (over every lane, or one lane's
marks with a domain) and its label in a strip of rows along the plot's top, kept for them.

Event labels stand in rows above their lanes, so the strip is the one place era labels cannot
meet them; two eras that overlap in time take different rows, and assets/js/eras.js cuts each
label to its band's width in the window shown, so no two labels meet either. The bands are shapes
that plotly clips to the plot; the labels start hidden and the browser lays them out.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

import numpy as np

from ..core.days import epoch_ms, plotly_days
from ..core.eras import Band
from .era_rows import strip_rows
from .label_room import text_px
from .placement import cut
from .theme import LABEL_SIZE

# Light enough that marks and labels keep their contrast over them, distinct from the lane colours.
COLORS = ("#7b6ca8", "#b08a3e", "#4f8a8b", "#a0616a", "#6b7f3a")
BAND_OPACITY = 0.07
HEAD_OPACITY = 0.22
LANE_BELOW_PX = 30  # a domain's band covers its lane's marks and name: from under the name…
LANE_ABOVE_PX = 12  # …to just above the marks (the lane's labels stand higher, over every band)


@dataclass(frozen=True)
class EraLayer:
    """What a figure adds for its eras: shapes, hidden labels, their data for the browser, the
    strip's height in px (0 with no eras) and the height of one of its rows."""

    shapes: list[dict]
    annotations: list[dict]
    meta: list[dict]
    strip_px: int
    row_px: int = 0


def era_font_px(label_size: int) -> int:
    """Era labels are set two px under the event labels, but at a projector's sizes as large as
    they are (story mode is read from the back of a room)."""
    return label_size if label_size > LABEL_SIZE else label_size - 2


def strip_row_px(label_size: int) -> int:
    """One row of the strip: an era label's box (its line, 1.5 em, and padding) and a px apart."""
    return math.ceil(era_font_px(label_size) * 1.5) + 3


def _days(window: tuple[str, str]) -> tuple[dt.date, dt.date]:
    low, high = (dt.date.fromisoformat(day[:10]) for day in window)
    return low, high


def _touching(bands: Sequence[Band], window: tuple[str, str]) -> list[Band]:
    low, high = _days(window)
    return [band for band in bands if band.first <= high and band.last >= low]


def _drawn(band: Band, row: int | None, color: str, lane_y: dict[str, float], row_px: int, size: int):
    """An era's band, its head in the strip (none without a row), its hidden label and its data."""
    days = np.array([band.first, band.last + dt.timedelta(days=1)], dtype="datetime64[D]")
    x0, x1 = plotly_days(days)
    common = {"type": "rect", "xref": "x", "x0": x0, "x1": x1, "layer": "below", "line": {"width": 0}}
    if band.domain is None:
        area = {"yref": "paper", "y0": 0, "y1": 1}
    else:
        area = {"yref": "y", "ysizemode": "pixel", "yanchor": lane_y[band.domain]}
        area |= {"y0": -LANE_BELOW_PX, "y1": LANE_ABOVE_PX}
    shapes = [{**common, **area, "fillcolor": color, "opacity": BAND_OPACITY, "name": "era"}]
    if row is not None:
        head = {"yref": "paper", "ysizemode": "pixel", "yanchor": 1, "y0": -(row + 1) * row_px + 1}
        head |= {"y1": -row * row_px - 1, "fillcolor": color, "opacity": HEAD_OPACITY, "name": "era-head"}
        shapes.append({**common, **head})
    label = {
        "text": escape(band.label, quote=False), "x": x0, "y": 1, "xref": "x", "yref": "paper",
        "xanchor": "left", "yanchor": "top", "yshift": -(row or 0) * row_px - 1, "showarrow": False,
        "font": {"size": size, "color": "#1f2933"}, "visible": False, "name": "era",
    }  # fmt: skip
    first, last = epoch_ms(days)
    lane = None if band.domain is None else lane_y[band.domain]
    data = {"id": band.id, "label": band.label, "x0": int(first), "x1": int(last), "row": row, "lane": lane}
    return shapes, label, data | {"color": color}


def era_layer(
    bands: Sequence[Band],
    lane_y: dict[str, float],
    window: tuple[str, str],
    label_size: int,
    opening: tuple[str, str] | None = None,
) -> EraLayer:
    """The eras that touch `window` (ISO days: all a reader can pan to) and whose lane is drawn,
    their strip as deep as the eras in `opening` (the range the chart opens on) need."""
    drawn = (b for b in bands if b.domain is None or b.domain in lane_y)
    kept = sorted(_touching(list(drawn), window), key=lambda b: (b.first, b.id))
    if not kept:
        return EraLayer([], [], [], 0)
    rows = strip_rows(kept, _touching(kept, opening or window))
    row_px, size = strip_row_px(label_size), era_font_px(label_size)
    shapes, annotations, meta = [], [], []
    for index, band in enumerate(kept):
        band_shapes, label, data = _drawn(band, rows[band], COLORS[index % len(COLORS)], lane_y, row_px, size)
        shapes += band_shapes
        annotations.append(label)
        meta.append(data)
    depth = max((row + 1 for row in rows.values() if row is not None), default=0)
    return EraLayer(shapes, annotations, meta, depth * row_px + 2 if depth else 0, row_px)


# assets/js/eras.js lays the labels out in the browser; a still chart drawn on the server before
# plotly.js (outputs/first_paint.py) gets the same layout here: keep these in step with it.
LABEL_MIN_PX = 28  # a shorter room says too little: the band stays unlabelled
LABEL_GAP_PX = 6
LABEL_PAD_PX = 4


def with_era_labels(
    annotations: list[dict], eras: Sequence[dict], x_of: Callable[[float], float], width: float
) -> list[dict]:
    """eras.js withEraLabels: each era's label at its band's first visible px (paper x), cut to the
    band's width there and to the next label in its row; hidden where that leaves too little room."""
    spans = []
    for era in eras:
        start, end = max(0.0, x_of(era["x0"])), min(width, x_of(era["x1"]))
        spans.append((start, end) if end - start >= LABEL_MIN_PX and era["row"] is not None else None)
    laid: list[dict] = []
    index = -1
    for annotation in annotations:
        if annotation.get("name") != "era":
            laid.append(annotation)
            continue
        index += 1
        era, span = eras[index], spans[index]
        end = span[1] if span else 0.0
        for other, near in zip(eras, spans, strict=True):
            if span and near and other is not era and other["row"] == era["row"] and near[0] > span[0]:
                end = min(end, near[0] - LABEL_GAP_PX)
        room = end - span[0] - LABEL_PAD_PX if span else 0.0
        if room < LABEL_MIN_PX:
            laid.append(dict(annotation, visible=False))
            continue
        size = annotation["font"]["size"]
        text = cut(era["label"], room, lambda words, size=size: text_px(words, size))
        x = span[0] / width + 0.001
        laid.append(dict(annotation, visible=True, xref="paper", x=x, text=escape(text, quote=False)))
    return laid
