"""The events as columns, built once per data version: what filters and figures read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .days import day_column, epoch_ms, plotly_days
from .i18n import DEFAULT, LANGUAGES
from .local_dates import event_date, with_date
from .model import Dataset
from .search import search_column, search_pattern, search_text, translated_search_text

DAY_MS = 86_400_000


def date_label(event) -> str:
    """The event's date at its precision, with its end for a span ('2009 – 2016')."""
    return event_date(event, DEFAULT)


def chart_label(event) -> str:
    """The text beside the event's mark: its `label`, else its whole title (the chart cuts it only
    where the next label or the edge needs the room)."""
    return event.label or event.title


def _rows_by_name(values: pd.Series) -> dict[str, np.ndarray]:
    pairs = values.explode()
    positions = np.arange(len(values)).repeat(values.map(len).to_numpy())
    names = pairs.to_numpy()
    order = np.argsort(names, kind="stable")
    names, positions = names[order], positions[order]
    cuts = np.flatnonzero(names[1:] != names[:-1]) + 1
    return {
        group[0]: rows for group, rows in zip(np.split(names, cuts), np.split(positions, cuts), strict=True)
    }


@dataclass(frozen=True, eq=False)
class EventTable:
    """One row per event in date order, with which rows name each domain and actor.

    `end` is where a mark ends (a span's last day, a point's start); `last_day` is the last
    day the event covers at its precision, which period filters compare against. Day columns are
    `datetime64[s]` and their texts and milliseconds come from `days`, so any year 1–9999 works.
    """

    frame: pd.DataFrame
    domain_rows: dict[str, np.ndarray]
    actor_rows: dict[str, np.ndarray]
    search_masks: dict[tuple[str, str], np.ndarray] = field(default_factory=dict, repr=False)

    def naming(self, index: dict[str, np.ndarray], names: Iterable[str]) -> np.ndarray:
        """A mask of the rows that name any of these domains (or actors)."""
        mask = np.zeros(len(self.frame), dtype=bool)
        for name in names:
            mask[index.get(name, [])] = True
        return mask

    def matching(self, word: str, lang: str | None = None) -> np.ndarray:
        """A mask of the rows with a word that `word` matches (see `search_pattern`) in the file's
        language or, given `lang`, in that language's translations (cached: readers type the same words)."""
        mask = self._matching(word, "search_text")
        return mask | self._matching(word, search_column(lang)) if lang in LANGUAGES else mask

    def _matching(self, word: str, column: str) -> np.ndarray:
        if (word, column) not in self.search_masks:
            if len(self.search_masks) > 512:
                self.search_masks.clear()
            pattern = search_pattern(word)
            self.search_masks[word, column] = self.frame[column].str.contains(pattern, regex=True).to_numpy()
        return self.search_masks[word, column]


def events_table(dataset: Dataset) -> EventTable:
    """Build the table of a dataset's events."""
    events = dataset.events
    start = day_column(event.date.first_day() for event in events)
    end = day_column((event.end.last_day() if event.end else event.date.first_day()) for event in events)
    last_day = day_column((event.end or event.date).last_day() for event in events)
    mid = start + ((last_day - start) // 2).astype("timedelta64[D]")
    frame = pd.DataFrame(
        {
            "id": [event.id for event in events],
            "title": [event.title for event in events],
            "label": [chart_label(event) for event in events],
            "date_label": [date_label(event) for event in events],
            "label_with_date": [
                with_date(chart_label(event), date_label(event), DEFAULT) for event in events
            ],
            "precision": [event.date.precision for event in events],
            "start": start,
            "end": end,
            "last_day": last_day,
            "mid": mid,
            "mid_iso": plotly_days(mid),
            "mid_ms": epoch_ms(mid),
            "is_span": [event.is_span for event in events],
            "domains": [event.domains for event in events],
            "actors": [event.actors for event in events],
            "people": [event.people for event in events],
            "tags": [event.tags for event in events],
            "importance": [event.importance for event in events],
            "search_text": [search_text(event) for event in events],
            **{
                search_column(lang): [translated_search_text(event, lang) for event in events]
                for lang in LANGUAGES
            },
            "start_iso": plotly_days(start),
            "span_ms": (end - start).astype("timedelta64[ms]").astype(np.int64) + DAY_MS,
        }
    )
    return EventTable(frame, _rows_by_name(frame["domains"]), _rows_by_name(frame["actors"]))


def events_frame(dataset: Dataset) -> pd.DataFrame:
    """Just the rows of `events_table` (for callers that neither filter nor count)."""
    return events_table(dataset).frame
