"""The same events drawn by vis-timeline, TimelineJS 3 and this app, in one Chromium run (issue #15).

`python -m benchmarks.rivals [--sizes 30,300,3000] [--runs 3]`, or `python -m benchmarks --only
rivals`. The rivals install from npm into benchmarks/npm/node_modules (pinned by package-lock.json;
`npm ci` runs on first use); their pages are written into benchmarks/npm/pages and served from a
local gzip-ing http.server thread, the app's `/` and `/embed` from gunicorn. Each visit is a fresh
browser context (cold cache). For each tool: navigation → drawn, bytes transferred, one interaction.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import functools
import gzip
import html
import importlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import yaml

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

from . import machine
from .browser import DRAWN
from .report import Section, median
from .serve import HOST, gunicorn

NPM = Path(__file__).resolve().parent / "npm"
PAGES = NPM / "pages"  # written per run; ignored by git like node_modules
VIS_JS = "node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"  # its CSS is inside
TL_JS = "node_modules/@knight-lab/timelinejs/dist/js/timeline.js"
TL_CSS = "node_modules/@knight-lab/timelinejs/dist/css/timeline.css"
LIGHTHOUSE_JS = "node_modules/lighthouse/cli/index.js"  # for benchmarks/lighthouse.py
RUNS = 3
SLOW_MS = 10_000  # a page slower than this to draw on its first visit is visited once
TIMEOUT_MS = 120_000
VIEWPORT = {"width": 1280, "height": 900}
SETTLE_MS = 1000  # then wait this long before the interaction
ZOOM_SHARE = 0.1  # the interaction narrows the view to the middle tenth of the events' range
TOOLS = ("vis-timeline", "TimelineJS", "/", "/embed")

VIS_DRAWN = "() => !!document.querySelector('.vis-timeline .vis-item')"
# Run at the document's start: note performance.now() in the first frame in which `drawn` holds.
WATCH = """(drawn, arg) => {
  const check = () => {
    try { if (drawn(arg)) { window.__drawnAt = performance.now(); return; } } catch (error) { /* not yet */ }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}"""
# /embed and / are drawn into their HTML (dashboard/outputs/first_paint.py, web/first_view.py): drawn
# when the drawing shown at this width has a mark and a title in the DOM (a counts view: its note that
# it counts; or plotly's chart has marks, should it come first). /embed is interactive once
# plotly.js, fetched when the page is idle, has drawn the live chart (DRAWN); / once its live page
# has drawn and replaced the first view.
SERVER_DRAWN = (
    """() => {
  const drawing = [...document.querySelectorAll('.still-chart')].find(e => e.offsetParent !== null);
  const marks = drawing && drawing.querySelector('.trace use, .trace rect');
  return !!(marks && drawing.querySelector('.label text, .aggregated text')) || ("""
    + DRAWN
    + """)();
}"""
)
LIVE_SHOWN = "() => !document.querySelector('.first-paint') && (" + DRAWN + ")()"
TL_DRAWN = """(n) => !!(window.__loaded && document.querySelector('.tl-slide')
  && document.querySelectorAll('.tl-timemarker').length >= n)"""
# setWindow without animation; resolve in the frame after vis's redraw ('changed').
VIS_ZOOM = """(range) => new Promise((resolve, reject) => {
  const timeline = window.timeline;
  const timer = setTimeout(() => reject(new Error('no redraw within 60 s')), 60000);
  const start = performance.now();
  const done = () => {
    timeline.off('changed', done);
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - start));
  };
  timeline.on('changed', done);
  timeline.setWindow(range[0], range[1], {animation: false});
})"""
# zoomIn redraws the time navigation synchronously (its markers then slide into place).
TL_ZOOM = """() => new Promise(resolve => {
  const start = performance.now();
  window.timeline.zoomIn();
  requestAnimationFrame(() => resolve(performance.now() - start));
})"""
# Plotly.relayout on the x range. On `/` a counts view (layout.timeline.zoomable) asks the server
# for the events in range: then wait for plotly's redraw after that callback's answer (seen by
# wrapping fetch); otherwise (and on /embed, which has no Dash) for plotly's own redraw.
OUR_ZOOM = """(range) => new Promise((resolve, reject) => {
  const gd = document.querySelector('.js-plotly-plot');
  const server = !!(window.dash_clientside && gd.layout.timeline && gd.layout.timeline.zoomable);
  const fetch = window.fetch;
  let answered = false;
  const timer = setTimeout(() => reject(new Error('no redraw within 60 s')), 60000);
  const start = performance.now();
  const done = () => {
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - start));
  };
  if (server) {
    window.fetch = function (url, options) {
      const reply = fetch.apply(this, arguments);
      const body = String((options && options.body) || '');
      if (body.includes('timeline-zoom') && body.includes('xaxis.range')) {
        reply.then(() => { answered = true; });
      }
      return reply;
    };
    gd.on('plotly_afterplot', () => { if (answered) { window.fetch = fetch; answered = false; done(); } });
    window.Plotly.relayout(gd, {'xaxis.range': range});
  } else {
    window.Plotly.relayout(gd, {'xaxis.range': range}).then(done, reject);
  }
})"""

VIS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>vis-timeline, {n} events</title>
<script src="../{js}"></script></head>
<body style="margin:0"><div id="timeline"></div>
<script>
fetch("vis-{n}.json").then(r => r.json()).then(items => {{
  window.timeline = new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(items),
    {{height: "{height}px"}});
}});
</script></body></html>
"""
TL_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS, {n} events</title>
<link rel="stylesheet" href="../{css}"><script src="../{js}"></script></head>
<body style="margin:0"><div id="timeline" style="width:100%;height:{height}px"></div>
<script>
fetch("timelinejs-{n}.json").then(r => r.json()).then(data => {{
  const script_path = new URL("../{js_folder}/", location.href).href;  // not the CDN default
  window.timeline = new TL.Timeline("timeline", data, {{hash_bookmark: false, script_path, font: null}});
  window.timeline.on("loaded", () => {{ window.__loaded = true; }});
}});
</script></body></html>
"""


def _parts(value: object) -> list[int]:
    return [int(part) for part in str(value).split("-")]


def _day(value: object, last: bool = False) -> dt.date:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a day: its first, or with last=True its last."""
    parts = _parts(value)
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        return dt.date(year, month, parts[2])
    return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1)


