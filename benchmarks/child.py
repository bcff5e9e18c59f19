"""Run one measurement in a fresh interpreter and read the JSON it prints."""

from __future__ import annotations

import json
import subprocess
import sys

TIMEOUT_S = 420


def run_json(module: str, *args: str, timeout_s: float = TIMEOUT_S) -> dict:
    """`python -m module args...`: its JSON output, or an error carrying the end of its stderr."""
    command = [sys.executable, "-m", module, *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)
