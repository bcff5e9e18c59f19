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

from .changes import event_records
from .history import in_git
from .loader import load_dataset
from .problems import EventFileError, Problem
from .snapshot import write_snapshot
from .snapshot_file import write_atomically
from .store import CHANGED, UNWRITABLE, Store, reason


def build(folder: Path, version: str, paths: list[str]) -> int:
    """Validate the files; write snapshot-<version>.arrow, or problems-<version>.json listing why not.

    A folder that refuses the file (full, read-only) is said on stderr, in one line, with its own
    exit status: the server reports it as an unwritable cache, not as a problem of the data.
    """
    store = Store(paths, folder)
    try:
        if store.version() != version:
            return CHANGED
        dataset, problems = load_dataset(paths), None
    except EventFileError as error:
        dataset, problems = None, error.problems
    except OSError as error:
        name = Path(str(error.filename)).name if error.filename else "event files"
        dataset, problems = None, [Problem(name, 1, 1, f"cannot read the file: {reason(error)}")]
    try:
        if store.version() != version:
            return CHANGED
    except OSError:
        return CHANGED
    try:
        if problems is not None:
            text = json.dumps([asdict(problem) for problem in problems], ensure_ascii=False)
            write_atomically(store.problems_path(version), text)
        else:
            if not in_git(store.files()):  # the ledger's copy of the events, for later differences
                records = json.dumps(event_records(dataset), ensure_ascii=False, separators=(",", ":"))
                write_atomically(store.records_path(version), records)
            write_snapshot(dataset, store.snapshot_path(version))
    except OSError as error:
        print(reason(error), file=sys.stderr)
        return UNWRITABLE
    return 0


def main(argv: list[str]) -> int:
    # Loading makes millions of objects and no cycles; the collector's scans of them cost a quarter
    # of the time. This process only validates and then exits, so the collector stays off here.
    gc.disable()
    folder, version, *paths = argv
    return build(Path(folder), version, paths)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
