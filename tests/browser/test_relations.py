"""Related events linked on the chart and named both ways in the detail; statements side by side."""

from __future__ import annotations

import re

import pytest

from .helpers import open_explorer

pytestmark = pytest.mark.browser
TSAI, DECLINES = "tsai-sankei-interview-2019", "japan-declines-security-dialogue-2019"
# Where the drawn figure's relation links start and end, and where each event's mark is.
LINKS_JS = """() => {
  const graph = document.querySelector('#timeline .js-plotly-plot');
  const links = graph.data.find(trace => trace.meta && trace.meta.kind === 'relations');
  const ends = [];
  let start = 0;
  links.x.forEach((x, i) => {
    if (x !== null) return;
    ends.push([[links.x[start], links.y[start]], [links.x[i - 1], links.y[i - 1]]]);
    start = i + 1;
  });
  const marks = {};
  graph.data.filter(t => t.meta && ['point', 'span'].includes(t.meta.kind)).forEach(t => t.customdata.forEach(
    (row, i) => { marks[row[0]] = [(t.base || t.x)[i], t.y[i]]; }));
  return {ends, marks, drawn: [...graph.querySelectorAll('.scatterlayer .trace path.js-line')]
    .filter(p => (p.getAttribute('d') || '').length > 40 && p.style.stroke.includes('82, 96, 109')).length};
}"""


def _day(x: str) -> str:
    return x[:10]


def test_selecting_tsais_call_links_it_to_the_reported_decline_and_names_both_ways(page, server):
    open_explorer(page, server.url)
    page.get_by_role(
        "button", name="Tsai Ing-wen calls for official Japan–Taiwan security dialogue", exact=False
    ).first.click()
    page.wait_for_function("id => location.search.includes('event=' + id)", arg=TSAI)
    page.wait_for_function(f"() => ({LINKS_JS})().ends.length > 0")
    drawn = page.evaluate(LINKS_JS)
    marks = {event_id: (_day(x), y) for event_id, (x, y) in drawn["marks"].items()}
    ends = [{(_day(a[0]), a[1]), (_day(b[0]), b[1])} for a, b in drawn["ends"]]
    assert {marks[TSAI], marks[DECLINES]} in ends, "a curve from Tsai's call to the reported decline"
    assert all(marks[TSAI] in pair for pair in ends), "every link starts at the selected event"
    assert drawn["drawn"] >= 1, "plotly drew the curves"
    detail = page.locator("#detail")
    assert detail.locator("dl.related dt").all_inner_texts()[0] == "Answered by"
    reply = detail.locator("dl.related dd").first.get_by_role("button")
    assert "Japan reportedly declines" in reply.inner_text()
    reply.click()
    page.wait_for_function("id => location.search.includes('event=' + id)", arg=DECLINES)
    page.wait_for_function(
        "() => document.querySelector('#detail dl.related dt')?.innerText === 'Responds to'"
    )
    assert "Tsai Ing-wen calls" in detail.locator("dl.related dd").first.inner_text()


def _party_boxes(page):
    page.wait_for_selector(".statements .party")
    return page.locator(".statements .party").evaluate_all(
        "sections => sections.map(s => s.getBoundingClientRect()).map(r => [r.left, r.top, r.bottom])"
    )


@pytest.mark.parametrize("width", [1366, 375])
def test_statements_stand_in_a_column_per_party_and_stack_on_a_phone(browser, mini_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 600 else 812})
    page = context.new_page()
    open_explorer(page, mini_server.url + "/?event=joint-lab")
    (left_a, top_a, bottom_a), (left_b, top_b, _) = _party_boxes(page)
    names = page.locator(".statements .party h4").all_inner_texts()
    assert names == ["Alphaland", "Betastan"]
    if width > 600:
        assert top_a == top_b and left_b > left_a, "side by side"
    else:
        assert left_a == left_b and top_b >= bottom_a, "stacked"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("size", [(1366, 900), (375, 812)])
def test_axe_finds_nothing_serious_in_a_detail_with_statements_and_relations(page, mini_server, size):
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_explorer(page, mini_server.url + "/?event=joint-lab")
    page.wait_for_selector(".statements .party")
    assert re.search("Follows from", page.locator("#detail dl.related").inner_text())
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], results.generate_report()
