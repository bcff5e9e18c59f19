"""The look every figure shares: fonts, symbols, sizes, the base layout and date axis, lanes."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

from ..core.colors import SAFE_COLORS
from ..core.days import plotly_day
from ..core.i18n import DEFAULT, N_, translator
from ..core.model import Domain

SYMBOLS = ("circle", "diamond", "square", "triangle-up", "pentagon", "hexagon", "star", "cross")
SIZES = {1: 9, 2: 13, 3: 18}
FONT = "'Noto Sans', 'Noto Sans CJK JP', 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif"
# The axis's date ticks by their step, as d3-time-format patterns (%d / %-d: day, %b: month name,
# %-m: month number, %Y: year), translated: Japanese and Chinese write 2018年7月, not 7月 2018.
TICK_PATTERNS = (N_("%d %b %Y"), N_("%b %Y"), "%Y")
TICK_STEPS = ([None, 86_400_000 * 28], [86_400_000 * 28, "M11"], ["M12", None])
TICK_FORMATS = [
    {"dtickrange": steps, "value": pattern} for steps, pattern in zip(TICK_STEPS, TICK_PATTERNS, strict=True)
]
DAY_MS = 86_400_000
HOVER = "%{customdata[1]}<br><b>%{customdata[2]}</b><br>%{customdata[3]}<extra></extra>"
LABEL_SIZE = 13


def domain_colors(domains: Sequence[Domain]) -> dict[str, str]:
    """Each domain's declared colour, else a colour-blind-safe default by position."""
    return {d.id: d.color or SAFE_COLORS[i % len(SAFE_COLORS)] for i, d in enumerate(domains)}


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


def shown_lanes(
    frame: pd.DataFrame, domains: Sequence[Domain], shown: Collection[str] | None
) -> list[Domain]:
    """The domains that get a lane: those shown (all when `shown` is None) that hold an event."""
    present = set(frame["domains"].explode())
    return [d for d in domains if (shown is None or d.id in shown) and d.id in present]


def base_layout(height: int) -> dict:
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


def x_axis(first: pd.Timestamp, last: pd.Timestamp, x_range: tuple[str, str] | None) -> dict:
    total = max(last - first, pd.Timedelta(days=365))
    pad = total * 0.04
    return {
        "type": "date",
        "range": list(x_range) if x_range else [plotly_day(first - pad), plotly_day(last + pad)],
        "minallowed": plotly_day(first - total),
        "maxallowed": plotly_day(last + total),
        "tickformatstops": TICK_FORMATS,
        "showgrid": True,
        "gridcolor": "#e6e9ed",
        "zeroline": False,
        "automargin": True,
    }


def with_tick_formats(figure: dict, lang: str) -> dict:
    """The figure with its date axis's tick patterns in `lang` (the same figure in English)."""
    axis = figure.get("layout", {}).get("xaxis", {})
    if lang == DEFAULT or "tickformatstops" not in axis:
        return figure
    gettext = translator(lang).gettext
    stops = [{**stop, "value": gettext(stop["value"])} for stop in axis["tickformatstops"]]
    return {**figure, "layout": {**figure["layout"], "xaxis": {**axis, "tickformatstops": stops}}}
