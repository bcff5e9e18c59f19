"""The chart can be read without hovering: labels beside the marks, none overlapping, the rest
counted, the dense stretch in focus, and vague dates drawn as what they are."""

from __future__ import annotations

import re

import pytest

from .helpers import open_explorer, reach_embed

pytestmark = pytest.mark.browser

# Every label the chart shows, its box on screen, and what it counts as hidden or outside.
LABELS_JS = """chart => {
  const graph = document.querySelector(chart);
  const boxes = [...graph.querySelectorAll('.annotation')].map(node => {
    const r = node.querySelector('.annotation-text-g').getBoundingClientRect();
    const name = graph._fullLayout.annotations[Number(node.dataset.index)].name;
    return {name, text: node.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  }).filter(box => box.right > box.left);
  const items = graph.layout.timeline.labels;
  const axis = graph._fullLayout.xaxis;
  const inView = graph.layout.timeline.upright ? items.length : items.filter(item => {
    const x = axis.l2p(item.x);
    return x >= 0 && x <= graph._fullLayout._size.w;
  }).length;
  const key = graph.layout.annotations.find(a => a.name === 'label-key');
  const listed = key ? key.text.split('<br>').length : 0;
  return {boxes, inView, listed, ids: items.map(item => item.id)};
}"""


def read_labels(page, chart: str) -> dict:
    page.wait_for_function(
        f"chart => {{ const g = document.querySelector(chart);"
        " if (!g || !g.layout || !g.layout.timeline) return false;"
        f" return ({LABELS_JS})(chart).boxes.some(box => box.name === 'label'); }}",
        arg=chart,
    )
    page.wait_for_timeout(300)
    return page.evaluate(LABELS_JS, chart)


def counted(labels: dict) -> int:
    """How many labels the chart says it left out ("+4" beside a lane, "· +4 more" upright) or lists
    under a still chart (a line each)."""
    notes = (
        re.search(r"\+(\d+)", b["text"])
        for b in labels["boxes"]
        if b["name"] in ("label-note", "upright-note")
    )
    return sum(int(match.group(1)) for match in notes if match) + labels["listed"]


def assert_readable(labels: dict) -> None:
    boxes = labels["boxes"]
    shown = [b for b in boxes if b["name"] == "label"]
    assert shown, "some labels are drawn"
    assert len(shown) + counted(labels) == labels["inView"], (len(shown), counted(labels), labels["inView"])
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a["right"] <= b["left"] or b["right"] <= a["left"]
            apart = apart or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
            assert apart, (a["text"], b["text"])


@pytest.mark.parametrize("width", [1280, 375])
def test_the_explorer_labels_every_event_in_view_or_counts_it_and_none_overlap(page, server, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_explorer(page, server.url)
    assert_readable(read_labels(page, "#timeline .js-plotly-plot"))


@pytest.mark.parametrize("width", [1280, 375])
def test_the_embed_labels_its_events_without_overlap(page, server, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server.url + "/embed")
    reach_embed(page)  # at 375 px plotly.js comes only when the reader taps the chart
    assert_readable(read_labels(page, "#chart"))


def test_a_story_stop_is_labelled_without_overlap(page, server, bundled):
    narrative = bundled.narratives[0]
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server.url}/story/{narrative.id}/2")
    assert_readable(read_labels(page, "#timeline .js-plotly-plot"))


def test_zooming_into_2019_reveals_more_labels_and_none_overlap(page, server):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_explorer(page, server.url)
    before = read_labels(page, "#timeline .js-plotly-plot")
    page.evaluate(
        "() => Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),"
        " {'xaxis.range': ['2019-01-01', '2019-06-30']})"
    )
    page.wait_for_timeout(800)
    after = read_labels(page, "#timeline .js-plotly-plot")
    assert_readable(after)
    assert counted(after) < counted(before) or counted(after) == 0


