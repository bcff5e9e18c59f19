"""A short run of the load-and-fault script: killing a worker fails only what was in flight on it."""

import re

from benchmarks.soak import run


def test_a_killed_worker_costs_only_its_in_flight_requests():
    report = run(clients=8, seconds=6, kill_at=3, workers=3)
    failed = re.search(
        r"Failed requests: (\d+): (\d+) in flight on the killed worker .* (\d+) at any other time", report
    )
    assert failed, report
    assert int(failed.group(3)) == 0, report
    assert int(failed.group(2)) <= 8, report  # at most one request per client was in flight
    assert re.search(r"\| callback \| [1-9][\d,]* \|", report) and re.search(r"\| embed \| [1-9]", report)
    assert "alive at the end: 3" in report
