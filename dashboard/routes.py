"""Plain Flask routes beside the Dash app: story links, health."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import Dash
from flask import redirect


def install_routes(app: Dash) -> None:
    """Short links for teachers: /story/<id> and /story/<id>/<stop>; /stories lists them."""
    server = app.server

    @server.get("/story/<narrative_id>")
    @server.get("/story/<narrative_id>/<int:stop>")
    def story_link(narrative_id: str, stop: int = 1):
        return redirect("/?" + urlencode({"story": narrative_id, "stop": stop}), code=302)

    @server.get("/stories")
    def story_list():
        return redirect("/#stories", code=302)
