"""A loaded dataset with everything views need pre-computed, and the pure view model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np
import pandas as pd

from ..core.dataset_like import DatasetLike
from ..core.days import day_value
from ..core.eras import Band, era_bands
from ..core.filters import ViewState, event_mask, facet_counts
from ..core.frame import EventTable, events_table
from ..core.i18n import translator
from ..core.model import Event
from ..core.relations import linked_ids, pairs_among
from ..core.shown import shown
from ..core.story import StoryStop, story_stop
from ..figures.change_marks import with_change_marks
from ..figures.credit import credit_line, figure_with_credit
from ..figures.marks import (
    MAX_MARKS,
    mark_count,
    mark_positions,
    selected_indexes,
    selection_index,
    selection_trace,
)
from ..figures.relations import relation_trace
from ..figures.story import story_figure
from ..figures.theme import with_tick_formats
from ..figures.timeline import still_figure, timeline_figure
from .change_log import ChangeLog
from .in_language import domains_in, frame_in
from .since import SinceMarks, since_marks

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
    """Everything one screen shows for a view state: pure data, no components.

    It holds the catalog's frame and the view's row positions in table order, not a copy of the
    rows: a cached view at 100k events costs microseconds, and rows are taken when a page needs them.
    """

    state: ViewState
    frame: pd.DataFrame = field(repr=False)
    positions: np.ndarray = field(repr=False)
    total: int
    figure: dict
    domain_counts: dict[str, int]
    actor_counts: dict[str, int]
    selected: Event | None
    story: StoryStop | None = None
    bands: tuple[Band, ...] = ()  # the eras its charts draw (none when the reader hid them)
    row_of: Callable[[str | None], int | None] = field(default=lambda _id: None, repr=False)
    marks: SinceMarks | None = None  # what changed since the version `since=` names
    notices: tuple[str, ...] = ()  # what the view ignored that only the catalog could tell

    @property
    def rows(self) -> pd.DataFrame:
        """The view's rows in table order (a copy: for exports and briefs, not per page)."""
        return self.frame.iloc[self.positions]

    @property
    def count(self) -> int:
        return len(self.positions)

    def holds(self, event_id: str) -> bool:
        """Whether the event is among the view's rows."""
        return bool(np.isin(self.row_of(event_id), self.positions))

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // TABLE_PAGE))

    def page_rows(self, page: int) -> pd.DataFrame:
        """The chronology rows on a page (pages past the end show the last one)."""
        start = (min(page, self.pages) - 1) * TABLE_PAGE
        return self.frame.iloc[self.positions[start : start + TABLE_PAGE]]

    def table_sort(self, sort: Sort, *, selected: bool, turned: bool) -> Sort:
        """The page to show: the selected event's, the one turned to, or the first for new filters."""
        if selected:
            return replace(sort, page=self.page_of(self.state.event) or sort.page)
        return sort if turned else replace(sort, page=1)

    def page_of(self, event_id: str | None) -> int | None:
        """The page of the chronology that lists an event, if it is listed."""
        row = self.row_of(event_id)
        if row is None:
            return None
        places = np.flatnonzero(self.positions == row)
        return int(places[0]) // TABLE_PAGE + 1 if len(places) else None


