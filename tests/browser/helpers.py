"""What a test reads off the explorer page: marks on the chart, rows in the table."""

from __future__ import annotations

MARKS_JS = """() => {
  const graph = document.querySelector('#timeline .js-plotly-plot');
  if (!graph || !graph.data) return [];
  return graph.data
    .filter(trace => trace.meta && ['point', 'span', 'echo'].includes(trace.meta.kind))
    .flatMap(trace => trace.customdata.map(row => [trace.meta.domain, row[0]]));
}"""
DRAWN_JS = """() => {
  const graph = document.querySelector('#timeline .js-plotly-plot');
  const bands = graph.data.filter(trace => trace.meta && trace.meta.kind === 'precision')
    .reduce((sum, trace) => sum + trace.y.length, 0);
  return graph.querySelectorAll(
    '.cartesianlayer .scatterlayer .trace .point, .cartesianlayer .barlayer .trace .point').length - bands;
}"""


def open_explorer(page, url: str) -> None:
    """Load the explorer and wait until the first view is drawn and the view callback has answered
    (the page comes with its chart and summary; the chronology comes with the answer)."""
    page.goto(url)
    page.wait_for_function("() => window.__landed === true")
    page.wait_for_function(
        f"() => ({MARKS_JS})().length > 0 || "
        "(document.querySelector('#result-summary')?.textContent || '').startsWith('No events')"
    )


def marks(page) -> list[tuple[str, str]]:
    """(domain, event id) for every mark the chart holds."""
    return [tuple(mark) for mark in page.evaluate(MARKS_JS)]


def drawn_points(page) -> int:
    """How many marks plotly actually drew as SVG."""
    return page.evaluate(DRAWN_JS)


def table_ids(page) -> list[str]:
    return page.locator("#chronology tbody tr").evaluate_all("rows => rows.map(row => row.dataset.event)")


def summary(page) -> str:
    return page.locator("#result-summary").inner_text()


def wait_for_summary(page, before: str) -> str:
    """Wait until the result summary changes from `before`, and return it."""
    page.wait_for_function(
        "(before) => (document.querySelector('#result-summary')?.innerText || '') !== before", arg=before
    )
    return summary(page)
