"""TimelineJS3 export: publish a chronology as TimelineJS JSON that imports back exactly."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from ..core.dates import PartialDate
from ..core.event_file import file_fields
from ..core.frame import date_label
from ..core.links import URL_START
from ..core.model import Dataset, Event, Source
from ..core.relations import grouped
from ..core.statements import statement_line

# TimelineJS ignores keys it does not know, so every field of ours that TimelineJS cannot
# hold (Markdown summary, actors, sources...) rides along under this one key, and importing
# our own export gives the events back exactly.
NAMESPACE = "timeline_dashboard"
# A Markdown link whose target the link rule allows (validation refused the others).
_LINK = re.compile(r"\[([^\]]+)\]\((" + URL_START.removeprefix("^") + r"[^\s)]+)\)")
CARRIED = (
    *("label", "summary", "domains", "actors", "people", "tags", "importance", "sources"),
    *("related", "statements"),
)


def _date(date: PartialDate) -> dict[str, str]:
    """A TimelineJS date at our precision; strings, as in TimelineJS's own examples."""
    parts = {"year": date.year, "month": date.month, "day": date.day}
    return {key: str(value) for key, value in parts.items() if value is not None}


def _inline(text: str) -> str:
    """Escaped text with Markdown links, bold and italics turned into HTML."""
    html = escape(text)
    html = _LINK.sub(r'<a href="\2">\1</a>', html)
    html = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html)
    return re.sub(r"\*(\S(?:.*?\S)?)\*", r"<em>\1</em>", html)


def _paragraphs(markdown: str) -> str:
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", markdown))
    return "".join(f"<p>{_inline(block)}</p>" for block in blocks if block)


def _source_html(source: Source) -> str:
    name = escape(source.title or source.url or "")
    link = f'<a href="{escape(source.url)}">{name}</a>' if source.url else name
    quote = source.quote and f"“{escape(source.quote)}”"
    parts = (escape(source.outlet), link, source.date and source.date.label(), quote)
    return "<li>" + ", ".join(part for part in parts if part) + "</li>"


def _relations_html(event: Event, dataset: Dataset) -> str:
    """The related events by relation, both ways ("Responds to: …", "Answered by: …"), as paragraphs."""
    groups = grouped(event, dataset.inbound(event.id))
    titles = {other: dataset.event(other) for _, others in groups for other in others}
    return "".join(
        f"<p><strong>{escape(word)}:</strong> "
        + "; ".join(escape(f"{titles[other].title} ({date_label(titles[other])})") for other in others)
        + "</p>"
        for word, others in groups
    )


def _statements_html(event: Event) -> str:
    lines = (statement_line(event, statement, lambda source: source.outlet) for statement in event.statements)
    return "".join(f"<blockquote>{escape(line)}</blockquote>" for line in lines)


def _slide(event: Event, dataset: Dataset, labels: dict[str, str]) -> dict:
    slide = {"start_date": _date(event.date)} | ({"end_date": _date(event.end)} if event.end else {})
    sources = "".join(_source_html(source) for source in event.sources)
    text = _paragraphs(event.summary) + _statements_html(event) + _relations_html(event, dataset)
    return slide | {
        "display_date": date_label(event),
        "text": {"headline": escape(event.title), "text": f"{text}<ol>{sources}</ol>"},
        "group": labels[event.domains[0]],
        "unique_id": event.id,
        NAMESPACE: {key: value for key, value in file_fields(event).items() if key in CARRIED},
    }


def to_timelinejs(dataset: Dataset, events: Iterable[Event]) -> dict:
    """TimelineJS3 JSON: a title slide, one slide per event grouped by its first domain."""
    labels = {domain.id: domain.label for domain in dataset.domains}
    document = dataset.source_document
    return {
        "title": {"text": {"headline": escape(dataset.title), "text": _paragraphs(dataset.description)}},
        "events": [_slide(event, dataset, labels) for event in events],
        NAMESPACE: {
            "description": dataset.description,
            "source_document": file_fields(document) if document else None,
            "domains": [file_fields(domain) for domain in dataset.domains],
        },
    }
