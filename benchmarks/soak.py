"""Load and fault run: many concurrent readers for a bounded time, and one worker killed midway.

`python -m benchmarks.soak [--clients 200] [--seconds 60] [--kill-at 30]` starts gunicorn with the
production settings (gunicorn.conf.py: 2 x cores + 1 workers, 2 threads, max_requests with jitter)
on loopback, runs a mix of page loads, embeds and view callbacks from keep-alive clients, SIGKILLs
one worker at --kill-at seconds, and prints a Markdown table. Loopback only; every loop stops on
its own deadline.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import statistics
import threading
import time
from collections import defaultdict
from pathlib import Path

from .dash_client import Client, ViewRequests, server_callback
from .serve import HOST, ROOT, gunicorn

PAGES = [
    ("page", "GET", "/"),
    ("page", "GET", "/_dash-layout"),
    ("embed", "GET", "/embed?domains=military&from=2018"),
    ("embed", "GET", "/embed?q=WHA&height=360"),
    ("brief", "GET", "/brief?actors=Japan"),
]


class Tally:
    """Latencies and failures per kind of request, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seconds: dict[str, list[float]] = defaultdict(list)
        self.failures: list[tuple[float, float, str, str]] = []  # sent, failed (s from start), kind, why
        self.retries = 0

    def ok(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.seconds[kind].append(seconds)

    def fail(self, sent: float, failed: float, kind: str, why: str) -> None:
        with self.lock:
            self.failures.append((sent, failed, kind, why))


def send(client: Client, method: str, path: str, body: bytes | None, tally: Tally):
    """One request as a browser sends it: a keep-alive connection that the server closed meanwhile
    (a worker recycled by max_requests, or killed) is retried once on a fresh connection."""
    try:
        return client.request(method, path, body)
    except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
        with tally.lock:
            tally.retries += 1
        return client.request(method, path, body)


def reader(port: int, views: ViewRequests, index: int, start: float, deadline: float, tally: Tally) -> None:
    """One reader: alternates pages, embeds and view changes until the deadline."""
    client = Client(HOST, port, timeout_s=30)
    step = index
    while time.monotonic() < deadline:
        step += 1
        if step % 3 == 0:
            kind, method, path, body = ("callback", *views.toggle(step, cached=step % 2 == 0))
        else:
            kind, method, path = PAGES[step % len(PAGES)]
            body = None
        sent = time.monotonic() - start
        try:
            reply = send(client, method, path, body, tally)
        except (OSError, http.client.HTTPException) as error:
            tally.fail(sent, time.monotonic() - start, kind, type(error).__name__)
            continue
        if reply.status in (200, 304):
            tally.ok(kind, reply.seconds)
        else:
            tally.fail(sent, time.monotonic() - start, kind, f"HTTP {reply.status}")
    client.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def run(clients: int, seconds: float, kill_at: float, workers: int) -> str:
    """Run the soak and return its report as Markdown."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / "timeline-soak.log"
    with gunicorn(ROOT / "events", log, workers=workers) as server:
        probe = Client(HOST, server.port)
        views = ViewRequests(
            server_callback(probe, "timeline.figure"), ["diplomatic", "economic", "military"]
        )
        probe.close()
        tally = Tally()
        start = time.monotonic()
        deadline = start + seconds
        threads = [
            threading.Thread(target=reader, args=(server.port, views, i, start, deadline, tally), daemon=True)
            for i in range(clients)
        ]
        for thread in threads:
            thread.start()
        time.sleep(max(0.0, kill_at - (time.monotonic() - start)))
        victim = server.workers()[0]
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic() - start
        for thread in threads:
            thread.join(timeout=seconds + 60)
        recycled = log.read_text(encoding="utf-8").count("Autorestarting worker")
        workers_after = len(server.workers())
    return report(tally, clients, seconds, workers, killed_at, recycled, workers_after)


def report(tally: Tally, clients, seconds, workers, killed_at, recycled, workers_after) -> str:
    total_ok = sum(len(values) for values in tally.seconds.values())
    in_flight = [f for f in tally.failures if f[0] <= killed_at <= f[1]]  # sent before, failed after
    elsewhere = [f for f in tally.failures if f not in in_flight]
    lines = [
        f"Soak: {clients} concurrent keep-alive clients for {seconds:.0f} s against gunicorn ({workers} "
        f"workers x 2 threads, max_requests 1000 +/- 100), one worker SIGKILLed at {killed_at:.1f} s.",
        "",
        "| requests | count | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|",
    ]
    everything = [value for values in tally.seconds.values() for value in values]
    for kind, values in [*sorted(tally.seconds.items()), ("all", everything)]:
        lines.append(
            f"| {kind} | {len(values):,} | {statistics.median(values) * 1000:.0f} | "
            f"{percentile(values, 0.95) * 1000:.0f} | {percentile(values, 0.99) * 1000:.0f} |"
        )
    lines += [
        "",
        f"- Successful requests: {total_ok:,} ({total_ok / seconds:.0f}/s).",
        f"- Failed requests: {len(tally.failures)}: {len(in_flight)} in flight on the killed worker "
        f"(sent before the kill, failed after it), {len(elsewhere)} at any other time; "
        f"{tally.retries} requests retried once on a fresh connection after the server closed a keep-alive "
        "one (recycled or killed worker), as browsers do.",
        f"- Workers recycled by max_requests during the run: {recycled}; alive at the end: {workers_after}.",
    ]
    if elsewhere:
        lines.append(f"- Other failures (first 5): {elsewhere[:5]}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kill-at", type=float, default=30)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    args = parser.parse_args()
    print(run(args.clients, args.seconds, args.kill_at, args.workers))


if __name__ == "__main__":
    main()
