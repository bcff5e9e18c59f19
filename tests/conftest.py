"""Shared fixtures: the bundled dataset and the small second one."""

from pathlib import Path

import pytest

from dashboard.loader import BUNDLED_EVENTS, load_dataset

TESTS = Path(__file__).parent
MINI = TESTS / "data" / "cold-war-mini.yaml"


@pytest.fixture(scope="session")
def bundled():
    return load_dataset([BUNDLED_EVENTS])


@pytest.fixture(scope="session")
def mini():
    return load_dataset([MINI])
