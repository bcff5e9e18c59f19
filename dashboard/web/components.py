"""Dash components built from data: filter options, the chronology table, the event detail."""

from __future__ import annotations

import pandas as pd
from dash import Patch, html

from ..core.filters import FILTERED_STORY, ViewState
from ..core.frame import date_label
from ..core.model import Dataset, Event
from ..core.story import StoryStop
from ..figures.marks import selection_index
from ..figures.theme import domain_colors
from ..views.catalog import TABLE_PAGE, Sort, View
from ..views.highlight import marked
from ..views.view_words import describe_view
from . import ids
from .markdown_view import markdown_components

SORT_COLUMNS = (("date", "Date"), ("title", "Event"), ("importance", "Importance"))
IMPORTANCE = {1: "minor", 2: "notable", 3: "landmark"}


def domain_options(dataset: Dataset, counts: dict[str, int]) -> list[dict]:
    """Checklist options for the domains, each with its count and colour swatch."""
    colors = domain_colors(dataset.domains)
    return [
        {
            "label": html.Span(
                [
                    html.Span(className="swatch", style={"background": colors[domain.id]}),
                    f"{domain.label} ",
                    html.Span(f"({counts.get(domain.id, 0)})", className="count"),
                ]
            ),
            "value": domain.id,
        }
        for domain in dataset.domains
    ]


def actor_options(dataset: Dataset, counts: dict[str, int]) -> list[dict]:
    """Checklist options for the actors, with counts."""
    return [
        {
            "label": html.Span([f"{actor} ", html.Span(f"({counts.get(actor, 0)})", className="count")]),
            "value": actor,
        }
        for actor in dataset.actors
    ]


def chart_style(figure: dict) -> dict:
    """The chart's style: the figure's height as --chart-height, held before plotly draws."""
    return {"--chart-height": f"{figure['layout'].get('height', 380)}px"}


def summary_text(view: View) -> str:
    if view.count == 0:
        return f"No events match these filters (0 of {view.total}). Remove a filter or clear the search."
    if view.count == view.total:
        return f"Showing all {view.total} events."
    return f"Showing {view.count} of {view.total} events."


def filters_set_text(state: ViewState) -> str:
    """The phone drawer's summary: what is set, so a closed drawer still says the view is narrowed."""
    count = state.filters_set
    return "Filters" if count == 0 else f"Filters · {count} set"


def apply_text(view: View) -> str:
    """The phone drawer's closing button, naming what it will show."""
    return (
        "Show no events" if view.count == 0 else f"Show {view.count:,} event{'s' if view.count != 1 else ''}"
    )


def _sort_header(key: str, label: str, sort: Sort) -> html.Th:
    active = sort.key == key
    direction = "descending" if sort.descending else "ascending"
    arrow = ("▼" if sort.descending else "▲") if active else "↕"
    return html.Th(
        html.Button(
            [label, html.Span(f" {arrow}", **{"aria-hidden": "true"})],
            id={"type": ids.SORT_BUTTON, "key": key},
            className="sort",
            title=f"Sort by {label.lower()}",
        ),
        scope="col",
        **{"aria-sort": direction if active else "none"},
    )


def highlighted(text: str, query: str) -> list:
    """The text with what the search matched in <mark>s."""
    return [html.Mark(part) if match else part for part, match in marked(text, query)]


def chronology_table(view: View, sort: Sort, labels: dict[str, str]) -> list:
    """The filtered events as an accessible table; each title is a button that selects it."""
    page = min(sort.page, view.pages)
    rows: pd.DataFrame = view.page_rows(page)
    selected = view.state.event
    body = [
        html.Tr(
            [
                html.Td(row.date_label, className="date"),
                html.Td(
                    html.Button(
                        highlighted(row.title, view.state.query),
                        id={"type": ids.ROW, "id": row.id},
                        className="row-select",
                        **({"aria-current": "true"} if row.id == selected else {}),
                    )
                ),
                html.Td(IMPORTANCE[row.importance], className="importance"),
                html.Td(", ".join(labels.get(d, d) for d in row.domains), className="domains"),
                html.Td(", ".join(row.actors), className="actors"),
            ],
            className="selected" if row.id == selected else None,
            **{"data-event": row.id},
        )
        for row in rows.itertuples()
    ]
    head = html.Thead(
        html.Tr(
            [
                *(_sort_header(key, label, sort) for key, label in SORT_COLUMNS[:1]),
                _sort_header("title", "Event", sort),
                _sort_header("importance", "Importance", sort),
                html.Th("Domains", scope="col"),
                html.Th("Actors", scope="col"),
            ]
        )
    )
    return [html.Caption(_pager(view, page)), head, html.Tbody(body)]