@dataclass
class Catalog:
    """The dataset and its frame, loaded once and shared by every request."""

    dataset: DatasetLike
    version: str = ""
    table: EventTable | None = field(default=None, repr=False)  # built from the dataset if not given
    change_log: ChangeLog | None = field(default=None, repr=False)  # for `since=`; None: no history
    _figures: dict = field(default_factory=dict, repr=False)
    _marks: dict = field(default_factory=dict, repr=False)
    _filtered: dict = field(default_factory=dict, repr=False)
    _in_language: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.table is None:
            self.table = events_table(self.dataset)

    def row(self, event_id: str | None) -> int | None:
        """The frame row of an event, if it is one of the dataset's."""
        return self.dataset.row(event_id) if isinstance(event_id, str) else None

    @cached_property
    def common_tags(self) -> list[str]:
        """The file's three most used tags (the search box's examples), counted once per version."""
        tags = self.frame["tags"].explode().dropna()
        return tags.value_counts().index[:3].tolist()

    @property
    def event_count(self) -> int:
        return len(self.frame)

    @cached_property
    def _bands(self) -> tuple[Band, ...]:
        """The file's eras as days, an open one running to the last day of the data."""
        if not self.dataset.eras or self.frame.empty:
            return ()
        return tuple(era_bands(self.dataset.eras, self.frame["last_day"].max().date()))

    def bands(self, state: ViewState) -> tuple[Band, ...]:
        """The eras a view's charts draw behind their lanes, labelled in the view's language: none
        when its reader switched them off."""
        if not state.eras:
            return ()
        return tuple(replace(band, label=shown(band.label, state.lang).text) for band in self._bands)

    def _language(self, lang: str) -> tuple[pd.DataFrame, tuple]:
        """The frame and domains in `lang` (views/in_language.py), built once per language."""
        if lang not in self._in_language:
            dataset = self.dataset
            frame = frame_in(self.frame, dataset.events, dataset.domains, dataset.language, lang)
            self._in_language[lang] = (frame, domains_in(dataset.domains, lang))
        return self._in_language[lang]

    def frame_in(self, lang: str) -> pd.DataFrame:
        """The frame with its titles, chart labels and dates in `lang`."""
        return self._language(lang)[0]

    def domains_in(self, lang: str) -> tuple:
        """The domains with their labels in `lang`."""
        return self._language(lang)[1]

    def events_of(self, rows: pd.DataFrame) -> list[Event]:
        """The Event objects of some of the frame's rows (built from a snapshot's records on demand)."""
        return self.dataset.events_at(self.frame.index.get_indexer(rows.index))

    @property
    def frame(self) -> pd.DataFrame:
        return self.table.frame

    def _cached(self, key: str, build: Callable[[], dict]) -> dict:
        """A figure from the per-worker cache, built on first use."""
        if key not in self._figures:
            if len(self._figures) >= FIGURE_CACHE:
                self._figures.clear()
            self._figures[key] = build()
        return self._figures[key]

    def _base_figure(
        self, state: ViewState, positions: np.ndarray, story: StoryStop | None, present: bool = False
    ) -> dict:
        """The view's figure before any selection ring, cached per view state."""

        def build() -> dict:
            if story:
                pairs = pairs_among(filter(None, map(self.dataset.event, story.path)))
                domains = self.domains_in(state.lang)
                figure = story_figure(
                    self.frame_in(state.lang),
                    domains,
                    story.path,
                    story.number,
                    present,
                    pairs,
                    self.bands(state),
                )
            else:
                rows = self.frame_in(state.lang).iloc[positions]
                figure = timeline_figure(
                    rows,
                    self.domains_in(state.lang),
                    None,
                    state.domains,
                    bands=self.bands(state),
                    lang=state.lang,
                )
                marks = self.marks(state.since)
                if marks:
                    figure = with_change_marks(figure, marks.kinds, marks.old_words(state.lang), state.lang)
            credit = credit_line(self.dataset, lang=state.lang)
            figure = with_tick_formats(figure, state.lang)
            return figure_with_credit(figure, None, credit) if figure["data"] else figure

        key = replace(state, event=None).to_query() if story is None else f"{state.to_query()}:{present}"
        return self._cached(key, build)

    def rows(self, state: ViewState) -> pd.DataFrame:
        """The rows a view's filters keep, in date order."""
        return self.frame.iloc[self._filter(state, Sort())[0]]

    def still(self, state: ViewState) -> dict:
        """The view's whole chart for surfaces nobody zooms (embed, images), cached per view state."""
        key = "still:" + replace(state, event=None, story=None, stop=1).to_query()
        return self._cached(
            key,
            lambda: with_tick_formats(
                still_figure(
                    self.frame_in(state.lang).iloc[self._filter(state, Sort())[0]],
                    self.domains_in(state.lang),
                    state.domains,
                    bands=self.bands(state),
                    lang=state.lang,
                ),
                state.lang,
            ),
        )

    def marks(self, since: str) -> SinceMarks | None:
        """The events new or changed since the version `since` names, cached per name: None when
        there is no `since`, no history, or it names no version up to this one."""
        if not since or self.change_log is None:
            return None
        if since not in self._marks:
            if len(self._marks) >= FIGURE_CACHE:
                self._marks.clear()
            self._marks[since] = since_marks(self.change_log, since, self.version)
        return self._marks[since]

    def _since(self, state: ViewState) -> tuple[ViewState, SinceMarks | None, tuple[str, ...]]:
        """The view with a `since` that names no known version dropped (with a notice), and its marks."""
        marks = self.marks(state.since)
        if not state.since or marks:
            return state, marks, ()
        words = translator(state.lang).gettext(
            "No earlier data version matches 'since=%(since)s'; nothing is marked as new or changed."
        )
        notice = words % {"since": state.since}
        return replace(state, since="", changed_only=False), None, (notice,)

    def figure(
        self, state: ViewState, positions: np.ndarray, story: StoryStop | None, present: bool = False
    ) -> dict:
        """The timeline for a view (its rows' positions in date order), the selected event ringed."""
        figure = self._base_figure(state, positions, story, present)
        if story or not state.event or selection_index(figure) is None:
            return figure
        return self._selected(figure, state.event)

    def _selected(self, figure: dict, event_id: str) -> dict:
        """The figure with an event ringed and linked to each related event it draws."""
        event = self.dataset.event(event_id)
        positions = mark_positions(figure)
        others = linked_ids(event, self.dataset.inbound(event_id)) if event else []
        pairs = [(event_id, other) for other in others]
        links = relation_trace(positions, pairs, figure["layout"]["xaxis"].get("range"))
        indexes = selected_indexes(figure)
        traces = [links, selection_trace(positions.get(event_id, []))][-len(indexes) :]
        return {"data": [*figure["data"][: indexes[0]], *traces], "layout": figure["layout"]}

    def zoomed(self, state: ViewState, x_range: tuple[str, str] | None) -> dict | None:
        """The figure for a zoomed range of a view too large to draw one by one, or None.

        Inside the range the events are drawn individually once few enough remain (else counts
        at a finer period); with no range (zoom reset), the whole view's counts come back.
        """
        positions = self._filter(state, Sort())[0]
        rows = self.frame_in(state.lang).iloc[positions]
        if mark_count(rows, state.domains) <= MAX_MARKS:
            return None
        if x_range is None:
            return self.figure(state, positions, None)
        start, end = (day_value(bound) for bound in x_range)
        inside = rows[(rows["start"] <= end) & (rows["last_day"] >= start)]
        if inside.empty:
            return None
        figure = timeline_figure(
            inside,
            self.domains_in(state.lang),
            None,
            state.domains,
            x_range=x_range,
            bands=self.bands(state),
            lang=state.lang,
        )
        figure = with_tick_formats(self._selected(figure, state.event) if state.event else figure, state.lang)
        figure["layout"]["timeline"]["zoomable"] = True  # its labels stay; zooming out asks again
        return figure_with_credit(figure, None, credit_line(self.dataset, lang=state.lang))

    def _filter(self, state: ViewState, sort: Sort) -> tuple:
        """Row positions in date and in table order, and facet counts, for the view's filters (cached:
        at 100k events filtering, counting and sorting cost ~0.2 s, and readers revisit views)."""
        key = (replace(state, event=None, story=None, stop=1).to_query(), sort.key, sort.descending)
        if key not in self._filtered:
            if len(self._filtered) >= FIGURE_CACHE:
                self._filtered.clear()
            marks = self.marks(state.since) if state.changed_only else None
            within = self.frame["id"].isin(marks.kinds).to_numpy() if marks else None
            in_date_order = np.flatnonzero(event_mask(self.table, state, within))
            keys = self.frame_in(state.lang)[SORT_KEYS[sort.key]].iloc[
                in_date_order
            ]  # the sort keys, not every column
            ordered = keys.sort_values(list(keys.columns), ascending=not sort.descending, kind="stable")
            in_table_order = self.frame.index.get_indexer(ordered.index)
            self._filtered[key] = (in_date_order, in_table_order, facet_counts(self.table, state, within))
        return self._filtered[key]

    def figure_key(self, state: ViewState) -> str:
        """What a view's figure depends on: the data version and the view's state."""
        return f"{self.version}{state.to_query()}"

    def view(self, state: ViewState, sort: Sort = Sort(), present: bool = False) -> View:
        """The filtered, sorted events of a view with its figure and facet counts (a story's figure
        sized for present mode with `present`)."""
        state, marks, notices = self._since(state)
        in_date_order, in_table_order, (domain_counts, actor_counts) = self._filter(state, sort)
        frame = self.frame_in(state.lang)
        story = story_stop(self.dataset, frame.iloc[in_date_order], state) if state.story else None
        if story and story.number != state.stop:  # an out-of-range stop: the URL says where we are
            state = replace(state, stop=story.number)
        selected = story.event if story else self.dataset.event(state.event) if state.event else None
        return View(
            state=state,
            frame=frame,
            positions=in_table_order,
            total=len(self.frame),
            figure=self.figure(state, in_date_order, story, present),
            domain_counts=domain_counts,
            actor_counts=actor_counts,
            selected=selected,
            story=story,
            bands=self.bands(state),
            row_of=self.row,
            marks=marks,
            notices=notices,
        )
