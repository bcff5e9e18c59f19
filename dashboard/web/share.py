"""The share panel's browser-side callbacks that are not the view's: the fixed-height embed code."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output

from . import ids


def register_share_callbacks(app: Dash) -> None:
    """Measure the embed at the chosen column width (assets/js/share.js) and write its iframe code."""
    app.clientside_callback(
        ClientsideFunction("share", "fixedHeightCode"),
        Output(ids.EMBED_FIXED, "value"),
        Input(ids.EMBED_WIDTH, "value"),
        Input(ids.SHARE_QUERY, "data"),
        prevent_initial_call=True,
    )
