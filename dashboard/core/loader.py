"""Find and load event files: argument > TIMELINE_EVENTS > the bundled events/ folder."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from .era_checks import era_problems
from .file_text import not_a_file
from .model import Dataset
from .problems import EventFileError, Problem
from .resources import BUNDLED_EVENTS
from .validation import ParsedFile, cross_problems, merge, validate_file
from .yaml_source import read_yaml

log = logging.getLogger(__name__)
_warned: set[tuple[str, str]] = set()  # skipped folder entries already logged, with the reason

ENV_VAR = "TIMELINE_EVENTS"
_SUFFIXES = (".yaml", ".yml")


def event_paths(arguments: Iterable[str | os.PathLike] = (), environ: dict | None = None) -> list[Path]:
    """The paths to load: the given ones, else TIMELINE_EVENTS (':'-separated), else events/."""
    chosen = [Path(argument) for argument in arguments]
    if not chosen:
        value = (os.environ if environ is None else environ).get(ENV_VAR, "")
        chosen = [Path(part) for part in value.split(os.pathsep) if part.strip()]
    return chosen or [BUNDLED_EVENTS]


def expand(paths: Iterable[Path]) -> list[Path]:
    """Every event file named: files as given, folders as their *.yaml / *.yml files.

    A path named outright is kept: reading it reports a problem if it is a FIFO, a device or
    missing. In a folder, an entry that is no regular file (a FIFO, a broken link or a link loop,
    such as the lock an editor leaves beside a file it edits) is skipped with a logged warning
    naming it (once per process: the data version is checked every 2 s): refusing it would stop a
    live edit, and skipping it silently would hide a file the user thinks is loaded.
    """
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for child in sorted(child for child in path.iterdir() if child.suffix in _SUFFIXES):
            problem = not_a_file(child)
            if problem is None:
                files.append(child)
            elif (str(child), problem) not in _warned:
                _warned.add((str(child), problem))
                log.warning("Skipped %s: %s", child, problem)
    return files


def load_dataset(paths: Iterable[str | os.PathLike] = ()) -> Dataset:
    """Load, validate and merge event files; raise EventFileError listing every problem.

    A server validates in a child process (dashboard/core/build.py), which pauses the garbage collector.
    """
    files = expand(event_paths(paths))
    if not files:
        names = ", ".join(str(path) for path in event_paths(paths))
        raise EventFileError([Problem(names, 1, 1, "no .yaml or .yml event files found here")])
    problems: list[Problem] = []
    parsed_files: list[ParsedFile] = []
    datasets: list[Dataset] = []
    for path in files:
        try:
            data, root, duplicates = read_yaml(path)
        except EventFileError as error:
            problems += error.problems
            continue
        problems += duplicates
        parsed = ParsedFile(str(path), data, root)
        parsed_files.append(parsed)
        dataset, file_problems = validate_file(parsed)
        problems += file_problems
        if dataset is not None:
            datasets.append(dataset)
    problems += cross_problems(parsed_files) + era_problems(parsed_files)
    if problems:
        raise EventFileError(problems)
    return merge(datasets)
