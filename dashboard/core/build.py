"""The child process that validates event files and writes one version's snapshot or problems file.

`python -m dashboard.core.build FOLDER VERSION [PATHS...]`, run by store.Store.ensure. Validating 100k
events peaks near 2 GB; in a child that memory goes back to the operating system when it exits,
and the server's processes keep only the snapshot's columns.
"""

from __future__ import annotations

import gc
import json
import sys
from dataclasses import asdict
from pathlib import Path

from .loader import load_dataset
from .problems import EventFileError, Problem
from .snapshot import write_snapshot
from .store import CHANGED, Store


def build(folder: Path, version: str, paths: list[str]) -> int:
    """Validate the files; write snapshot-<version>.arrow, or problems-<version>.json listing why not."""
    store = Store(paths, folder)
    try:
        if store.version() != version:
            return CHANGED
        dataset, problems = load_dataset(paths), None
    except EventFileError as error:
        dataset, problems = None, error.problems
    except OSError as error:
        dataset, problems = None, [Problem(str(error.filename or paths), 1, 1, error.strerror or str(error))]
    try:
        if store.version() != version:
            return CHANGED
    except OSError:
        return CHANGED
    if problems is not None:
        partial = store.problems_path(version).with_suffix(".partial")
        partial.write_text(json.dumps([asdict(problem) for problem in problems], ensure_ascii=False))
        partial.replace(store.problems_path(version))
    else:
        write_snapshot(dataset, store.snapshot_path(version))
    return 0


def main(argv: list[str]) -> int:
    # Loading makes millions of objects and no cycles; the collector's scans of them cost a quarter
    # of the time. This process only validates and then exits, so the collector stays off here.
    gc.disable()
    folder, version, *paths = argv
    return build(Path(folder), version, paths)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
