"""The filter drawer from data: each domain and actor as an option with its count, and what the
drawer's summary and closing button say."""

from __future__ import annotations

from dash import html

from ..core.dataset_like import DatasetLike
from ..core.filters import ViewState
from ..figures.theme import domain_colors
from ..views.catalog import View


def domain_options(dataset: DatasetLike, counts: dict[str, int]) -> list[dict]:
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
    count = state.filters_set
    return "Filters" if count == 0 else f"Filters · {count} set"


def apply_text(view: View) -> str:
    """The phone drawer's closing button, naming what it will show."""
    return (
        "Show no events" if view.count == 0 else f"Show {view.count:,} event{'s' if view.count != 1 else ''}"
    )