def test_the_recent_events_spread_over_half_the_plot_and_the_overview_holds_them_all(page, server, bundled):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_explorer(page, server.url)
    spread = page.evaluate(
        """() => {
          const g = document.querySelector('#timeline .js-plotly-plot');
          const recent = g.layout.timeline.labels.filter(item => new Date(item.x).getUTCFullYear() >= 2018);
          const xs = recent.map(item => g._fullLayout.xaxis.l2p(item.x));
          return (Math.max(...xs) - Math.min(...xs)) / g._fullLayout._size.w;
        }"""
    )
    assert spread >= 0.5
    assert page.locator("#timeline .rangeslider-container").count() == 1


def test_a_year_only_event_is_drawn_mid_year_not_on_the_first_of_january(page, server, bundled):
    open_explorer(page, server.url + "/?from=2018-06")
    year_only = next(e for e in bundled.events if e.date.precision == "year" and e.date.year == 2018)
    x = page.evaluate(
        """id => {
          const g = document.querySelector('#timeline .js-plotly-plot');
          const trace = g.data.find(t => t.meta && t.meta.kind === 'point' &&
                                         t.customdata.some(row => row[0] === id));
          return trace.x[trace.customdata.findIndex(row => row[0] === id)];
        }""",
        year_only.id,
    )
    assert x[:7] in {"2018-06", "2018-07"}


def test_a_phone_turns_the_timeline_upright_with_time_running_down(page, server, bundled):
    page.set_viewport_size({"width": 375, "height": 800})
    open_explorer(page, server.url)
    labels = read_labels(page, "#timeline .js-plotly-plot")
    assert_readable(labels)
    order = page.evaluate(
        """() => {
          const g = document.querySelector('#timeline .js-plotly-plot');
          const meta = g.layout.timeline;
          const items = meta.labels.map((item, i) => [item.x, g._fullLayout.yaxis.l2p(meta.stretched[i])]);
          items.sort((a, b) => a[0] - b[0]);
          const fits = g.getBoundingClientRect().right <= window.innerWidth;
          return {upright: meta.upright, ys: items.map(pair => pair[1]), fits};
        }"""
    )
    assert order["upright"] and order["fits"]
    assert order["ys"] == sorted(order["ys"]) and order["ys"][0] < order["ys"][-1], "later events sit lower"
    assert not page.locator("#filters-drawer").evaluate("node => node.open"), "filters start folded away"
    page.locator("#filters-drawer > summary").click()
    assert page.locator("#filter-search").is_visible()
    assert page.locator(".masthead .more").is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function(
        "() => !document.querySelector('#timeline .js-plotly-plot').layout.timeline.upright"
    )
    assert_readable(read_labels(page, "#timeline .js-plotly-plot"))


# Every figure plotly is handed to draw (level or upright), and every label relayout, as they come.
COUNT_DRAWS = """() => {
  window.drawCalls = [];
  let plotly;
  Object.defineProperty(window, 'Plotly', {configurable: true, get() { return plotly; }, set(value) {
    plotly = value;
    for (const name of ['react', 'relayout']) {
      const own = value[name];
      value[name] = function (gd, first, second) {
        const data = Array.isArray(first) ? first : first.data;
        const layout = name === 'react' ? (Array.isArray(first) ? second : first.layout) : null;
        const timeline = layout && layout.timeline;
        const what = name === 'relayout' ? ('annotations' in first ? 'labels' : 'other')
          : !timeline ? 'other' : !timeline.upright ? 'level' : data === gd.data ? 'as drawn' : 'upright';
        window.drawCalls.push(what);
        return own.apply(this, arguments);
      };
    }
  }});
}"""


def test_a_phone_draws_the_chart_upright_from_the_first_draw(page, server):
    """Dash hands plotly the level figure; drawn level, then turned and drawn again, it cost a phone a
    full chart draw per figure, and Dash's redraw of its own copy a third draw and a label pass (the
    labels may be laid out once more when the page font arrives: it changes their widths)."""
    page.add_init_script(f"({COUNT_DRAWS})()")
    page.set_viewport_size({"width": 375, "height": 800})
    open_explorer(page, server.url)
    assert_readable(read_labels(page, "#timeline .js-plotly-plot"))
    calls = page.evaluate("window.drawCalls")
    assert calls and "level" not in calls, calls
    assert calls.count("upright") == 1 and "as drawn" in calls, calls
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function(
        "() => !document.querySelector('#timeline .js-plotly-plot').layout.timeline.upright"
    )
    assert_readable(read_labels(page, "#timeline .js-plotly-plot"))