def to_vis(data: dict) -> list[dict]:
    """vis DataSet items: a box per dated event, a range per span (ends at its period's last day)."""
    items = []
    for event in data["events"]:
        item = {"id": event["id"], "content": html.escape(event["title"])}
        item["start"] = _day(event["date"]).isoformat()
        if event.get("end"):
            item["end"], item["type"] = _day(event["end"], last=True).isoformat(), "range"
        items.append(item)
    return items


def _tl_date(value: object) -> dict:
    return dict(zip(("year", "month", "day"), _parts(value), strict=False))


def to_timelinejs(data: dict) -> dict:
    """TimelineJS 3 JSON: one slide per event, grouped by its first domain."""
    events = []
    for event in data["events"]:
        slide = {
            "unique_id": event["id"],
            "start_date": _tl_date(event["date"]),
            "text": {"headline": html.escape(event["title"]), "text": html.escape(event["summary"])},
            "group": event["domains"][0],
        }
        if event.get("end"):
            slide["end_date"] = _tl_date(event["end"])
        events.append(slide)
    return {"title": {"text": {"headline": html.escape(data["title"])}}, "events": events}


def zoom_range(data: dict) -> list[str]:
    """The same narrower x range for every tool's interaction: the middle tenth of the events."""
    first = min(_day(event["date"]) for event in data["events"])
    last = max(_day(event.get("end") or event["date"], last=True) for event in data["events"])
    middle, half = first + (last - first) / 2, (last - first) * ZOOM_SHARE / 2
    return [(middle - half).isoformat(), (middle + half).isoformat()]


