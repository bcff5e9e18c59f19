"""The app factory: gunicorn runs `dashboard.app:create_app()`; nothing is built at import."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from dash import Dash

from .callbacks import register_callbacks
from .catalog import Catalog
from .layout import explorer_layout
from .loader import data_version, load_dataset
from .routes import install_routes
from .security import install_security

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def create_app(paths: Iterable[str | os.PathLike] = ()) -> Dash:
    """Load and validate the events (refusing to start on any problem) and build the Dash app."""
    catalog = Catalog(load_dataset(paths), version=data_version(paths))
    app = Dash(
        __name__,
        title=catalog.dataset.title,
        assets_folder=str(ASSETS),
        serve_locally=True,
        compress=True,
        update_title=None,
        assets_path_ignore=["^standalone$", "^vendor$"],
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
    app.layout = explorer_layout(catalog)
    register_callbacks(app, lambda: catalog)
    install_routes(app, lambda: catalog, ASSETS)
    install_security(app)
    return app
