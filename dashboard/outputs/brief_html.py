"""The briefing as a printable page: the view in words, a still chart, the chronology, endnotes."""

from __future__ import annotations

import datetime as dt

from ..core.i18n import translator
from ..core.local_dates import event_date
from ..core.model import Dataset
from ..core.shown import shown
from ..figures import plotly_config
from ..figures.credit import credit_line
from ..figures.theme import with_tick_formats
from ..figures.timeline import still_figure
from ..views.catalog import View
from ..views.in_language import domains_in
from ..views.view_words import describe_view, view_title
from .brief import prepared_on
from .brief_event import relations, statements
from .citations import chronology, citation
from .pages import preview_tags, render

# Fits the text width of both A4 and Letter inside 16 mm side margins (A4: 178 mm ≈ 672 px).
CHART_WIDTH = 660
PLOT_WIDTH = CHART_WIDTH - 56  # less the chart's side margins


def _figure(dataset: Dataset, view: View, numbers: dict[str, int], domains: tuple) -> dict | None:
    """The view's whole timeline at print width, drawn still, each label numbered as its row in the
    chronology (so paper, even in black and white, ties a mark to its row); the page prints its
    credit as text. None when no event matches."""
    if view.rows.empty:
        return None
    lang = view.state.lang
    figure = with_tick_formats(
        still_figure(
            view.rows,
            domains,
            view.state.domains,
            numbers,
            PLOT_WIDTH,
            flat=True,
            bands=view.bands,
            lang=lang,
        ),
        lang,
    )
    figure["layout"] = dict(figure["layout"], width=CHART_WIDTH, autosize=False)
    return figure


def brief_rows(dataset: Dataset, entries, lang: str) -> list[dict]:
    """Each chronology row as the page shows it in `lang`: title and summary (Shown), date, domain
    labels, related events and statements."""
    labels = {domain.id: shown(domain.label, lang).text for domain in dataset.domains}
    listed = {event.id for event, _ in entries}
    return [
        {
            "event": event,
            "marks": marks,
            "title": shown(event.title, lang),
            "summary": shown(event.summary, lang),
            "date": event_date(event, lang),
            "domains": [labels.get(d, d) for d in event.domains],
            "relations": relations(dataset, event, listed, lang),
            "statements": statements(event, lang),
        }
        for event, marks in entries
    ]


def brief_page(
    dataset: Dataset,
    view: View,
    assets: dict[str, str | list[str]],
    notices: tuple[str, ...] = (),
    url: str = "",
    prepared: dt.date | None = None,
    cited: str = "",
    since: dict | None = None,
    note: object = None,
    languages: list | None = None,
) -> str:
    """A printable briefing in the view's language: title, filters in words, when and from which URL
    it was made, a still chart, the chronology, each cited work once. `url` is the site's origin
    ('' keeps links relative); `note` (views.pins.PinNote) what the page says about the data version
    its link pinned; `languages` the language switch's choices."""
    lang = view.state.lang
    _ = translator(lang).gettext
    notes = chronology(dataset, view)
    lines = describe_view(view.state, dataset)
    numbers = {event.id: number for number, (event, _marks) in enumerate(notes.entries, start=1)}
    day, iso = prepared_on(prepared, lang)
    view_url = url + "/" + view.state.to_query()
    title = shown(dataset.title, lang)
    description = shown(dataset.description, lang)
    tags = preview_tags(
        _("Briefing: %(title)s") % {"title": view_title(dataset, view.state)},
        " · ".join([*lines, description.text]),
        kind="article",
    )
    return render(
        "brief.html",
        lang=lang,
        file_lang=dataset.language,
        languages=languages or [],
        title=_("Briefing: %(title)s") % {"title": title.text},
        tags=tags,
        assets=assets,
        inline=False,
        dataset=dataset,
        dataset_title=title,
        description=description,
        view=view,
        notices=notices,
        filters=lines,
        day=day,
        iso=iso,
        view_url=view_url,
        cited=cited,
        since=since,
        note=note,
        explorer="/" + view.state.to_query(),
        figure=_figure(dataset, view, numbers, domains_in(dataset.domains, lang)),
        config=plotly_config.BRIEF,
        rows=brief_rows(dataset, notes.entries, lang),
        works=notes.sources,
        shown_in=lambda text: shown(text, lang),
        citation=lambda source: citation(source, lang),
        credit=credit_line(dataset, lang=lang),
    )
