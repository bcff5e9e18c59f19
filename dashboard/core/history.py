"""The versions a chronology has had, from git when its event files live in a repository.

Git is the record that survives restarts and a deleted cache, and a briefing can cite its commits.
dulwich reads the repository in pure Python, so a server without the `git` program (a slim
container) has the same history. Each version is a data version as the server computes it
(store.data_version), so a version named on a page is found here. Files outside a repository
have no history (None); the working copy, when it differs from the last commit, is the newest
version ("uncommitted").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dulwich.errors import NotGitRepository
from dulwich.object_store import tree_lookup_path
from dulwich.repo import Repo

from .changes import event_records
from .loader import load_dataset
from .store import data_version

UNCOMMITTED = "uncommitted"


@dataclass(frozen=True)
class Version:
    """One version of the event files: its data version, when it became current, and where it is."""

    id: str
    when: dt.datetime
    commit: str  # the git commit holding it, or UNCOMMITTED for the files on disk


class History:
    """The versions of a set of event files (oldest first) and the events of each."""

    def __init__(self, files: Sequence[Path], repo: Repo, paths: Sequence[str]):
        self.files, self.repo, self.paths = list(files), repo, list(paths)

    def __enter__(self) -> History:
        return self

    def __exit__(self, *_exc) -> None:
        self.repo.close()

    @classmethod
    def of(cls, files: Sequence[Path]) -> History | None:
        """The history of these files, or None when they are not all in one git repository."""
        if not files:
            return None
        try:
            repo = Repo.discover(str(Path(files[0]).resolve().parent))
        except NotGitRepository:
            return None
        root = Path(repo.path).resolve()
        try:
            paths = [Path(file).resolve().relative_to(root).as_posix() for file in files]
        except ValueError:
            return None
        return cls(files, repo, paths)

    def _blobs(self, commit: str) -> list[tuple[str, bytes]]:
        """Each file's name and content at a commit (a file not there yet is left out)."""
        tree = self.repo[commit.encode()].tree
        found = []
        for file, path in zip(self.files, self.paths, strict=True):
            try:
                _mode, sha = tree_lookup_path(self.repo.get_object, tree, path.encode())
            except KeyError:
                continue
            found.append((Path(file).name, self.repo[sha].data))
        return found

    def fingerprint(self) -> str:
        """Changes exactly when new commits could add versions: the head commit."""
        try:
            return self.repo.head().decode()
        except KeyError:  # no commits yet
            return ""

    def _disk(self) -> list[tuple[str, bytes]]:
        return [(Path(file).name, Path(file).read_bytes()) for file in self.files]

    def versions(self) -> list[Version]:
        """Every version, oldest first: a commit that changed none of the files adds none."""
        try:
            walker = self.repo.get_walker(paths=[path.encode() for path in self.paths], reverse=True)
            entries = [entry.commit for entry in walker]
        except KeyError:  # a repository with no commits yet
            entries = []
        versions: list[Version] = []
        for commit in entries:
            version = _version(self._blobs(commit.id.decode()))
            if versions and versions[-1].id == version:
                continue
            when = dt.datetime.fromtimestamp(commit.commit_time, dt.UTC)
            versions.append(Version(version, when, commit.id.decode()))
        on_disk = _version(self._disk())
        if not versions or versions[-1].id != on_disk:
            changed = max(Path(file).stat().st_mtime for file in self.files)
            versions.append(Version(on_disk, dt.datetime.fromtimestamp(changed, dt.UTC), UNCOMMITTED))
        return versions

    def records(self, version: Version) -> dict[str, dict]:
        """The events of a version, by id, as their file writes them (validated as the server does)."""
        if version.commit == UNCOMMITTED:
            return event_records(load_dataset(self.files))
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for index, (name, data) in enumerate(self._blobs(version.commit)):
                path = Path(folder) / f"{index:04d}" / name  # each file keeps its own name
                path.parent.mkdir()
                path.write_bytes(data)
                paths.append(path)
            return event_records(load_dataset(paths))


def in_git(files: Sequence[Path]) -> bool:
    """Whether git holds these files' history (else the server's ledger must: core/ledger.py)."""
    history = History.of(files)
    if history is None:
        return False
    with history:
        return True


def _version(blobs: list[tuple[str, bytes]]) -> str:
    return data_version((name, hashlib.sha256(data).hexdigest()) for name, data in blobs)


def find(versions: Sequence[Version], since: str) -> Version | None:
    """The version `since` names: a data version (or its first 6+ characters), a commit, or a date
    (YYYY-MM-DD: the version current when that day began). None if none matches."""
    text = since.strip().lower()
    try:
        day = dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), dt.UTC)
    except ValueError:
        day = None
    if day is not None:
        before = [version for version in versions if version.when < day]
        return before[-1] if before else None
    if len(text) < 6:
        return None
    for version in reversed(versions):
        if version.id.startswith(text) or version.commit.startswith(text):
            return version
    return None