def write_pages(n: int, data: dict) -> None:
    PAGES.mkdir(exist_ok=True)
    height = VIEWPORT["height"] - 100
    (PAGES / f"vis-{n}.json").write_text(json.dumps(to_vis(data)), encoding="utf-8")
    (PAGES / f"timelinejs-{n}.json").write_text(json.dumps(to_timelinejs(data)), encoding="utf-8")
    (PAGES / f"vis-{n}.html").write_text(VIS_PAGE.format(n=n, js=VIS_JS, height=height), encoding="utf-8")
    tl_page = TL_PAGE.format(n=n, js=TL_JS, js_folder=Path(TL_JS).parent, css=TL_CSS, height=height)
    (PAGES / f"timelinejs-{n}.html").write_text(tl_page, encoding="utf-8")


def ensure_installed() -> None:
    """The pinned npm packages (the rivals, Lighthouse) in benchmarks/npm/node_modules, installed
    with npm ci when one is missing."""
    if all((NPM / path).exists() for path in (VIS_JS, TL_JS, LIGHTHOUSE_JS)):
        return
    command = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"]
    print(f"installing benchmarks/npm: {' '.join(command)}", file=sys.stderr)
    subprocess.run(command, cwd=NPM, check=True)


def npm_versions() -> str:
    lock = json.loads((NPM / "package-lock.json").read_text(encoding="utf-8"))
    packages = lock.get("packages", {})
    names = ("vis-timeline", "@knight-lab/timelinejs")
    versions = {name: packages.get(f"node_modules/{name}", {}).get("version", "?") for name in names}
    return ", ".join(f"{name} {version}" for name, version in versions.items())


