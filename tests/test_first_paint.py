"""The chart drawn into the embed's HTML for its first paint (outputs/first_paint.py, svg_chart.py):
every event's mark and title, at every width it is drawn for, text from the data kept text, and
whatever a figure holds (shapes, annotations) drawn."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from benchmarks.generate import generate
from dashboard.app import create_app
from dashboard.core.filters import ViewState
from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.figures.date_ticks import date_ticks
from dashboard.figures.still_labels import laid_out
from dashboard.outputs.first_paint import FRAME_WIDTHS, drawings
from dashboard.outputs.svg_chart import svg_chart
from dashboard.views.catalog import Catalog

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = Path(__file__).parent / "data" / "hostile.yaml"


def _texts(node: ET.Element) -> str:
    return "".join(node.itertext())


def _pct(node: ET.Element, name: str) -> float:
    return float(node.get(name).removesuffix("%"))


def _drawn(svg: str) -> tuple[int, list[str], list[str]]:
    """How many marks, the titles on the chart and the key's lines of one drawing."""
    root = ET.fromstring(str(svg))
    marks = sum(1 for node in root.iter() if node.tag in (f"{SVG}use", f"{SVG}rect") and node.get("fill"))
    labels = [_texts(node) for node in root.iter(f"{SVG}svg") if node.get("class") == "label"]
    key = [
        line
        for node in root.iter(f"{SVG}svg")
        if node.get("class") == "label-key"
        for line in (_texts(span) for span in node.iter(f"{SVG}tspan"))
    ]
    return marks, labels, key


def _titled(event_title: str, number: int, labels: list[str], key: list[str]) -> bool:
    """On the chart (whole, or cut with '…') or in the key under it, by its number."""
    for label in labels:
        text = label.removeprefix(f"{number} ")
        if text == event_title or (text.endswith("…") and event_title.startswith(text[:-1].rstrip())):
            return True
    return any(line.startswith(f"{number} {event_title[:10]}") for line in key)


