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

# TimelineJS ignores keys it does not know, so every field of ours that TimelineJS cannot
# hold (Markdown summary, actors, sources...) rides along under this one key, and importing
# our own export gives the events back exactly.
NAMESPACE = "timeline_dashboard"
# A Markdown link whose target the link rule allows (validation refused the others).
_LINK = re.compile(r"\[([^\]]+)\]\((" + URL_START.removeprefix("^") + r"[^\s)]+)\)")
CARRIED = ("label", "summary", "domains", "actors", "people", "tags", "importance", "sources", "related")


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


def _slide(event: Event, labels: dict[str, str]) -> dict:
    slide = {"start_date": _date(event.date)} | ({"end_date": _date(event.end)} if event.end else {})
    sources = "".join(_source_html(source) for source in event.sources)
    return slide | {
        "display_date": date_label(event),
        "text": {"headline": escape(event.title), "text": f"{_paragraphs(event.summary)}<ol>{sources}</ol>"},
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
        "events": [_slide(event, labels) for event in events],
        NAMESPACE: {
            "description": dataset.description,
            "source_document": file_fields(document) if document else None,
            "domains": [file_fields(domain) for domain in dataset.domains],
        },
    }
