"""Where a view request's time goes: the callback's steps, in process and one by one.

Each size runs in a fresh interpreter (`python -m benchmarks.view FILE --runs R` prints JSON). The
view is "all events, one domain unticked"; the figure is built directly, bypassing the cache.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from . import child
from .report import Section, median

END_TO_END_MAX_N = 10_000  # above this the server benchmark covers it, and a second load would cost


def _median_time(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return median(times), result


def _zstd() -> Callable[[bytes], bytes] | None:
    try:
        from compression import zstd  # Python 3.14
    except ImportError:
        try:
            from backports import zstd
        except ImportError:
            return None
    return lambda data: zstd.compress(data, level=3)  # flask-compress's default level


def _end_to_end(dataset, runs: int) -> float:
    """A view request through Dash's own dispatch (Flask test client, no compression), uncached."""
    from dashboard import app as app_module
    from dashboard.core import loader

    from .dash_client import ViewRequests, check_view, find_callback

    original = loader.load_dataset
    with contextlib.ExitStack() as stack:  # create_app gets the loaded dataset, wherever it loads from
        for module in [m for name, m in sys.modules.items() if name.startswith("dashboard")]:
            if getattr(module, "load_dataset", None) is original:
                stack.enter_context(mock.patch.object(module, "load_dataset", return_value=dataset))
        client = app_module.create_app().server.test_client()
    callback = find_callback(client.get("/_dash-dependencies").get_json(), "timeline.figure")
    views = ViewRequests(callback, [d.id for d in dataset.domains])

    def post():
        _method, path, body = views.toggle()
        return client.post(path, data=body, content_type="application/json")

    first = post()  # builds the events frame; checked once, outside the timing
    check_view(first.status_code, first.get_json())
    seconds, last = _median_time(post, runs)
    assert last.status_code == 200, last.status_code
    return seconds


def measure(path: Path, runs: int) -> dict:
    from plotly.io.json import to_json_plotly

    from dashboard.core.filters import facet_counts, filter_events, view_from_values
    from dashboard.core.loader import load_dataset
    from dashboard.figures.timeline import timeline_figure
    from dashboard.views.catalog import Catalog, Sort
    from dashboard.web.chronology import chronology_table
    from dashboard.web.filter_options import actor_options, domain_options

    dataset = load_dataset([path])
    catalog = Catalog(dataset)
    times: dict[str, float | None] = {}
    times["frame"], table = _median_time(lambda: Catalog(dataset).table, 1)
    state = view_from_values(dataset, domains=[d.id for d in dataset.domains][1:]).state
    times["filter"], rows = _median_time(lambda: filter_events(table, state), runs)
    times["facets"], _ = _median_time(lambda: facet_counts(table, state), runs)
    times["figure"], figure = _median_time(lambda: timeline_figure(rows, dataset.domains), runs)
    view = catalog.view(state)
    labels = {d.id: d.label for d in dataset.domains}

    def components() -> list:
        options = [domain_options(dataset, view.domain_counts), actor_options(dataset, view.actor_counts)]
        return [*options, chronology_table(view, Sort(), labels)]

    times["components"], parts = _median_time(components, runs)
    times["figure_json"], figure_json = _median_time(lambda: to_json_plotly(figure), runs)
    times["components_json"], parts_json = _median_time(lambda: to_json_plotly(parts), runs)
    payload = (figure_json + parts_json).encode()
    zstd = _zstd()
    times["zstd"] = _median_time(lambda: zstd(payload), runs)[0] if zstd else None
    times["gzip"], _ = _median_time(lambda: gzip.compress(payload, 6), runs)
    if len(dataset.events) <= END_TO_END_MAX_N:
        times["end_to_end"] = _end_to_end(dataset, runs)
        tracemalloc.start()
        timeline_figure(rows, dataset.domains)
        times["figure_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    times["figure_json_mb"] = len(figure_json) / 1e6
    return times


def sections() -> list[Section]:
    """The empty view section, to be filled size by size."""
    columns = [
        ("n", "events"),
        ("frame", "events_table"),
        ("filter", "filter"),
        ("facets", "facet counts"),
        ("figure", "figure"),
        ("components", "table + options"),
        ("figure_json", "figure JSON"),
        ("components_json", "components JSON"),
        ("zstd", "zstd"),
        ("gzip", "gzip"),
        ("end_to_end", "whole callback"),
        ("figure_json_mb", "figure JSON MB"),
        ("figure_mib", "figure in memory MiB"),
    ]
    notes = [
        "Seconds, median of 3 runs up to 10k events (one above); one domain unticked, every event date.",
        "JSON: plotly.io.json.to_json_plotly, which Dash uses for responses. zstd level 3 is what "
        "flask-compress sends to Chromium; gzip level 6 for older clients.",
        "whole callback: Dash's dispatch through the Flask test client, uncached, without compression "
        f"(up to {END_TO_END_MAX_N:,} events).",
        "figure in memory: tracemalloc peak while building one figure; Catalog keeps up to 257 per worker.",
    ]
    return [Section("View callback, step by step in process (s)", columns, notes=notes)]


def add(results: list[Section], n: int, path: Path, logs: Path) -> None:
    """Measure one size in a fresh interpreter (median of 3 runs up to 10k events, one above)."""
    runs = 3 if n <= 10_000 else 1
    args = [str(path), "--runs", str(runs)]
    results[0].rows.append({"n": n, **child.run_json("benchmarks.view", *args)})


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the view callback's steps (prints JSON).")
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(measure(args.path, args.runs)))


if __name__ == "__main__":
    main()