def test_a_story_stop_is_set_in_projector_type(page, server, bundled):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server.url}/story/{bundled.narratives[0].id}/2")
    read_labels(page, "#timeline .js-plotly-plot")
    sizes = page.evaluate(
        """() => { const g = document.querySelector('#timeline .js-plotly-plot');
                 const notes = [...g.querySelectorAll('.annotation')]
                   .filter(node => g._fullLayout.annotations[Number(node.dataset.index)].name !== 'credit')
                   .map(node => node.querySelector('.annotation-text'));
                 return [...notes, ...g.querySelectorAll('.xtick text')]
                   .filter(node => node.getBoundingClientRect().width > 0)
                   .map(node => parseFloat(getComputedStyle(node).fontSize)); }"""
    )
    assert sizes and min(sizes) >= 16, sizes  # the credit line under the chart may stay small


# Zoom to a range; resolve, once the page is quiet, with how often plotly redrew and how often the
# labels were laid out (a relayout that sets the date ticks is theirs).
ZOOM_JS = """range => new Promise(resolve => {
  const graph = document.querySelector('#timeline .js-plotly-plot');
  const seen = {redraws: 0, layouts: 0};
  graph.on('plotly_afterplot', () => { seen.redraws += 1; });
  const plotly = window.Plotly, relayout = plotly.relayout;
  plotly.relayout = function (gd, update) {
    if (update && 'xaxis.nticks' in update) { seen.layouts += 1; }
    return relayout.apply(this, arguments);
  };
  relayout(graph, {'xaxis.range': range}).then(() => setTimeout(() => {
    plotly.relayout = relayout;
    resolve(seen);
  }, 1500));
})"""


def test_a_zoom_lays_the_labels_out_once(page, server):
    """Dash's Graph copies each relayout into its figure; a copy with the labels of before the zoom
    once came back, was drawn, and had them laid out again (three label passes per zoom)."""
    open_explorer(page, server.url)
    read_labels(page, "#timeline .js-plotly-plot")
    seen = page.evaluate(ZOOM_JS, ["2009-01-01", "2016-12-31"])
    assert seen["layouts"] == 1, seen
    assert seen["redraws"] <= 3, seen  # the zoom, its labels, and Dash's no-change copy
    labels = read_labels(page, "#timeline .js-plotly-plot")
    assert_readable(labels)
    assert page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range[0].startsWith('2009')"
    )


STEMS_JS = """() => {
  const proto = SVGPathElement.prototype;
  return [...document.querySelectorAll('#timeline .js-plotly-plot .annotation-arrow-g path')].map(path => {
    const length = path.getTotalLength(), own = proto.getTotalLength.native.call(path);
    const at = path.getPointAtLength(length / 3);
    const ownAt = proto.getPointAtLength.native.call(path, length / 3);
    return {d: path.getAttribute('d'), length, own, x: at.x, ownX: ownAt.x, y: at.y, ownY: ownAt.y,
            dash: path.style.strokeDasharray};
  });
}"""


def test_the_label_stems_are_measured_as_the_browser_measures_them(page, server):
    """plotly.js measures each stem it draws, which made Chromium lay the page out once a stem
    (~0.5 s of a zoom at 300 events); assets/js/straight_paths.js works a straight stem out from its
    `d`, and must give what the browser's own measure gives, or plotly would cut the stems wrong."""
    open_explorer(page, server.url)
    read_labels(page, "#timeline .js-plotly-plot")
    stems = page.evaluate(STEMS_JS)
    assert len(stems) >= 5, stems
    for stem in stems:
        assert stem["length"] == pytest.approx(stem["own"], abs=0.01), stem
        assert (stem["x"], stem["y"]) == pytest.approx((stem["ownX"], stem["ownY"]), abs=0.01), stem
        assert stem["dash"], "plotly cut the stem to its length"
