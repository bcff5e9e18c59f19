"""Under gunicorn: a deleted, cut or overwritten snapshot under load, a damaged cache at restart, an
unwritable cache and a build that keeps failing (issue #24). Run under the shared lock."""

import itertools
import os
import shutil
import time
import urllib.error
import urllib.request
from collections import Counter
from http.client import HTTPException
from pathlib import Path

import pytest

from dashboard.core.snapshot_file import DamagedSnapshot, MappedSnapshot
from dashboard.core.store import Store
from tests.conftest import MINI
from tests.serving import Server, wait_for
from tests.test_snapshot_damage import damage, edited

RECYCLING = {"GUNICORN_CMD_ARGS": "--max-requests 5 --max-requests-jitter 0"}  # new forks from the master
PATHS = ("/download/json?q=gamma", "/health", "/embed", "/download/csv?q=gamma", "/")
LOAD_SECONDS = 4


def fetch(url: str) -> tuple[int, str | None, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers["X-Data-Version"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["X-Data-Version"], error.read()


def verifies(path: Path) -> bool:
    try:
        MappedSnapshot(path)
    except DamagedSnapshot:
        return False
    return True


@pytest.fixture
def events(tmp_path):
    path = tmp_path / "events.yaml"
    shutil.copy(MINI, path)
    return path


def load(server: Server, seconds: float, snapshot: Path) -> dict:
    """Requests one after another for `seconds`: data versions answered, failures, rebuild time."""
    versions, statuses, failures, rebuilt = Counter(), Counter(), 0, None
    started = time.monotonic()
    number = 0
    while time.monotonic() - started < seconds:
        try:
            status, version, _ = fetch(server.url + PATHS[number % len(PATHS)])
            versions[version] += 1
            statuses[status] += 1
        except (OSError, HTTPException):  # a connection reset by a dying worker
            failures += 1
        number += 1
        if rebuilt is None and verifies(snapshot):
            rebuilt = time.monotonic() - started
    return {"versions": versions, "statuses": statuses, "failures": failures, "rebuilt_s": rebuilt}


def test_no_answer_comes_from_an_older_version_when_the_new_snapshot_is_damaged_under_load(events, capsys):
    server = Server(events, workers=2, extra_env=RECYCLING)
    try:
        first = server.health()["data_version"]
        edited(events)
        new = wait_for(lambda: (version := server.health()["data_version"]) != first and version)
        snapshot = Store([events]).snapshot_path(new)
        for how in ("deleted", "truncated", "garbage"):
            damage(snapshot, how)
            result = load(server, LOAD_SECONDS, snapshot)
            with capsys.disabled():
                print(f"\n{how}: {result}")
            assert set(result["versions"]) == {new}, how
            assert result["statuses"].keys() == {200}, how
            # Rebuilt: within the load run as a rule; on a busy machine the child may finish after it
            # (requests go on meanwhile: a worker notices damage when it serves one).
            assert result["rebuilt_s"] is not None or wait_for(
                lambda: fetch(server.url + "/health") and verifies(snapshot)
            ), how
    finally:
        log = server.stop()
    assert "Traceback" not in log


def test_a_restart_with_a_garbage_snapshot_and_half_written_files_starts_and_rebuilds(events, snapshot_cache):
    server = Server(events, workers=2)
    version = server.health()["data_version"]
    server.stop()
    snapshot = Store([events]).snapshot_path(version)
    snapshot.write_bytes(os.urandom(snapshot.stat().st_size))
    left = snapshot_cache / f".{snapshot.name}.12345.partial"
    left.write_bytes(b"half")
    server = Server(events, workers=2)
    try:
        report = server.health()
        assert report["status"] == "ok" and report["data_version"] == version and report["events"] == 4
        assert verifies(snapshot) and not left.exists()
    finally:
        server.stop()


def test_an_unwritable_cache_is_reported_without_paths_while_the_last_good_data_is_served(tmp_path, events):
    parent = tmp_path / "parent"
    server = Server(events, workers=2, extra_env={"TIMELINE_CACHE": str(parent / "cache")})
    try:
        good = server.health()["data_version"]
        parent.rename(tmp_path / "moved")
        parent.write_text("a file where the cache's parent folder was")  # unwritable, even for root
        edited(events)
        # Both workers have met the edit and failed to store it (each /health names its worker's pid).
        unwritable: set[int] = set()

        def both_report_it() -> bool:
            report = server.health()
            if report["status"] == "cache_unwritable":
                unwritable.add(report["pid"])
            return len(unwritable) == 2

        wait_for(both_report_it)
        text = fetch(server.url + "/health")[2].decode()
        assert "/" not in text and "Traceback" not in text and "cannot be written" in text
        for _ in range(6):
            status, version, body = fetch(server.url + "/download/json?q=gamma")
            assert status == 200 and version == good and b"awarded again" not in body
    finally:
        log = server.stop()
    assert str(parent) in log and "Not a directory" in log


def build_children(folder: Path) -> dict[int, tuple[int, bytes]]:
    """The validation children running now for this cache folder: pid -> (its worker, the version)."""
    found = {}
    for entry in os.scandir("/proc"):
        try:
            command = Path(entry.path, "cmdline").read_bytes().split(b"\0")
            parent = int(Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if b"dashboard.core.build" in command and str(folder).encode() in command:
            found[int(entry.name)] = parent, command[command.index(str(folder).encode()) + 1]
    return found


def test_a_build_that_keeps_failing_backs_off_and_is_logged_once_per_worker(events, snapshot_cache):
    server = Server(events, workers=2)
    seen: dict[int, list] = {}  # child pid -> [(worker pid, version), first seen, last seen]
    try:
        edited(events)
        Store([events]).snapshot_path(Store([events]).version()).mkdir()  # no build can put its file there
        deadline = time.monotonic() + 12
        while time.monotonic() < deadline:
            fetch(server.url + "/health")
            now = time.monotonic()
            for child, build in build_children(snapshot_cache).items():
                seen.setdefault(child, [build, now, now])[2] = now
            time.sleep(0.02)
        assert server.health()["status"] == "cache_unwritable"
    finally:
        log = server.stop()
    # A worker tries again 5 s after a failed build ends (then 10 s); without backoff, at its next
    # check, within 2 s. Measured from end to start, so a slow build on a busy machine changes nothing;
    # per version, since a check that read the file halfway through the edit tries that version once.
    rests = []
    for build in {build for build, _, _ in seen.values()}:
        tries = sorted((first, last) for which, first, last in seen.values() if which == build)
        rests += [later[0] - earlier[1] for earlier, later in itertools.pairwise(tries)]
    assert len(seen) >= 2 and rests, seen
    assert min(rests) >= 4.5, rests
    assert 1 <= log.count("The snapshot cache cannot be written") <= 2
