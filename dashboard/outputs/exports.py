"""Events → files people take away: CSV for spreadsheets, JSON (the chart as HTML is the embed)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from ..core.event_file import file_fields
from ..core.i18n import DEFAULT
from ..core.local_dates import event_date
from ..core.localized import Localized
from ..core.model import Dataset, Domain, Event, Relation, Source
from ..core.shown import shown
from ..core.statements import statement_line
from .citations import citation

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
    "statements",
    "sources",
    "source_count",
    "data_version",
    "title_language",
    "label_language",
    "summary_language",
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


def relation_text(relation: Relation) -> str:
    """A related id, with its type in brackets when it has one: 'tsai-sankei-interview-2019 (responds-to)'."""
    return relation.id if relation.type is None else f"{relation.id} ({relation.type})"


def events_csv(
    events: Iterable[Event], domains: Sequence[Domain], cited: str = "", lang: str = DEFAULT
) -> str:
    """One row per event, lists joined by '; ', domains by label; safe to open in a spreadsheet.
    `cited` names the data version in a column of every row (a CSV has no other place that stays
    with the rows). Titles, labels, summaries, domain labels and date labels are in `lang` where the
    file has them, the last columns naming the language each text is in (quotes, statements and
    sources stay as written)."""
    labels = {domain.id: shown(domain.label, lang).text for domain in domains}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        title, summary = shown(event.title, lang), shown(event.summary, lang)
        label = shown(event.label, lang) if event.label else None
        row = (
            event.id,
            event.date.iso(),
            event.end.iso() if event.end else "",
            event_date(event, lang),
            title.text,
            label.text if label else "",
            summary.text,
            "; ".join(labels.get(domain, domain) for domain in event.domains),
            "; ".join(event.actors),
            "; ".join(event.people),
            "; ".join(event.tags),
            event.importance,
            "; ".join(relation_text(relation) for relation in event.related),
            " | ".join(statement_line(event, statement, citation) for statement in event.statements),
            " | ".join(source_text(source) for source in event.sources),
            len(event.sources),
            cited,
            title.lang,
            label.lang if label else "",
            summary.lang,
        )
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _written(value: object) -> object:
    """Text as the event file writes it: a translated field as its map of languages."""
    if isinstance(value, Localized):
        return value.written()
    if isinstance(value, dict):
        return {key: _written(item) for key, item in value.items()}
    return [_written(item) for item in value] if isinstance(value, list) else value


def events_json(dataset: Dataset, events: Iterable[Event], title: str | None = None, cited: str = "") -> str:
    """The dataset's metadata and domains with the events, every date at its precision; `title` names
    the view when it is narrower than the dataset; `cited`, the data version."""
    document = dataset.source_document
    data = {
        "title": title or _written(dataset.title),
        **({"data_version": cited} if cited else {}),
        "description": _written(dataset.description),
        "language": dataset.language,
        "source_document": file_fields(document) if document else None,
        "domains": [_written(file_fields(domain)) for domain in dataset.domains],
        "events": [_written(file_fields(event)) for event in events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
