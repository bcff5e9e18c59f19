"""Real Chromium against gunicorn: time to a drawn timeline, a domain toggle, bytes and JS heap.

Each run uses a fresh browser context (a cold cache), so the bytes are what a first visit costs.
"""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

from . import machine
from .report import Section, median
from .serve import HOST, gunicorn

RUNS = 3
SLOW_MS = 10_000  # a page slower than this to draw on its first visit is visited once
TIMEOUT_MS = 120_000
FIRST_TIMEOUT_MS = 30_000  # a page that draws nothing this long after its first visit is skipped
PAGES = ("/", "/embed")

# True once a figure with marks is on screen (not the explorer's empty placeholder).
DRAWN = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  return !!(gd && gd.data && gd.data.length && gd.querySelector('.scatterlayer .point, .barlayer path'));
}"""
# Untick the first domain; resolve with the ms from the click to the frame after plotly redraws.
TOGGLE = """() => new Promise((resolve, reject) => {
  const gd = document.querySelector('.js-plotly-plot');
  const first = gd.data.find(t => t.meta && t.meta.domain).meta.domain;
  const shows = () => gd.data.some(t => t.meta && t.meta.domain === first);
  const box = document.querySelector('#filter-domains input[type=checkbox]');
  const start = performance.now();
  const timer = setTimeout(() => reject(new Error('no redraw within 60 s')), 60000);
  gd.on('plotly_afterplot', () => {
    if (shows()) { return; }
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  box.click();
})"""


def _status(port: int, path: str) -> int:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def _visit(browser, url: str, toggle: bool, timeout_ms: int = TIMEOUT_MS) -> dict:
    """One cold visit: time to drawn, bytes over the wire, JS heap, and optionally a toggle."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Performance.enable")
        urls: dict[str, str] = {}
        sizes: dict[str, int] = {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(url, timeout=timeout_ms)
        page.wait_for_function(DRAWN, polling="raf", timeout=timeout_ms)
        drawn_ms = page.evaluate("performance.now()")
        timing = page.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0])")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        callback = sum(size for key, size in sizes.items() if "_dash-update-component" in urls.get(key, ""))
        largest = sorted(sizes, key=sizes.__getitem__, reverse=True)[:3]
        result = {
            "dcl_ms": json.loads(timing)["domContentLoadedEventEnd"],
            "drawn_ms": drawn_ms,
            "kb": sum(sizes.values()) / 1024,
            "callback_kb": callback / 1024,
            "heap_mb": metrics.get("JSHeapUsedSize", 0) / 1e6,
            "requests": len(sizes),
            "largest": [f"{urlsplit(urls.get(key, '')).path} {sizes[key] / 1024:.0f} KB" for key in largest],
        }
        if toggle:
            result["toggle_ms"] = page.evaluate(TOGGLE)
        return result
    finally:
        context.close()


def _row(n: int, page: str, visits: list[dict]) -> dict:
    """Medians of the visits' numbers; the largest responses of the first visit."""
    row: dict = {"n": n, "page": page, "runs": len(visits), "largest": visits[0]["largest"]}
    for key, value in visits[0].items():
        if isinstance(value, int | float):
            row[key] = median([visit[key] for visit in visits])
    return row


def sections() -> list[Section]:
    columns = [
        ("n", "events"),
        ("page", "page"),
        ("runs", "runs"),
        ("dcl_ms", "DOMContentLoaded ms"),
        ("drawn_ms", "navigation → timeline drawn ms"),
        ("toggle_ms", "domain toggle → repaint ms"),
        ("kb", "transferred KB"),
        ("callback_kb", "of which view callback KB"),
        ("requests", "requests"),
        ("heap_mb", "JS heap MB"),
    ]
    notes = [
        f"Medians of {RUNS} cold visits (fresh browser context each; one visit when the first took over "
        f"{SLOW_MS // 1000} s to draw); headless Chromium, 1280×900, no GPU, loopback.",
        "drawn: performance.now() (from navigation start) when the callback's figure has marks in the DOM.",
        "toggle: from the click on the first domain checkbox to the frame after plotly's redraw.",
        "transferred: encoded bytes (headers included) of every response, from CDP Network events.",
        "JS heap: CDP Performance.getMetrics JSHeapUsedSize once the timeline is drawn.",
    ]
    return [Section("Browser: Chromium against gunicorn", columns, notes=notes)]


def add(results: list[Section], n: int, path: Path, logs: Path, max_n: int = 10_000) -> None:
    section = results[0]
    if n > max_n:
        section.notes.append(f"{n:,} events: skipped (over --browser-max {max_n:,}).")
        return
    try:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise RuntimeError("playwright is not installed: pip install -e '.[test]'") from error
    if not any(note.startswith("Chromium:") for note in section.notes):
        section.notes.append(f"Chromium: {machine.chromium_version(CHROMIUM)}")
    with gunicorn(path, logs / f"gunicorn-browser-{n}.log") as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page in PAGES:
                if _status(server.port, page) == 404:
                    section.notes.append(f"{n:,} events: {page} answered 404; skipped.")
                    continue
                first_timeout = TIMEOUT_MS if page == "/" else FIRST_TIMEOUT_MS
                try:
                    visits = [_visit(browser, server.base_url + page, page == "/", first_timeout)]
                except PlaywrightTimeout:
                    waited = first_timeout // 1000
                    section.notes.append(f"{n:,} events: {page} drew no timeline within {waited} s; skipped.")
                    continue
                more = RUNS - 1 if visits[0]["drawn_ms"] < SLOW_MS else 0
                visits += [_visit(browser, server.base_url + page, page == "/") for _ in range(more)]
                section.rows.append(_row(n, page, visits))
                section.notes.append(
                    f"{n:,} events, {page}: largest responses {', '.join(visits[0]['largest'])}."
                )
        finally:
            browser.close()
