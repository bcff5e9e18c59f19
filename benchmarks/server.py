"""The view callback under gunicorn: latency, throughput and worker memory at each size.

Scenarios post the body the browser sends to /_dash-update-component:
- page load: the first view, restored from the (empty) URL;
- all events, uncached: every event shown, with a `to` year past the data that changes each time,
  so the per-worker figure cache never hits;
- domain toggle, uncached / cached: one domain unticked (uncached varies `to` as above).
A GET of /_dash-dependencies (a small JSON answer with no callback) is the trivial baseline.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from . import traffic
from .dash_client import DEPENDENCIES_PATH, Client, ViewRequests, check_view, server_callback
from .report import Section, median, percentile
from .serve import HOST, gunicorn, memory_mib

WORKERS = 2
LATENCY = {"count": 30, "seconds": 6.0, "hard_s": 45.0}
LATENCY_SLOW = {"count": 3, "seconds": 0.0, "hard_s": 60.0}  # when the first view took over SLOW_S
THROUGHPUT = {"clients": 4, "count": 150, "seconds": 4.0}
SLOW_S = 2.0  # above this median, throughput is workers / latency: not worth measuring


def _scenario_row(n: int, name: str, samples: traffic.Samples, rate: float | None) -> dict:
    return {
        "n": n,
        "scenario": name,
        "requests": len(samples.seconds),
        "errors": len(samples.errors),
        "p50_ms": (median(samples.seconds) or 0) * 1000,
        "p95_ms": (percentile(samples.seconds, 0.95) or 0) * 1000,
        "rate": rate,
        "kb": (median(samples.sizes) or 0) / 1024,
        "encoding": ",".join(sorted(samples.encodings)),
    }


def _measure(server, n: int, make: Callable[[int], traffic.Request], name: str, slow: bool) -> dict:
    samples = traffic.sequential(server.port, make, **(LATENCY_SLOW if slow else LATENCY))
    rate = None
    if samples.seconds and median(samples.seconds) < SLOW_S:
        burst = traffic.concurrent(server.port, make, **THROUGHPUT)
        rate = len(burst.seconds) / burst.wall_s if burst.wall_s else None
        samples.errors += burst.errors
    return _scenario_row(n, name, samples, rate)


def bench_size(n: int, event_file: Path, log: Path) -> tuple[list[dict], dict]:
    """All scenarios against one gunicorn serving an N-event file."""
    with gunicorn(event_file, log, workers=WORKERS) as server:
        client = Client(HOST, server.port)
        views = ViewRequests(server_callback(client, "timeline.figure"))
        started = {pid: memory_mib(pid)["VmRSS"] for pid in server.workers()}
        first = client.request(*views.page_load(), encodings="identity")
        marks, response = check_view(first.status, first.json())
        views.domains = response["filter-domains"]["value"]
        identity_kb = len(first.body) / 1024
        slow = first.seconds > SLOW_S
        warm = {"connections": 2, "rounds": 1} if slow else {}
        traffic.warm(server.port, views.page_load(), **warm)
        rows = [_measure(server, n, lambda _i: ("GET", DEPENDENCIES_PATH, None), "trivial GET", slow)]
        if not slow:
            rows.append(_measure(server, n, lambda _i: views.page_load(), "page load (cached)", slow))
        rows.append(_measure(server, n, views.all_events, "all events, uncached", slow))
        rows.append(_measure(server, n, views.toggle, "domain toggle, uncached", slow))
        traffic.warm(server.port, views.toggle(0, cached=True), **warm)
        cached = _measure(server, n, lambda i: views.toggle(i, cached=True), "domain toggle, cached", slow)
        rows.append(cached)
        toggled_reply = client.request(*views.toggle(0, cached=True), encodings="identity")
        toggled, _ = check_view(toggled_reply.status, toggled_reply.json())
        client.close()
        workers = server.workers()
        peaks = [memory_mib(pid) for pid in workers]
        memory = {
            "n": n,
            "startup_s": server.startup_s,
            "first_view_s": first.seconds,
            "marks": marks,
            "toggled_marks": toggled,
            "figure_kb": identity_kb,
            "rss_start_mib": max(started.values(), default=None),
            "hwm_worker_mib": max((peak["VmHWM"] for peak in peaks), default=None),
            "hwm_master_mib": memory_mib(server.process.pid)["VmHWM"],
            "restarted": sorted(started) != workers,
            "load_avg": os.getloadavg()[0],
        }
    trivial = rows[0]["p50_ms"] or 1e-9
    for row in rows:
        row["ratio"] = row["p50_ms"] / trivial
    return rows, memory


def sections() -> list[Section]:
    """The empty server sections, to be filled size by size."""
    latency = Section(
        f"Server: view callback under gunicorn ({WORKERS} workers × 2 threads, loopback)",
        [
            ("n", "events"),
            ("scenario", "scenario"),
            ("requests", "requests"),
            ("errors", "errors"),
            ("p50_ms", "p50 ms"),
            ("p95_ms", "p95 ms"),
            ("ratio", "p50 / trivial"),
            ("rate", f"req/s ({THROUGHPUT['clients']} clients)"),
            ("kb", "response KB"),
            ("encoding", "encoding"),
        ],
    )
    memory = Section(
        "Server: startup, first view and memory per worker",
        [
            ("n", "events"),
            ("startup_s", "startup s"),
            ("first_view_s", "first view s"),
            ("marks", "marks drawn"),
            ("toggled_marks", "marks after toggle"),
            ("figure_kb", "view response KB (uncompressed)"),
            ("rss_start_mib", "worker RSS at start MiB"),
            ("hwm_worker_mib", "worker peak RSS MiB"),
            ("hwm_master_mib", "master peak RSS MiB"),
            ("restarted", "worker restarted"),
            ("load_avg", "load avg"),
        ],
    )
    latency.notes += [
        "Latency: one keep-alive client, sequential; up to "
        f"{LATENCY['count']} requests or {LATENCY['seconds']:.0f} s (at least 3). Response KB as sent "
        "to a browser's Accept-Encoding (gzip, deflate, br, zstd).",
        f"req/s: {THROUGHPUT['clients']} concurrent keep-alive clients, up to {THROUGHPUT['count']} "
        f"requests or {THROUGHPUT['seconds']:.0f} s; skipped when p50 > {SLOW_S:.0f} s. The client shares "
        "the 2 cores with the server.",
        "The figure cache is per worker; uncached requests vary `to` past the data so no view repeats.",
        f"When the first view takes over {SLOW_S:.0f} s, each scenario makes {LATENCY_SLOW['count']} "
        "requests and 'page load (cached)' is left out, to keep the suite within its time.",
    ]
    memory.notes += [
        "startup: gunicorn launch to the first 200 (preload_app: the events load once in the master).",
        "first view: the first view request, which builds the events frame in that worker.",
        "marks: points and span bars in the figure (an event in two domains is drawn twice).",
        "peak RSS: VmHWM from /proc; workers are forked from the master, so shared pages count in each.",
    ]
    return [latency, memory]


def add(results: list[Section], n: int, path: Path, logs: Path) -> None:
    """Start gunicorn on an N-event file and run every scenario against it."""
    latency, memory = results
    rows, row = bench_size(n, path, logs / f"gunicorn-{n}.log")
    latency.rows += rows
    memory.rows.append(row)
