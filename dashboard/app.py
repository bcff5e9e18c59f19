"""The app factory: gunicorn runs `dashboard.app:create_app()`; nothing is built at import."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable

from dash import Dash

from .callbacks import register_callbacks
from .guards import install_guards
from .layout import explorer_layout
from .live import LiveCatalog
from .resources import ASSETS
from .routes import install_routes
from .security import install_security


def create_app(paths: Iterable[str | os.PathLike] = ()) -> Dash:
    """Load and validate the events (refusing to start on any problem) and build the Dash app."""
    live = LiveCatalog(paths)
    app = Dash(
        __name__,
        title=live.get().dataset.title,
        assets_folder=str(ASSETS),
        assets_path_ignore=["^standalone$", "^vendor$"],
        serve_locally=True,
        compress=True,
        update_title=None,
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
    app.layout = lambda: explorer_layout(live.get())
    register_callbacks(app, live.get)
    install_routes(app, live, ASSETS)
    install_guards(app)
    install_security(app)
    # Dash finishes its setup on the first request, unguarded: two threads racing there can get
    # "dependency not registered" errors for its scripts. Make that first request now.
    app.server.test_client().get("/")
    # gunicorn forks workers from this (preloaded) process: frozen objects are never scanned by the
    # cyclic GC, so the workers keep sharing the event data's memory pages instead of copying them.
    gc.freeze()
    return app
