"""Thin callbacks: widget values in, one pure view computation, components out."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from ..core.filters import parse_view
from . import ids
from .language import accept_language
from .pinning import Pinning
from .view_update import ViewInputs, update_view
from .widgets import zoom_range

# Named inputs and outputs (Dash's flexible callback signature): the callback is called with these
# inputs as keywords and returns a dict with these outputs (view_update.update_view fills it), so no
# list order must match.
VIEW_OUTPUTS = {
    "domains": Output(ids.DOMAINS, "value"),
    "actors": Output(ids.ACTORS, "value"),
    "start": Output(ids.FROM, "value"),
    "end": Output(ids.TO, "value"),
    "query": Output(ids.SEARCH, "value"),
    "eras": Output(ids.ERAS, "value"),
    "selected": Output(ids.SELECTED, "data"),
    "story": Output(ids.STORY, "data"),
    "sort": Output(ids.SORT, "data"),
    "domain_options": Output(ids.DOMAINS, "options"),
    "actor_options": Output(ids.ACTORS, "options"),
    "figure": Output(ids.TIMELINE, "figure"),
    "chart_style": Output(ids.CHART, "style"),
    "summary": Output(ids.SUMMARY, "children"),
    "table": Output(ids.TABLE, "children"),
    "detail": Output(ids.DETAIL, "children"),
    "notices": Output(ids.NOTICES, "children"),
    "view_query": Output(ids.QUERY, "data"),
    "story_panel": Output(ids.STORY_PANEL, "children"),
    "page_class": Output(ids.PAGE, "className"),
    "drawn": Output(ids.DRAWN, "data"),
    "filters_set": Output(ids.FILTERS_SET, "children"),
    "apply_label": Output(ids.APPLY, "children"),
    "changed": Output(ids.CHANGED_ONLY, "value"),
    "since_hidden": Output(ids.SINCE_PANEL, "hidden"),
    "since_removed": Output(ids.SINCE_REMOVED, "children"),
    "version_query": Output(ids.VERSION_QUERY, "data"),
    "share_query": Output(ids.SHARE_QUERY, "data"),
    "languages": Output(ids.LANGUAGES, "children"),
}
VIEW_INPUTS = {
    "search": Input(ids.URL, "search"),
    "domains": Input(ids.DOMAINS, "value"),
    "actors": Input(ids.ACTORS, "value"),
    "start": Input(ids.FROM, "value"),
    "end": Input(ids.TO, "value"),
    "query": Input(ids.SEARCH, "value"),
    "eras": Input(ids.ERAS, "value"),
    "selected": Input(ids.SELECTED, "data"),
    "sort": Input(ids.SORT, "data"),
    "story": Input(ids.STORY, "data"),
    "present": Input(ids.PRESENT, "data"),
    "changed": Input(ids.CHANGED_ONLY, "value"),
    "drawn": State(ids.DRAWN, "data"),
}


def make_update_view(pinning: Pinning):
    """The explorer's one server callback: the inputs by name and the id of the one that changed,
    handed to the pure view_update.update_view, from the data version the page's `v=` pins."""

    def view_callback(**inputs) -> dict:
        pinning.pin(inputs["search"] if isinstance(inputs["search"], str) else "")
        catalog, trigger = pinning.get_catalog(), ctx.triggered_id
        return update_view(catalog, ViewInputs(**inputs), trigger, pinning.note(), accept_language())

    return view_callback


def make_zoom(pinning: Pinning):
    """Zooming into a counts view: draw the events in range one by one once few enough remain."""

    def zoom_timeline(relayout, query):
        x_range = zoom_range(relayout)
        if x_range is False:
            return no_update
        pinning.pin(query if isinstance(query, str) else "")
        catalog = pinning.get_catalog()
        view = parse_view(
            query if isinstance(query, str) else "", catalog.dataset, accept_language=accept_language()
        )
        figure = catalog.zoomed(view.state, x_range)
        return no_update if figure is None else figure

    return zoom_timeline


def register_callbacks(app: Dash, pinning: Pinning) -> None:
    """Wire the explorer: one server round trip per change, pure UI in the browser."""
    app.callback(output=VIEW_OUTPUTS, inputs=VIEW_INPUTS)(make_update_view(pinning))
    app.callback(
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Input(ids.ZOOM, "data"),
        State(ids.QUERY, "data"),
        prevent_initial_call=True,
    )(make_zoom(pinning))
    app.clientside_callback(
        ClientsideFunction("timeline", "zoomIfCounted"),
        Output(ids.ZOOM, "data"),
        Input(ids.TIMELINE, "relayoutData"),
        State(ids.TIMELINE, "figure"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "select"),
        Output(ids.SELECTED, "data", allow_duplicate=True),
        Input(ids.TIMELINE, "clickData"),
        Input({"type": ids.ROW, "id": ALL}, "n_clicks"),
        Input({"type": ids.RELATED, "id": ALL}, "n_clicks"),
        Input({"type": ids.CLOSE, "id": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "sort"),
        Output(ids.SORT, "data"),
        Input({"type": ids.SORT_BUTTON, "key": ALL}, "n_clicks"),
        State(ids.SORT, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "turnPage"),
        Output(ids.SORT, "data", allow_duplicate=True),
        Input({"type": ids.PAGE_BUTTON, "page": ALL}, "n_clicks"),
        State(ids.SORT, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "reset"),
        Output(ids.DOMAINS, "value", allow_duplicate=True),
        Output(ids.ACTORS, "value", allow_duplicate=True),
        Output(ids.FROM, "value", allow_duplicate=True),
        Output(ids.TO, "value", allow_duplicate=True),
        Output(ids.SEARCH, "value", allow_duplicate=True),
        Output(ids.SELECTED, "data", allow_duplicate=True),
        Input(ids.RESET, "n_clicks"),
        State(ids.DOMAINS, "options"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "storyStep"),
        Output(ids.STORY, "data", allow_duplicate=True),
        Input({"type": ids.STORY_STEP, "story": ALL, "stop": ALL, "role": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "drawerOpen"),
        Output(ids.FILTERS_DRAWER, "open"),
        Input(ids.URL, "pathname"),
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "replaceUrl"),
        Input(ids.QUERY, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "shareLinks"),
        Output(ids.SHARE_LINK, "value"),
        Output(ids.VERSION_LINK, "value"),
        Output(ids.EMBED_CODE, "value"),
        *(Output(ids.DOWNLOADS[kind], "href") for kind in ("csv", "json", "timelinejs", "html")),
        Output(ids.BRIEF_LINK, "href"),
        Output(ids.DOWNLOADS["brief"], "href"),
        Input(ids.SHARE_QUERY, "data"),
        Input(ids.VERSION_QUERY, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "previewEmbed"),
        Output(ids.EMBED_PREVIEW, "src"),
        Output(ids.EMBED_PREVIEW, "hidden"),
        Input(ids.PREVIEW_BUTTON, "n_clicks"),
        State(ids.SHARE_QUERY, "data"),
        prevent_initial_call=True,
    )
    for image_format, button in ids.IMAGE_BUTTONS.items():
        app.clientside_callback(
            ClientsideFunction("timeline", f"download{image_format.upper()}"),
            Input(button, "n_clicks"),
            prevent_initial_call=True,
        )
