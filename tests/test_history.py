"""Versions from git and the differences between them (dulwich writes the test repositories)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from dulwich import porcelain

from dashboard.__main__ import main
from dashboard.core.changes import compare
from dashboard.core.history import UNCOMMITTED, History, find
from dashboard.core.ledger import Ledger
from dashboard.core.store import Store

MINI = Path(__file__).parent / "data" / "cold-war-mini.yaml"


def commit(repo: Path, message: str, when: int) -> str:
    porcelain.add(str(repo), paths=[str(repo / "events.yaml")])
    author = b"Test <test@example.org>"
    sha = porcelain.commit(
        str(repo), message=message.encode(), author=author, committer=author, commit_timestamp=when,
        author_timestamp=when,
    )  # fmt: skip
    return sha.decode()


@pytest.fixture
def three_versions(tmp_path):
    """A repository whose event file was committed three times: as given, with an event's date made
    more precise and its title changed, then with one event removed and one added."""
    repo = tmp_path / "repo"
    repo.mkdir()
    porcelain.init(str(repo))
    path = repo / "events.yaml"
    text = MINI.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    shas = [commit(repo, "first", 1_700_000_000)]
    versions = [Store([path]).version()]
    text = text.replace('date: "1971-03"', 'date: "1971-03-15"').replace(
        "Joint laboratory", "Joint lab opens"
    )
    path.write_text(text, encoding="utf-8")
    shas.append(commit(repo, "precise date", 1_700_100_000))
    versions.append(Store([path]).version())
    start = text.index("  - id: alpha-founded")
    end = text.index("  - id: beta-festival")
    added = (
        text[start:end]
        .replace("alpha-founded", "gamma-founded")
        .replace("Alpha institute", "Gamma institute")
    )
    text = text[:start] + text[end:] + added
    text = text.replace("related: [alpha-founded,", "related: [gamma-founded,")
    path.write_text(text, encoding="utf-8")
    shas.append(commit(repo, "swap an event", 1_700_200_000))
    versions.append(Store([path]).version())
    return path, shas, versions


def test_the_history_lists_each_commit_as_the_data_version_the_server_computes(three_versions):
    path, shas, versions = three_versions
    with History.of([path]) as history:
        found = history.versions()
    assert [version.id for version in found] == versions
    assert [version.commit for version in found] == shas
    assert found[0].when == dt.datetime.fromtimestamp(1_700_000_000, dt.UTC)


def test_an_uncommitted_edit_is_the_newest_version(three_versions):
    path, _shas, versions = three_versions
    path.write_text(path.read_text(encoding="utf-8").replace("Beta festival years", "Beta festival"), "utf-8")
    with History.of([path]) as history:
        found = history.versions()
        newest = history.records(found[-1])
    assert [version.id for version in found[:3]] == versions
    assert found[-1].commit == UNCOMMITTED and found[-1].id == Store([path]).version()
    assert newest["beta-festival"]["title"] == "Beta festival"


def test_the_differences_name_added_removed_and_changed_fields_at_their_precision(three_versions):
    path, _shas, _versions = three_versions
    with History.of([path]) as history:
        first, second, third = history.versions()
        changes = compare(history.records(first), history.records(second))
        swapped = compare(history.records(second), history.records(third))
    assert not changes.added and not changes.removed
    fields = {change.name: (change.old, change.new) for change in changes.changed["joint-lab"]}
    assert fields == {"date": ("1971-03", "1971-03-15"), "title": ("Joint laboratory", "Joint lab opens")}
    assert swapped.added == ("gamma-founded",) and swapped.removed == ("alpha-founded",)
    assert set(swapped.changed) == {"beta-festival"}, "its related id moved to the new event"


def test_a_version_is_found_by_its_id_commit_or_date(three_versions):
    path, shas, versions = three_versions
    with History.of([path]) as history:
        found = history.versions()
    assert find(found, versions[1][:8]) == found[1]
    assert find(found, shas[2][:10]) == found[2]
    day_after_second = dt.datetime.fromtimestamp(1_700_100_000, dt.UTC).date() + dt.timedelta(days=1)
    assert find(found, day_after_second.isoformat()) == found[1]
    assert find(found, "1999-01-01") is None
    assert find(found, "abc") is None, "too short to name a version"


def test_files_outside_a_repository_have_no_history(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert History.of([path]) is None


def test_the_diff_command_prints_what_changed_since_a_version(three_versions, capsys):
    path, _shas, versions = three_versions
    assert main(["diff", str(path), "--since", versions[0]]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"Changes from {versions[0]} of 2023-11-14")
    assert "1 added, 1 removed, 2 changed" in out
    assert "+ gamma-founded  Gamma institute founded" in out
    assert "- alpha-founded  Alpha institute founded" in out
    assert "    date: 1971-03 → 1971-03-15" in out
    assert main(["diff", str(path), "--since", "2000-01-01"]) == 1
    assert "No version matches '2000-01-01'" in capsys.readouterr().err


def test_files_outside_git_get_their_history_from_the_servers_ledger(tmp_path, monkeypatch, capsys):
    """Each version the server makes current is appended to the ledger beside the snapshots, with
    its events, so `diff` works without git, and after a restart (a new Store reads the same files)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "events.yaml"
    text = MINI.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert main(["diff", str(path)]) == 1
    assert "No history" in capsys.readouterr().err
    for edit in (text, text.replace("Beta festival years", "Beta festival")):
        path.write_text(edit, encoding="utf-8")
        store = Store([path])
        version = store.version()
        store.ensure(version)
        store.point(version)
    with Ledger(Store([path])) as ledger:
        first, second = ledger.versions()
        assert second.id == Store([path]).version()
        changes = compare(ledger.records(first), ledger.records(second))
    assert [change.name for change in changes.changed["beta-festival"]] == ["title"]
    assert main(["diff", str(path)]) == 0
    assert "    title: Beta festival years → Beta festival" in capsys.readouterr().out
