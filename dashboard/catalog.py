"""A loaded dataset with everything views need pre-computed, and the pure view model."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import pandas as pd

from .exports import credit_line, figure_with_credit
from .figures import MAX_MARKS, mark_count, mark_positions, selection_trace, story_figure, timeline_figure
from .filters import ViewState, facet_counts, filter_events
from .frame import EventTable, events_table
from .model import Dataset, Event
from .story import StoryStop, story_stop

TABLE_PAGE = 50
FIGURE_CACHE = 64  # views per worker; a figure holds at most MAX_MARKS marks (~1 MB)
SORT_KEYS = {"date": ["start", "id"], "title": ["title", "start"], "importance": ["importance", "start"]}


@dataclass(frozen=True)
class Sort:
    """How the chronology table is ordered, and which page of it is shown."""

    key: str = "date"
    descending: bool = False
    page: int = 1

    @classmethod
    def from_value(cls, value: object) -> Sort:
        """A Sort from untrusted widget data; anything unexpected gives date order, page 1."""
        if not isinstance(value, dict) or value.get("key") not in SORT_KEYS:
            return cls()
        page = value.get("page")
        page = page if isinstance(page, int) and not isinstance(page, bool) and 1 <= page <= 10**6 else 1
        return cls(value["key"], value.get("descending") is True, page)

    def as_data(self) -> dict:
        return {"key": self.key, "descending": self.descending, "page": self.page}


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

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // TABLE_PAGE))

    def page_rows(self, page: int) -> pd.DataFrame:
        """The chronology rows on a page (pages past the end show the last one)."""
        start = (min(page, self.pages) - 1) * TABLE_PAGE
        return self.rows.iloc[start : start + TABLE_PAGE]

    def table_sort(self, sort: Sort, *, selected: bool, turned: bool) -> Sort:
        """The page to show: the selected event's, the one turned to, or the first for new filters."""
        if selected:
            return replace(sort, page=self.page_of(self.state.event) or sort.page)
        return sort if turned else replace(sort, page=1)

    def page_of(self, event_id: str | None) -> int | None:
        """The page of the chronology that lists an event, if it is listed."""
        positions = (self.rows["id"].to_numpy() == event_id).nonzero()[0]
        return int(positions[0]) // TABLE_PAGE + 1 if len(positions) else None


@dataclass
class Catalog:
    """The dataset and its frame, loaded once and shared by every request."""

    dataset: Dataset
    version: str = ""
    _figures: dict = field(default_factory=dict, repr=False)
    _filtered: dict = field(default_factory=dict, repr=False)

    @cached_property
    def table(self) -> EventTable:
        return events_table(self.dataset)

    @property
    def frame(self) -> pd.DataFrame:
        return self.table.frame

    def _base_figure(self, state: ViewState, rows: pd.DataFrame, story: StoryStop | None) -> dict:
        """The view's figure before any selection ring, cached per view state."""
        key = replace(state, event=None).to_query() if story is None else state.to_query()
        if key not in self._figures:
            if len(self._figures) >= FIGURE_CACHE:
                self._figures.clear()
            if story:
                figure = story_figure(self.frame, self.dataset.domains, story.path, story.number)
            else:
                figure = timeline_figure(rows, self.dataset.domains, None, state.domains)
            if figure["data"]:
                figure = figure_with_credit(figure, None, credit_line(self.dataset))
            self._figures[key] = figure
        return self._figures[key]

    def figure(self, state: ViewState, rows: pd.DataFrame, story: StoryStop | None) -> dict:
        """The timeline for a view: the cached figure with the selected event ringed."""
        figure = self._base_figure(state, rows, story)
        if (
            story
            or not state.event
            or not figure["data"]
            or figure["data"][-1]["meta"]["kind"] != "selection"
        ):
            return figure
        return {
            "data": [*figure["data"][:-1], self.selection_ring(figure, state.event)],
            "layout": figure["layout"],
        }

    def zoomed(self, state: ViewState, x_range: tuple[str, str] | None) -> dict | None:
        """The figure for a zoomed range of a view too large to draw one by one, or None.

        Inside the range the events are drawn individually once few enough remain (else counts
        at a finer period); with no range (zoom reset), the whole view's counts come back.
        """
        rows = self._filter(state, Sort())[0]
        if mark_count(rows, state.domains) <= MAX_MARKS:
            return None
        if x_range is None:
            return self.figure(state, rows, None)
        start, end = (pd.Timestamp(bound) for bound in x_range)
        inside = rows[(rows["start"] <= end) & (rows["last_day"] >= start)]
        if inside.empty:
            return None
        figure = timeline_figure(inside, self.dataset.domains, state.event, state.domains, x_range=x_range)
        figure["layout"]["meta"] = {"zoomable": True}
        return figure_with_credit(figure, None, credit_line(self.dataset))

    @staticmethod
    def selection_ring(figure: dict, event_id: str | None) -> dict:
        """The selection trace for an event in a built figure (empty if it is not drawn)."""
        return selection_trace(mark_positions(figure).get(event_id, []) if event_id else [])

    def _filter(self, state: ViewState, sort: Sort) -> tuple:
        """Rows, rows in table order and facet counts for the view's filters (cached: at 100k events
        filtering, counting and sorting cost ~0.2 s, and readers revisit views)."""
        key = (replace(state, event=None, story=None, stop=1).to_query(), sort.key, sort.descending)
        if key not in self._filtered:
            if len(self._filtered) >= FIGURE_CACHE:
                self._filtered.clear()
            rows = filter_events(self.table, state)
            ordered = rows.sort_values(SORT_KEYS[sort.key], ascending=not sort.descending, kind="stable")
            index = self.frame.index
            positions = (index.get_indexer(rows.index), index.get_indexer(ordered.index))  # small to keep
            self._filtered[key] = (positions, facet_counts(self.table, state))
            return rows, ordered, self._filtered[key][1]
        (in_date_order, in_table_order), counts = self._filtered[key]
        return self.frame.iloc[in_date_order], self.frame.iloc[in_table_order], counts

    def view(self, state: ViewState, sort: Sort = Sort()) -> View:
        """The filtered, sorted events of a view with its figure and facet counts."""
        rows, ordered, (domain_counts, actor_counts) = self._filter(state, sort)
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
