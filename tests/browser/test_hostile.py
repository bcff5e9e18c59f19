"""Hostile text in every field: in Chromium nothing executes and no element is injected."""

from __future__ import annotations

import pytest

from dashboard.core.loader import load_dataset
from tests.serving import ROOT, serving

pytestmark = pytest.mark.browser
HOSTILE = ROOT / "tests" / "data" / "hostile.yaml"
INJECTED_JS = r"""() => {
  const own = s => s.type === 'application/json' || (s.src && new URL(s.src).origin === location.origin)
    || s.id === '_dash-renderer' || s.textContent.includes('new DashRenderer');
  const scripts = [...document.scripts].filter(s => !own(s)).map(s => s.outerHTML.slice(0, 80));
  const handlers = [...document.querySelectorAll('*')]
    .filter(el => [...el.attributes].some(a => a.name.startsWith('on')))
    .map(el => el.outerHTML.slice(0, 80));
  const frames = [...document.querySelectorAll('iframe[src], img, object, embed')]
    .filter(el => !el.closest('.js-plotly-plot') && !(el.tagName === 'IFRAME' && el.id === 'embed-preview'))
    .map(el => el.outerHTML.slice(0, 80));
  const badLinks = [...document.querySelectorAll('a[href]')]
    .filter(a => !/^(https?:|\/|#|\?)/.test(a.getAttribute('href'))).map(a => a.outerHTML.slice(0, 80));
  const styles = [...document.querySelectorAll('style')]
    .filter(s => /pwned|body\{display:none\}/.test(s.textContent)).map(s => s.outerHTML.slice(0, 80));
  return {pwned: window.pwned || null, scripts, handlers, frames, badLinks, styles};
}"""


@pytest.fixture(scope="module")
def hostile_server():
    yield from serving(HOSTILE, workers=1)


def assert_nothing_injected(page):
    page.wait_for_timeout(500)
    clean = {"pwned": None, "scripts": [], "handlers": [], "frames": [], "badLinks": [], "styles": []}
    assert page.evaluate(INJECTED_JS) == clean


@pytest.mark.parametrize(
    "path",
    ["/", "/?event=hostile-one", "/?story=hostile-story&stop=1", "/embed", "/brief"],
)
def test_hostile_text_is_shown_as_text_and_never_runs(page, hostile_server, path):
    page.goto(hostile_server.url + path)
    page.wait_for_selector(".main-svg")
    if path == "/?event=hostile-one":
        page.wait_for_selector("#detail h2")
        assert page.locator("#detail h2").inner_text() == "<script>window.pwned='event'</script>"
        assert "<script>window.pwned='entity'</script>" in page.locator("#detail .summary").inner_text()
        box = page.locator("#timeline .scatterlayer .point").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_selector("#timeline .hoverlayer .hovertext")
        assert "<script>window.pwned='event'</script>" in page.locator("#timeline .hoverlayer").text_content()
    assert_nothing_injected(page)


@pytest.mark.parametrize(
    ("path", "prefix"),
    [("/", ""), ("/?story=hostile-story&stop=2", ""), ("/embed", ""), ("/brief", "Briefing: ")],
)
def test_a_title_that_closes_the_title_tag_is_the_page_title_and_adds_no_meta_refresh(
    page, hostile_server, path, prefix
):
    title = load_dataset([HOSTILE]).title
    page.goto(hostile_server.url + path)
    page.wait_for_selector(".main-svg")
    assert page.evaluate("() => document.title") == prefix + title
    assert page.locator('meta[http-equiv="refresh" i]').count() == 0
    assert page.url == hostile_server.url + path
