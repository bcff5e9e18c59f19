"""Events → files people take away: CSV for spreadsheets, JSON, a self-contained HTML chart."""

from __future__ import annotations

import copy
import csv
import io
import json
import textwrap
from collections.abc import Iterable, Sequence
from html import escape

import pandas as pd
import plotly.io as pio

from ..core.event_file import file_fields
from ..core.frame import date_label
from ..core.model import Dataset, Domain, Event, Source
from ..figures.timeline import timeline_figure

CSV_COLUMNS = (
    "id",
    "date",
    "end",
    "date_label",
    "title",
    "label",
    "summary",
    "domains",
    "actors",
    "people",
    "tags",
    "importance",
    "related",
    "sources",
    "source_count",
)
# OWASP CSV injection: spreadsheets run cells that start with these as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HTML_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
}
CREDIT_CHARS_PER_LINE = 110
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
</head>
<body style="margin:0;font-family:system-ui,sans-serif">
{chart}
</body>
</html>
"""


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def source_text(source: Source) -> str:
    """One source on one line: outlet — title — date — url — “quote” (missing parts left out)."""
    quote = f"“{source.quote}”" if source.quote else None
    parts = (source.outlet, source.title, source.date and source.date.iso(), source.url, quote)
    return " — ".join(part for part in parts if part)


def events_csv(events: Iterable[Event], domains: Sequence[Domain]) -> str:
    """One row per event, lists joined by '; ', domains by label; safe to open in a spreadsheet."""
    labels = {domain.id: domain.label for domain in domains}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row = (
            event.id,
            event.date.iso(),
            event.end.iso() if event.end else "",
            date_label(event),
            event.title,
            event.label or "",
            event.summary,
            "; ".join(labels.get(domain, domain) for domain in event.domains),
            "; ".join(event.actors),
            "; ".join(event.people),
            "; ".join(event.tags),
            event.importance,
            "; ".join(event.related),
            " | ".join(source_text(source) for source in event.sources),
            len(event.sources),
        )
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def events_json(dataset: Dataset, events: Iterable[Event]) -> str:
    """The dataset's metadata and domains with the events, every date at its precision."""
    document = dataset.source_document
    data = {
        "title": dataset.title,
        "description": dataset.description,
        "source_document": file_fields(document) if document else None,
        "domains": [file_fields(domain) for domain in dataset.domains],
        "events": [file_fields(event) for event in events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def credit_line(dataset: Dataset) -> str:
    """'Source: <dataset title> — <source document title>, <outlet>', as plain text."""
    credit = f"Source: {dataset.title}"
    document = dataset.source_document
    if document:
        credit += " — " + ", ".join(part for part in (document.title, document.outlet) if part)
    return credit


def _overview_strip_px(layout: dict) -> int:
    """The height of the overview strip (plotly's range slider) that sits under the date axis."""
    slider = layout.get("xaxis", {}).get("rangeslider", {})
    if not slider.get("visible") or "height" not in layout:
        return 0
    margin = layout.get("margin", {})
    plot = layout["height"] - margin.get("t", 8) - margin.get("b", 36)
    return int(slider.get("thickness", 0.15) * plot) + 12


def figure_with_credit(figure: dict, title: str | None, credit: str) -> dict:
    """A copy of the figure with its title and credit drawn in, so image downloads carry them."""
    result = copy.deepcopy(figure)
    layout = result.setdefault("layout", {})
    margin = layout.setdefault("margin", {})
    lines = textwrap.wrap(credit, CREDIT_CHARS_PER_LINE) or [""]
    strip = _overview_strip_px(layout)
    below_axis = 36 + strip
    extra_bottom = 18 * len(lines) + 16 + strip
    margin["b"] = margin.get("b", 36) + extra_bottom
    extra_top = 0
    if title:  # room for the title above the legend row, which sits on top of the plot
        extra_top = 44 + (30 if layout.get("showlegend") else 0)
        margin["t"] = margin.get("t", 8) + extra_top
        layout["title"] = {
            "text": escape(title, quote=False),
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 10},
            "font": {"size": 18},
        }
    if "height" in layout:
        layout["height"] += extra_top + extra_bottom
    layout["annotations"] = [
        *layout.get("annotations", []),
        {
            "text": "<br>".join(escape(line, quote=False) for line in lines),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "top",
            "yshift": -below_axis,
            "align": "left",
            "showarrow": False,
            "font": {"size": 12, "color": "#52606d"},
            "name": "credit",
        },
    ]
    return result


def static_html(dataset: Dataset, frame_rows: pd.DataFrame, title: str | None, credit: str) -> str:
    """A page that shows the timeline with no server: plotly.js inline, title and credit drawn in."""
    figure = figure_with_credit(timeline_figure(frame_rows, dataset.domains), title, credit)
    # The app draws with plotly.js defaults; "none" stops plotly.py adding its own template.
    figure["layout"]["template"] = "none"
    chart = pio.to_html(figure, include_plotlyjs=True, full_html=False, config=HTML_CONFIG)
    return PAGE.format(title=escape(title or dataset.title), chart=chart)
