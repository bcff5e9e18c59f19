"""Any explorer view as a file to take away, from the loaded catalog (nothing rebuilt per request)."""

from __future__ import annotations

import json
from functools import cache

from ..core.filters import ViewState, parse_view
from ..core.resources import ASSETS
from ..figures.credit import credit_line, figure_with_credit
from ..interop.timelinejs import to_timelinejs
from ..views.catalog import Catalog
from ..views.view_words import period_words, view_filename, view_subtitle, view_title
from .brief import brief_markdown, briefing_state
from .exports import events_csv, events_json
from .pages import PLOTLY_JS
from .scripts import inline_module
from .standalone import EmbedOptions, embed_page

EXPORT_FORMATS = ("timelinejs", "csv", "json", "html", "brief")


def export_view(
    catalog: Catalog, kind: str, query: str = "", url: str = "", cited: str = "", accept_language: str = ""
) -> tuple[str, tuple[str, ...]]:
    """The events an explorer URL query shows, as csv, json, html, timelinejs or a brief, with notices.

    `url` is the site's origin, for the brief's link back to the view ('' keeps it relative);
    `cited` names the data version ('Data version 3f9c… of 2026-12-06'), in every format that has
    a place for it. The view's language (`lang=`, else `accept_language`) is the brief's, the
    chart's and the CSV's text; the JSON keeps every language as the file writes it (README:
    "Languages")."""
    dataset = catalog.dataset
    view = parse_view(query, dataset, accept_language=accept_language)
    if kind == "brief":
        return brief_markdown(
            dataset, catalog.view(briefing_state(view.state)), url, cited=cited
        ), view.notices
    if kind == "html":
        state = briefing_state(view.state)
        page = catalog.view(state)
        options, assets = EmbedOptions(), inline_assets()
        text = embed_page(dataset, page, catalog.still(state), options, assets, inline=True, cited=cited)
        return text, view.notices
    if kind not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format '{kind}'; use one of {', '.join(EXPORT_FORMATS)}")
    events = catalog.events_of(catalog.rows(view.state))
    if kind == "csv":
        text = events_csv(events, dataset.domains, cited, view.state.lang)
    elif kind == "json":
        # A narrower view's title names its period (in the view's language); the whole file's
        # title keeps all of its languages.
        title = view_title(dataset, view.state) if period_words(view.state) else None
        text = events_json(dataset, events, title, cited)
    else:
        text = json.dumps(to_timelinejs(dataset, events), ensure_ascii=False, indent=2) + "\n"
    return text, view.notices


@cache
def inline_assets() -> dict[str, str]:
    """The embed's stylesheet and scripts as text, for a chart page that is one self-contained file."""
    paths = {"css": "standalone/embed.css", "plotly": PLOTLY_JS}
    texts = {name: (ASSETS / path).read_text(encoding="utf-8") for name, path in paths.items()}
    return texts | {"js": inline_module(ASSETS / "js", "embed.js")}


def image_figure_of(catalog: Catalog, state: ViewState, cited: str = "") -> dict:
    """The view's whole chart for an image: its title and filters above it, the credit (and the data
    version, `cited`) below it, never turned upright; and the file name that says which view it is."""
    dataset = catalog.dataset
    view = catalog.view(state)
    subtitle = view_subtitle(dataset, view)
    figure = figure_with_credit(
        catalog.still(state), view_title(dataset, state), credit_line(dataset, cited), subtitle
    )
    if "timeline" in figure["layout"]:
        figure["layout"]["timeline"]["flat"] = True
    return {"figure": figure, "filename": view_filename(dataset, state)}
