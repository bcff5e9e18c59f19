"""Eras behind the lanes on every surface: bands drawn under the marks, labels in their own strip
(or, upright, their own columns) that no event label meets, and the explorer's switch in the URL."""

from __future__ import annotations

import pytest

from .helpers import open_explorer, reach_embed

pytestmark = pytest.mark.browser

ERAS = ["Taiwan a WHA observer", "Abe Shinzo's second government", "Tsai Ing-wen's presidency"]
# The era bands plotly drew, and the boxes of the era and event labels it drew, in page px.
DRAWN_JS = """chart => {
  const graph = document.querySelector(chart);
  const boxes = name => [...graph.querySelectorAll('.annotation')]
    .filter(n => (graph._fullLayout.annotations[Number(n.dataset.index)] || {}).name === name)
    .map(n => ({text: n.textContent, box: n.querySelector('.annotation-text-g').getBoundingClientRect()}))
    .filter(a => a.box.width > 0)
    .map(a => ({text: a.text, box: [a.box.left, a.box.top, a.box.right, a.box.bottom]}));
  const frame = graph.getBoundingClientRect(), size = graph._fullLayout._size;
  const left = frame.left + size.l, top = frame.top + size.t;
  const shapes = (graph.layout.shapes || []).filter(s => s.name === 'era').length;
  return {eras: boxes('era'), labels: boxes('label'), shapes,
          drawn: graph.querySelectorAll('.shapelayer path').length,
          plot: [left, top, left + size.w, top + size.h],
          upright: Boolean(graph.layout.timeline.upright)};
}"""
READY_JS = """chart => { const g = document.querySelector(chart);
  return g && g.layout && g.layout.timeline && g.layout.annotations.some(a => a.name === 'era' && a.visible)
    && g.layout.annotations.some(a => a.name === 'label' && a.visible); }"""


def read_eras(frame, chart: str) -> dict:
    frame.wait_for_function(READY_JS, arg=chart)
    frame.wait_for_timeout(400)
    return frame.evaluate(DRAWN_JS, chart)


def meets(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def assert_behind_the_lanes_and_clear_of_labels(drawn: dict, shown: int) -> None:
    assert drawn["shapes"] >= 2 and drawn["drawn"] >= 2 * drawn["shapes"], "bands and their heads drawn"
    assert len(drawn["eras"]) >= shown, drawn["eras"]
    assert all(
        any(era.startswith(text.rstrip("…")) for era in ERAS) for text in [e["text"] for e in drawn["eras"]]
    )
    left, top, right, bottom = drawn["plot"]
    for era in drawn["eras"]:
        box = era["box"]
        assert left - 1 <= box[0] and box[2] <= right + 1 and top - 1 <= box[1] and box[3] <= bottom + 1, era
        hits = [label["text"] for label in drawn["labels"] if meets(box, label["box"])]
        assert hits == [], (era["text"], hits)
    for one in drawn["eras"]:
        assert [
            two["text"] for two in drawn["eras"] if two is not one and meets(one["box"], two["box"])
        ] == []


def test_the_explorer_draws_eras_behind_its_lanes_and_the_switch_hides_them_in_the_url(page, server):
    page.set_viewport_size({"width": 1366, "height": 900})
    open_explorer(page, server.url + "/?from=2009")  # opens on 2018–2019: the WHA years are left of it
    assert_behind_the_lanes_and_clear_of_labels(read_eras(page, "#timeline .js-plotly-plot"), 2)
    switch = page.get_by_label("Show 3 eras")
    assert switch.is_checked()
    switch.uncheck()
    page.wait_for_function("() => location.search.includes('eras=off')")
    page.wait_for_function(
        "() => !(document.querySelector('#timeline .js-plotly-plot').layout.shapes || []).length"
    )
    assert page.locator("#timeline .shapelayer path").count() == 0
    assert "eras=off" in page.locator("#share-link").input_value()
    page.reload()
    page.wait_for_function("() => window.__landed === true")
    assert not page.get_by_label("Show 3 eras").is_checked()


def test_era_in_the_url_sets_the_period_and_an_unknown_one_is_noticed(page, server):
    open_explorer(page, server.url + "/?era=wha-observer-years")
    assert page.locator("#filter-from").input_value() == "2009"
    assert page.locator("#filter-to").input_value() == "2016"
    page.wait_for_function("() => location.search === '?from=2009&to=2016'")
    open_explorer(page, server.url + "/?era=heisei")
    assert "Unknown era 'heisei' ignored." in page.locator("#notices").inner_text()


@pytest.mark.parametrize("width", [360, 1000])
def test_the_embed_draws_the_eras_and_honours_the_switch(page, server, site, width):
    page.set_viewport_size({"width": width + 40, "height": 900})
    source = f"{server.url}/embed?from=2009"
    code = f'<iframe id="f" src="{source}" style="border:0;width:100%" height="560"></iframe>'
    page.goto(site.column(f"/eras-{width}.html", width, code))
    embed = next(f for f in page.frames if "/embed" in f.url)
    reach_embed(embed)
    drawn = read_eras(embed, "#chart")
    assert drawn["upright"] is (width < 600)
    assert_behind_the_lanes_and_clear_of_labels(drawn, 3)
    embed.goto(server.url + "/embed?from=2009&eras=off")
    served = embed.evaluate(
        "url => Promise.all([url, url + '&eras=off'].map(u => fetch(u).then(r => r.text())))", source
    )
    assert 'class="era"' in served[0] and 'class="era"' not in served[1], "the first paint's drawing too"
    reach_embed(embed)
    assert embed.evaluate("() => (document.querySelector('#chart').layout.shapes || []).length") == 0


def test_the_printed_brief_draws_the_eras(page, server):
    page.goto(server.url + "/brief?from=2009")
    page.wait_for_selector("body[data-ready='1']")
    page.emulate_media(media="print")
    assert_behind_the_lanes_and_clear_of_labels(read_eras(page, "#chart"), 3)


def test_the_upright_phone_chart_turns_the_bands_and_reads_their_labels_down_their_own_columns(page, server):
    page.set_viewport_size({"width": 375, "height": 812})
    open_explorer(page, server.url + "/")
    drawn = read_eras(page, "#timeline .js-plotly-plot")
    assert drawn["upright"]
    assert_behind_the_lanes_and_clear_of_labels(drawn, 3)
    tall = [era for era in drawn["eras"] if era["box"][3] - era["box"][1] > era["box"][2] - era["box"][0]]
    assert len(tall) == len(drawn["eras"]), "each reads down its column"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_downloaded_image_draws_the_eras(page, server):
    open_explorer(page, server.url + "/?from=2009")
    page.get_by_text("Share, embed, download or print this view").click()
    with page.expect_download() as svg:
        page.get_by_role("button", name="SVG", exact=True).click()
    drawn = svg.value.path().read_text(encoding="utf-8")
    assert "Tsai Ing-wen" in drawn and "Taiwan a WHA" in drawn
    assert drawn.count("fill-opacity: 0.07") + drawn.count("opacity: 0.07") >= 2, "the bands"
