"""Story mode: one stop at a time through a narrative, or through the filtered events."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .filters import FILTERED_STORY, ViewState
from .model import Dataset, Event


@dataclass(frozen=True)
class StoryStop:
    """Where a story is: its stop, what to say there and what the path so far is."""

    story_id: str
    title: str
    introduction: str
    number: int
    total: int
    event: Event
    note: str
    question: str | None
    path: tuple[str, ...]
    notice: str | None = None

    @property
    def visited(self) -> tuple[str, ...]:
        return self.path[: self.number]


def story_stop(dataset: Dataset, rows: pd.DataFrame, state: ViewState) -> StoryStop | None:
    """The stop the view is at, or None when not in story mode (or nothing to step through)."""
    if state.story is None:
        return None
    if state.story == FILTERED_STORY:
        events = [dataset.event(event_id) for event_id in rows.sort_values(["start", "id"])["id"]]
        title, introduction = (
            "Story mode: the filtered events",
            "Step through the events of this view in date order.",
        )
        stops = [(event, event.summary, None) for event in events]
    else:
        narrative = dataset.narrative(state.story)
        title, introduction = narrative.title, narrative.introduction
        stops = [(dataset.event(stop.event), stop.note, stop.question) for stop in narrative.stops]
    if not stops:
        return None
    number = min(state.stop, len(stops))
    notice = None if number == state.stop else f"This story has {len(stops)} stops; showing the last."
    event, note, question = stops[number - 1]
    return StoryStop(
        story_id=state.story,
        title=title,
        introduction=introduction,
        number=number,
        total=len(stops),
        event=event,
        note=note,
        question=question,
        path=tuple(stop[0].id for stop in stops),
        notice=notice,
    )
