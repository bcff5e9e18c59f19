"""The app factory: gunicorn runs `dashboard.app:create_app()`; nothing is built at import."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from html import escape
from urllib.parse import urlsplit

from dash import Dash, html
from flask import has_request_context, request

from .core.filters import ViewState, parse_view
from .core.i18n import DEFAULT
from .core.resources import ASSETS
from .core.shown import shown as shown_text
from .outputs.pages import meta_html
from .outputs.previews import explorer_preview
from .views.live import LiveCatalog
from .web.callbacks import register_callbacks
from .web.client_words import client_words_script
from .web.first_view import first_view_html
from .web.guards import install_guards
from .web.language import accept_language
from .web.layout import explorer_layout
from .web.pinning import Pinning
from .web.routes import (
    deferred,
    explorer_script,
    font_preload,
    install_routes,
    module_preloads,
    plotly_script,
    start_dash_after,
)
from .web.security import install_security
from .web.share import register_share_callbacks

FIRST_VIEWS = 16  # first views kept per worker, by data version and view: a 300-event one takes ~0.1 s


class ExplorerDash(Dash):
    """Dash whose index page is in the language the request asks for (`<html lang>`, the words of
    assets/js) and carries the served data's title and the description and link-preview tags for
    the view the URL opens, all escaped: Dash writes its `title` into the page unescaped; and the
    view itself, drawn (web/first_view.py), for the reader to see before the scripts have run."""

    request_view = staticmethod(lambda: ViewState())
    page_title = staticmethod(lambda state: "")
    preview_tags = staticmethod(lambda state: [])
    first_view = staticmethod(lambda state: "")

    def interpolate_index(self, **kwargs) -> str:
        state = self.request_view()
        kwargs["title"] = escape(self.page_title(state))
        kwargs["metas"] = kwargs.get("metas", "") + "\n" + meta_html(self.preview_tags(state))
        kwargs["scripts"] = deferred(kwargs.get("scripts", ""))
        kwargs["app_entry"] = (
            self.first_view(state) + client_words_script(state.lang) + kwargs.get("app_entry", "")
        )
        page = super().interpolate_index(**kwargs)
        return page.replace('<html lang="en">', f'<html lang="{state.lang}">', 1)


def create_app(paths: Iterable[str | os.PathLike] = ()) -> Dash:
    """Load and validate the events (refusing to start on any problem) and build the Dash app."""
    live = LiveCatalog(paths)
    app = ExplorerDash(
        __name__,
        assets_folder=str(ASSETS),
        # assets/js holds ES modules: explorer.js is loaded as one and imports the rest.
        assets_path_ignore=["^standalone$", "^vendor$", "^js$"],
        serve_locally=True,
        compress=True,
        update_title=None,
        external_scripts=[plotly_script(ASSETS), explorer_script(ASSETS)],
        external_stylesheets=[font_preload(), *module_preloads(ASSETS, "explorer.js")],
    )
    start_dash_after(app, explorer_script(ASSETS))
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
    app.server.extensions["timeline_live"] = live  # gunicorn.conf.py's pre_fork syncs the master with it
    pinning = Pinning(live)
    pinning.install(app)
    get_catalog, change_log = pinning.get_catalog, live.change_log

    def request_view() -> ViewState:
        query = request.query_string.decode("utf-8", errors="replace") if has_request_context() else ""
        return parse_view(query, get_catalog().dataset, accept_language=accept_language()).state

    app.request_view = request_view
    app.page_title = lambda state: shown_text(get_catalog().dataset.title, state.lang).text
    app.preview_tags = lambda state: explorer_preview(get_catalog().dataset, state)

    def layout(state: ViewState | None) -> html.Div:
        catalog = get_catalog()
        first = catalog.view(state) if state else None
        cited = change_log.cited(catalog.version, state.lang if state else DEFAULT)
        return explorer_layout(catalog, first, cited)

    def referrer_view() -> ViewState | None:
        """The view of the page asking for the layout: Dash fetches its layout separately, so the
        page's own address comes as the referrer (none outside a request: the default view's
        callback fills it in)."""
        if not has_request_context():
            return None
        query = urlsplit(request.referrer or "").query
        return parse_view(query, get_catalog().dataset, accept_language=accept_language()).state

    @lru_cache(maxsize=FIRST_VIEWS)
    def first_view(version: str, state: ViewState) -> str:
        return first_view_html(layout(state), state.lang)

    app.layout = lambda: layout(referrer_view())
    app.first_view = lambda state: first_view(get_catalog().version, state)
    register_callbacks(app, pinning)
    register_share_callbacks(app)
    install_routes(app, live, pinning, ASSETS)
    install_guards(app)
    install_security(app)
    # Dash finishes its setup on the first request, unguarded: two threads racing there can get
    # "dependency not registered" errors for its scripts. Make that first request now. It and the
    # embed's also draw the default view once, before gunicorn forks its workers, rather than once
    # in each worker for its first reader (~0.1 and ~0.2 s at 300 events).
    client = app.server.test_client()
    client.get("/")
    client.get("/embed")
    return app