@pytest.fixture(scope="module", params=["bundled", "generated"])
def catalog(request, tmp_path_factory):
    if request.param == "bundled":
        return Catalog(load_dataset([BUNDLED_EVENTS]))
    path = tmp_path_factory.mktemp("events") / "events-300.yaml"
    path.write_text(yaml.safe_dump(generate(300), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Catalog(load_dataset([path]))


def test_every_drawing_has_every_events_mark_and_title(catalog):
    figure = catalog.still(ViewState())
    labels_of = {item["id"]: item for item in figure["layout"]["timeline"]["labels"]}
    events = list(zip(catalog.frame["id"], catalog.frame["title"], strict=True))
    assert len(labels_of) == len(events)
    for drawing in drawings(figure):
        marks, labels, key = _drawn(drawing.svg)
        assert marks >= len(events) and "<title>" not in drawing.svg, "no hover label in a drawing"
        for event_id, _title in events:
            label = labels_of[event_id]
            assert _titled(label["text"], int(label["number"]), labels, key), (drawing.width, event_id)
        assert drawing.height == pytest.approx(laid_out(figure, drawing.width)["layout"]["height"])


def test_the_page_sends_the_hover_labels_once_in_the_figure_plotly_draws():
    page = create_app([BUNDLED_EVENTS]).server.test_client().get("/embed").get_data(as_text=True)
    assert page.count("<title") == 1, "the document's title only: no drawing repeats the hover labels"
    data = re.search(r'<script[^>]*id="figure-data"[^>]*>(.*?)</script>', page, re.S).group(1)
    hovered = {
        row[0]
        for trace in json.loads(data)["data"]
        if trace.get("hovertemplate")
        for row in trace["customdata"]
    }
    assert hovered >= {event.id for event in load_dataset([BUNDLED_EVENTS]).events}


def test_a_drawing_gives_plotly_the_rows_and_places_it_laid_out():
    figure = Catalog(load_dataset([BUNDLED_EVENTS])).still(ViewState())
    [narrow, *_] = drawings(figure)
    assert narrow.width == FRAME_WIDTHS[0]
    lanes = figure["layout"]["timeline"]["lanes"]
    assert len(narrow.timeline["need"]) == len(lanes) and min(narrow.timeline["need"]) >= 1
    assert len(narrow.timeline["placed"]) == len(figure["layout"]["timeline"]["labels"])
    assert narrow.timeline["placedAt"] == FRAME_WIDTHS[0] - 12 - 44


def test_text_from_the_data_stays_text_in_the_drawing_and_the_page():
    figure = Catalog(load_dataset([HOSTILE])).still(ViewState())
    for drawing in drawings(figure):
        svg = str(drawing.svg)
        assert "<script" not in svg and "<style" not in svg and "<b onmouseover" not in svg
        _marks, labels, key = _drawn(svg)
        shown = " ".join(labels + key)
        assert (
            "<script>window.pwned='event'</script>" in shown and "<style>body{display:none}</style>" in shown
        )
    page = create_app([HOSTILE]).server.test_client().get("/embed").get_data(as_text=True)
    body = page.split("<body>")[1]
    assert "<script>window" not in body and "<style>body" not in body
    assert "&lt;script&gt;window.pwned=&#39;event&#39;&lt;/script&gt;" in body


def test_shapes_annotations_and_lines_of_any_figure_are_drawn():
    figure = {
        "data": [{"type": "scatter", "mode": "lines+markers", "x": ["2000-01-01", "2010-01-01"], "y": [1, 2]}],  # noqa: E501
        "layout": {
            "height": 300,
            "margin": {"l": 10, "r": 10, "t": 20, "b": 30},
            "font": {"family": "sans-serif", "size": 14, "color": "#222"},
            "xaxis": {"type": "date", "range": ["2000-01-01", "2020-01-01"], "nticks": 4},
            "yaxis": {"range": [0, 3]},
            "shapes": [
                {"type": "rect", "xref": "x", "yref": "paper", "x0": "2005-01-01", "x1": "2015-01-01",
                 "y0": 0, "y1": 1, "fillcolor": "#eee", "layer": "below", "name": "era"},
                {"type": "line", "x0": "2000-01-01", "x1": "2020-01-01", "y0": 1, "y1": 2, "name": "link"},
                {"type": "path", "path": "M 2000-01-01,1 L 2010-01-01,2 Z", "name": "arc"},
            ],
            "annotations": [
                {"x": "2010-01-01", "y": 2, "text": "<b>Peak</b> &amp; more<br>2nd line", "ax": 0, "ay": -20},
            ],
        },
    }  # fmt: skip
    root = ET.fromstring(str(svg_chart(figure)))
    shapes = {node.get("class"): node for node in root.iter() if node.get("class") in ("era", "link", "arc")}
    era, link, arc = shapes["era"], shapes["link"], shapes["arc"]
    assert era.tag == f"{SVG}rect" and (_pct(era, "x"), _pct(era, "width")) == pytest.approx(
        (25, 50), abs=0.1
    )
    assert era.get("y") == "20" and era.get("height") == "250"
    assert link.get("x1") == "0%" and link.get("x2") == "100%"
    assert arc.get("d").replace("50.01", "50") == "M 0,186.67 L 50,103.33 Z"
    [note] = [node for node in root.iter(f"{SVG}svg") if node.get("class") == "annotation"]
    assert _pct(note, "x") == pytest.approx(50, abs=0.1)
    assert [_texts(span) for span in note.iter(f"{SVG}tspan")] == ["Peak", " & more", "2nd line"]
    [trace] = [node for node in root.iter(f"{SVG}g") if node.get("class") == "trace scatter"]
    assert [(line.get("x1"), line.get("x2")) for line in trace.iter(f"{SVG}line")] == [("0%", "50.01%")]
    assert len(list(trace.iter(f"{SVG}use"))) == 2
    assert [_texts(t) for t in root.find(f".//{SVG}g[@class='ticks']")] == ["2000", "2010", "2020"]


@pytest.mark.parametrize(
    ("low", "high", "nticks", "expected"),
    [
        ("1970-11-17", "2021-04-11", 6, ["1980", "1990", "2000", "2010", "2020"]),  # plotly at 700 px
        ("1970-11-17", "2021-04-11", 5, ["1980", "2000", "2020"]),
        ("2018-01-01", "2019-01-20", 6, ["Jan 2018", "Apr 2018", "Jul 2018", "Oct 2018", "Jan 2019"]),
        ("2018-01-01", "2018-03-01", 9, ["07 Jan 2018", "14 Jan 2018", "21 Jan 2018", "28 Jan 2018",
                                         "04 Feb 2018", "11 Feb 2018", "18 Feb 2018", "25 Feb 2018"]),
    ],
)  # fmt: skip
def test_date_ticks_are_plotlys(low, high, nticks, expected):
    """The expected ticks are plotly.js 4.1.1's for the same range and nticks, read in Chromium."""
    assert [text for _, text in date_ticks(low, high, nticks)] == expected
