"""Everything the explorer's view callback draws for a view, by the names of its outputs."""

from __future__ import annotations

from dataclasses import replace

from dash import Patch, html

from ..core.dataset_like import DatasetLike
from ..core.shown import shown as shown_text
from ..figures.marks import selected_indexes
from ..views.catalog import Sort, View
from ..views.pins import PinNote
from ..views.view_words import describe_view
from .chronology import chronology_table, summary_text
from .event_detail import event_detail
from .filter_options import actor_options, apply_text, domain_options, filters_set_text
from .language import address_query, language_links, share_query
from .since_notes import pin_notice, removed_words, since_notice
from .story_panel import page_class, story_panel


def chart_style(figure: dict) -> dict:
    """The chart's style: the figure's height as --chart-height, held before plotly draws."""
    return {"--chart-height": f"{figure['layout'].get('height', 380)}px"}


def explorer_outputs(
    view: View,
    sort: Sort,
    dataset: DatasetLike,
    notices: tuple[str, ...],
    ring_only: bool,
    present: bool = False,
    pin: PinNote | None = None,
    version: str = "",
    accepted: str = "",
) -> dict:
    """Everything the explorer's view callback sends back besides the widget values and the sort,
    by the names of callbacks.VIEW_OUTPUTS.

    With `ring_only` (only the selection changed) the figure goes as a Patch of the ring and the
    links. `version` is the data version shown, for the share panel's link that pins it; `pin` what
    the page says about the one its address pinned; `accepted` the browser's Accept-Language.
    """
    figure, redrawn = view.figure, selected_indexes(view.figure)
    if ring_only and view.story is None and redrawn:
        figure = Patch()
        for index in redrawn:
            figure["data"][index] = view.figure["data"][index]
    lang = view.state.lang
    labels = {d.id: shown_text(d.label, lang).text for d in dataset.domains}
    return {
        "domain_options": domain_options(dataset, view.domain_counts, lang),
        "actor_options": actor_options(dataset, view.actor_counts),
        "figure": figure,
        "chart_style": chart_style(view.figure),
        "summary": [
            summary_text(view),
            html.Span(" · ".join(describe_view(view.state, dataset)), hidden=True, className="filter-words"),
        ],
        "table": chronology_table(view, sort, labels, dataset),
        "detail": event_detail(view.selected, dataset, view.state),
        "notices": [
            notice
            for notice in (
                pin_notice(pin),
                *(html.P(text, className="notice") for text in (*notices, *view.notices)),
                since_notice(view),
            )
            if notice is not None
        ],
        "since_hidden": view.marks is None,
        "since_removed": removed_words(view),
        "view_query": address_query(view.state, accepted),
        "version_query": share_query(replace(view.state, version=version)),
        "share_query": share_query(view.state),
        "languages": language_links(view.state),
        "story_panel": story_panel(view.story, lang),
        "page_class": page_class(view, present),
        "filters_set": filters_set_text(view.state),
        "apply_label": apply_text(view),
    }
