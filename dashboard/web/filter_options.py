"""The filter drawer from data: each domain and actor as an option with its count, and what the
drawer's summary and closing button say."""

from __future__ import annotations

from dash import html

from ..core.dataset_like import DatasetLike
from ..core.filters import ViewState
from ..core.i18n import DEFAULT, translator
from ..figures.theme import domain_colors
from ..views.catalog import View
from .event_text import shown


def domain_options(dataset: DatasetLike, counts: dict[str, int], lang: str = DEFAULT) -> list[dict]:
    """Checklist options for the domains, each with its count and colour swatch."""
    colors = domain_colors(dataset.domains)
    return [
        {
            "label": html.Span(
                [
                    html.Span(className="swatch", style={"background": colors[domain.id]}),
                    *shown(domain.label, lang),
                    " ",
                    html.Span(f"({counts.get(domain.id, 0)})", className="count"),
                ]
            ),
            "value": domain.id,
        }
        for domain in dataset.domains
    ]


def actor_options(dataset: DatasetLike, counts: dict[str, int]) -> list[dict]:
    """Checklist options for the actors, with counts."""
    return [
        {
            "label": html.Span([f"{actor} ", html.Span(f"({counts.get(actor, 0)})", className="count")]),
            "value": actor,
        }
        for actor in dataset.actors
    ]


def filters_set_text(state: ViewState) -> str:
    """The phone drawer's summary: what is set, so a closed drawer still says the view is narrowed."""
    translation = translator(state.lang)
    count = state.filters_set
    if count == 0:
        return translation.gettext("Filters")
    return translation.ngettext("Filters · %(count)s set", "Filters · %(count)s set", count) % {
        "count": count
    }


def apply_text(view: View) -> str:
    """The phone drawer's closing button, naming what it will show."""
    translation = translator(view.state.lang)
    if view.count == 0:
        return translation.gettext("Show no events")
    words = translation.ngettext("Show %(count)s event", "Show %(count)s events", view.count)
    return words % {"count": f"{view.count:,}"}
