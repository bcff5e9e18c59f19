"""The explorer page layout."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from ..core.filters import CHANGED_ONLY, ViewState
from ..core.i18n import DEFAULT, N_, translator
from ..core.local_dates import local_date
from ..figures.credit import document_name
from ..views.catalog import Catalog, View
from . import ids
from .chronology import summary_text
from .event_text import shown
from .explorer_outputs import chart_style
from .filter_options import actor_options, apply_text, domain_options, filters_set_text
from .language import language_switch
from .plotly_words import plotly_config
from .since_notes import removed_words
from .story_panel import story_links, story_panel


def _search_placeholder(catalog: Catalog, lang: str) -> str:
    """Examples from the served file's own tags (its most used three), else a plain hint."""
    _ = translator(lang).gettext
    common = catalog.common_tags
    return (
        _("e.g. %(examples)s") % {"examples": _(", ").join(common)}
        if common
        else _("Words from titles, summaries, tags")
    )


def _period(catalog: Catalog) -> str:
    """The years the events cover, read from the table (building every Event would cost seconds)."""
    first, last = catalog.frame["start"].min().year, catalog.frame["last_day"].max().year
    return f"{first}–{last}" if first != last else str(first)


def header(catalog: Catalog, state: ViewState) -> html.Header:
    """Dataset title, description, counts, period and the source document."""
    translation = translator(state.lang)
    _ = translation.gettext
    dataset = catalog.dataset
    count = len(catalog.frame)
    meta: list = [
        translation.ngettext("%(count)s event · %(period)s", "%(count)s events · %(period)s", count)
        % {"count": count, "period": _period(catalog)}
    ]
    doc = dataset.source_document
    if doc:
        label = document_name(doc)
        if doc.date:
            label += _(" (%(date)s)") % {"date": local_date(doc.date, state.lang)}
        link = html.A(label, href=doc.url, rel="noopener noreferrer") if doc.url else html.Cite(label)
        meta += [_(" · Source: "), link]
    return html.Header(
        [
            html.H1(shown(dataset.title, state.lang)),
            # The mark first: the description folds to two lines and would hide a mark at its end.
            html.P(
                shown(dataset.description, state.lang, first=True),
                className="description",
                id=ids.DESCRIPTION,
            ),
            html.Button(
                _("more"),
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


def _eras_switch(catalog: Catalog, first: View | None, lang: str) -> html.Fieldset:
    """One switch for the eras' bands behind the lanes; hidden (but present for the view callback)
    when the file has no eras."""
    translation = translator(lang)
    eras = catalog.dataset.eras
    return html.Fieldset(
        [
            html.Legend(translation.gettext("Eras")),
            dbc.Switch(
                id=ids.ERAS,
                label=translation.ngettext("Show %(count)s era", "Show %(count)s eras", len(eras))
                % {"count": len(eras)},
                value=first.state.eras if first else True,
                class_name="eras-switch",
            ),
        ],
        hidden=not eras,
    )


def _filters(catalog: Catalog, first: View | None, lang: str) -> html.Details:
    """The filters, in a drawer that phones open on demand (wider screens keep it open); the
    placeholders are the served file's own words and years."""
    _ = translator(lang).gettext
    dataset = catalog.dataset
    years = _period(catalog).split("–")
    date_hint = _("YYYY, YYYY-MM or YYYY-MM-DD")
    aside = html.Aside(
        [
            html.H2(_("Filters"), className="visually-hidden"),
            html.Label(_("Search"), htmlFor=ids.SEARCH, className="field-label"),
            dcc.Input(
                id=ids.SEARCH,
                type="search",
                debounce=0.3,
                placeholder=_search_placeholder(catalog, lang),
                maxLength=200,
                autoComplete="off",
                className="text-input",
            ),
            html.Fieldset(
                [
                    html.Legend(_("Domains")),
                    dbc.Checklist(
                        id=ids.DOMAINS,
                        value=[d.id for d in dataset.domains],
                        options=domain_options(dataset, first.domain_counts, lang) if first else [],
                        class_name="checklist",
                    ),
                ]
            ),
            html.Fieldset(
                [
                    html.Legend(_("Period")),
                    _period_input(_("From"), ids.FROM, _("e.g. %(examples)s") % {"examples": years[0]}),
                    _period_input(_("To"), ids.TO, _("e.g. %(examples)s") % {"examples": years[-1]}),
                    html.Small(date_hint, className="hint"),
                ]
            ),
            _eras_switch(catalog, first, lang),
            html.Fieldset(
                [
                    html.Legend(_("Actors")),
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
                    html.Button(_("Reset filters"), id=ids.RESET, className="button secondary"),
                    html.Button(
                        apply_text(first) if first else _("Show events"),
                        id=ids.APPLY,
                        className="button apply",
                        type="button",
                    ),
                ],
                className="filter-actions",
            ),
        ],
        className="filters",
        **{"aria-label": _("Filters")},
    )
    return html.Details(
        [html.Summary(filters_set_text(first.state) if first else _("Filters"), id=ids.FILTERS_SET), aside],
        id=ids.FILTERS_DRAWER,
        open=False,
        className="drawer",
    )


def _copy_field(label: str, field_id: str, field, lang: str, extra: list | None = None) -> html.Div:
    """A read-only field with a real button that copies it (dcc.Clipboard renders a div, which
    the keyboard cannot reach; assets/js/share.js does the copying)."""
    _ = translator(lang).gettext
    copy = html.Button(
        _("Copy"),
        type="button",
        className="copy",
        title=_("Copy: %(field)s") % {"field": label.lower()},
        **{"data-copy": field_id},
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


def _fixed_height_field(lang: str) -> html.Div:
    """The no-script embed code: an iframe of fixed size, measured at the column width chosen."""
    _ = translator(lang).gettext
    widths = html.Fieldset(
        [
            html.Legend(_("Article column width"), className="hint"),
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
        placeholder=_("Choose the article column's width above."),
    )
    hint = html.Small(_("For sites that strip scripts: the embed is measured at the width you choose."),
                      className="hint")  # fmt: skip
    return _copy_field(_("Fixed-height embed code (no script)"), ids.EMBED_FIXED, code, lang, [hint, widths])


VERSION_HINT = N_(
    "Shows the data as it is now, not later edits, while the server keeps "
    "this version (until the next edit but one); then it says what changed."
)


def _link_field(field_id: str) -> dcc.Input:
    return dcc.Input(id=field_id, type="text", readOnly=True, className="text-input")


def share_panel(cited: str = "", lang: str = DEFAULT) -> html.Details:
    """Share, embed and download the current view; two clicks from the explorer to an embed code."""
    _ = translator(lang).gettext
    download_labels = {
        "csv": "CSV",
        "json": "JSON",
        "timelinejs": "TimelineJS JSON",
        "html": _("Chart as HTML"),
        "brief": _("Briefing (Markdown)"),
    }
    return html.Details(
        [
            html.Summary(_("Share, embed, download or print this view")),
            _copy_field(_("Link to this view"), ids.SHARE_LINK, _link_field(ids.SHARE_LINK), lang),
            _copy_field(_("Link to this version of the data"), ids.VERSION_LINK,
                        _link_field(ids.VERSION_LINK), lang, [html.Small(_(VERSION_HINT), className="hint")]),
            _copy_field(_("Embed code (iframe)"), ids.EMBED_CODE,
                        dcc.Textarea(id=ids.EMBED_CODE, readOnly=True, rows=3, className="text-input code"),
                        lang),
            _fixed_height_field(lang),
            html.Div(
                [
                    html.Span(_("Download: "), className="field-label inline"),
                    *(html.A(label, id=ids.DOWNLOADS[kind], href=f"/download/{kind}",
                             className="button small", download="")
                      for kind, label in download_labels.items()),
                    html.Button("PNG", id=ids.IMAGE_BUTTONS["png"], className="button small"),
                    html.Button("SVG", id=ids.IMAGE_BUTTONS["svg"], className="button small"),
                    html.A(_("Print / PDF briefing"), id=ids.BRIEF_LINK, href="/brief", target="_blank",
                           className="button small"),
                ],
                className="downloads",
            ),
            html.P([cited, " · ", html.A(_("What changed since an earlier version"), href="/changes")],
                   className="data-version") if cited else None,
            html.Button(_("Preview the embed"), id=ids.PREVIEW_BUTTON, className="button small"),
            html.Iframe(id=ids.EMBED_PREVIEW, title=_("Embed preview"), className="embed-preview",
                        hidden=True),
        ],
        className="share",
    )  # fmt: skip


def since_panel(first: View | None, lang: str) -> html.Div:
    """Under the chart with since= (so the chart does not move down): "Only new and changed", and
    the events removed since then."""
    _ = translator(lang).gettext
    marks = first.marks if first else None
    return html.Div(
        [
            dbc.Checklist(
                id=ids.CHANGED_ONLY,
                options=[{"label": _("Only new and changed"), "value": CHANGED_ONLY}],
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
    state = first.state if first else ViewState()
    lang = state.lang
    _ = translator(lang).gettext
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
            dcc.Store(id=ids.SHARE_QUERY),
            html.A(_("Skip to the chronology"), href="#chronology-section", className="skip-link"),
            language_switch(state),  # outside the header, which present mode hides
            header(catalog, state),
            html.Div(id=ids.NOTICES, role="status", className="notices"),
            html.Main(
                [
                    _filters(catalog, first, lang),
                    html.Div(
                        [
                            html.Section(
                                story_panel(story, lang),
                                id=ids.STORY_PANEL,
                                className="story-panel",
                                **{"aria-live": "polite", "aria-label": _("Story")},
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
                                    config=plotly_config(lang),
                                    className="timeline",
                                    figure=first.figure if first else {"data": [], "layout": {"height": 380}},
                                ),
                                id=ids.CHART,
                                className="chart",
                                style=chart_style(first.figure) if first else None,
                                **{
                                    "aria-label": _(
                                        "Timeline chart; the chronology below lists the same events"
                                    )
                                },
                            ),
                            since_panel(first, lang),
                            share_panel(cited, lang),
                            html.Section(
                                id=ids.DETAIL,
                                className="detail",
                                **{"aria-live": "polite", "aria-label": _("Selected event")},
                            ),
                            html.Section(story_links(dataset, lang), id=ids.STORIES, className="stories"),
                            html.Section(
                                [
                                    html.H2(_("Chronology")),
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
                html.P(_("Every event cites its sources; select one to read them.")), className="footer"
            ),
        ],
        className="page story-mode" if story else "page",
        id=ids.PAGE,
    )
