"""The explorer before and after its scripts: its first view drawn into the page (header, filters,
the chart with marks and titles) at first paint, then the live page in its place once its chart is
drawn and labelled, the chart box where it was and the lanes at the heights the drawing gave them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SHOWN = "[...document.querySelectorAll('.first-paint .still-chart')].find(e => e.offsetParent !== null)"
# The shown drawing's titles inside the window, its marks, and where the chart box and lane names are.
FIRST_VIEW_JS = f"""() => {{
  const drawing = {SHOWN};
  const titles = [...drawing.querySelectorAll('svg.label text')].filter(t => {{
    const box = t.getBoundingClientRect();
    return box.width > 0 && box.left >= -1 && box.right <= window.innerWidth + 1; }});
  const chart = document.querySelector('.first-paint .chart').getBoundingClientRect();
  return {{titles: titles.map(t => t.textContent), marks: drawing.querySelectorAll('.trace use').length,
           chart: [chart.top, chart.height],
           lanes: [...drawing.querySelectorAll('text')].filter(t => t.textContent === 'Diplomatic')
             .map(t => t.getBoundingClientRect().top),
           live: getComputedStyle(document.getElementById('react-entry-point')).visibility}};
}}"""
LIVE_JS = """() => {
  const chart = document.getElementById('chart').getBoundingClientRect();
  const lanes = [...document.querySelectorAll('.js-plotly-plot .annotation-text')]
    .filter(t => t.textContent === 'Diplomatic').map(t => t.getBoundingClientRect().top);
  return {chart: [chart.top, chart.height], lanes};
}"""


@pytest.mark.parametrize("size", [(1366, 900), (1280, 720)])
def test_with_no_script_the_explorer_shows_its_view_and_chart(browser, server, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/")
    first = page.evaluate(FIRST_VIEW_JS)
    assert (
        page.locator(".first-paint h1").is_visible()
        and page.locator(".first-paint .summary-line").is_visible()
    )
    context.close()
    assert first["live"] == "hidden"
    assert first["marks"] >= 20 and len(first["titles"]) >= 15
    assert "Kono tweets WHA support" in first["titles"]


def test_the_live_page_takes_the_first_views_place_where_it_stood(browser, server, page):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, java_script_enabled=False)
    still = context.new_page()
    still.goto(server.url + "/")
    first = still.evaluate(FIRST_VIEW_JS)
    context.close()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(server.url + "/")
    page.wait_for_selector(".first-paint", state="detached")
    assert page.locator("#timeline .js-plotly-plot .main-svg").first.is_visible()
    live = page.evaluate(LIVE_JS)
    assert abs(live["chart"][0] - first["chart"][0]) <= 2 and abs(live["chart"][1] - first["chart"][1]) <= 2
    assert len(live["lanes"]) == len(first["lanes"]) == 1
    assert abs(live["lanes"][0] - first["lanes"][0]) <= 4, "the lanes stand where the drawing put them"