def _pager(view: View, page: int) -> list:
    """The table's caption: what it lists and, past one page, buttons to turn the page."""
    if view.pages == 1:
        return [summary_text(view)]
    first = (page - 1) * TABLE_PAGE + 1
    last = min(page * TABLE_PAGE, view.count)
    return [
        f"Events {first:,}–{last:,} of {view.count:,} (page {page} of {view.pages}). ",
        html.Button("‹ Previous page", id={"type": ids.PAGE_BUTTON, "page": page - 1},
                    className="button small", disabled=page == 1),
        html.Button("Next page ›", id={"type": ids.PAGE_BUTTON, "page": page + 1},
                    className="button small", disabled=page == view.pages),
    ]  # fmt: skip


def _source_item(source) -> html.Li:
    parts: list = [html.Strong(source.outlet)]
    if source.title:
        parts += [", ", html.Cite(source.title)]
    if source.date:
        parts += [f", {source.date.label()}"]
    if source.url:
        parts += [" — ", html.A("link", href=source.url, target="_blank", rel="noopener noreferrer")]
    if source.quote:
        parts.append(html.Blockquote(f"“{source.quote}”"))
    return html.Li(parts)


def event_detail(event: Event | None, dataset: Dataset, query: str = "") -> list:
    """The selected event's sourced detail, or a hint when nothing is selected."""
    if event is None:
        return [
            html.P("Select an event on the chart or in the chronology to read its sources.", className="hint")
        ]
    labels = {d.id: d.label for d in dataset.domains}
    facts = [
        ("Date", date_label(event)),
        ("Domains", ", ".join(labels[d] for d in event.domains)),
        ("Actors", ", ".join(event.actors)),
    ]
    if event.people:
        facts.append(("People", ", ".join(event.people)))
    if event.tags:
        facts.append(("Tags", ", ".join(event.tags)))
    facts.append(("Importance", IMPORTANCE[event.importance]))
    related = [dataset.event(event_id) for event_id in event.related]
    children = [
        html.Div(
            [
                html.H2(
                    highlighted(event.title, query),
                    id=ids.DETAIL_TITLE,
                    tabIndex="-1",
                    **{"data-event": event.id},
                ),
                html.Div(
                    [
                        # Where the detail stands under the chart (narrow screens), a way back up to it.
                        html.Button(
                            "↑ Chart", type="button", className="to-chart", title="Back to the chart"
                        ),
                        html.Button(
                            "Close",
                            id={"type": ids.CLOSE, "id": ids.DETAIL},
                            className="close",
                            title="Close the detail",
                        ),
                    ],
                    className="detail-actions",
                ),
            ],
            className="detail-head",
        ),
        html.Dl(
            [item for name, value in facts for item in (html.Dt(name), html.Dd(value))], className="facts"
        ),
        markdown_components(event.summary, "summary"),
        html.H3("Sources"),
        html.Ol([_source_item(source) for source in event.sources], className="sources"),
    ]
    if related:
        children += [
            html.H3("Related events"),
            html.Ul(
                [
                    html.Li(
                        html.Button(
                            f"{date_label(other)}: {other.title}",
                            id={"type": ids.RELATED, "id": other.id},
                            className="link-button",
                        )
                    )
                    for other in related
                    if other is not None
                ],
                className="related",
            ),
        ]
    return children


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


def story_links(dataset: Dataset) -> list:
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
    """The page's classes: story mode, and present mode within it (assets/present.js)."""
    if view.story is None:
        return "page"
    return "page story-mode presenting" if present else "page story-mode"


def explorer_outputs(
    view: View, sort: Sort, dataset: Dataset, notices: tuple[str, ...], ring_only: bool, present: bool = False
) -> dict:
    """Everything the explorer's view callback sends back besides the widget values and the sort,
    by the names of callbacks.VIEW_OUTPUTS.

    With `ring_only` (only the selection changed) the figure goes as a one-trace Patch.
    """
    figure, ring = view.figure, selection_index(view.figure)
    if ring_only and view.story is None and ring is not None:
        figure = Patch()
        figure["data"][ring] = view.figure["data"][ring]
    labels = {d.id: d.label for d in dataset.domains}
    return {
        "domain_options": domain_options(dataset, view.domain_counts),
        "actor_options": actor_options(dataset, view.actor_counts),
        "figure": figure,
        "chart_style": chart_style(view.figure),
        "summary": [
            summary_text(view),
            html.Span(" · ".join(describe_view(view.state, dataset)), hidden=True, className="filter-words"),
        ],
        "table": chronology_table(view, sort, labels),
        "detail": event_detail(view.selected, dataset, view.state.query),
        "notices": [html.P(notice, className="notice") for notice in notices],
        "view_query": view.state.to_query(),
        "story_panel": story_panel(view.story),
        "page_class": page_class(view, present),
        "filters_set": filters_set_text(view.state),
        "apply_label": apply_text(view),
    }
