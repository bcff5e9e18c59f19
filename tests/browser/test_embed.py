"""The embed, framed by a page from another origin, as a news site would use it."""

from __future__ import annotations

import urllib.request

import pytest

from dashboard.core.loader import BUNDLED_EVENTS, load_dataset

from .conftest import ConsoleLog
from .helpers import open_explorer, reach_embed

pytestmark = pytest.mark.browser
VIEW = "?from=2018-06&to=2019&domains=military,diplomatic"
FITS_JS = """() => {
  const credit = document.querySelector('.credit').getBoundingClientRect();
  const link = [...document.querySelectorAll('.credit a')].find(a => a.textContent.startsWith('Full view'));
  const box = link.getBoundingClientRect();
  return {credit: credit.bottom, link: box.bottom, linkWidth: box.width, view: window.innerHeight,
          scrolls: document.documentElement.scrollHeight > window.innerHeight + 1};
}"""
CHART_MARKS_JS = """() => {
  const chart = document.querySelector('#chart');
  if (!chart || !chart.data) return [];
  return chart.data.filter(t => t.meta && (t.meta.kind === 'point' || t.meta.kind === 'span'))
    .flatMap(t => t.customdata.map(row => row[0]));
}"""


@pytest.fixture(scope="module")
def dataset():
    return load_dataset([BUNDLED_EVENTS])


def embed_frame(page):
    page.wait_for_function("() => window.messages.length > 0")
    frame = next(f for f in page.frames if "/embed" in f.url)
    reach_embed(frame)
    return frame


def test_a_filtered_embed_shows_its_marks_and_reports_its_height(page, server, site, dataset):
    url = site.article("/story.html", f"{server.url}/embed?domains=military&from=2018&childId=tl-1")
    page.goto(url)
    frame = embed_frame(page)
    expected = {
        e.id for e in dataset.events if "military" in e.domains and (e.end or e.date).last_day().year >= 2018
    }
    assert set(frame.evaluate(CHART_MARKS_JS)) == expected
    messages = page.evaluate("window.messages")
    heights = [
        m["height"] for m in messages if isinstance(m, dict) and m.get("type") == "timeline-embed:height"
    ]
    assert heights and heights[-1] > 300
    assert any(isinstance(m, str) and m.startswith("pymxPYMxtl-1xPYMxheightxPYMx") for m in messages)
    assert frame.locator(".credit > a").get_attribute("href") == "/?domains=military&from=2018"


def test_the_embed_fits_a_320_pixel_column_without_sideways_scrolling(page, server, site):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site.article("/narrow.html", f"{server.url}/embed?q=WHA", width="320px"))
    frame = embed_frame(page)
    assert frame.evaluate("document.documentElement.clientWidth") == 320
    assert frame.evaluate("document.documentElement.scrollWidth") <= 320
    assert frame.evaluate("document.querySelector('#chart .main-svg').getBoundingClientRect().width") <= 320


def test_a_repeat_request_is_answered_304_from_the_etag(server):
    url = f"{server.url}/embed?actors=Japan&height=360"
    with urllib.request.urlopen(url) as first:
        tag = first.headers["ETag"]
        assert "max-age" in first.headers["Cache-Control"]
        assert first.headers.get("Set-Cookie") is None
        assert "frame-ancestors *" in first.headers["Content-Security-Policy"]
        assert first.headers.get("X-Frame-Options") is None
    request = urllib.request.Request(url, headers={"If-None-Match": tag})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request)
    assert answer.value.code == 304


def test_the_main_page_refuses_to_be_framed(browser, server, site):
    context = browser.new_context()
    page = context.new_page()
    log = ConsoleLog(page)
    page.goto(site.article("/steal.html", server.url + "/"))
    page.wait_for_timeout(1500)
    framed = next(f for f in page.frames if f != page.main_frame)
    assert framed.evaluate("() => !!document.querySelector('#timeline')") is False
    assert any("frame-ancestors" in error or "X-Frame-Options" in error for error in log.errors)
    context.close()


