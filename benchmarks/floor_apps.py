"""The floor pages of benchmarks/floor.py, one Flask server for gunicorn: a bare Dash page, a bare
Dash page with only the explorer's chart in a dcc.Graph, and plotly.js alone drawing that chart.

gunicorn runs `benchmarks.floor_apps:create_app()` with TIMELINE_EVENTS naming the event file, as
the app's own server does; each page is what the explorer's `/` would be without the rest of it.
"""

from __future__ import annotations

import html as html_text
import os
from pathlib import Path

import plotly.io.json
from dash import Dash, dcc, html
from flask import Flask, Response

from dashboard.core.filters import parse_view
from dashboard.core.loader import ENV_VAR, load_dataset
from dashboard.core.resources import ASSETS
from dashboard.views.catalog import Catalog
from dashboard.web.plotly_words import plotly_config
from dashboard.web.routes import plotly_script

GRAPH = "/graph/"
PLOTLY = "/plotly"
FLOOR_TEXT = "Dash has drawn this page."
# drawn on the bare Dash page: its text in the DOM (a script the harness adds, from the first frame).
FLOOR_DRAWN = "() => (document.getElementById('floor') || {}).textContent === " + repr(FLOOR_TEXT)
PLOTLY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>plotly.js alone, {n} events</title>
<script src="{src}"></script></head>
<body style="margin:0"><div id="timeline"></div>
<script>
const figure = {figure};
Plotly.newPlot(document.getElementById("timeline"), figure.data, figure.layout, {config});
</script></body></html>
"""


def explorer_figure(dataset) -> tuple[dict, dict]:
    """The figure and plotly config the explorer's `/` opens on for these events (no query, English)."""
    state = parse_view("", dataset).state
    return Catalog(dataset).view(state).figure, plotly_config(state.lang)


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element (no `</script>` can end it early)."""
    return plotly.io.json.to_json_plotly(value).replace("</", "<\\/")


def plotly_page(n: int, figure: dict, config: dict) -> str:
    """A static page: plotly.js (the explorer's own bundle and URL) and Plotly.newPlot on the figure."""
    src = html_text.escape(plotly_script(ASSETS)["src"])
    return PLOTLY_PAGE.format(n=n, src=src, figure=_script_json(figure), config=_script_json(config))


def _bare_dash(server: Flask | bool, prefix: str, **options) -> Dash:
    """Dash as the explorer configures it (local, compressed, no update title), with none of our
    assets in its page; `/assets/` still serves the files, so plotly.js has the explorer's URL."""
    return Dash(
        __name__,
        server=server,
        url_base_pathname=prefix,
        assets_folder=str(ASSETS),
        assets_ignore=".*",
        serve_locally=True,
        compress=True,
        update_title=None,
        **options,
    )


def create_app() -> Flask:
    """The three floor pages of one event file: `/` bare Dash, /graph/ Dash with the chart,
    /plotly plotly.js alone."""
    dataset = load_dataset([Path(os.environ[ENV_VAR])])
    figure, config = explorer_figure(dataset)
    floor = _bare_dash(True, "/")
    floor.layout = html.Div(FLOOR_TEXT, id="floor")
    graph = _bare_dash(floor.server, GRAPH, external_scripts=[plotly_script(ASSETS)])
    graph.layout = html.Div(dcc.Graph(id="timeline", figure=figure, config=config))
    page = plotly_page(len(dataset.events), figure, config)
    floor.server.add_url_rule(PLOTLY, "plotly_alone", lambda: Response(page, mimetype="text/html"))
    for app in (floor, graph):  # Dash finishes its setup on the first request: make it now
        app.server.test_client().get(app.config.url_base_pathname)
    return floor.server
