"""Past MAX_MARKS marks: honest counts per period and domain instead of one mark per event."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

import numpy as np
import pandas as pd

from ..core.days import plotly_days
from ..core.i18n import DEFAULT, N_, translator
from ..core.model import Domain
from .marks import COUNT
from .theme import DAY_MS, base_layout, domain_colors, shown_lanes, x_axis

# The bars' unit, as the note says it ("counts per year") and as the y axis names it.
UNITS = {"decade": N_("decade"), "year": N_("year"), "month": N_("month"), "day": N_("day")}
PER_UNIT = {
    "decade": N_("events per decade"),
    "year": N_("events per year"),
    "month": N_("events per month"),
    "day": N_("events per day"),
}


def _bin(frame: pd.DataFrame) -> tuple[np.ndarray, str]:
    """Each event's bin, as the bin's first day, at a resolution that gives at most ~150 bins over the
    frame's period (numpy's calendar units: any year 1–9999)."""
    starts = frame["start"].to_numpy()
    days = (starts.max() - starts.min()) // np.timedelta64(1, "D")
    if days > 150 * 366:
        years = starts.astype("datetime64[Y]").astype(np.int64)  # years since 1970
        return ((years + 1970) // 10 * 10 - 1970).astype("datetime64[Y]").astype("datetime64[D]"), "decade"
    if days > 150 * 31:
        return starts.astype("datetime64[Y]").astype("datetime64[D]"), "year"
    if days > 150:
        return starts.astype("datetime64[M]").astype("datetime64[D]"), "month"
    return starts.astype("datetime64[D]"), "day"


def counts_figure(
    frame: pd.DataFrame,
    domains: Sequence[Domain],
    shown: Collection[str] | None = None,
    x_range: tuple[str, str] | None = None,
    lang: str = DEFAULT,
) -> dict:
    """Too many events to draw one by one: counts per period and domain, and a note saying so, in `lang`."""
    _ = translator(lang).gettext
    colors = domain_colors(domains)
    lanes = shown_lanes(frame, domains, shown)
    bins, unit = _bin(frame)
    width = {"decade": 3652, "year": 365, "month": 30, "day": 1}[unit]
    traces = []
    for domain in lanes:
        in_lane = frame["domains"].map(lambda ids, d=domain.id: d in ids).to_numpy()
        starts, counts = np.unique(bins[in_lane], return_counts=True)
        traces.append(
            {
                "type": "bar",
                "name": domain.label,
                "x": plotly_days(starts + np.timedelta64(width // 2, "D")),
                "y": counts.tolist(),
                "width": width * DAY_MS * 0.9,
                "marker": {"color": colors[domain.id]},
                "hovertemplate": _("%(count)s %(domain)s events")
                % {"count": "%{y:,}", "domain": escape(domain.label, quote=False)}
                + "<extra></extra>",
                "meta": {"kind": COUNT, "domain": domain.id},
            }
        )
    layout = base_layout(max(300, 70 * len(lanes) + 200))
    layout.update(
        barmode="stack",
        xaxis=x_axis(frame["start"].min(), frame["end"].max(), x_range),
        yaxis={"title": {"text": _(PER_UNIT[unit])}, "fixedrange": True, "rangemode": "tozero"},
        annotations=[
            {
                "text": _(
                    "%(count)s events: too many to draw one by one, so this shows counts per %(unit)s. "
                    "Zoom in or filter to see individual events."
                )
                % {"count": f"{len(frame):,}", "unit": _(UNITS[unit])},
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
    layout["timeline"] = {"zoomable": True}
    return {"data": traces, "layout": layout}
