"""The explorer page layout."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from ..core.filters import CHANGED_ONLY
from ..figures import plotly_config
from ..figures.credit import document_name
from ..views.catalog import Catalog, View
from . import ids
from .chronology import summary_text
from .explorer_outputs import chart_style
from .filter_options import actor_options, apply_text, domain_options, filters_set_text
from .since_notes import removed_words
from .story_panel import story_links, story_panel


def _search_placeholder(catalog: Catalog) -> str:
    """Examples from the served file's own tags (its most used three), else a plain hint."""
    common = catalog.common_tags
    return f"e.g. {', '.join(common)}" if common else "Words from titles, summaries, tags"


def _period(catalog: Catalog) -> str:
    """The years the events cover, read from the table (building every Event would cost seconds)."""
    first, last = catalog.frame["start"].min().year, catalog.frame["last_day"].max().year
    return f"{first}–{last}" if first != last else str(first)


def header(catalog: Catalog) -> html.Header:
    """Dataset title, description, counts, period and the source document."""
    dataset = catalog.dataset
    meta: list = [f"{len(catalog.frame)} events · {_period(catalog)}"]
    doc = dataset.source_document
    if doc:
        label = document_name(doc)
        if doc.date:
            label += f" ({doc.date.label()})"
        link = html.A(label, href=doc.url, rel="noopener noreferrer") if doc.url else html.Cite(label)
        meta += [" · Source: ", link]
    return html.Header(
        [
            html.H1(dataset.title),
            html.P(dataset.description, className="description", id=ids.DESCRIPTION),
            html.Button(
                "more",
                className="more",
                type="button",
                **{"aria-expanded": "false", "aria-controls": "description"},
            ),
            html.P(meta, className="meta"),
        ],
        className="masthead",
    )


def _period_input(label: str, input_id: str, placeholder: str) -> html.Div:
    """A partial-date box (YYYY, YYYY-MM or YYYY-MM-DD), sent when the reader leaves it or presses Enter."""
    return html.Div(
        [
            html.Label(label, htmlFor=input_id),
            dcc.Input(
                id=input_id,
                type="text",
                debounce=True,
                placeholder=placeholder,
                maxLength=10,
                className="text-input",
            ),
        ],
        className="period",
    )


def _filters(catalog: Catalog, first: View | None) -> html.Details:
    """The filters, in a drawer that phones open on demand (wider screens keep it open); the
    placeholders are the served file's own words and years."""
    dataset = catalog.dataset
    years = _period(catalog).split("–")
    date_hint = "YYYY, YYYY-MM or YYYY-MM-DD"
    aside = html.Aside(
        [
            html.H2("Filters", className="visually-hidden"),
            html.Label("Search", htmlFor=ids.SEARCH, className="field-label"),
            dcc.Input(
                id=ids.SEARCH,
                type="search",
                debounce=0.3,
                placeholder=_search_placeholder(catalog),
                maxLength=200,
                autoComplete="off",
                className="text-input",
            ),
            html.Fieldset(
                [
                    html.Legend("Domains"),
                    dbc.Checklist(
                        id=ids.DOMAINS,
                        value=[d.id for d in dataset.domains],
                        options=domain_options(dataset, first.domain_counts) if first else [],
                        class_name="checklist",
                    ),
                ]
            ),
            html.Fieldset(
                [
                    html.Legend("Period"),
                    _period_input("From", ids.FROM, f"e.g. {years[0]}"),
                    _period_input("To", ids.TO, f"e.g. {years[-1]}"),
                    html.Small(date_hint, className="hint"),
                ]
            ),
            html.Fieldset(
                [
                    html.Legend("Actors"),
                    dbc.Checklist(
                        id=ids.ACTORS,
                        value=[],
                        options=actor_options(dataset, first.actor_counts) if first else [],
                        class_name="checklist",
                    ),
                ]
            ),
            html.Div(
                [
                    html.Button("Reset filters", id=ids.RESET, className="button secondary"),
                    html.Button(
                        apply_text(first) if first else "Show events",
                        id=ids.APPLY,
                        className="button apply",
                        type="button",
                    ),
                ],
                className="filter-actions",
            ),
        ],
        className="filters",
        **{"aria-label": "Filters"},
    )
    return html.Details(
        [html.Summary(filters_set_text(first.state) if first else "Filters", id=ids.FILTERS_SET), aside],
        id=ids.FILTERS_DRAWER,
        open=False,
        className="drawer",
    )


