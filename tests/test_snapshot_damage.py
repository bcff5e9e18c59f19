"""A damaged, deleted or unwritable snapshot cache: never mapped, rebuilt, and reported without paths."""

import os
import shutil
import subprocess
import time

import pytest

from dashboard.core import store as store_module
from dashboard.core.snapshot import read_snapshot, write_snapshot
from dashboard.core.snapshot_file import DamagedSnapshot
from dashboard.core.store import CacheUnwritable
from dashboard.views.live import LiveCatalog
from tests.conftest import MINI


def edited(path, old="Gamma prize awarded", new="Gamma prize awarded again"):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def settle(live: LiveCatalog, seconds: float = 20):
    """Let the background check (if one started) finish."""
    live.get()
    deadline = time.monotonic() + seconds
    while live.reloading and time.monotonic() < deadline:
        time.sleep(0.02)


@pytest.fixture
def events(tmp_path):
    path = tmp_path / "events.yaml"
    shutil.copy(MINI, path)
    return path


def damage(path, how: str) -> None:
    """Delete, cut in half, or overwrite in place (same size) a snapshot file."""
    if how == "deleted":
        path.unlink()
    elif how == "truncated":
        os.truncate(path, path.stat().st_size // 2)
    else:
        with open(path, "r+b") as file:
            file.seek(path.stat().st_size // 3)
            file.write(b"\0garbage\0" * 64)


@pytest.mark.parametrize("how", ["truncated", "garbage"])
def test_a_damaged_snapshot_file_is_refused_before_it_is_mapped(mini, tmp_path, how):
    path = tmp_path / "snapshot-x.arrow"
    write_snapshot(mini, path)
    damage(path, how)
    with pytest.raises(DamagedSnapshot):
        read_snapshot(path)


@pytest.mark.parametrize("how", ["deleted", "truncated", "garbage"])
def test_a_worker_whose_new_snapshot_is_damaged_rebuilds_it_and_serves_it(events, how):
    serving, lagging = LiveCatalog([events], check_seconds=0), LiveCatalog([events], check_seconds=3600)
    old = lagging.get().version
    edited(events)
    settle(serving)
    new = serving.get().version
    assert new != old and serving.store.pointed() == new
    damage(serving.store.snapshot_path(new), how)
    # serving: the file it maps changed or was unlinked (it rebuilds the file); lagging: never read it
    for live in (serving, lagging):
        catalog = live.get()
        assert catalog.version == new
        assert catalog.dataset.event("gamma-prize").title == "Gamma prize awarded again"
        assert read_snapshot(serving.store.snapshot_path(new))[0].event_count == 4  # rebuilt and whole


@pytest.mark.parametrize("how", ["deleted", "truncated", "garbage"])
def test_a_restart_with_a_damaged_snapshot_starts_and_rebuilds_it(events, how):
    first = LiveCatalog([events])
    version = first.get().version
    damage(first.store.snapshot_path(version), how)
    restarted = LiveCatalog([events])
    assert restarted.get().version == version and restarted.get().event_count == 4
    assert restarted.health.as_json()["status"] == "ok"


def test_files_left_half_written_are_deleted_at_start(events, snapshot_cache):
    snapshot_cache.mkdir()
    left = [snapshot_cache / ".snapshot-0123.arrow.999.partial", snapshot_cache / ".current-ab.7.partial"]
    for path in left:
        path.write_bytes(b"half")
    LiveCatalog([events])
    assert not [name for name in os.listdir(snapshot_cache) if name.endswith(".partial")]


def test_an_unwritable_cache_is_reported_as_such_while_the_last_good_data_is_served(
    tmp_path, events, caplog, monkeypatch
):
    parent = tmp_path / "parent"
    monkeypatch.setenv("TIMELINE_CACHE", str(parent / "cache"))
    live = LiveCatalog([events], check_seconds=0)
    good = live.get().version
    parent.rename(tmp_path / "moved")
    parent.write_text("a file where the cache's parent folder was")  # unwritable even for root
    edited(events)
    settle(live)
    report = live.health.as_json()
    assert live.get().version == good and report["data_version"] == good
    assert (
        report["status"] == "cache_unwritable" and "cannot be written (Not a directory)" in report["message"]
    )
    assert "/" not in str(report) and "Traceback" not in str(report)
    assert str(parent) in caplog.text  # the operator gets the path in the log
    with pytest.raises(CacheUnwritable, match="cannot be written"):
        LiveCatalog([events])


def test_a_build_that_keeps_failing_is_retried_with_backoff_and_logged_once(events, monkeypatch, caplog):
    live = LiveCatalog([events], check_seconds=0)
    edited(events)
    blocked = live.store.snapshot_path(live.store.version())
    blocked.mkdir()  # the new snapshot cannot be renamed into place: every build fails
    spawns = []
    real_run = subprocess.run
    monkeypatch.setattr(store_module.subprocess, "run", lambda *a, **k: spawns.append(1) or real_run(*a, **k))
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        settle(live)
        time.sleep(0.05)
    assert 1 <= len(spawns) <= 2  # at 0 s and after 5 s; without backoff: one per check, ~8
    assert live.health.as_json()["status"] == "cache_unwritable"
    assert caplog.text.count("cannot be written") == 1
    edited(events, "awarded again", "awarded once more")  # a new version is tried at once
    settle(live)
    settle(live)
    assert live.get().dataset.event("gamma-prize").title == "Gamma prize awarded once more"
    assert live.health.as_json()["status"] == "ok"
