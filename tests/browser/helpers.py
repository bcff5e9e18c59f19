"""What a test reads off the explorer page: marks on the chart, rows in the table."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
    """Load the explorer and wait until the live page has replaced the first view drawn into the
    page and the view callback has answered (the chronology comes with the answer)."""
    page.goto(url)
    page.wait_for_function("() => window.__landed === true && !document.querySelector('.first-paint')")
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


REACH_EMBED_JS = """() => {
  const box = document.querySelector('.chart-box');
  if (box && document.querySelector('.still-chart')) { box.dispatchEvent(new MouseEvent('click')); }
  return document.querySelector('#chart .main-svg') !== null;
}"""


def reach_embed(frame) -> None:
    """Tap the embed's chart until plotly has drawn it: in a phone's width plotly.js comes only when
    the reader asks (assets/js/embed.js), and the tap may come before the page's script listens."""
    frame.wait_for_function(REACH_EMBED_JS, polling=200)


class ArticlePages:
    """A 'news site' on another loopback port whose pages frame our app."""

    def __init__(self):
        self.pages: dict[str, str] = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = pages.get(self.path.split("?")[0], "not found").encode()
                self.send_response(200 if self.path.split("?")[0] in pages else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def column(self, path: str, width: int, code: str) -> str:
        """An article whose text column is `width` px wide, holding pasted embed code."""
        self.pages[path] = f"""<!doctype html><html lang="en">
<head><title>Article</title><link rel="icon" href="data:,"></head><body style="margin:0">
<main style="width:{width}px"><h1>A news article</h1>{code}<p>The article goes on.</p></main>
</body></html>"""
        return self.url + path

    def article(self, path: str, frame_src: str, width: str = "100%") -> str:
        self.pages[path] = f"""<!doctype html><html lang="en">
<head><title>Article</title><link rel="icon" href="data:,"></head><body>
<h1>A news article</h1>
<script>window.messages = []; window.addEventListener('message', e => window.messages.push(e.data));</script>
<iframe id="embed" src="{frame_src}" title="Timeline" style="border:0;width:{width}" height="460"></iframe>
</body></html>"""
        return self.url + path
