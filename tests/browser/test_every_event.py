"""Every event on every surface: a printed brief, a downloaded image, an embed at any column width,
a small file and a phone show every event of the view, titled or numbered and listed, with no
zoom leftovers (overview strip, "earlier"/"later", bare "+N")."""

from __future__ import annotations

import re

import pytest
import yaml
from pypdf import PdfReader

from tests.serving import Server

from .helpers import open_explorer, reach_embed
from .test_labels import assert_readable, read_labels

pytestmark = pytest.mark.browser

MILITARY_2018 = "domains=military&from=2018"
# Made-up events for a small foreign file: eight titles over 124 years, one of them most important.
EIGHT = [
    ("1895-04", "Treaty ends the first war of the test", 3),
    ("1943-06", "Conference on the northern islands", 2),
    ("1972-09-29", "Two capitals restore relations", 2),
    ("1990", "Trade office opens in the old port", 1),
    ("2005-03", "Parliament passes the strait law", 2),
    ("2016-05-20", "New president takes office", 2),
    ("2018-10", "Coast guards sign a rescue pact", 1),
    ("2019-05", "Minister backs observer status", 2),
]
# Every label and listed event of a still chart in its page, and the chart's leftovers from zooming.
STILL_JS = """chart => {
  const graph = document.querySelector(chart);
  const notes = graph.layout.annotations;
  const shown = notes.filter(a => a.name === 'label' && a.visible).map(a => a.text.replace(/<[^>]+>/g, ''));
  const key = notes.filter(a => a.name === 'label-key').map(a => a.text.replace(/<[^>]+>/g, '')).join('\\n');
  const leftovers = notes.filter(a => a.name === 'label-note').map(a => a.text);
  return {items: graph.layout.timeline.labels, shown, key, leftovers,
          slider: Boolean(graph.querySelector('.rangeslider-container')),
          modebar: Boolean(graph.querySelector('.modebar-container .modebar-btn'))};
}"""


def every_event_titled_or_listed(still: dict) -> None:
    """Each event's label is drawn whole or cut, or its number is drawn and it is listed under the chart."""
    for index, item in enumerate(still["items"]):
        title = item["dated"].split(" · ", 1)[1]
        drawn = [text for text in still["shown"] if title[:8] in text or title[:8] in text.replace("\n", "")]
        listed = f"{item['number']} {item['text']}"[:20] in still["key"]
        assert drawn or listed, (index, item["text"], still["shown"], still["key"])
    assert not still["leftovers"] and not still["slider"], "no zoom leftovers on a still chart"


def read_still(frame, chart: str) -> dict:
    frame.wait_for_function(
        "chart => { const g = document.querySelector(chart); return g && g.layout && g.layout.timeline &&"
        " g.layout.annotations.some(a => a.name === 'label' && a.visible); }",
        arg=chart,
    )
    frame.wait_for_timeout(400)
    return frame.evaluate(STILL_JS, chart)


@pytest.fixture(scope="module")
def eight_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("eight") / "eight.yaml"
    events = [
        {
            "id": f"event-{number}",
            "date": date,
            "title": title,
            "summary": "Made-up test event.",
            "domains": ["politics" if number % 2 else "security"],
            "actors": ["Testland"],
            "importance": importance,
            "sources": [{"outlet": "Test Gazette"}],
        }
        for number, (date, title, importance) in enumerate(EIGHT, start=1)
    ]
    domains = [{"id": "politics", "label": "Politics"}, {"id": "security", "label": "Security"}]
    data = {"title": "Eight test events", "description": "Made-up.", "domains": domains, "events": events}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    running = Server(path, workers=1)
    yield running
    running.stop()


def test_a_small_file_opens_on_its_whole_span_with_every_event_titled(page, eight_server):
    open_explorer(page, eight_server.url + "/")
    labels = read_labels(page, "#timeline .js-plotly-plot")
    shown = [box["text"] for box in labels["boxes"] if box["name"] == "label"]
    assert labels["inView"] == 8, "the whole span is open"
    for _date, title, _importance in EIGHT:
        assert any(text.startswith(title) for text in shown), (title, shown)
    assert_readable(labels)


def test_the_bundled_file_titles_nine_in_ten_events_of_its_opening_window_at_1280(page, server):
    open_explorer(page, server.url + "/")
    labels = read_labels(page, "#timeline .js-plotly-plot")
    shown = [box for box in labels["boxes"] if box["name"] == "label"]
    assert len(shown) >= 0.9 * labels["inView"], (len(shown), labels["inView"])
    assert_readable(labels)


