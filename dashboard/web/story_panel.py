"""Story mode: the current stop's card with its step buttons, the list of guided stories, the page's class."""

from __future__ import annotations

from dash import html

from ..core.dataset_like import DatasetLike
from ..core.filters import FILTERED_STORY
from ..core.frame import date_label
from ..core.story import StoryStop
from ..views.catalog import View
from . import ids
from .markdown_view import markdown_components


def _step(label: str, story: str | None, stop: int, *, role: str, disabled: bool = False) -> html.Button:
    return html.Button(
        label,
        # The role keeps ids unique where two buttons lead to the same stop (Next and Last).
        id={"type": ids.STORY_STEP, "story": story or "", "stop": stop, "role": role},
        className=f"button step {role}",
        disabled=disabled,
        **{"data-step": role},
    )


def story_panel(stop: StoryStop | None) -> list:
    """The current stop: progress, the stop's event, the step buttons with what comes next, then
    the teaching note and question (last, so that their drawing never moves the buttons)."""
    if stop is None:
        return []
    first, last = stop.number == 1, stop.number == stop.total
    return [
        html.Div(
            [
                html.P(
                    f"Stop {stop.number} of {stop.total}", className="progress-label", id=ids.STORY_PROGRESS
                ),
                html.Progress(
                    value=str(stop.number),
                    max=str(stop.total),
                    className="progress",
                    **{"aria-labelledby": "story-progress"},
                ),
            ],
            className="story-progress",
        ),
        html.H2(stop.title, className="story-title"),
        html.H3(
            [html.Span(date_label(stop.event), className="stop-date"), " ", stop.event.title],
            className="stop-title",
        ),
        html.P(stop.notice, className="notice") if stop.notice else None,
        html.Nav(
            [
                _step("« First", stop.story_id, 1, role="first", disabled=first),
                _step("← Previous", stop.story_id, max(stop.number - 1, 1), role="prev", disabled=first),
                _step("Next →", stop.story_id, min(stop.number + 1, stop.total), role="next", disabled=last),
                _step("Last »", stop.story_id, stop.total, role="last", disabled=last),
                _step("Exit story", None, 1, role="exit"),
                html.Button(
                    "Present",
                    id=ids.PRESENT_BUTTON,
                    className="button step present",
                    type="button",
                    title="Full screen, type for a room (f)",
                    **{"aria-keyshortcuts": "f", "aria-pressed": "false"},
                ),
                html.P(["Next: ", html.Span(stop.next_title, className="next-title")], className="story-next")
                if stop.next_title
                else html.P("The last stop of this story.", className="story-next"),
            ],
            className="story-steps",
            **{"aria-label": "Story navigation (← → Home End)"},
        ),
        # Folded, so that the first stop too is one screen with its chart.
        html.Details(
            [html.Summary("About this story"), markdown_components(stop.introduction, "story-intro")],
            className="story-intro-fold",
        )
        if first and stop.introduction
        else None,
        html.Div(
            [
                html.H3("Teaching note", className="visually-hidden"),
                markdown_components(stop.note, "story-note"),
                html.Div(
                    [html.Strong("Discuss: "), markdown_components(stop.question)], className="story-question"
                )
                if stop.question
                else None,
            ],
            className="story-body",
        ),
    ]


def story_links(dataset: DatasetLike) -> list:
    """The narrative list: a link per guided story, and story mode over the current view."""
    items = [
        html.Li(
            [
                html.A(narrative.title, href=f"/?story={narrative.id}&stop=1"),
                html.Span(f" · {len(narrative.stops)} stops", className="count"),
            ]
        )
        for narrative in dataset.narratives
    ]
    return [
        html.H2("Guided stories"),
        html.Ul(items, className="story-list") if items else None,
        _step("▶ Story mode for this view", FILTERED_STORY, 1, role="start"),
    ]


def page_class(view: View, present: bool) -> str:
    """The page's classes: story mode, and present mode within it (assets/js/present.js)."""
    if view.story is None:
        return "page"
    return "page story-mode presenting" if present else "page story-mode"
