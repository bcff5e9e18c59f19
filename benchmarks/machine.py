"""What the numbers were measured on: CPU, cores, memory, load, Python and package versions."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "dash",
    "plotly",
    "pandas",
    "numpy",
    "pyyaml",
    "pydantic",
    "gunicorn",
    "flask-compress",
    "playwright",
)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return platform.processor() or "unknown"


def _memory_gib() -> float | None:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024**2, 1)
    return None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    """The project's commit, marked '+ changes' when dashboard/ differs from it."""
    git = ["git", "--no-optional-locks", "-C", str(Path(__file__).resolve().parent.parent)]
    try:  # --no-optional-locks: never take the index lock from under someone committing
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True)
        status = subprocess.run(
            [*git, "status", "--porcelain", "--", "dashboard", "assets"], capture_output=True
        )
    except OSError:
        return "unknown"
    if head.returncode:
        return "unknown"
    return head.stdout.decode().strip() + (" + uncommitted changes" if status.stdout.strip() else "")


def describe() -> dict:
    """The machine and software, as a flat dict for the report."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "load_average_1m": round(load[0], 2) if load else None,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "commit": _commit(),
        "packages": {package: _version(package) for package in PACKAGES},
    }


def chromium_version(executable: str) -> str:
    """The browser's version string, or why it is unknown."""
    try:
        result = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unknown ({error.__class__.__name__})"
    return result.stdout.strip() or "unknown"