def test_the_printed_brief_has_every_event_on_its_chart_and_no_zoom_leftovers(page, server, tmp_path):
    page.goto(server.url + "/brief")
    page.wait_for_selector("body[data-ready='1']")
    still = read_still(page, "#chart")
    assert len(still["items"]) == 30
    every_event_titled_or_listed(still)
    pdf = tmp_path / "brief.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    chart_text = (
        text[: text.index("Chronology\nNo.")] if "Chronology\nNo." in text else text.split("Chronology")[0]
    )
    numbers = set(re.findall(r"(?<![\d.])(\d{1,2}) ", chart_text))
    assert numbers >= {str(n) for n in range(1, 31)}, sorted(set(map(str, range(1, 31))) - numbers)
    assert "earlier" not in chart_text and not re.search(r"\+\d", chart_text)


@pytest.mark.parametrize("query", ["", MILITARY_2018])
def test_png_and_svg_hold_every_event_and_name_the_view(page, server, query):
    open_explorer(page, server.url + "/" + ("?" + query if query else ""))
    page.get_by_text("Share, embed, download or print this view").click()
    stem = (
        "japan-taiwan-prc-relations-military-from-2018" if query else "japan-taiwan-prc-relations-1972-2019"
    )
    with page.expect_download() as png:
        page.get_by_role("button", name="PNG", exact=True).click()
    assert png.value.suggested_filename == stem + ".png"
    assert png.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as svg:
        page.get_by_role("button", name="SVG", exact=True).click()
    assert svg.value.suggested_filename == stem + ".svg"
    drawn = svg.value.path().read_text(encoding="utf-8")
    title = re.search(r'class="gtitle".*?</text>', drawn, re.S).group(0)
    assert ("relations, from 2018" if query else "relations, 1972–2019") in title
    texts = " ".join(re.findall(r">([^<>]+)</t", drawn)).replace("&amp;", "&")
    figure = page.evaluate(
        f"() => fetch('/download/figure{'?' + query if query else ''}').then(r => r.json())"
    )
    for item in figure["figure"]["layout"]["timeline"]["labels"]:
        assert item["text"][:12].replace("'", "&#39;") in texts.replace("'", "&#39;") or re.search(
            rf"\b{item['number']}\b", texts
        ), item["text"]
    assert "earlier" not in texts and "later ▶" not in texts and not re.search(r"\+\d", texts)


@pytest.mark.parametrize("width", [360, 700, 1000])
def test_the_embed_in_an_article_titles_or_lists_every_event(page, server, site, width):
    source = f"{server.url}/embed?{MILITARY_2018}"
    code = f'<iframe id="f" src="{source}" style="border:0;width:100%" height="560"></iframe>'
    page.set_viewport_size({"width": width + 40, "height": 900})
    page.goto(site.column(f"/article-{width}.html", width, code))
    frame = next(f for f in page.frames if "/embed" in f.url)
    reach_embed(frame)
    still = read_still(frame, "#chart")
    assert len(still["items"]) == 13
    every_event_titled_or_listed(still)
    assert not still["modebar"], "nothing to zoom, so no modebar"


def test_the_upright_chart_dates_every_label_and_keeps_year_ticks_off_the_rows(page, server):
    page.set_viewport_size({"width": 375, "height": 812})
    open_explorer(page, server.url + "/")
    page.wait_for_function(
        "() => { const g = document.querySelector('#timeline .js-plotly-plot');"
        " return g.layout.timeline.upright"
        " && g.layout.annotations.some(a => a.name === 'label' && a.visible); }"
    )
    page.wait_for_timeout(400)
    found = page.evaluate(
        """() => {
      const graph = document.querySelector('#timeline .js-plotly-plot');
      const rows = [...graph.querySelectorAll('.annotation')].filter(n =>
        graph._fullLayout.annotations[Number(n.dataset.index)].name === 'label').map(n => {
          const r = n.querySelector('.annotation-text-g').getBoundingClientRect();
          return {text: n.textContent, top: r.top, bottom: r.bottom};
        }).filter(r => r.bottom > r.top);
      const ticks = [...graph.querySelectorAll('.annotation')].filter(n =>
        graph._fullLayout.annotations[Number(n.dataset.index)].name === 'label-tick').map(n => {
          const r = n.getBoundingClientRect(); return {text: n.textContent, middle: (r.top + r.bottom) / 2};
        });
      const last = Math.max(...graph.layout.timeline.labels.map(item => item.x));
      return {rows, ticks, last: new Date(last).getUTCFullYear()};
    }"""
    )
    date = re.compile(r"^(\d{1,2} )?([A-Z][a-z]{2} )?\d{4}")
    assert found["rows"] and all(date.match(row["text"]) for row in found["rows"]), found["rows"][:3]
    for tick in found["ticks"]:
        assert int(tick["text"]) <= found["last"], "the axis ends at the last event's year"
        inside = [row["text"] for row in found["rows"] if row["top"] < tick["middle"] < row["bottom"]]
        assert not inside, (tick, inside)
