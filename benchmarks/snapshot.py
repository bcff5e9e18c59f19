"""Issue #14's three targets at one size: worker RSS, restart time and the cached view.

`python -m benchmarks.snapshot --n 100000 [--out results.json]` generates the events, then:
- cold start: gunicorn (2 workers) with an empty cache, launch to the first 200 on `/`;
- worker memory: VmRSS and PSS of each worker after page loads (PSS counts shared pages once);
- restart: gunicorn stopped and started again on the unchanged files and the same cache;
- cached view: `Catalog.view` of the same view state repeated in a fresh interpreter (median).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from . import generate, machine, traffic
from .child import run_json
from .dash_client import Client, ViewRequests, server_callback
from .serve import HOST, gunicorn, memory_mib

WORKERS = 2
VIEW_RUNS = 20


def pss_mib(pid: int) -> float | None:
    """Proportional set size: each shared page split between the processes that map it."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    line = next((line for line in text.splitlines() if line.startswith("Pss:")), None)
    return int(line.split()[1]) / 1024 if line else None


def _serve(event_file: Path, log: Path) -> dict:
    started = time.perf_counter()
    with gunicorn(event_file, log, workers=WORKERS, startup_timeout_s=600) as server:
        server.wait_ready(600, path="/")
        serving_s = time.perf_counter() - started
        client = Client(HOST, server.port)
        views = ViewRequests(server_callback(client, "timeline.figure"))
        client.close()
        traffic.warm(server.port, views.page_load(), connections=2, rounds=2)
        workers = server.workers()
        return {
            "serving_s": serving_s,
            "worker_rss_mib": max(memory_mib(pid)["VmRSS"] for pid in workers),
            "worker_pss_mib": max(pss_mib(pid) or 0 for pid in workers),
            "master_rss_mib": memory_mib(server.process.pid)["VmRSS"],
        }


def cached_view(event_file: str) -> dict:
    """In this process: the catalog as a worker gets it, then the same view repeated."""
    from dashboard.core.filters import ViewState
    from dashboard.views.live import LiveCatalog

    catalog = LiveCatalog([event_file]).get()
    state = ViewState()
    catalog.view(state)
    times = []
    for _ in range(VIEW_RUNS):
        start = time.perf_counter()
        catalog.view(state)
        times.append(time.perf_counter() - start)
    return {"cached_view_ms": statistics.median(times) * 1000}


def run(n: int, folder: Path) -> dict:
    event_file = generate.write(n, folder / f"events-{n}.yaml")
    os.environ["TIMELINE_CACHE"] = str(folder / "cache")
    cold = _serve(event_file, folder / "cold.log")
    restart = _serve(event_file, folder / "restart.log")
    view = run_json("benchmarks.snapshot", "--view", str(event_file))
    return {
        "n": n,
        "machine": machine.describe(),
        "cold_start_s": cold["serving_s"],
        "restart_s": restart["serving_s"],
        "worker_rss_mib": restart["worker_rss_mib"],
        "worker_pss_mib": restart["worker_pss_mib"],
        "cold_worker_rss_mib": cold["worker_rss_mib"],
        "master_rss_mib": restart["master_rss_mib"],
        **view,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.snapshot", description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--view", help=argparse.SUPPRESS)  # the child measuring the cached view
    args = parser.parse_args(argv)
    if args.view:
        print(json.dumps(cached_view(args.view)))
        return
    with tempfile.TemporaryDirectory(prefix="snapshot-bench-") as folder:
        result = run(args.n, Path(folder))
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.write_text(text + "\n")
    print(text, file=sys.stdout)


if __name__ == "__main__":
    main()
