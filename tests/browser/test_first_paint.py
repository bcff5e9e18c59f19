"""The embed's chart before and after its scripts: drawn into the HTML (every event titled or listed,
with no script at all), reporting its height before plotly.js has come, and live once plotly.js has
drawn in its place (at the same height), with hover labels and nothing for axe to object to."""

from __future__ import annotations

import re

import pytest

from dashboard.core.filters import ViewState
from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.views.catalog import Catalog

from .conftest import ConsoleLog

pytestmark = pytest.mark.browser
PLOTLY = re.compile(r"/plotly-basic-[\d.]+\.min\.js")  # its URL ends with ?v=<version>
SHOWN = "[...document.querySelectorAll('.still-chart')].find(e => e.offsetParent !== null)"
# What the shown drawing says: its titles on the chart, its key's lines, how many marks it has.
DRAWING_JS = f"""() => {{
  const drawing = {SHOWN};
  const texts = (selector) => [...drawing.querySelectorAll(selector)].map(e => e.textContent);
  return {{labels: texts('svg.label text'), key: texts('svg.label-key tspan'),
           marks: drawing.querySelectorAll('.trace.point use, .trace.span rect').length,
           visible: [...drawing.querySelectorAll('svg.label text')].every(t => {{
             const box = t.getBoundingClientRect();
             return box.width > 0 && box.left >= -1 && box.right <= window.innerWidth + 1; }})}};
}}"""


@pytest.fixture(scope="module")
def labels():
    """Each event's label text and number, as the still chart gives them."""
    figure = Catalog(load_dataset([BUNDLED_EVENTS])).still(ViewState())
    return figure["layout"]["timeline"]["labels"]


def _titled(label: dict, drawn: dict) -> bool:
    text, number = label["text"], label["number"]
    on_chart = any(
        shown.removeprefix(f"{number} ") == text
        or (shown.endswith("…") and text.startswith(shown.removeprefix(f"{number} ")[:-1].rstrip()))
        for shown in drawn["labels"]
    )
    return on_chart or any(line.startswith(f"{number} ") for line in drawn["key"])


@pytest.mark.parametrize("width", [360, 700, 1000])
def test_with_no_script_the_embed_shows_every_events_mark_and_title(browser, server, labels, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/embed")
    drawn = page.evaluate(DRAWING_JS)
    context.close()
    assert drawn["visible"], "every title inside the frame"
    assert drawn["marks"] >= len(labels)
    assert [label["id"] for label in labels if not _titled(label, drawn)] == []


def test_the_height_is_reported_at_first_paint_before_plotly_has_come(browser, server, site):
    context = browser.new_context(viewport={"width": 740, "height": 900})
    page = context.new_page()
    page.route(PLOTLY, lambda route: route.abort())
    page.goto(site.article("/before.html", f"{server.url}/embed?childId=tl-9", width="700px"))
    page.wait_for_function("() => window.messages.some(m => m && m.type === 'timeline-embed:height')")
    frame = next(f for f in page.frames if "/embed" in f.url)
    height = frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    assert frame.evaluate(f"{SHOWN}.getBoundingClientRect().height") > 400
    reports = [m for m in page.evaluate("window.messages") if isinstance(m, dict)]
    assert reports[-1]["height"] == height and not any(m["live"] for m in reports)
    assert any(
        isinstance(m, str) and m.endswith(f"xPYMxheightxPYMx{height}")
        for m in page.evaluate("window.messages")
    )
    assert frame.locator("#chart .main-svg").count() == 0
    context.close()


@pytest.mark.parametrize("width", [700, 1000])
def test_plotly_takes_the_drawings_place_at_its_height_and_answers_a_hover(browser, server, site, width):
    context = browser.new_context(viewport={"width": width + 40, "height": 900})
    page = context.new_page()
    log = ConsoleLog(page)
    page.goto(site.article(f"/swap-{width}.html", f"{server.url}/embed", width=f"{width}px"))
    page.wait_for_function("() => window.messages.some(m => m && m.live)")
    frame = next(f for f in page.frames if "/embed" in f.url)
    assert frame.locator(".still-chart").count() == 0 and frame.locator("#chart .main-svg").count() > 0
    reports = [m for m in page.evaluate("window.messages") if isinstance(m, dict)]
    assert not reports[0]["live"], "the first report is the drawing's, at first paint"
    heights = [m["height"] for m in reports]
    # Within a px (rounding); a row of labels the two layouts disagreed on would be 22 px, and a line of
    # text whose height followed the font (fallback, then Noto Sans) 2 px.
    assert max(heights) - min(heights) <= 1, f"the live chart is as tall as the drawing: {heights}"
    frame.locator("#chart .scatterlayer .point").first.hover(force=True)
    frame.wait_for_selector("#chart .hoverlayer .hovertext")
    context.close()
    assert log.errors == []


@pytest.mark.parametrize("scripts", [False, True])
def test_axe_finds_no_serious_or_critical_violations_in_the_embed(browser, server, scripts):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 700, "height": 900})
    page = context.new_page()
    if not scripts:
        page.route(PLOTLY, lambda route: route.abort())
    page.goto(server.url + "/embed")
    if scripts:
        page.wait_for_function("() => !document.querySelector('.still-chart')")
    results = Axe().run(page)
    context.close()
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()


def test_in_a_phones_width_plotly_comes_only_when_the_reader_taps_the_chart(browser, server, site):
    context = browser.new_context(viewport={"width": 400, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: PLOTLY.search(request.url) and fetched.append(request.url))
    page.goto(site.article("/phone.html", f"{server.url}/embed", width="360px"))
    frame = next(f for f in page.frames if "/embed" in f.url)
    page.wait_for_timeout(4000)  # past the 3 s a wide frame waits for an idle moment
    assert fetched == [] and frame.locator(".still-chart").count() == 3
    frame.locator(".chart-box").tap()
    page.wait_for_function("() => window.messages.some(m => m && m.live)")
    assert len(fetched) == 1 and frame.evaluate("document.querySelector('#chart').layout.timeline.upright")
    context.close()