class _Gzip(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (as the app's responses are)."""

    cache: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if not os.path.isfile(path):
            self.send_error(404)
            return
        body = Path(path).read_bytes()
        zipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = self.cache.get(path) or self.cache.setdefault(path, gzip.compress(body, 6))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def static_server(root: Path) -> Iterator[str]:
    """root served on a free loopback port from a thread; yields the base URL."""
    server = ThreadingHTTPServer((HOST, 0), functools.partial(_Gzip, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        _Gzip.cache.clear()


def _visit(
    browser, url: str, drawn: str, drawn_arg: object, interact: str, interact_arg: object, ready: str | None
) -> dict:
    """One cold visit: ms from navigation start to drawn and to interactive (`ready`: when that
    comes after drawn), bytes over the wire, one interaction."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes: dict[str, int] = {}
        failed: list[str] = []
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.on("requestfailed", lambda request: failed.append(request.url))
        # Checked in the page itself, in every frame from the document's start: a page that paints
        # before its load event (the embed's drawing) is seen in the frame that paints it.
        page.add_init_script(f"({WATCH})({drawn}, {json.dumps(drawn_arg)})")
        page.goto(url, timeout=TIMEOUT_MS)
        page.wait_for_function("() => window.__drawnAt !== undefined", timeout=TIMEOUT_MS)
        drawn_ms = page.evaluate("window.__drawnAt")
        if ready:
            page.wait_for_function(ready, polling="raf", timeout=TIMEOUT_MS)
        ready_ms = page.evaluate("performance.now()") if ready else drawn_ms
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)  # interact once the page settled:
        page.wait_for_timeout(SETTLE_MS)  # on `/`, a zoom sent before its late autosize relayout is lost
        interaction_ms = page.evaluate(interact, interact_arg)
        return {
            "drawn_ms": drawn_ms,
            "ready_ms": ready_ms,
            "interaction_ms": interaction_ms,
            "kb": sum(sizes.values()) / 1024,
            "requests": len(sizes),
            "failed": failed,
        }
    finally:
        context.close()


def sections() -> list[Section]:
    tools = [
        ("n", "events"),
        ("tool", "tool"),
        ("runs", "runs"),
        ("drawn_ms", "navigation → drawn ms"),
        ("ready_ms", "navigation → interactive ms"),
        ("interaction", "interaction"),
        ("interaction_ms", "interaction ms"),
        ("kb", "transferred KB"),
        ("requests", "requests"),
    ]
    ratios = [
        ("n", "events"),
        ("home_vis", "`/` ÷ vis drawn (goal ≤ 1.2)"),
        ("embed_vis", "`/embed` ÷ vis drawn (goal ≤ 0.8)"),
        ("embed_ready_vis", "`/embed` interactive ÷ vis drawn"),
        ("zoom_vis", "`/` zoom ÷ vis setWindow (goal ≤ 2)"),
        ("home_tl", "`/` ÷ TimelineJS drawn"),
        ("embed_tl", "`/embed` ÷ TimelineJS drawn"),
        ("load_after", "load average (1 min) after"),
    ]
    notes = [
        f"Medians of {RUNS} cold visits per page (fresh browser context each; one visit when the first "
        f"took over {SLOW_MS // 1000} s to draw); headless Chromium, "
        f"{VIEWPORT['width']}×{VIEWPORT['height']}, no GPU, loopback. The app under gunicorn "
        "(gunicorn.conf.py, 2 workers); the rivals' pages and their npm dist files from a local "
        "http.server thread, gzip-compressed.",
        "drawn, from navigation start (performance.now() in the first frame, checked from the "
        "document's start by a script the harness adds, in which the page holds): vis-timeline, the "
        "first `.vis-item` in the DOM; TimelineJS, its `loaded` event with a slide and a marker per "
        "event in the DOM; this app, "
        "the drawing the server put in the HTML of `/` and `/embed` (the one shown at this width) with "
        "a mark and a title (a counts view: a bar and its note that it counts). interactive: when "
        "the page answers a hover or zoom; on `/embed`, plotly's "
        "chart drawn (plotly.js is fetched once the page is idle); on `/`, the live page drawn and "
        "shown in place of the first view; elsewhere the same as drawn.",
        f"interaction, all to the same range (the middle {ZOOM_SHARE:.0%} of the events' dates): vis "
        "`timeline.setWindow` (no animation) → the frame after its `changed` redraw; this app "
        "`Plotly.relayout` of `xaxis.range` → the frame after plotly's redraw, or after the server's "
        "figure for a counts view; TimelineJS `zoomIn()` → the next frame (its own zoom step). Each "
        "once the page is network-idle (no request for 500 ms) after drawing, and 1 s more. On `/` the "
        "number includes the 2–3 further plotly redraws that assets/js/labels.js's label relayouts cause "
        "before a frame.",
        "TimelineJS with `font: null` (its default font CSS loads web fonts from Google) and a local "
        "`script_path`; vis-timeline's standalone UMD build (vis-data and its CSS inside), default options "
        "but a fixed height.",
        "transferred: encoded bytes (headers included) of every response, from CDP Network events.",
    ]
    return [
        Section("vis-timeline, TimelineJS and this app: one Chromium run", tools, notes=notes),
        Section("Ratios (issue #15's goals)", ratios),
    ]


def _ratio(rows: dict, top: str, bottom: str, key: str = "drawn_ms") -> float | None:
    if top in rows and bottom in rows and rows[bottom].get(key):
        return rows[top][key] / rows[bottom][key]
    return None


def add(results: list[Section], n: int, path: Path, logs: Path) -> None:
    table, ratios = results
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise RuntimeError("playwright is not installed: pip install -e '.[test]'") from error
    ensure_installed()
    if not any(note.startswith("Chromium:") for note in table.notes):
        table.notes.append(f"Chromium: {machine.chromium_version(CHROMIUM)}; {npm_versions()} (npm).")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    write_pages(n, data)
    window = zoom_range(data)
    rows: dict[str, dict] = {}
    with (
        static_server(NPM) as static,
        gunicorn(path, logs / f"gunicorn-rivals-{n}.log") as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        plans = {
            "vis-timeline": (
                f"{static}/pages/vis-{n}.html",
                VIS_DRAWN,
                None,
                VIS_ZOOM,
                window,
                None,
                "setWindow",
            ),
            "TimelineJS": (f"{static}/pages/timelinejs-{n}.html", TL_DRAWN, n, TL_ZOOM, None, None, "zoomIn"),
            "/": (
                server.base_url + "/",
                SERVER_DRAWN,
                None,
                OUR_ZOOM,
                window,
                LIVE_SHOWN,
                "relayout x range",
            ),
            "/embed": (
                server.base_url + "/embed",
                SERVER_DRAWN,
                None,
                OUR_ZOOM,
                window,
                DRAWN,
                "relayout x range",
            ),
        }
        try:
            for tool in TOOLS:
                url, drawn, drawn_arg, interact, interact_arg, ready, label = plans[tool]
                print(f"         rivals: {tool} at {n:,} events", file=sys.stderr, flush=True)
                visit = functools.partial(
                    _visit, browser, url, drawn, drawn_arg, interact, interact_arg, ready
                )
                try:
                    visits = [visit()]
                    visits += [visit() for _ in range(RUNS - 1 if visits[0]["drawn_ms"] < SLOW_MS else 0)]
                except Exception as error:  # noted; the other tools still run
                    table.notes.append(f"{n:,} events, {tool}: failed: {str(error).splitlines()[0]}")
                    print(f"         rivals: {tool} failed: {error}", file=sys.stderr, flush=True)
                    continue
                row = {"n": n, "tool": tool, "runs": len(visits), "interaction": label}
                for key in ("drawn_ms", "ready_ms", "interaction_ms", "kb", "requests"):
                    row[key] = median([visit[key] for visit in visits])
                rows[tool] = row
                table.rows.append(row)
                failed = sorted({url for visit in visits for url in visit["failed"]})
                if failed:
                    table.notes.append(f"{n:,} events, {tool}: requests that failed: {', '.join(failed)}.")
        finally:
            browser.close()
    ratio = {
        "n": n,
        "home_vis": _ratio(rows, "/", "vis-timeline"),
        "embed_vis": _ratio(rows, "/embed", "vis-timeline"),
        "embed_ready_vis": rows["/embed"]["ready_ms"] / rows["vis-timeline"]["drawn_ms"]
        if "/embed" in rows and "vis-timeline" in rows
        else None,
        "zoom_vis": _ratio(rows, "/", "vis-timeline", "interaction_ms"),
        "home_tl": _ratio(rows, "/", "TimelineJS"),
        "embed_tl": _ratio(rows, "/embed", "TimelineJS"),
        "load_after": round(os.getloadavg()[0], 2),
    }
    ratios.rows.append(ratio)
    print(f"         rivals ratios: {ratio}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.rivals", description=__doc__)
    parser.add_argument("--sizes", default="30,300,3000", help="[30,300,3000]")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"cold visits per page [{RUNS}]")
    default_out = Path(__file__).resolve().parent / "results-rivals.md"
    parser.add_argument("--out", type=Path, default=default_out, help="Markdown report; JSON beside it")
    parser.add_argument("--budget", type=float, default=1200, help="start no size after this many s [1200]")
    args = parser.parse_args(argv)
    importlib.import_module("benchmarks.rivals").RUNS = args.runs  # the copy the suite imports
    suite = importlib.import_module("benchmarks.__main__")
    out = os.path.relpath(args.out)  # the report names its command: no path of this machine in it
    out = out if not out.startswith("..") else str(args.out)
    status = suite.main(
        ["--only", "rivals", "--sizes", args.sizes, "--out", out, "--budget", str(args.budget)]
    )
    report = args.out.read_text(encoding="utf-8")
    print(report[report.index("## vis-timeline") :] if "## vis-timeline" in report else report)
    return status


if __name__ == "__main__":
    sys.exit(main())
