"""Story mode: one stop at a time through a narrative, or through the filtered events."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .dataset_like import DatasetLike
from .filters import FILTERED_STORY, ViewState
from .i18n import translator
from .model import Event


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
    next_title: str | None = None


def story_stop(dataset: DatasetLike, rows: pd.DataFrame, state: ViewState) -> StoryStop | None:
    """The stop the view is at, or None when not in story mode (or nothing to step through)."""
    if state.story is None:
        return None
    translation = translator(state.lang)
    if state.story == FILTERED_STORY:
        path = tuple(rows.sort_values(["start", "id"])["id"])
        title, introduction = (
            translation.gettext("Story mode: the filtered events"),
            translation.gettext("Step through the events of this view in date order."),
        )
    else:
        narrative = dataset.narrative(state.story)
        title, introduction = narrative.title, narrative.introduction
        path = tuple(stop.event for stop in narrative.stops)
    if not path:
        return None
    number = min(state.stop, len(path))
    notice = translation.ngettext(
        "This story has %(count)s stop; showing the last.",
        "This story has %(count)s stops; showing the last.",
        len(path),
    ) % {"count": len(path)}
    notice = None if number == state.stop else notice
    event = dataset.event(path[number - 1])  # only this stop's event is built
    if state.story == FILTERED_STORY:
        note, question = event.summary, None
    else:
        stop = narrative.stops[number - 1]
        note, question = stop.note, stop.question
    return StoryStop(
        story_id=state.story,
        title=title,
        introduction=introduction,
        number=number,
        total=len(path),
        event=event,
        note=note,
        question=question,
        path=path,
        notice=notice,
        next_title=dataset.event(path[number]).title if number < len(path) else None,
    )
