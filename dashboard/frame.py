"""The events as a pandas DataFrame: one row per event, the shape filters and figures use."""

from __future__ import annotations

import pandas as pd

from .model import Dataset

COLUMNS = (
    "id",
    "title",
    "date_label",
    "precision",
    "start",
    "end",
    "last_day",
    "is_span",
    "domains",
    "actors",
    "people",
    "tags",
    "importance",
    "search_text",
)


def _search_text(event) -> str:
    parts = [event.title, event.summary, *event.people, *event.tags]
    return "\n".join(parts).casefold()


def date_label(event) -> str:
    """The event's date at its precision, with its end for a span ('2009 – 2016')."""
    return event.date.label() if event.end is None else f"{event.date.label()} – {event.end.label()}"


def events_frame(dataset: Dataset) -> pd.DataFrame:
    """One row per event in date order.

    `end` is where a mark ends (a span's last day, a point's start); `last_day` is the last
    day the event covers at its precision, which period filters compare against.
    """
    rows = [
        {
            "id": event.id,
            "title": event.title,
            "date_label": date_label(event),
            "precision": event.date.precision,
            "start": pd.Timestamp(event.date.first_day()),
            "end": pd.Timestamp(event.end.last_day() if event.end else event.date.first_day()),
            "last_day": pd.Timestamp((event.end or event.date).last_day()),
            "is_span": event.is_span,
            "domains": event.domains,
            "actors": event.actors,
            "people": event.people,
            "tags": event.tags,
            "importance": event.importance,
            "search_text": _search_text(event),
        }
        for event in dataset.events
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))