def _copy_field(label: str, field_id: str, field, extra: list | None = None) -> html.Div:
    """A read-only field with a real button that copies it (dcc.Clipboard renders a div, which
    the keyboard cannot reach; assets/js/share.js does the copying)."""
    copy = html.Button(
        "Copy", type="button", className="copy", title=f"Copy: {label.lower()}", **{"data-copy": field_id}
    )
    status = html.Span(className="copy-status", role="status")
    return html.Div(
        [
            html.Label(label, htmlFor=field_id, className="field-label"),
            *(extra or []),
            html.Div([field, copy, status], className="copy-row"),
        ],
        className="share-field",
    )


def _fixed_height_field() -> html.Div:
    """The no-script embed code: an iframe of fixed size, measured at the column width chosen."""
    widths = html.Fieldset(
        [
            html.Legend("Article column width", className="hint"),
            dbc.RadioItems(
                id=ids.EMBED_WIDTH,
                options=[{"label": f"{width} px", "value": width} for width in (360, 600, 800)],
                value=None,
                inline=True,
                class_name="embed-widths",
            ),
        ],
        className="embed-width-choice",
    )
    code = dcc.Textarea(
        id=ids.EMBED_FIXED,
        readOnly=True,
        rows=2,
        className="text-input code",
        placeholder="Choose the article column's width above.",
    )
    hint = html.Small("For sites that strip scripts: the embed is measured at the width you choose.",
                      className="hint")  # fmt: skip
    return _copy_field("Fixed-height embed code (no script)", ids.EMBED_FIXED, code, [hint, widths])


def share_panel(cited: str = "") -> html.Details:
    """Share, embed and download the current view; two clicks from the explorer to an embed code."""
    download_labels = {
        "csv": "CSV",
        "json": "JSON",
        "timelinejs": "TimelineJS JSON",
        "html": "Chart as HTML",
        "brief": "Briefing (Markdown)",
    }
    return html.Details(
        [
            html.Summary("Share, embed, download or print this view"),
            _copy_field("Link to this view", ids.SHARE_LINK,
                        dcc.Input(id=ids.SHARE_LINK, type="text", readOnly=True, className="text-input")),
            _copy_field("Link to this version of the data", ids.VERSION_LINK,
                        dcc.Input(id=ids.VERSION_LINK, type="text", readOnly=True, className="text-input"),
                        [html.Small("Shows the data as it is now, not later edits, while the server keeps "
                                    "this version (until the next edit but one); then it says what changed.",
                                    className="hint")]),
            _copy_field("Embed code (iframe)", ids.EMBED_CODE,
                        dcc.Textarea(id=ids.EMBED_CODE, readOnly=True, rows=3, className="text-input code")),
            _fixed_height_field(),
            html.Div(
                [
                    html.Span("Download: ", className="field-label inline"),
                    *(html.A(label, id=ids.DOWNLOADS[kind], href=f"/download/{kind}",
                             className="button small", download="")
                      for kind, label in download_labels.items()),
                    html.Button("PNG", id=ids.IMAGE_BUTTONS["png"], className="button small"),
                    html.Button("SVG", id=ids.IMAGE_BUTTONS["svg"], className="button small"),
                    html.A("Print / PDF briefing", id=ids.BRIEF_LINK, href="/brief", target="_blank",
                           className="button small"),
                ],
                className="downloads",
            ),
            html.P([cited, " · ", html.A("What changed since an earlier version", href="/changes")],
                   className="data-version") if cited else None,
            html.Button("Preview the embed", id=ids.PREVIEW_BUTTON, className="button small"),
            html.Iframe(id=ids.EMBED_PREVIEW, title="Embed preview", className="embed-preview", hidden=True),
        ],
        className="share",
    )  # fmt: skip


