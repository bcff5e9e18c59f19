"""Events → files people take away: CSV for spreadsheets, JSON (the chart as HTML is the embed)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from ..core.event_file import file_fields
from ..core.frame import date_label
from ..core.model import Dataset, Domain, Event, Source

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
    "data_version",
)
# OWASP CSV injection: spreadsheets run cells that start with these as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def source_text(source: Source) -> str:
    """One source on one line: outlet — title — date — url — “quote” (missing parts left out)."""
    quote = f"“{source.quote}”" if source.quote else None
    parts = (source.outlet, source.title, source.date and source.date.iso(), source.url, quote)
    return " — ".join(part for part in parts if part)


def events_csv(events: Iterable[Event], domains: Sequence[Domain], cited: str = "") -> str:
    """One row per event, lists joined by '; ', domains by label; safe to open in a spreadsheet.
    `cited` names the data version in the last column of every row (a CSV has no other place that
    stays with the rows)."""
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
            cited,
        )
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def events_json(dataset: Dataset, events: Iterable[Event], title: str | None = None, cited: str = "") -> str:
    """The dataset's metadata and domains with the events, every date at its precision; `title` names
    the view when it is narrower than the dataset; `cited`, the data version."""
    document = dataset.source_document
    data = {
        "title": title or dataset.title,
        **({"data_version": cited} if cited else {}),
        "description": dataset.description,
        "source_document": file_fields(document) if document else None,
        "domains": [file_fields(domain) for domain in dataset.domains],
        "events": [file_fields(event) for event in events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
