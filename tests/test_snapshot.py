"""Snapshots: a stored version reads back as the table and events it was written from."""

import os
import shutil

import pandas as pd

from dashboard.core import snapshot
from dashboard.core.dataset_like import DatasetLike
from dashboard.core.filters import ViewState
from dashboard.core.frame import events_table
from dashboard.core.snapshot import read_snapshot, write_snapshot
from dashboard.core.store import Store, cache_dir
from dashboard.views.catalog import Catalog
from tests.conftest import MINI


def test_a_snapshot_reads_back_the_table_and_every_event_it_was_written_from(bundled, tmp_path):
    path = tmp_path / "snapshot.arrow"
    write_snapshot(bundled, path)
    stored, table = read_snapshot(path)
    expected = events_table(bundled)
    pd.testing.assert_frame_equal(table.frame, expected.frame, check_dtype=False)
    assert table.domain_rows.keys() == expected.domain_rows.keys()
    assert all((table.actor_rows[name] == rows).all() for name, rows in expected.actor_rows.items())
    assert stored.events == bundled.events
    assert stored.event("joint-communique-1972") == bundled.event("joint-communique-1972")
    assert stored.event("no-such-event") is None
    assert (stored.title, stored.description, stored.source_document) == (
        bundled.title,
        bundled.description,
        bundled.source_document,
    )
    assert stored.domains == bundled.domains and stored.narratives == bundled.narratives
    assert stored.eras == bundled.eras and len(stored.eras) == 3
    assert stored.actors == bundled.actors and stored.event_count == len(bundled.events)


def test_both_datasets_meet_one_interface_and_find_each_event_at_the_same_row(bundled, tmp_path):
    path = tmp_path / "snapshot.arrow"
    write_snapshot(bundled, path)
    stored, _table = read_snapshot(path)
    assert isinstance(bundled, DatasetLike) and isinstance(stored, DatasetLike)
    ids = [event.id for event in bundled.events]
    assert [stored.row(event_id) for event_id in ids] == [bundled.row(event_id) for event_id in ids]
    assert [bundled.row(event_id) for event_id in ids] == list(range(len(ids)))
    assert stored.row("no-such-event") is None and bundled.row("no-such-event") is None
    assert stored.events_at([2, 0]) == bundled.events_at([2, 0]) == [bundled.events[2], bundled.events[0]]


def test_a_snapshot_carries_typed_relations_both_ways_and_statements(mini, tmp_path):
    path = tmp_path / "snapshot.arrow"
    write_snapshot(mini, path)
    stored, _table = read_snapshot(path)
    assert stored.event("beta-festival").related == mini.event("beta-festival").related
    assert stored.event("joint-lab").statements == mini.event("joint-lab").statements
    assert stored.inbound("joint-lab") == mini.inbound("joint-lab") == [("beta-festival", "leads-to")]
    assert stored.inbound("alpha-founded") == [("beta-festival", None)]
    assert stored.inbound("gamma-prize") == [] and stored.inbound("no-such-event") == []


def test_a_stored_catalog_shows_the_same_view_as_one_built_from_the_files(bundled, tmp_path):
    path = tmp_path / "snapshot.arrow"
    write_snapshot(bundled, path)
    stored, table = read_snapshot(path)
    state = ViewState(domains=("military",), event="joint-communique-1972")
    built, read = Catalog(bundled).view(state), Catalog(stored, table=table).view(state)
    assert list(read.rows["id"]) == list(built.rows["id"])
    assert read.figure == built.figure and read.selected == built.selected
    assert read.domain_counts == built.domain_counts


def test_the_cache_folder_is_the_variable_else_xdg_else_home():
    assert str(cache_dir({"TIMELINE_CACHE": "/srv/cache"})) == "/srv/cache"
    assert str(cache_dir({"XDG_CACHE_HOME": "/x"})) == "/x/timeline-dashboard"
    assert cache_dir({}).parts[-2:] == (".cache", "timeline-dashboard")


def test_the_version_follows_the_contents_not_the_modification_time(tmp_path):
    path = tmp_path / "events.yaml"
    shutil.copy(MINI, path)
    store = Store([path], tmp_path / "cache")
    first = store.version()
    path.write_bytes(path.read_bytes())  # rewritten, same bytes
    assert Store([path], tmp_path / "cache").version() == first == store.version()
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert store.version() != first


def test_an_edit_of_the_same_size_under_the_same_time_stamp_is_still_seen(tmp_path):
    """A coarse clock can give two quick writes one time stamp: a just-written file is read again."""
    path = tmp_path / "events.yaml"
    shutil.copy(MINI, path)
    store = Store([path], folder=tmp_path / "cache")
    stamp = path.stat().st_mtime_ns
    before = store.version()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("importance: 1", "importance: 3", 1), encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))
    assert path.stat().st_size == len(text.encode()) and store.version() != before


def test_a_valid_version_gets_a_snapshot_and_an_invalid_one_its_problems(tmp_path):
    path = tmp_path / "events.yaml"
    shutil.copy(MINI, path)
    store = Store([path], tmp_path / "cache")
    good = store.version()
    store.ensure(good)
    assert store.snapshot_path(good).exists() and store.problems(good) is None
    path.write_text(MINI.read_text(encoding="utf-8").replace('"1980-06-15"', '"1980-06-31"'), "utf-8")
    bad = store.version()
    store.ensure(bad)
    assert not store.snapshot_path(bad).exists()
    assert ["'1980-06-31' does not exist" in str(problem) for problem in store.problems(bad)] == [True]


def test_pointing_to_a_new_version_keeps_the_current_and_previous_snapshots_only(tmp_path):
    store = Store([MINI], tmp_path)
    tmp_path.mkdir(exist_ok=True)
    for version in ("a", "b", "c"):
        store.snapshot_path(version).write_bytes(b"")
        store.point(version)
    assert store.pointed() == "c" and store.current() is None  # empty files are not whole snapshots
    assert [store.snapshot_path(v).exists() for v in ("a", "b", "c")] == [False, True, True]


def test_deleting_the_cache_is_safe_the_next_check_rebuilds_it(tmp_path):
    path = tmp_path / "events.yaml"
    shutil.copy(MINI, path)
    store = Store([path], tmp_path / "cache")
    store.ensure(store.version())
    shutil.rmtree(tmp_path / "cache")
    assert store.current() is None
    store.ensure(store.version())
    store.point(store.version())
    assert store.current() == store.version()


def test_an_export_of_a_stored_catalog_builds_the_same_events_by_row(bundled, tmp_path):
    path = tmp_path / "snapshot.arrow"
    write_snapshot(bundled, path)
    stored, table = read_snapshot(path)
    rows = table.frame[table.frame["importance"] == 1]
    assert Catalog(stored, table=table).events_of(rows) == Catalog(bundled).events_of(rows)


# The event table's columns each snapshot format stores: a change to the columns without a new FORMAT
# would let a server read an older snapshot that lacks a column the figures now ask for.
COLUMNS_OF_FORMAT = {
    6: [
        "id", "title", "label", "date_label", "label_with_date", "precision", "start", "end", "last_day",
        "mid", "mid_iso", "mid_ms", "is_span", "domains", "actors", "people", "tags", "importance",
        "search_text", "search_text.en", "search_text.ja", "search_text.zh-Hant", "start_iso", "span_ms",
    ],
}  # fmt: skip


def test_the_snapshot_format_changes_with_the_event_tables_columns(bundled):
    assert list(events_table(bundled).frame.columns) == COLUMNS_OF_FORMAT[snapshot.FORMAT]
