"""One truth across workers: under gunicorn, recycled and new workers serve the newest valid data."""

import json
import shutil
import urllib.request

from tests.conftest import MINI
from tests.serving import Server, wait_for

RECYCLING = {"GUNICORN_CMD_ARGS": "--max-requests 5 --max-requests-jitter 0"}  # a new worker every few
PATHS = ("/health", "/download/json?q=gamma", "/", "/embed")


def fetch(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers["X-Data-Version"], response.read()


def versions_and_pids(server: Server, count: int = 200) -> tuple[set[str], set[int]]:
    """The data versions named by `count` responses of every kind, and the pids /health came from."""
    versions, pids = set(), set()
    for number in range(count):
        version, body = fetch(server.url + PATHS[number % len(PATHS)])
        versions.add(version)
        if number % len(PATHS) == 0:
            report = json.loads(body)
            assert report["data_version"] == version
            pids.add(report["pid"])
    return versions, pids


def test_every_worker_old_or_new_serves_the_newest_valid_version_and_never_a_broken_one(tmp_path):
    events = tmp_path / "events.yaml"
    shutil.copy(MINI, events)
    text = MINI.read_text(encoding="utf-8")
    server = Server(events, workers=2, extra_env=RECYCLING)
    try:
        first = server.health()["data_version"]
        events.write_text(text.replace("Gamma prize awarded", "Gamma prize awarded again"), encoding="utf-8")
        new = wait_for(lambda: (version := server.health()["data_version"]) != first and version, seconds=20)
        versions, before_pids = versions_and_pids(server)
        assert versions == {new}
        assert b"Gamma prize awarded again" in fetch(server.url + "/download/json?q=gamma")[1]

        events.write_text(text.replace('date: "1980-06-15"', 'date: "1980-02-30"'), encoding="utf-8")
        stale = wait_for(lambda: (report := server.health())["status"] == "stale" and report, seconds=20)
        assert stale["data_version"] == new
        assert any("'1980-02-30' does not exist" in problem for problem in stale["problems"])
        versions, after_pids = versions_and_pids(server)
        assert versions == {new}
        assert after_pids - before_pids, "no worker was forked after the invalid edit"
    finally:
        log = server.stop()
    assert "Event files changed but are invalid" in log
