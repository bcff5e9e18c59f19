"""Live reloads in one process: valid edits swap in, invalid ones are refused and reported."""

import shutil
import time

from dashboard.views.live import LiveCatalog
from tests.conftest import MINI


def settle(live: LiveCatalog, seconds: float = 10):
    """Let a background check that starts after the caller's edit finish (one still running from
    before the edit may have hashed the old file: wait for it, then start another)."""
    deadline = time.monotonic() + seconds
    for _ in range(2):
        while live.reloading and time.monotonic() < deadline:
            time.sleep(0.02)
        live.get()
    while live.reloading and time.monotonic() < deadline:
        time.sleep(0.02)


def test_a_valid_edit_is_served_after_the_background_reload(tmp_path):
    path = tmp_path / "events.yaml"
    shutil.copy(MINI, path)
    live = LiveCatalog([path], check_seconds=0)
    before = live.get()
    path.write_text(
        path.read_text(encoding="utf-8").replace("Joint laboratory", "Shared laboratory"), encoding="utf-8"
    )
    settle(live)
    after = live.get()
    assert after is not before and after.dataset.event("joint-lab").title == "Shared laboratory"
    assert live.health.as_json()["status"] == "ok" and live.health.version == after.version


def test_an_invalid_edit_keeps_the_last_good_data_and_reports_every_problem(tmp_path, caplog):
    path = tmp_path / "events.yaml"
    shutil.copy(MINI, path)
    live = LiveCatalog([path], check_seconds=0)
    good = live.get()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('"1980-06-15"', '"1980-06-31"').replace("importance: 1", "importance: 7"), "utf-8"
    )
    settle(live)
    assert live.get() is good
    report = live.health.as_json()
    assert report["status"] == "stale" and report["data_version"] == good.version
    assert len(report["problems"]) == 2
    assert (
        "Event files changed but are invalid" in caplog.text and "'1980-06-31' does not exist" in caplog.text
    )