def since_panel(first: View | None) -> html.Div:
    """Under the chart with since= (so the chart does not move down): "Only new and changed", and
    the events removed since then."""
    marks = first.marks if first else None
    return html.Div(
        [
            dbc.Checklist(
                id=ids.CHANGED_ONLY,
                options=[{"label": "Only new and changed", "value": CHANGED_ONLY}],
                value=[CHANGED_ONLY] if first and first.state.changed_only else [],
                class_name="checklist changed-only",
            ),
            html.P(removed_words(first) if first else [], id=ids.SINCE_REMOVED, className="since-removed"),
        ],
        id=ids.SINCE_PANEL,
        className="since-panel",
        hidden=marks is None,
    )


def explorer_layout(catalog: Catalog, first: View | None = None, cited: str = "") -> html.Div:
    """The explorer: header, filters, the timeline, the selected event, the chronology.

    With `first` (the view the page opens on) its chart, summary line and filter options, and a
    story's mode and card, are drawn from the first paint, so nothing moves when the view callback
    answers."""
    story = first.story if first else None
    dataset = catalog.dataset
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.SELECTED),
            dcc.Store(id=ids.SORT, data={"key": "date", "descending": False}),
            dcc.Store(id=ids.QUERY),
            dcc.Store(id=ids.VERSION_QUERY),
            dcc.Store(id=ids.DRAWN, data=catalog.figure_key(first.state) if first else None),
            dcc.Store(id=ids.STORY),
            dcc.Store(id=ids.PRESENT, data=False),
            dcc.Store(id=ids.ZOOM),
            html.A("Skip to the chronology", href="#chronology-section", className="skip-link"),
            header(catalog),
            html.Div(id=ids.NOTICES, role="status", className="notices"),
            html.Main(
                [
                    _filters(catalog, first),
                    html.Div(
                        [
                            html.Section(
                                story_panel(story),
                                id=ids.STORY_PANEL,
                                className="story-panel",
                                **{"aria-live": "polite", "aria-label": "Story"},
                            ),
                            html.P(
                                summary_text(first) if first else None,
                                id=ids.SUMMARY,
                                className="summary-line",
                                **{"aria-live": "polite"},
                            ),
                            html.Figure(
                                dcc.Graph(
                                    id=ids.TIMELINE,
                                    config=plotly_config.EXPLORER,
                                    className="timeline",
                                    figure=first.figure if first else {"data": [], "layout": {"height": 380}},
                                ),
                                id=ids.CHART,
                                className="chart",
                                style=chart_style(first.figure) if first else None,
                                **{
                                    "aria-label": "Timeline chart; the chronology below lists the same events"
                                },
                            ),
                            since_panel(first),
                            share_panel(cited),
                            html.Section(
                                id=ids.DETAIL,
                                className="detail",
                                **{"aria-live": "polite", "aria-label": "Selected event"},
                            ),
                            html.Section(story_links(dataset), id=ids.STORIES, className="stories"),
                            html.Section(
                                [
                                    html.H2("Chronology"),
                                    html.Div(
                                        html.Table(id=ids.TABLE, className="chronology"),
                                        className="table-wrap",
                                    ),
                                ],
                                id=ids.CHRONOLOGY_SECTION,
                            ),
                        ],
                        className="results",
                    ),
                ],
                className="explorer",
            ),
            html.Footer(
                html.P("Every event cites its sources; select one to read them."), className="footer"
            ),
        ],
        className="page story-mode" if story else "page",
        id=ids.PAGE,
    )
