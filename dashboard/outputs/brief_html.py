"""The briefing as a printable page: the view in words, a still chart, the chronology, endnotes."""

from __future__ import annotations

import datetime as dt

from ..core.frame import date_label
from ..core.model import Dataset
from ..figures import plotly_config
from ..figures.credit import credit_line
from ..figures.timeline import still_figure
from ..views.catalog import View
from ..views.view_words import describe_view, view_title
from .brief import prepared_on
from .citations import chronology, citation
from .pages import preview_tags, render

# Fits the text width of both A4 and Letter inside 16 mm side margins (A4: 178 mm ≈ 672 px).
CHART_WIDTH = 660
PLOT_WIDTH = CHART_WIDTH - 56  # less the chart's side margins


def _figure(dataset: Dataset, view: View, numbers: dict[str, int]) -> dict | None:
    """The view's whole timeline at print width, drawn still, each label numbered as its row in the
    chronology (so paper, even in black and white, ties a mark to its row); the page prints its
    credit as text. None when no event matches."""
    if view.rows.empty:
        return None
    figure = still_figure(view.rows, dataset.domains, view.state.domains, numbers, PLOT_WIDTH, flat=True)
    figure["layout"] = dict(figure["layout"], width=CHART_WIDTH, autosize=False)
    return figure


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
) -> str:
    """A printable briefing: title, filters in words, when and from which URL it was made, a still
    chart, the chronology, each cited work once. `url` is the site's origin ('' keeps links relative);
    `note` (views.pins.PinNote) what the page says about the data version its link pinned."""
    notes = chronology(dataset, view)
    labels = {domain.id: domain.label for domain in dataset.domains}
    lines = describe_view(view.state, dataset)
    rows = [
        {
            "event": event,
            "marks": marks,
            "date": date_label(event),
            "domains": [labels.get(d, d) for d in event.domains],
        }
        for event, marks in notes.entries
    ]
    numbers = {event.id: number for number, (event, _) in enumerate(notes.entries, start=1)}
    day, iso = prepared_on(prepared)
    view_url = url + "/" + view.state.to_query()
    tags = preview_tags(
        f"Briefing: {view_title(dataset, view.state)}",
        " · ".join([*lines, dataset.description]),
        kind="article",
    )
    return render(
        "brief.html",
        title=f"Briefing: {dataset.title}",
        tags=tags,
        assets=assets,
        inline=False,
        dataset=dataset,
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
        figure=_figure(dataset, view, numbers),
        config=plotly_config.BRIEF,
        rows=rows,
        works=notes.sources,
        citation=citation,
        credit=credit_line(dataset),
    )
