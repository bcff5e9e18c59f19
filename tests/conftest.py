"""Shared fixtures: the bundled dataset and the small second one; a snapshot cache per test."""

from pathlib import Path

import pytest

from dashboard.core.loader import BUNDLED_EVENTS, load_dataset
from dashboard.core.store import CACHE_VAR

TESTS = Path(__file__).parent
MINI = TESTS / "data" / "cold-war-mini.yaml"


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory):
    """Apps built by module- or session-scoped fixtures write snapshots here, never to ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VAR, str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def snapshot_cache(tmp_path, monkeypatch):
    """Each test its own snapshot cache, so no test sees another's versions."""
    folder = tmp_path / "snapshot-cache"
    monkeypatch.setenv(CACHE_VAR, str(folder))
    return folder


@pytest.fixture(scope="session")
def bundled():
    return load_dataset([BUNDLED_EVENTS])


@pytest.fixture(scope="session")
def mini():
    return load_dataset([MINI])
