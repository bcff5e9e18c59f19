import logging
import os
import subprocess
import sys

from dashboard.core.loader import BUNDLED_EVENTS, ENV_VAR, event_paths, expand, load_dataset
from tests.conftest import MINI


def test_argument_beats_environment_beats_bundled(tmp_path):
    assert event_paths(["x.yaml"], {ENV_VAR: "y.yaml"}) == [__import__("pathlib").Path("x.yaml")]
    assert [str(p) for p in event_paths([], {ENV_VAR: "a.yaml:b"})] == ["a.yaml", "b"]
    assert event_paths([], {}) == [BUNDLED_EVENTS]


def test_bundled_file_validates_with_the_required_landmarks(bundled):
    ids = {event.id for event in bundled.events}
    assert len(bundled.events) >= 30
    assert {
        "joint-communique-1972",
        "taiwan-wha-observer-2009-2016",
        "treaty-40th-anniversary-2018",
        "kono-wha-tweet-2019",
        "tsai-sankei-interview-2019",
        "taiwan-assurance-act-house-2019",
    } <= ids
    assert bundled.event("taiwan-wha-observer-2009-2016").is_span


def test_every_bundled_event_cites_at_least_one_source(bundled):
    assert all(event.sources for event in bundled.events)


def test_events_come_back_in_date_order_with_their_precision(mini):
    assert [event.id for event in mini.events] == [
        "alpha-founded",
        "beta-festival",
        "joint-lab",
        "gamma-prize",
    ]
    assert [event.date.precision for event in mini.events] == ["year", "year", "month", "day"]


def test_a_folder_loads_every_yaml_file_in_it(tmp_path):
    (tmp_path / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert len(load_dataset([tmp_path]).events) == 4


def test_a_folder_skips_entries_that_are_no_regular_file_with_one_warning_each(tmp_path, caplog):
    (tmp_path / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / ".#mini.yaml").symlink_to("user@host.1234")  # an editor's lock: a broken link
    with caplog.at_level(logging.WARNING, logger="dashboard.core.loader"):
        assert len(load_dataset([tmp_path]).events) == 4
        assert expand([tmp_path]) == [tmp_path / "mini.yaml"]  # checked again: warned once
    assert [record.getMessage() for record in caplog.records] == [
        f"Skipped {tmp_path / '.#mini.yaml'}: this is a broken link: its target does not exist",
        f"Skipped {tmp_path / 'loop.yaml'}: cannot read the file: Too many levels of symbolic links",
        f"Skipped {tmp_path / 'pipe.yaml'}: this is a FIFO (named pipe), not a regular file; "
        "an event file must be one",
    ]


def test_the_dataset_is_immutable(mini):
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        mini.events[0].title = "changed"
    assert isinstance(mini.events, tuple)


def test_validate_cli_prints_a_one_line_summary():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(MINI)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "OK: 4 events in 1 file, 1950–1980, domains: science, culture"


def test_the_published_json_schema_matches_the_validator():
    import json

    from dashboard.core.model import json_schema

    published = json.loads((BUNDLED_EVENTS / "schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(), "regenerate with: python -m dashboard schema > events/schema.json"


def test_an_event_without_importance_is_notable(tmp_path):
    path = tmp_path / "unranked.yaml"
    path.write_text(
        "title: Unranked\ndescription: A file written elsewhere.\nevents:\n"
        "  - id: one\n    date: '2019-05'\n    title: One\n    summary: A summary.\n"
        "    domains: [diplomatic]\n    actors: [Japan]\n    sources: [{outlet: Test}]\n",
        encoding="utf-8",
    )
    assert load_dataset([path]).event("one").importance == 2
