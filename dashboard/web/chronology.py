"""The summary line and the chronology: the view's events as a sortable, paged, accessible table."""

from __future__ import annotations

import pandas as pd
from dash import html

from ..core.model import IMPORTANCE
from ..views.catalog import TABLE_PAGE, Sort, View
from ..views.highlight import marked
from . import ids

SORT_COLUMNS = (("date", "Date"), ("title", "Event"), ("importance", "Importance"))


def summary_text(view: View) -> str:
    if view.count == 0:
        return f"No events match these filters (0 of {view.total}). Remove a filter or clear the search."
    if view.count == view.total:
        return f"Showing all {view.total} events."
    return f"Showing {view.count} of {view.total} events."


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


def change_tag(kind: str | None) -> html.Span | None:
    """'New' or 'Changed' before a row's title (since=), as text that screen readers read."""
    return html.Span(kind.capitalize(), className=f"change-tag {kind}") if kind else None


def chronology_table(view: View, sort: Sort, labels: dict[str, str]) -> list:
    """The filtered events as an accessible table; each title is a button that selects it."""
    page = min(sort.page, view.pages)
    rows: pd.DataFrame = view.page_rows(page)
    selected = view.state.event
    kinds = view.marks.kinds if view.marks else {}
    body = [
        html.Tr(
            [
                html.Td(row.date_label, className="date"),
                html.Td(
                    [
                        change_tag(kinds.get(row.id)),
                        html.Button(
                            highlighted(row.title, view.state.query),
                            id={"type": ids.ROW, "id": row.id},
                            className="row-select",
                            **({"aria-current": "true"} if row.id == selected else {}),
                        ),
                    ]
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
