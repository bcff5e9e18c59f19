"""Plain Flask routes beside the Dash app: the embed, downloads, story links."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from dash import Dash
from flask import Response, make_response, redirect, request

from .catalog import Catalog
from .exports import EXPORT_FORMATS, export_view
from .filters import parse_view
from .standalone import EMBED_KEYS, EmbedOptions, asset_version, embed_page, etag

EMBED_CACHE = "public, max-age=300, stale-while-revalidate=86400"
DOWNLOAD_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json; charset=utf-8", "json"),
    "html": ("text/html; charset=utf-8", "html"),
    "timelinejs": ("application/json; charset=utf-8", "timelinejs.json"),
}


def slug(text: str) -> str:
    """A file-name-safe slug of a title."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "timeline"


def _query() -> str:
    return request.query_string.decode("utf-8", errors="replace")


def install_routes(app: Dash, get_catalog: Callable[[], Catalog], assets: Path) -> None:
    """The embed page, data downloads of any view, and short story links."""
    server = app.server
    embed_assets = {
        name: f"/assets/{path}?v={asset_version(assets / path)}"
        for name, path in {
            "css": "standalone/embed.css",
            "js": "standalone/embed.js",
            "plotly": "vendor/plotly-basic-4.1.1.min.js",
        }.items()
    }
    assets_key = "".join(embed_assets.values())

    @server.get("/embed")
    def embed():
        catalog = get_catalog()
        parsed = parse_view(_query(), catalog.dataset, extra_keys=EMBED_KEYS)
        notices = list(parsed.notices)
        options = EmbedOptions.from_args(request.args, notices)
        tag = etag(catalog.version, parsed.state.to_query(), repr(options), repr(notices), assets_key)
        if request.if_none_match.contains(tag):
            response = Response(status=304)
        else:
            view = catalog.view(parsed.state)
            response = make_response(embed_page(catalog.dataset, view, options, tuple(notices), embed_assets))
        response.set_etag(tag)
        response.headers["Cache-Control"] = EMBED_CACHE
        return response

    @server.get("/download/<kind>")
    def download(kind: str):
        if kind not in DOWNLOAD_TYPES:
            return Response(
                f"Unknown format; use one of {', '.join(EXPORT_FORMATS)}.\n", 404, mimetype="text/plain"
            )
        catalog = get_catalog()
        text, _notices = export_view(catalog.dataset, kind, _query())
        mimetype, extension = DOWNLOAD_TYPES[kind]
        body = "\ufeff" + text if kind == "csv" else text  # the BOM makes Excel read UTF-8
        response = Response(body, content_type=mimetype)
        filename = f"{slug(catalog.dataset.title)}.{extension}"
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @server.get("/story/<narrative_id>")
    @server.get("/story/<narrative_id>/<int:stop>")
    def story_link(narrative_id: str, stop: int = 1):
        return redirect("/?" + urlencode({"story": narrative_id, "stop": stop}), code=302)

    @server.get("/stories")
    def story_list():
        return redirect("/#stories", code=302)
