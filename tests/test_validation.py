"""The bad-file corpus: each file breaks one rule and states the exact problems expected."""

import os
import sys
from pathlib import Path

import pytest

from dashboard.core import file_text, yaml_source
from dashboard.core.loader import load_dataset
from dashboard.core.problems import EventFileError

CORPUS = sorted((Path(__file__).parent / "bad_files").glob("*.yaml"))
VALID_EVENT = """title: T
description: D
events:
  - id: one
    date: "2019"
    title: One
    summary: S.
    domains: [diplomatic]
    actors: [Japan]
    importance: 1
    sources: [{outlet: O}]
"""


def problems_of(*paths):
    with pytest.raises(EventFileError) as caught:
        load_dataset(list(paths))
    return caught.value.problems


def expected_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        line.removeprefix("# expect: ").replace("{file}", str(path))
        for line in lines
        if line.startswith("# expect: ")
    ]


@pytest.mark.parametrize("path", CORPUS, ids=[path.stem for path in CORPUS])
def test_bad_file_reports_exact_location_and_message(path):
    reported = [str(problem).removeprefix(f"{path}:") for problem in problems_of(path)]
    assert reported == expected_lines(path)


def test_the_corpus_covers_every_rule():
    assert len(CORPUS) >= 19


def test_every_problem_in_a_file_is_reported_not_just_the_first(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text(
        VALID_EVENT.replace('date: "2019"', "date: 2019-02-30")
        .replace("importance: 1", "importance: 9")
        .replace("title: One", "title: no"),
        encoding="utf-8",
    )
    fields = [problem.field for problem in problems_of(path)]
    assert fields == ["date", "title", "importance"]


def test_non_utf8_bytes_are_located(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(VALID_EVENT.replace("title: One", "title: Caf\xe9").encode("latin-1"))
    [problem] = problems_of(path)
    assert (problem.line, problem.column) == (6, 15)
    assert problem.message == "byte 0xe9 is not UTF-8; save the file as UTF-8"


def test_a_truly_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    [problem] = problems_of(path)
    assert problem.message == yaml_source.EMPTY_FILE


def test_files_over_the_size_limit_are_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(file_text, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text(VALID_EVENT, encoding="utf-8")
    [problem] = problems_of(path)
    assert "over the 0 MiB limit; split it" in problem.message
    assert problem.message.startswith(f"file is {len(VALID_EVENT):,} bytes")


def test_a_file_that_grows_past_the_limit_after_stat_is_cut_off_and_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(file_text, "MAX_FILE_BYTES", 100)
    path = tmp_path / "growing.yaml"
    path.write_text("x" * 50, encoding="utf-8")
    real_open = Path.open

    def open_after_growth(self, *args, **kwargs):
        with open(self, "a", encoding="utf-8") as file:  # as if appended to between stat() and open()
            file.write(VALID_EVENT)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_after_growth)
    [problem] = problems_of(path)
    assert problem.message == "the file is over the 0 MiB limit; split it"


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_fifo_a_device_or_a_folder_named_as_the_event_file_is_refused_unread(tmp_path, kind):
    described = {"fifo": "a FIFO (named pipe)", "device": "a device", "folder": "a folder"}[kind]
    path = {"fifo": tmp_path / "pipe.yaml", "device": Path("/dev/zero"), "folder": tmp_path / "dir.yaml"}[
        kind
    ]
    if kind == "fifo":
        os.mkfifo(path)  # reading it would wait for a writer forever
    elif kind == "folder":
        path.mkdir()
    with pytest.raises(EventFileError) as caught:
        yaml_source.read_yaml(path)
    [problem] = caught.value.problems
    assert str(problem) == f"{path}:1:1: this is {described}, not a regular file; an event file must be one"


def test_deep_nesting_is_refused_without_a_traceback(tmp_path):
    path = tmp_path / "deep.yaml"
    depth = sys.getrecursionlimit() + 100
    path.write_text("events: " + "[" * depth + "]" * depth, encoding="utf-8")
    assert problems_of(path)


def test_problems_across_files_are_all_reported(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(VALID_EVENT, encoding="utf-8")
    second.write_text(VALID_EVENT.replace("sources: [{outlet: O}]", "sources: []"), encoding="utf-8")
    messages = [str(problem) for problem in problems_of(first, second)]
    assert messages == [
        f"{second}:4:9: event 'one': id: duplicate id (first used at {first}:4); ids must be unique",
        f"{second}:11:14: event 'one': sources: needs at least one entry",
    ]


def test_the_cli_exits_1_and_lists_problems_without_a_traceback(tmp_path):
    import subprocess

    bad = Path(__file__).parent / "bad_files" / "impossible-date.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(bad)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{bad}:6:11: event 'one': date: '2019-02-30' does not exist" in result.stderr
