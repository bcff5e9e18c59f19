"""The explorer's first view in Dash's own page (web/first_view.py): the view the address opens,
drawn as inert HTML before the scripts, with the chart's drawing in its box; text from the data
kept text; no ids for scripts or tests to find instead of the live page's."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from dash import dcc, html

from dashboard.app import create_app
from dashboard.core.filters import ViewState
from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.figures.still_labels import plot_box
from dashboard.views.catalog import Catalog
from dashboard.web.first_view import first_view_html, nodes

HOSTILE = Path(__file__).parent / "data" / "hostile.yaml"


class _FirstView(HTMLParser):
    """The first view's elements (tag, attributes) and text, read from the page."""

    def __init__(self):
        super().__init__()
        self.depth, self.elements, self.text = 0, [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth or "first-paint" in (attributes.get("class") or "").split():
            self.elements.append((tag, attributes))
            self.depth += tag not in ("input", "br", "img", "hr", "wbr")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def _first_view(page: str) -> _FirstView:
    parser = _FirstView()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def client():
    return create_app([BUNDLED_EVENTS]).server.test_client()


def test_the_page_comes_with_its_view_drawn_inert_before_the_live_page(client):
    page = client.get("/").get_data(as_text=True)
    view = _first_view(page)
    root = view.elements[0][1]
    assert "inert" in root and root["aria-hidden"] == "true"
    assert page.index("first-paint") < page.index('id="react-entry-point"')
    text = " ".join(view.text)
    assert "Japan–Taiwan–PRC relations" in text and "Showing all 30 events" in text
    drawn = [attrs for tag, attrs in view.elements if "still-chart" in attrs.get("class", "")]
    assert [int(attrs["data-width"]) for attrs in drawn] == [320, 480, 600, 900], (
        "one per range of box widths"
    )
    assert "Kono tweets WHA support" in text, "the chart's titles are drawn"
    named = [attrs.get("id") or attrs["for"] for _, attrs in view.elements if "id" in attrs or "for" in attrs]
    assert named and all(name.startswith("still-") for name in named), "only the drawings' own"


def test_the_first_view_is_the_view_the_address_opens(client):
    economic = " ".join(_first_view(client.get("/?domains=economic").get_data(as_text=True)).text)
    assert "Showing 2 of 30 events" in economic
    assert "Japan backs Taiwan CPTPP bid" in economic and "Kono tweets WHA support" not in economic
    japanese = client.get("/?lang=ja").get_data(as_text=True)
    assert "日本・台湾・中華人民共和国の関係（1972～2019年）" in " ".join(_first_view(japanese).text)


def test_text_from_the_data_stays_text_in_the_first_view():
    page = create_app([HOSTILE]).server.test_client().get("/").get_data(as_text=True)
    view = page[page.index("first-paint") : page.index('id="react-entry-point"')]
    assert "<script>window" not in view and "<style>body" not in view
    assert "&lt;script&gt;window.pwned=&#39;event&#39;&lt;/script&gt;" in view


def test_components_become_the_markup_they_render():
    layout = html.Div(
        [
            html.Label("Search", htmlFor="q", className="field-label", style={"marginTop": 4, "--x": "1px"}),
            dcc.Input(id="q", type="search", placeholder="e.g. WHA", maxLength=200, debounce=True),
            dcc.Store(id="kept", data={"secret": 1}),
            html.Button("Go", id="go", n_clicks=3, **{"aria-expanded": "false"}),
        ],
        className="page",
    )
    root = nodes(layout)[0]
    label, search, button = root["children"]
    assert label["attrs"] == [("class", "field-label"), ("style", "margin-top: 4px; --x: 1px")]
    assert search == {
        "tag": "input",
        "attrs": [("type", "search"), ("placeholder", "e.g. WHA"), ("maxlength", "200")],
        "children": [],
    }
    assert button["attrs"] == [("aria-expanded", "false")] and button["children"] == ["Go"]
    page = first_view_html(layout, "en")
    assert re.search(r'<div class="page first-paint" inert aria-hidden="true">', page)
    assert "secret" not in page and 'id="' not in page


def test_the_drawing_stands_where_plotly_draws_the_plot_above_the_overview_strip():
    """plotly's range slider pushes the plot up by its own height, its ticks and a pad: the drawing
    must put the lanes where plotly will (measured in Chromium: 505 px of plot for this figure)."""
    figure = Catalog(load_dataset([BUNDLED_EVENTS])).view(ViewState()).figure
    assert figure["layout"]["xaxis"]["rangeslider"]["visible"]
    assert plot_box(figure["layout"], 1000)["height"] == 505


def test_no_script_stops_the_parser_before_the_first_view_paints(client):
    """Run as they were, the scripts (plotly.js alone ~400 ms) ran before the first paint whenever
    they had arrived before the parser reached them: deferred, they run after the page is parsed, in
    order, and Dash's renderer starts once they all have (DOMContentLoaded)."""
    page = client.get("/").get_data(as_text=True)
    scripts = re.findall(r"<script\b[^>]*>", page)
    external = [tag for tag in scripts if " src=" in tag]
    assert len(external) >= 8 and all(" defer " in tag for tag in external)
    renderer = page[page.index('id="_dash-renderer"') :]
    assert renderer.index("DOMContentLoaded") < renderer.index("new DashRenderer")


@pytest.mark.parametrize("path", ["/", "/embed", "/brief"])
def test_the_font_a_page_paints_in_is_fetched_beside_the_css(client, path):
    """A first view painted in the fallback font made the live page's same text a larger paint, and
    the "largest paint" came seconds later; its text now waits for the font (`font-display: block`),
    so every page fetches it early. The preload must name the very file fonts.css uses for Latin
    text (another URL would be a second download, and the CSS's still late)."""
    page = client.get(path).get_data(as_text=True)
    preload = re.search(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin', page)
    assert preload, "the page preloads its font"
    css = client.get("/assets/fonts.css").get_data(as_text=True)
    latin = re.search(r"font-style: normal;[^}]*?src: url\(([^)]+)\)[^}]*?unicode-range: U\+0000-00FF", css)
    assert preload.group(1) == "/assets/" + latin.group(1)
    assert "font-display: block" in css[latin.start() - 200 : latin.end()]
    font = client.get(preload.group(1))
    assert font.status_code == 200 and font.data[:4] == b"wOF2"
    assert page.index(preload.group(0)) < page.index("fonts.css")
