"""Story mode: the current stop's card with its step buttons, the list of guided stories, the page's class."""

from __future__ import annotations

from dash import html

from ..core.dataset_like import DatasetLike
from ..core.filters import FILTERED_STORY, ViewState
from ..core.i18n import DEFAULT, translator
from ..core.local_dates import event_date
from ..core.story import StoryStop
from ..views.catalog import View
from . import ids
from .event_text import shown, shown_markdown
from .language import share_query


def _step(label: str, story: str | None, stop: int, *, role: str, disabled: bool = False) -> html.Button:
    return html.Button(
        label,
        # The role keeps ids unique where two buttons lead to the same stop (Next and Last).
        id={"type": ids.STORY_STEP, "story": story or "", "stop": stop, "role": role},
        className=f"button step {role}",
        disabled=disabled,
        **{"data-step": role},
    )


def story_panel(stop: StoryStop | None, lang: str = DEFAULT) -> list:
    """The current stop: progress, the stop's event, the step buttons with what comes next, then
    the teaching note and question (last, so that their drawing never moves the buttons)."""
    if stop is None:
        return []
    _ = translator(lang).gettext
    first, last = stop.number == 1, stop.number == stop.total
    return [
        html.Div(
            [
                html.P(
                    _("Stop %(number)s of %(total)s") % {"number": stop.number, "total": stop.total},
                    className="progress-label",
                    id=ids.STORY_PROGRESS,
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
        html.H2(shown(stop.title, lang), className="story-title"),
        html.H3(
            [
                html.Span(event_date(stop.event, lang), className="stop-date"),
                " ",
                *shown(stop.event.title, lang),
            ],
            className="stop-title",
        ),
        html.P(stop.notice, className="notice") if stop.notice else None,
        html.Nav(
            [
                _step(_("« First"), stop.story_id, 1, role="first", disabled=first),
                _step(_("← Previous"), stop.story_id, max(stop.number - 1, 1), role="prev", disabled=first),
                _step(
                    _("Next →"), stop.story_id, min(stop.number + 1, stop.total), role="next", disabled=last
                ),
                _step(_("Last »"), stop.story_id, stop.total, role="last", disabled=last),
                _step(_("Exit story"), None, 1, role="exit"),
                html.Button(
                    _("Present"),
                    id=ids.PRESENT_BUTTON,
                    className="button step present",
                    type="button",
                    title=_("Full screen, type for a room (f)"),
                    **{"aria-keyshortcuts": "f", "aria-pressed": "false"},
                ),
                html.P(
                    [_("Next: "), html.Span(shown(stop.next_title, lang), className="next-title")],
                    className="story-next",
                )
                if stop.next_title
                else html.P(_("The last stop of this story."), className="story-next"),
            ],
            className="story-steps",
            **{"aria-label": _("Story navigation (← → Home End)")},
        ),
        # Folded, so that the first stop too is one screen with its chart.
        html.Details(
            [html.Summary(_("About this story")), shown_markdown(stop.introduction, lang, "story-intro")],
            className="story-intro-fold",
        )
        if first and stop.introduction
        else None,
        html.Div(
            [
                html.H3(_("Teaching note"), className="visually-hidden"),
                shown_markdown(stop.note, lang, "story-note"),
                html.Div(
                    [html.Strong(_("Discuss: ")), shown_markdown(stop.question, lang)],
                    className="story-question",
                )
                if stop.question
                else None,
            ],
            className="story-body",
        ),
    ]


def story_links(dataset: DatasetLike, lang: str = DEFAULT) -> list:
    """The narrative list: a link per guided story, and story mode over the current view."""
    translation = translator(lang)
    items = [
        html.Li(
            [
                html.A(
                    shown(narrative.title, lang),
                    href="/" + share_query(ViewState(story=narrative.id, lang=lang)),
                ),
                html.Span(
                    " · "
                    + translation.ngettext("%(count)s stop", "%(count)s stops", len(narrative.stops))
                    % {"count": len(narrative.stops)},
                    className="count",
                ),
            ]
        )
        for narrative in dataset.narratives
    ]
    return [
        html.H2(translation.gettext("Guided stories")),
        html.Ul(items, className="story-list") if items else None,
        _step(translation.gettext("▶ Story mode for this view"), FILTERED_STORY, 1, role="start"),
    ]


def page_class(view: View, present: bool) -> str:
    """The page's classes: story mode, and present mode within it (assets/js/present.js)."""
    if view.story is None:
        return "page"
    return "page story-mode presenting" if present else "page story-mode"
