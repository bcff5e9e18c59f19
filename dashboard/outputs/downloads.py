"""Any explorer view as a file to take away, from the loaded catalog (nothing rebuilt per request)."""

from __future__ import annotations

import json

from ..core.filters import filter_events, parse_view
from ..figures.credit import credit_line
from ..interop.timelinejs import to_timelinejs
from ..views.catalog import Catalog
from .brief import brief_markdown, briefing_state
from .exports import events_csv, events_json, static_html

EXPORT_FORMATS = ("timelinejs", "csv", "json", "html", "brief")


def export_view(catalog: Catalog, kind: str, query: str = "", url: str = "") -> tuple[str, tuple[str, ...]]:
    """The events an explorer URL query shows, as csv, json, html, timelinejs or a brief, with notices.

    `url` is the site's origin, for the brief's link back to the view ('' keeps it relative)."""
    dataset = catalog.dataset
    view = parse_view(query, dataset)
    if kind == "brief":
        return brief_markdown(dataset, catalog.view(briefing_state(view.state)), url), view.notices
    rows = filter_events(catalog.table, view.state)
    events = catalog.events_of(rows)
    if kind == "csv":
        text = events_csv(events, dataset.domains)
    elif kind == "json":
        text = events_json(dataset, events)
    elif kind == "html":
        text = static_html(dataset, rows, dataset.title, credit_line(dataset))
    elif kind == "timelinejs":
        text = json.dumps(to_timelinejs(dataset, events), ensure_ascii=False, indent=2) + "\n"
    else:
        raise ValueError(f"unknown export format '{kind}'; use one of {', '.join(EXPORT_FORMATS)}")
    return text, view.notices
