"""Where the bundled assets/ and events/ are: inside the installed package (the wheel maps them
there), else beside the package folder, as in a checkout of the repository."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # dashboard/, this file being dashboard/core/resources.py


def bundled(name: str) -> Path:
    """The folder `name` as the wheel installs it, else as the repository holds it."""
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / name


ASSETS = bundled("assets")
BUNDLED_EVENTS = bundled("events")
