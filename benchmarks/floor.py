"""How much of the explorer's draw, zoom and Lighthouse score is Dash's or plotly's own floor (#30).

`python -m benchmarks.floor [--sizes 30,300] [--runs 3] [--lighthouse-sizes 30]`: in one Chromium
run per size, with rivals.py's harness (a fresh context per visit, drawn in the first frame a
predicate holds, CDP bytes, the same relayout zoom) and the same generated files: a bare Dash page,
Dash with only the explorer's chart in a dcc.Graph, plotly.js alone drawing that chart
(benchmarks/floor_apps.py, under gunicorn), and for reference the app's `/` and vis-timeline. Then
Lighthouse's mobile preset on the floor pages and `/`. Results: benchmarks/results-floor.md.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import yaml

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

from . import generate, lighthouse, machine
from .browser import DRAWN
from .floor_apps import FLOOR_DRAWN, GRAPH, PLOTLY
from .report import Section, median, write_report
from .rivals import (
    LIVE_SHOWN,
    NPM,
    OUR_ZOOM,
    SERVER_DRAWN,
    VIEWPORT,
    VIS_DRAWN,
    VIS_ZOOM,
    _visit,
    ensure_installed,
    npm_versions,
    static_server,
    write_pages,
    zoom_range,
)
from .serve import gunicorn

RUNS = 3
FLOOR_APP = "benchmarks.floor_apps:create_app()"
TITLE = "Dash's and plotly's floor under the explorer"
FLOOR, WITH_GRAPH, PLOTLY_ALONE, HOME, VIS = "Dash floor", "Dash + Graph", "plotly alone", "/", "vis-timeline"
NO_INTERACTION = "() => null"
KEYS = ("drawn_ms", "ready_ms", "interaction_ms", "kb", "requests")


def _plans(floor: str, app: str, static: str, n: int, window: list[str]) -> dict[str, tuple]:
    """Each page's URL, drawn predicate, zoom (and its range) and, on `/`, when it is interactive
    (as rivals.py measures `/`: drawn by the server's drawing, interactive once its live page shows)."""
    return {
        FLOOR: (f"{floor}/", FLOOR_DRAWN, NO_INTERACTION, None, None),
        WITH_GRAPH: (floor + GRAPH, DRAWN, OUR_ZOOM, window, None),
        PLOTLY_ALONE: (floor + PLOTLY, DRAWN, OUR_ZOOM, window, None),
        HOME: (f"{app}/", SERVER_DRAWN, OUR_ZOOM, window, LIVE_SHOWN),
        VIS: (f"{static}/pages/vis-{n}.html", VIS_DRAWN, VIS_ZOOM, window, None),
    }


def _row(n: int, page: str, visits: list[dict]) -> dict:
    """Medians of the visits (the bare page has no zoom)."""
    row: dict = {"n": n, "page": page, "runs": len(visits)}
    for key in KEYS:
        row[key] = median([visit[key] for visit in visits if visit[key] is not None])
    return row


def chromium(n: int, plans: dict[str, tuple], runs: int, table: Section) -> dict[str, dict]:
    """Every page `runs` cold visits, in one browser; the rows by page."""
    from playwright.sync_api import sync_playwright

    rows = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page, (url, drawn, zoom, window, ready) in plans.items():
                print(f"         floor: {page} at {n:,} events", file=sys.stderr, flush=True)
                visit = functools.partial(_visit, browser, url, drawn, None, zoom, window, ready)
                visits = [visit() for _ in range(runs)]
                rows[page] = _row(n, page, visits)
                table.rows.append(rows[page])
                failed = sorted({url for visit in visits for url in visit["failed"]})
                if failed:
                    table.notes.append(f"{n:,} events, {page}: requests that failed: {', '.join(failed)}.")
        finally:
            browser.close()
    return rows


def _share(rows: dict, page: str, key: str = "drawn_ms") -> float | None:
    top, bottom = rows.get(page, {}).get(key), rows.get(VIS, {}).get(key)
    return top / bottom if top is not None and bottom else None


def shares(n: int, rows: dict) -> dict:
    """Each page's draw and zoom as multiples of vis-timeline's (issue #30's goals: 1.2 and 2)."""
    row: dict = {
        "n": n,
        "home_ready": _share(rows, HOME, "ready_ms"),
        "load_after": round(os.getloadavg()[0], 2),
    }
    for page, name in ((HOME, "home"), (WITH_GRAPH, "graph"), (PLOTLY_ALONE, "plotly"), (FLOOR, "floor")):
        row[f"{name}_drawn"] = _share(rows, page)
        row[f"{name}_zoom"] = _share(rows, page, "interaction_ms")
    return row


def sections(runs: int, lighthouse_runs: int) -> list[Section]:
    table = [
        ("n", "events"), ("page", "page"), ("runs", "runs"), ("drawn_ms", "navigation → drawn ms"),
        ("ready_ms", "navigation → interactive ms"), ("interaction_ms", "zoom ms"),
        ("kb", "transferred KB"), ("requests", "requests"),
    ]  # fmt: skip
    ratios = [
        ("n", "events"), ("home_drawn", "`/` (goal ≤ 1.2)"), ("home_ready", "`/` interactive"),
        ("graph_drawn", "Dash + Graph"), ("plotly_drawn", "plotly alone"), ("floor_drawn", "Dash floor"),
        ("home_zoom", "`/` zoom (goal ≤ 2)"),
        ("graph_zoom", "Dash + Graph zoom"), ("plotly_zoom", "plotly alone zoom"),
        ("load_after", "load average (1 min) after"),
    ]  # fmt: skip
    scores = [
        ("page", "page"), ("events", "events"), ("runs", "runs"), ("score", "performance (median)"),
        ("goal", "goal (issue #30)"), ("fcp_ms", "FCP ms"), ("lcp_ms", "LCP ms"), ("tbt_ms", "TBT ms"),
        ("cls", "CLS"),
    ]  # fmt: skip
    notes = [
        f"Medians of {runs} cold visits per page with benchmarks/rivals.py's harness (fresh browser "
        f"context each; headless Chromium, {VIEWPORT['width']}×{VIEWPORT['height']}, no GPU, loopback). "
        "All pages of a size in one browser, on the same generated file.",
        f"{FLOOR}: Dash {metadata.version('dash')} (serve_locally, compress, no "
        "update title: as the explorer) whose layout is one html.Div of text; drawn = that text in the "
        f"DOM. {WITH_GRAPH}: the same Dash with one dcc.Graph holding the figure and config `/` opens "
        "on, plotly.js as the explorer loads it (the basic bundle, an external script at the same "
        f"URL), no other asset; drawn = benchmarks/browser.py's DRAWN. {PLOTLY_ALONE}: a static page, "
        "the same plotly.js and Plotly.newPlot on the same figure JSON inline; drawn = DRAWN. All three "
        "from one gunicorn (gunicorn.conf.py, 2 workers; benchmarks/floor_apps.py); `/` from the app's "
        "own, measured as rivals.py measures it: drawn = the server's drawing in its HTML with a mark "
        "and a title, interactive = its live page drawn and shown in place of that first view; "
        "vis-timeline as rivals.py writes and serves it. Elsewhere interactive = drawn.",
        "zoom: rivals.py's, `Plotly.relayout` of `xaxis.range` to the middle 10% of the events' dates "
        "→ the frame after plotly's redraw (on `/`, with the redraws assets/js/labels.js's label "
        "relayouts add), vis `setWindow` to the same range; once network-idle and 1 s more.",
    ]
    lighthouse_note = (
        f"Median of {lighthouse_runs} Lighthouse runs per page (benchmarks/lighthouse.py's audit: "
        "pinned Lighthouse, Debian's Chromium, performance only, mobile preset: simulated slow 4G and "
        "4× CPU slowdown) against the same servers as the table above, after its visits; the bare "
        "Dash page once (it holds no events). The goal is issue #30's for `/`."
    )
    return [
        Section("Floor pages, the app and vis-timeline: one Chromium run", table, notes=notes),
        Section("Multiples of vis-timeline's time (drawn, zoom)", ratios),
        Section("Lighthouse, mobile preset", scores, notes=[lighthouse_note]),
    ]


def run(sizes: list[int], runs: int, lighthouse_sizes: set[int], lighthouse_runs: int) -> list[Section]:
    ensure_installed()
    table, ratios, scores = sections(runs, lighthouse_runs)
    table.notes.append(f"Chromium: {machine.chromium_version(CHROMIUM)}; {npm_versions()} (npm).")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with tempfile.TemporaryDirectory(prefix="floor-bench-") as folder:
        logs = Path(folder)
        for n in sizes:
            path = generate.write(n, logs / f"events-{n}.yaml")
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
            write_pages(n, data)
            with (
                static_server(NPM) as static,
                gunicorn(path, logs / f"gunicorn-app-{n}.log") as app,
                gunicorn(path, logs / f"gunicorn-floor-{n}.log", app=FLOOR_APP) as floor,
            ):
                plans = _plans(floor.base_url, app.base_url, static, n, zoom_range(data))
                ratios.rows.append(shares(n, chromium(n, plans, runs, table)))
                if n in lighthouse_sizes:
                    first = n == min(lighthouse_sizes)  # the bare page is the same at every size
                    for page in (FLOOR, WITH_GRAPH, PLOTLY_ALONE, HOME)[0 if first else 1 :]:
                        url = plans[page][0]
                        scores.rows.append(lighthouse.measure(page, url, "mobile", lighthouse_runs, f"{n:,}"))
    return [table, ratios, scores]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.floor", description=__doc__)
    parser.add_argument("--sizes", default="30,300", help="[30,300]")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"cold visits per page [{RUNS}]")
    parser.add_argument("--lighthouse-sizes", default="30", help="sizes Lighthouse also audits [30]; '' none")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page [3]")
    default_out = Path(__file__).resolve().parent / "results-floor.md"
    parser.add_argument("--out", type=Path, default=default_out, help="Markdown report; JSON beside it")
    args = parser.parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    audited = {int(size) for size in args.lighthouse_sizes.split(",") if size.strip()}
    described = machine.describe()  # the load before the run
    results = run(sizes, args.runs, audited, args.lighthouse_runs)
    command = "python -m benchmarks.floor " + " ".join(sys.argv[1:] if argv is None else argv)
    write_report(args.out, TITLE, described, results, command.strip())
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
