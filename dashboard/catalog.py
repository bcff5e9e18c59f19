"""A loaded dataset with everything views need pre-computed, and the pure view model."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from .exports import credit_line, figure_with_credit
from .figures import story_figure, timeline_figure
from .filters import ViewState, facet_counts, filter_events
from .frame import events_frame
from .model import Dataset, Event
from .story import StoryStop, story_stop

TABLE_LIMIT = 500
SORT_KEYS = {"date": ["start", "id"], "title": ["title", "start"], "importance": ["importance", "start"]}


@dataclass(frozen=True)
class Sort:
    """How the chronology table is ordered."""

    key: str = "date"
    descending: bool = False

    @classmethod
    def from_value(cls, value: object) -> Sort:
        """A Sort from untrusted widget data; anything unexpected gives date order."""
        if isinstance(value, dict) and value.get("key") in SORT_KEYS:
            return cls(value["key"], value.get("descending") is True)
        return cls()


@dataclass(frozen=True)
class View:
    """Everything one screen shows for a view state: pure data, no components."""

    state: ViewState
    rows: pd.DataFrame
    total: int
    figure: dict
    domain_counts: dict[str, int]
    actor_counts: dict[str, int]
    selected: Event | None
    story: StoryStop | None = None

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass
class Catalog:
    """The dataset and its frame, loaded once and shared by every request."""

    dataset: Dataset
    version: str = ""
    _figures: dict = field(default_factory=dict, repr=False)

    @cached_property
    def frame(self) -> pd.DataFrame:
        return events_frame(self.dataset)

    def figure(self, state: ViewState, rows: pd.DataFrame, story: StoryStop | None) -> dict:
        """The timeline for a view, cached per view state (URL parameters say it all)."""
        key = state.to_query()
        if key not in self._figures:
            if len(self._figures) > 256:
                self._figures.clear()
            if story:
                figure = story_figure(self.frame, self.dataset.domains, story.path, story.number)
            else:
                figure = timeline_figure(rows, self.dataset.domains, state.event, state.domains)
            if figure["data"]:
                figure = figure_with_credit(figure, None, credit_line(self.dataset))
            self._figures[key] = figure
        return self._figures[key]

    def view(self, state: ViewState, sort: Sort = Sort()) -> View:
        """The filtered, sorted events of a view with its figure and facet counts."""
        rows = filter_events(self.frame, state)
        domain_counts, actor_counts = facet_counts(self.frame, state)
        ordered = rows.sort_values(SORT_KEYS[sort.key], ascending=not sort.descending, kind="stable")
        story = story_stop(self.dataset, rows, state)
        selected = story.event if story else self.dataset.event(state.event) if state.event else None
        return View(
            state=state,
            rows=ordered,
            total=len(self.frame),
            figure=self.figure(state, rows, story),
            domain_counts=domain_counts,
            actor_counts=actor_counts,
            selected=selected,
            story=story,
        )