@pytest.fixture(scope="module")
def copied(browser, server):
    """The explorer's copy buttons, pressed as a journalist would: (snippet, fixed codes by width)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    open_explorer(page, server.url + "/" + VIEW)
    page.get_by_text("Share, embed, download or print this view").click()
    page.get_by_title("Copy: embed code (iframe)").click()
    snippet = page.evaluate("navigator.clipboard.readText()")
    fixed = {}
    for width in (360, 600, 800):
        page.get_by_label(f"{width} px").check()
        page.wait_for_function(
            "w => document.getElementById('embed-fixed-code').value.includes(`width=\"${w}\"`)", arg=width
        )
        page.get_by_title("Copy: fixed-height embed code (no script)").click()
        fixed[width] = page.evaluate("navigator.clipboard.readText()")
    context.close()
    return snippet, fixed


def _embedded(page, url: str, width: int, reached: bool = True):
    """The embed in an article `width` px wide, its live chart drawn (`reached`: tapped if it must)."""
    page.set_viewport_size({"width": width + 40, "height": 900})
    page.goto(url)
    page.frame_locator("iframe").locator(".chart-box").wait_for()  # a lazy iframe loads after the page
    frame = next(f for f in page.frames if "/embed" in f.url)
    if reached:
        reach_embed(frame)
        frame.wait_for_function("() => document.querySelector('#chart')._fullLayout")
    return frame


@pytest.mark.parametrize("width", [360, 600, 800])
def test_the_copied_snippet_resizes_to_show_the_credit_and_full_view_link(page, server, site, copied, width):
    snippet, _fixed = copied
    assert "<script>" in snippet and "timeline-embed:height" in snippet
    frame = _embedded(page, site.column(f"/fit-{width}.html", width, snippet), width)
    page.wait_for_function(
        "() => { const f = document.querySelector('iframe'); const h = f.getBoundingClientRect().height;"
        " const same = window.lastH === h; window.lastH = h; return same && f.height !== '560'; }",
        polling=500,
    )
    fits = frame.evaluate(FITS_JS)
    assert fits["credit"] <= fits["view"] and fits["link"] <= fits["view"] and fits["linkWidth"] > 0, fits
    assert not fits["scrolls"], fits
    assert frame.evaluate("document.documentElement.clientWidth") == width
    assert "1972–2019</h1>" not in frame.content()


@pytest.mark.parametrize("width", [360, 600, 800])
def test_the_fixed_height_code_measured_at_a_width_shows_the_credit_there(page, server, site, copied, width):
    _snippet, fixed = copied
    code = fixed[width]
    assert "<script" not in code and f'width="{width}"' in code
    # Under 600 px the drawing stays until the reader taps it: the height is the drawing's.
    frame = _embedded(page, site.column(f"/fixed-{width}.html", width, code), width, reached=width >= 600)
    page.wait_for_timeout(500)  # the labels settle after the first draw
    fits = frame.evaluate(FITS_JS)
    assert fits["credit"] <= fits["view"] and fits["link"] <= fits["view"], fits
    assert fits["view"] - fits["credit"] < 40, "the fixed height is the embed's own, not a guess"


POINTS_JS = """() => [...document.querySelectorAll('#chart .scatterlayer .point')].map(p => {
  const r = p.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })"""
HOVER_BOX_JS = """() => { const h = document.querySelector('#chart .hoverlayer .hovertext');
  if (!h) return null; const r = h.getBoundingClientRect(); return [r.left, r.right]; }"""
MODEBAR_CLEARS_JS = """() => {
  const bar = document.querySelector('#chart .modebar');
  const box = bar && bar.getBoundingClientRect();
  if (!box || box.width === 0) return true;
  return [...document.querySelectorAll('#chart .annotation, #chart .legend')].every(a => {
    const r = a.getBoundingClientRect();
    return r.width === 0 || r.right <= box.left || r.left >= box.right
      || r.bottom <= box.top || r.top >= box.bottom;
  });
}"""


@pytest.mark.parametrize("width", [360, 600, 800])
def test_hover_labels_stay_inside_the_frame_and_the_modebar_clears_the_key(page, server, site, width):
    code = f'<iframe src="{server.url}/embed" width="{width}" height="1000" style="border:0"></iframe>'
    frame = _embedded(page, site.column(f"/hover-{width}.html", width, code), width)
    page.wait_for_timeout(500)
    left, top = (page.locator("iframe").bounding_box()[key] for key in ("x", "y"))
    page.mouse.move(left + width / 2, top + 300)
    assert frame.wait_for_function(MODEBAR_CLEARS_JS)
    points = frame.evaluate(POINTS_JS)
    assert len(points) > 20
    for x, y in points[:: 1 if width == 360 else 4]:
        page.mouse.move(left + x, top + y)
        box = frame.evaluate(HOVER_BOX_JS)
        if box is None:
            page.wait_for_timeout(50)
            box = frame.evaluate(HOVER_BOX_JS)
        assert box is None or (box[0] >= 0 and box[1] <= width), (x, y, box)


@pytest.mark.parametrize("width", [1000, 400])
def test_chart_as_html_draws_its_labels_offline_level_and_upright(page, server, tmp_path, width):
    """The download is one file: its chart modules are joined into one inline script (imports
    between inline modules cannot work), and nothing is fetched."""
    with urllib.request.urlopen(server.url + "/download/html?domains=military") as response:
        path = tmp_path / "chart.html"
        path.write_bytes(response.read())
    fetched = []
    page.context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (fetched.append(route.request.url), route.abort())
        ),
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => { const g = document.querySelector('#chart'); return g && g.layout && g.layout.timeline &&"
        " g.layout.annotations.some(a => a.name === 'label' && a.visible); }"
    )
    upright = page.evaluate("() => Boolean(document.querySelector('#chart').layout.timeline.upright)")
    assert upright == (width < 600)
    assert fetched == []
