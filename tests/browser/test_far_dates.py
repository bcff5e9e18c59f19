"""A chronology from 1274 to 2300 (outside pandas' nanosecond range) drawn in Chromium."""

from __future__ import annotations

from collections import Counter

import pytest

from dashboard.core.loader import load_dataset
from tests.serving import ROOT, serving

from .helpers import drawn_points, marks, open_explorer, table_ids

pytestmark = pytest.mark.browser
FAR = ROOT / "tests" / "data" / "far-dates.yaml"

# Where plotly put each point, and the years its axis names.
PLACES_JS = """() => {
  const graph = document.querySelector('#timeline .js-plotly-plot');
  const axis = graph._fullLayout.xaxis;
  const points = graph.data.filter(trace => trace.meta && trace.meta.kind === 'point')
    .flatMap(trace => trace.x.map((x, i) => [trace.customdata[i][0], axis.d2p(x)]));
  const ticks = [...graph.querySelectorAll('.xtick text')].map(node => node.textContent);
  return {points, ticks};
}"""


@pytest.fixture(scope="module")
def far_server():
    yield from serving(FAR, workers=1)


@pytest.mark.parametrize("width", [1280, 375])
def test_the_explorer_draws_one_mark_per_event_across_eight_centuries(page, far_server, width):
    dataset = load_dataset([FAR])
    page.set_viewport_size({"width": width, "height": 900})
    open_explorer(page, far_server.url)
    expected = Counter((domain, event.id) for event in dataset.events for domain in event.domains)
    assert Counter(marks(page)) == expected
    assert drawn_points(page) == sum(expected.values())
    assert table_ids(page) == [event.id for event in dataset.events]
    if width == 1280:
        places = page.evaluate(PLACES_JS)
        by_id = dict(places["points"])
        in_date_order = [event.id for event in dataset.events if event.id in by_id]
        assert sorted(by_id, key=by_id.get) == in_date_order, "plotly placed every date in order"
        years = [int(text) for text in places["ticks"]]
        assert years and all(1200 <= year <= 2400 for year in years), places["ticks"]
