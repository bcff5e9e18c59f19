"""The floor benchmark's pages: each is the explorer's chart (or nothing) with only Dash or plotly."""

import json
import re

import pytest

from benchmarks.floor import FLOOR, HOME, VIS, WITH_GRAPH, shares
from benchmarks.floor_apps import FLOOR_TEXT, GRAPH, PLOTLY, create_app, explorer_figure
from benchmarks.generate import write
from dashboard.core.loader import ENV_VAR, load_dataset
from dashboard.core.resources import ASSETS
from dashboard.web.routes import plotly_script

N = 30


@pytest.fixture(scope="module")
def floor(tmp_path_factory):
    path = write(N, tmp_path_factory.mktemp("floor") / "events.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_VAR, str(path))
        server = create_app()
    figure, config = explorer_figure(load_dataset([path]))
    return server.test_client(), json.loads(json.dumps(figure, default=str)), config


def _scripts(page: str) -> list[str]:
    return re.findall(r'<script[^>]*src="([^"]+)"', page)


def test_the_bare_dash_page_loads_dash_alone_and_lays_out_its_text(floor):
    client, _, _ = floor
    scripts = _scripts(client.get("/").get_data(as_text=True))
    assert any("dash_renderer" in src for src in scripts)
    assert not any("plotly" in src or src.startswith("/assets/") for src in scripts)
    assert client.get("/_dash-layout").get_json()["props"]["children"] == FLOOR_TEXT


def test_the_graph_page_loads_the_explorers_plotly_and_holds_its_figure(floor):
    client, figure, config = floor
    scripts = _scripts(client.get(GRAPH).get_data(as_text=True))
    assert plotly_script(ASSETS)["src"] in scripts
    assert [src for src in scripts if src.startswith("/assets/")] == [plotly_script(ASSETS)["src"]]
    graph = client.get(GRAPH + "_dash-layout").get_json()["props"]["children"]["props"]
    assert graph["figure"]["data"][0]["x"][:3] == figure["data"][0]["x"][:3]
    assert len(graph["figure"]["data"]) == len(figure["data"]) and graph["config"] == config


def test_the_plotly_page_draws_the_same_figure_with_plotly_alone(floor):
    client, figure, _ = floor
    page = client.get(PLOTLY).get_data(as_text=True)
    assert _scripts(page) == [plotly_script(ASSETS)["src"]]
    inline = json.loads(re.search(r"const figure = (.*);\nPlotly.newPlot", page).group(1))
    assert inline["layout"]["timeline"] == figure["layout"]["timeline"]
    assert [trace["type"] for trace in inline["data"]] == [trace["type"] for trace in figure["data"]]


def test_multiples_of_vis_leave_out_what_a_page_did_not_measure():
    rows = {
        VIS: {"drawn_ms": 200.0, "interaction_ms": 20.0},
        HOME: {"drawn_ms": 600.0, "interaction_ms": 100.0},
        FLOOR: {"drawn_ms": 300.0, "interaction_ms": None},
    }
    row = shares(N, rows)
    assert (row["home_drawn"], row["home_zoom"], row["floor_drawn"]) == (3.0, 5.0, 1.5)
    assert row["floor_zoom"] is None and row["graph_drawn"] is None and WITH_GRAPH not in rows
