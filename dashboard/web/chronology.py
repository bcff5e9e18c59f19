"""The summary line and the chronology: the view's events as a sortable, paged, accessible table."""

from __future__ import annotations

from dash import html

from ..core.i18n import DEFAULT, N_, translator
from ..core.local_dates import local_date
from ..core.model import IMPORTANCE
from ..views.catalog import TABLE_PAGE, Sort, View
from ..views.highlight import marked
from . import ids
from .event_text import formatted, shown

# Each sortable column: its key, its heading and its button's title.
SORT_COLUMNS = (
    ("date", N_("Date"), N_("Sort by date")),
    ("title", N_("Event"), N_("Sort by event")),
    ("importance", N_("Importance"), N_("Sort by importance")),
)
CHANGE_WORDS = {"new": N_("New"), "changed": N_("Changed")}


def summary_text(view: View) -> str:
    translation = translator(view.state.lang)
    if view.count == 0:
        return translation.gettext(
            "No events match these filters (0 of %(total)s). Remove a filter or clear the search."
        ) % {"total": view.total}
    if view.count == view.total:
        words = translation.ngettext(
            "Showing all %(total)s event.", "Showing all %(total)s events.", view.total
        )
        return words % {"total": view.total}
    words = translation.ngettext(
        "Showing %(count)s of %(total)s event.", "Showing %(count)s of %(total)s events.", view.total
    )
    return words % {"count": view.count, "total": view.total}


def _sort_header(key: str, label: str, title: str, sort: Sort, lang: str) -> html.Th:
    _ = translator(lang).gettext
    active = sort.key == key
    direction = "descending" if sort.descending else "ascending"
    arrow = ("▼" if sort.descending else "▲") if active else "↕"
    return html.Th(
        html.Button(
            [_(label), html.Span(f" {arrow}", **{"aria-hidden": "true"})],
            id={"type": ids.SORT_BUTTON, "key": key},
            className="sort",
            title=_(title),
        ),
        scope="col",
        **{"aria-sort": direction if active else "none"},
    )


def highlighted(text: str, query: str) -> list:
    """The text with what the search matched in <mark>s."""
    return [html.Mark(part) if match else part for part, match in marked(text, query)]


def change_tag(kind: str | None, lang: str = DEFAULT) -> html.Span | None:
    """'New' or 'Changed' before a row's title (since=), as text that screen readers read."""
    if not kind:
        return None
    return html.Span(translator(lang).gettext(CHANGE_WORDS[kind]), className=f"change-tag {kind}")


def _date_and_title(view: View, row, dataset) -> tuple[str, list]:
    """A row's date and title in the page's language (English: the table's own columns)."""
    query, lang = view.state.query, view.state.lang
    event = dataset.event(row.id) if lang != DEFAULT else None
    if event is None:
        return row.date_label, highlighted(row.title, query)
    return date_cell(event, lang), shown(event.title, lang, lambda text: highlighted(text, query))


def date_cell(event, lang: str) -> str | list:
    """The event's date in the reader's calendar; a span's two dates each kept on one line (a
    Japanese span is two era-dated dates: unbroken, it would widen the column past the titles)."""
    if event.end is None:
        return local_date(event.date, lang)
    start, end = (html.Span(local_date(day, lang), className="nowrap") for day in (event.date, event.end))
    return formatted(translator(lang).gettext("%(start)s – %(end)s"), {"start": start, "end": end})


def chronology_table(view: View, sort: Sort, labels: dict[str, str], dataset) -> list:
    """The filtered events as an accessible table; each title is a button that selects it."""
    lang = view.state.lang
    _ = translator(lang).gettext
    page = min(sort.page, view.pages)
    selected = view.state.event
    kinds = view.marks.kinds if view.marks else {}
    body = []
    for row in view.page_rows(page).itertuples():
        date, title = _date_and_title(view, row, dataset)
        body.append(
            html.Tr(
                [
                    html.Td(date, className="date"),
                    html.Td(
                        [
                            change_tag(kinds.get(row.id), lang),
                            html.Button(
                                title,
                                id={"type": ids.ROW, "id": row.id},
                                className="row-select",
                                **({"aria-current": "true"} if row.id == selected else {}),
                            ),
                        ]
                    ),
                    html.Td(_(IMPORTANCE[row.importance]), className="importance"),
                    html.Td(_(", ").join(labels.get(d, d) for d in row.domains), className="domains"),
                    html.Td(_(", ").join(row.actors), className="actors"),
                ],
                className="selected" if row.id == selected else None,
                **{"data-event": row.id},
            )
        )
    head = html.Thead(
        html.Tr(
            [
                *(_sort_header(key, label, title, sort, lang) for key, label, title in SORT_COLUMNS),
                html.Th(_("Domains"), scope="col"),
                html.Th(_("Actors"), scope="col"),
            ]
        )
    )
    return [html.Caption(_pager(view, page)), head, html.Tbody(body)]


def _pager(view: View, page: int) -> list:
    """The table's caption: what it lists and, past one page, buttons to turn the page."""
    if view.pages == 1:
        return [summary_text(view)]
    _ = translator(view.state.lang).gettext
    first = (page - 1) * TABLE_PAGE + 1
    last = min(page * TABLE_PAGE, view.count)
    words = _("Events %(first)s–%(last)s of %(count)s (page %(page)s of %(pages)s). ")
    numbers = {"first": f"{first:,}", "last": f"{last:,}", "count": f"{view.count:,}"}
    return [
        words % {**numbers, "page": page, "pages": view.pages},
        html.Button(_("‹ Previous page"), id={"type": ids.PAGE_BUTTON, "page": page - 1},
                    className="button small", disabled=page == 1),
        html.Button(_("Next page ›"), id={"type": ids.PAGE_BUTTON, "page": page + 1},
                    className="button small", disabled=page == view.pages),
    ]  # fmt: skip
